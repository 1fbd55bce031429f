using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Diagnostics;
using VietUsTrade.Sim.Policy;

namespace VietUsTrade.Sim.Projection;

/// <summary>
/// Steps 3–5 of the preparation (regime timeline, fixed-weight ETRs, response tables) and their precomputed copies for
/// the bundled presets (issue 17 item 2).
/// </summary>
/// <remarks>
/// <para>
/// <b>What is cached.</b> The embedded resource <c>VietUsTrade.Sim.projection-prepared.bin.gz</c> holds, for each bundled
/// preset with the default <see cref="ProjectionOptions"/> and the window the CLI's <c>project</c> uses (2025-01..2030-12),
/// and for the window of <c>backtest --rolling 2024-06..2025-08 --horizon 3</c> on real-2025-2026
/// (<see cref="PrecomputedSpecs"/>), exactly what steps 3–5 return: the regime starts and the regime of each month, the
/// transshipment share grid, the number of rate dates, the fixed-weight ETRs (total and by NAICS-3 sector), the 2024
/// imports by supplier and every regime's level table L_j node by node (the differences D_j are recomputed from them by
/// the same code as a fresh computation). The level tables are stored per tariff vector — one per regime, or per regime
/// and share node when the transshipment share matters — once however many entries use it, under a key of their own
/// (<see cref="PrecomputedTableKey"/>), so any scenario, a user's file included, reads the tables of the vectors it
/// shares with a preset (the same history with one changed measure shares most) and tabulates only the others. Doubles
/// are stored as their IEEE bits, so a hit is bit-identical to computing.
/// </para>
/// <para>
/// <b>Why it is safe.</b> Each scenario entry is keyed by the SHA-256 (<see cref="PrecomputedKey"/>) of everything the
/// three steps read: a code-version constant of the algorithms (<see cref="PrecomputedAlgorithmVersion"/>), the SHA-256 of
/// the embedded baseline dataset's and policy library's resource bytes (a caller's own dataset or library never hits),
/// the scenario's canonical JSON (<see cref="ScenarioJson.Write"/>: every measure field, so a user scenario or an edited
/// preset misses), the first month and the number of months, the σ set, the number of elasticity and share nodes, and
/// the grid constants. Each table is keyed by the SHA-256 of everything its rows depend on: the algorithm version, the
/// same resource hashes, the σ set, the elasticity grid (nodes and constants), the 2024 rate of every cell (the PE
/// problem's t0) and the tariff vector's IEEE bits (<see cref="PrecomputedTablePrefix"/>); the rows of one vector do not
/// depend on the other vectors tabulated with it (<see cref="LineMajorTabulation"/>). Any other input — a non-default
/// grid, another σ set, a vector no preset has — simply computes as before. A change of the model code that alters the
/// tables without regenerating the resource is caught by the test <c>PrecomputedPreparationTests</c>, which recomputes
/// entries and user-like scenarios fresh and compares them bit for bit; regenerate with
/// <c>dotnet run --project tools/VietUsTrade.Sim.DataBuild -c Release -- prepared</c> (and bump
/// <see cref="PrecomputedAlgorithmVersion"/> when the algorithm changes).
/// </para>
/// </remarks>
public sealed partial class ProjectionModel
{
    /// <summary>The code version of the regime timeline, ETR and PE tabulation algorithms, part of every precomputed key; bump it (and regenerate) when they change.</summary>
    internal const int PrecomputedAlgorithmVersion = 2;

    /// <summary>The logical name of the embedded precomputed preparation.</summary>
    internal const string PrecomputedResourceName = "VietUsTrade.Sim.projection-prepared.bin.gz";

    private const string PrecomputedMagic = "VUS-PREP3";

    private static readonly Lazy<(byte[] Dataset, byte[] Library)> ResourceHashes = new(() =>
        (HashResource(BaselineDataset.ResourceName), HashResource(PolicyLibrary.ResourceName)), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The (scenario, options) pairs whose preparation is embedded: every bundled preset with the default options of
    /// <c>project</c> (the default horizon; the first month 2025-01 of every as-of month from 2024-12), and real-2025-2026
    /// as <c>backtest --rolling 2024-06..2025-08 --horizon 3</c> prepares it (as of 2024-06, horizon 2025-11).
    /// </summary>
    internal static IReadOnlyList<(string Preset, ProjectionOptions Options)> PrecomputedSpecs { get; } =
        [.. Presets.Names.Select(n => (n, ProjectionOptions.Default)), ("real-2025-2026", new ProjectionOptions(Horizon: new DateOnly(2025, 11, 1), AsOf: new DateOnly(2024, 6, 1)))];

    /// <summary>The key of an embedded entry for these inputs, or null when they can have none (a dataset or library not read from the embedded resources).</summary>
    internal static byte[]? PrecomputedKey(BaselineDataset baseline, Scenario scenario, ProjectionOptions options, PolicyLibrary library, DateOnly first, int months)
    {
        if (!baseline.IsEmbedded || !library.IsEmbedded)
        {
            return null;
        }

        using var h = new KeyHash();
        h.Bytes(Encoding.UTF8.GetBytes("VietUsTrade.Sim projection preparation (regime timeline, fixed-weight ETRs, PE response tables)"));
        h.Int(PrecomputedAlgorithmVersion);
        var (datasetHash, libraryHash) = ResourceHashes.Value;
        h.Bytes(datasetHash);
        h.Bytes(libraryHash);
        PhaseTimings.Mark("create: precomputed key: resource hashes");
        h.Bytes(Encoding.UTF8.GetBytes(ScenarioJson.Write(scenario)));
        h.Int(first.DayNumber);
        h.Int(months);
        h.Bytes(Encoding.UTF8.GetBytes(options.Sigma.ToString()));
        h.Int(options.GridNodes);
        h.Int(options.TransshipmentNodes);
        h.Dbl(MinLogScale);
        h.Dbl(MaxLogScale);
        h.Dbl(DefaultTransshipmentGridMax);
        return h.Hash();
    }

    private static byte[] HashResource(string name)
    {
        using var stream = typeof(ProjectionModel).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"The embedded resource {name} is missing.");
        return SHA256.HashData(stream);
    }

    /// <summary>
    /// The prefix of every table key (<see cref="PrecomputedTableKey"/>): the SHA-256 of the algorithm version, the
    /// embedded dataset's and library's hashes, the σ set, the elasticity grid and the 2024 rates of every cell (the PE
    /// problem's t0); null when the dataset or library is not the embedded one (or on a big-endian machine).
    /// </summary>
    internal static byte[]? PrecomputedTablePrefix(BaselineDataset baseline, PolicyLibrary library, ProjectionOptions options, double[] baseRates)
    {
        if (!baseline.IsEmbedded || !library.IsEmbedded || !BitConverter.IsLittleEndian)
        {
            return null;
        }

        using var h = new KeyHash();
        h.Bytes(Encoding.UTF8.GetBytes("VietUsTrade.Sim projection response table (one tariff vector: rows on the elasticity grid)"));
        h.Int(PrecomputedAlgorithmVersion);
        var (datasetHash, libraryHash) = ResourceHashes.Value;
        h.Bytes(datasetHash);
        h.Bytes(libraryHash);
        h.Bytes(Encoding.UTF8.GetBytes(options.Sigma.ToString()));
        h.Int(options.GridNodes);
        h.Int(BitConverter.DoubleToInt64Bits(MinLogScale));
        h.Int(BitConverter.DoubleToInt64Bits(MaxLogScale));
        h.Bytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(baseRates.AsSpan()));
        return h.Hash();
    }

    /// <summary>The key of the table of one tariff vector (cells in the dataset's order): SHA-256 of the prefix and the vector's IEEE bits.</summary>
    internal static byte[] PrecomputedTableKey(byte[] prefix, double[] tariffs)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        h.AppendData(prefix);
        h.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(tariffs.AsSpan()));
        return h.GetHashAndReset();
    }

    /// <summary>SHA-256 over length-prefixed fields, as the precomputed keys are made: integers as 8 little-endian bytes, doubles as their IEEE bits, byte strings after their length.</summary>
    private sealed class KeyHash : IDisposable
    {
        private readonly IncrementalHash _h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly byte[] _b8 = new byte[8];

        public void Int(long v)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(_b8, v);
            _h.AppendData(_b8);
        }

        public void Dbl(double v) => Int(BitConverter.DoubleToInt64Bits(v));

        public void Bytes(ReadOnlySpan<byte> b)
        {
            Int(b.Length);
            _h.AppendData(b);
        }

        public byte[] Hash() => _h.GetHashAndReset();

        public void Dispose() => _h.Dispose();
    }

    /// <summary>The header of the embedded resource: the scenario entries (key, payload length, the tables they use) and the tables (key, payload length).</summary>
    private sealed record PrecomputedIndex(string[] ScenarioKeys, int[] ScenarioLengths, int[][] ScenarioTables, string[] TableKeys, int[] TableLengths);

    /// <summary>
    /// Reads the embedded resource: its header, then the payloads <paramref name="select"/> picks from it (scenario
    /// entries, tables). The resource is one gzip stream: the header, the scenario payloads, then the table payloads; a
    /// read stops after the last payload picked. Null when the resource is absent or of another version.
    /// </summary>
    private static (PrecomputedIndex Index, byte[]?[] Scenarios, byte[]?[] Tables)? ReadPrecomputed(Func<PrecomputedIndex, (bool[] Scenarios, bool[] Tables)> select)
    {
        using var stream = typeof(ProjectionModel).Assembly.GetManifestResourceStream(PrecomputedResourceName);
        if (stream is null || !BitConverter.IsLittleEndian)
        {
            return null;
        }

        using var gz = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
        using var r = new BinaryReader(gz);
        if (r.ReadString() != PrecomputedMagic || r.ReadInt32() != PrecomputedAlgorithmVersion)
        {
            return null;
        }

        static InvalidDataException Corrupt() => new("The precomputed projection preparation is corrupt; regenerate it (tools/VietUsTrade.Sim.DataBuild prepared).");
        int Length()
        {
            var n = r.ReadInt32();
            return n is < 0 or > CompressedPayload.MaxDecompressedBytes ? throw Corrupt() : n;
        }

        var count = r.ReadInt32();
        var scenarioKeys = new string[count];
        var scenarioLengths = new int[count];
        var scenarioTables = new int[count][];
        for (var i = 0; i < count; i++)
        {
            scenarioKeys[i] = Convert.ToHexStringLower(r.ReadBytes(32));
            scenarioLengths[i] = Length();
            scenarioTables[i] = new int[Length()];
            for (var k = 0; k < scenarioTables[i].Length; k++)
            {
                scenarioTables[i][k] = r.ReadInt32();
            }
        }

        var tableCount = r.ReadInt32();
        var tableKeys = new string[tableCount];
        var tableLengths = new int[tableCount];
        for (var i = 0; i < tableCount; i++)
        {
            tableKeys[i] = Convert.ToHexStringLower(r.ReadBytes(32));
            tableLengths[i] = Length();
        }

        if (scenarioTables.Any(t => t.Any(k => (uint)k >= (uint)tableCount)))
        {
            throw Corrupt();
        }

        var index = new PrecomputedIndex(scenarioKeys, scenarioLengths, scenarioTables, tableKeys, tableLengths);
        var (pickScenarios, pickTables) = select(index);
        var lengths = scenarioLengths.Concat(tableLengths).ToArray();
        var picked = pickScenarios.Concat(pickTables).ToArray();
        var payloads = new byte[]?[lengths.Length];
        var last = Array.LastIndexOf(picked, true);
        var skip = new byte[81920];
        for (var i = 0; i <= last; i++)
        {
            if (picked[i])
            {
                payloads[i] = r.ReadBytes(lengths[i]);
                if (payloads[i]!.Length != lengths[i])
                {
                    throw new InvalidDataException("The precomputed projection preparation is truncated; regenerate it (tools/VietUsTrade.Sim.DataBuild prepared).");
                }
            }
            else
            {
                for (var left = lengths[i]; left > 0; left -= skip.Length)
                {
                    gz.ReadExactly(skip, 0, Math.Min(left, skip.Length));
                }
            }
        }

        return (index, payloads[..count], payloads[count..]);
    }

    /// <summary>The embedded scenario entry with this key and its tables (in the order of its regimes and share nodes), or null.</summary>
    private static (byte[] Payload, double[][] Tables)? ReadPrecomputedEntry(string hexKey)
    {
        var read = ReadPrecomputed(ix =>
        {
            var scenarios = ix.ScenarioKeys.Select(k => k == hexKey).ToArray();
            var tables = new bool[ix.TableKeys.Length];
            var i = Array.IndexOf(ix.ScenarioKeys, hexKey);
            if (i >= 0)
            {
                foreach (var t in ix.ScenarioTables[i])
                {
                    tables[t] = true;
                }
            }

            return (scenarios, tables);
        });
        if (read is not { } res || Array.IndexOf(res.Index.ScenarioKeys, hexKey) is var i && i < 0)
        {
            return null;
        }

        return (res.Scenarios[i]!, res.Index.ScenarioTables[i].Select(t => TableRows(res.Tables[t]!)).ToArray());
    }

    /// <summary>The embedded rows of each tariff vector with one (by key; null where none), each checked to hold <paramref name="rowValues"/> values.</summary>
    private static double[]?[] ReadPrecomputedTables(byte[][] keys, int rowValues)
    {
        var hex = keys.Select(Convert.ToHexStringLower).ToArray();
        var result = new double[]?[keys.Length];
        var read = ReadPrecomputed(ix =>
        {
            var wanted = hex.ToHashSet(StringComparer.Ordinal);
            return (new bool[ix.ScenarioKeys.Length], ix.TableKeys.Select(wanted.Contains).ToArray());
        });
        if (read is not { } res)
        {
            return result;
        }

        for (var k = 0; k < keys.Length; k++)
        {
            var t = Array.IndexOf(res.Index.TableKeys, hex[k]);
            if (t >= 0)
            {
                var rows = TableRows(res.Tables[t]!);
                result[k] = rows.Length == rowValues ? rows
                    : throw new InvalidDataException("The precomputed projection preparation is inconsistent with its key; regenerate it (tools/VietUsTrade.Sim.DataBuild prepared).");
            }
        }

        return result;
    }

    /// <summary>A table payload's doubles (IEEE bits, little-endian).</summary>
    private static double[] TableRows(byte[] payload) =>
        payload.Length % sizeof(double) == 0
            ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(payload).ToArray()
            : throw new InvalidDataException("The precomputed projection preparation is corrupt; regenerate it (tools/VietUsTrade.Sim.DataBuild prepared).");

    /// <summary>
    /// The embedded scenario entries (hex key → serialized <see cref="PreparedRegimes"/> with its tables put back in, as
    /// <see cref="PreparedRegimes.Serialize"/> writes a fresh computation), for the tests.
    /// </summary>
    internal static IReadOnlyDictionary<string, byte[]> PrecomputedEntriesForTests
    {
        get
        {
            var read = ReadPrecomputed(ix => (ix.ScenarioKeys.Select(_ => true).ToArray(), ix.TableKeys.Select(_ => true).ToArray()));
            var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            if (read is { } res)
            {
                for (var i = 0; i < res.Index.ScenarioKeys.Length; i++)
                {
                    var tables = res.Index.ScenarioTables[i].Select(t => TableRows(res.Tables[t]!)).ToArray();
                    result[res.Index.ScenarioKeys[i]] = PreparedRegimes.Deserialize(res.Scenarios[i]!, null, tables).Serialize(withTables: true);
                }
            }

            return result;
        }
    }

    /// <summary>The keys of the embedded tables (hex), for the tests.</summary>
    internal static IReadOnlyList<string> PrecomputedTableKeysForTests =>
        ReadPrecomputed(ix => (new bool[ix.ScenarioKeys.Length], new bool[ix.TableKeys.Length]))?.Index.TableKeys ?? [];

    /// <summary>
    /// Computes every entry of <see cref="PrecomputedSpecs"/> afresh (never from the resource) and returns the resource
    /// file's bytes (gzip); used by tools/VietUsTrade.Sim.DataBuild (<c>prepared</c>). The tables of the tariff vectors
    /// the entries share are stored once.
    /// </summary>
    internal static byte[] BuildPrecomputedResource(Action<string>? log = null)
    {
        var baseline = BaselineDataset.LoadEmbedded();
        var library = PolicyLibrary.LoadEmbedded();
        var entries = new List<(byte[] Key, byte[] Payload, int[] Tables)>();
        var tableKeys = new List<byte[]>();
        var tablePayloads = new List<byte[]>();
        var tableIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (preset, options) in PrecomputedSpecs)
        {
            var (key, scenario, first, months) = PrecomputedSpecKey(baseline, library, preset, options);
            var regimes = PreparedRegimes.Compute(baseline, scenario, options, library, first, months, null, useEmbeddedTables: false, CancellationToken.None);
            var keys = regimes.TableKeys ?? throw new InvalidOperationException("The embedded dataset and library must be used to build the precomputed preparation.");
            var refs = new List<int>();
            var added = 0;
            for (var j = 0; j < regimes.Level.Length; j++)
            {
                var t = regimes.Level[j];
                var size = t.XNodes * t.Outputs;
                for (var si = 0; si < t.SNodes; si++)
                {
                    var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(t.Data.Slice(si * size, size)).ToArray();
                    var hex = Convert.ToHexStringLower(keys[j][si]);
                    if (tableIndex.TryGetValue(hex, out var existing))
                    {
                        if (!bytes.AsSpan().SequenceEqual(tablePayloads[existing]))
                        {
                            throw new InvalidOperationException($"{preset}: two tabulations of the same tariff vector differ (key {hex[..12]}…).");
                        }
                    }
                    else
                    {
                        existing = tablePayloads.Count;
                        tableIndex[hex] = existing;
                        tableKeys.Add(keys[j][si]);
                        tablePayloads.Add(bytes);
                        added++;
                    }

                    refs.Add(existing);
                }
            }

            var payload = regimes.Serialize(withTables: false);
            entries.Add((key, payload, refs.ToArray()));
            log?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"{preset} (horizon {options.HorizonMonth:yyyy-MM}, as of {options.AsOfMonth?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "none"}): {payload.Length:N0} bytes, {refs.Count} tables ({added} new), key {Convert.ToHexStringLower(key)[..12]}…"));
        }

        using var raw = new MemoryStream();
        using (var w = new BinaryWriter(raw, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(PrecomputedMagic);
            w.Write(PrecomputedAlgorithmVersion);
            w.Write(entries.Count);
            foreach (var (key, payload, tables) in entries)
            {
                w.Write(key);
                w.Write(payload.Length);
                w.Write(tables.Length);
                foreach (var t in tables)
                {
                    w.Write(t);
                }
            }

            w.Write(tableKeys.Count);
            for (var i = 0; i < tableKeys.Count; i++)
            {
                w.Write(tableKeys[i]);
                w.Write(tablePayloads[i].Length);
            }

            foreach (var (_, payload, _) in entries)
            {
                w.Write(payload);
            }

            foreach (var payload in tablePayloads)
            {
                w.Write(payload);
            }
        }

        using var ms = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(gz);
        }

        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{entries.Count} entries, {tableKeys.Count} distinct tables, {raw.Length:N0} bytes before compression"));
        return ms.ToArray();
    }

    /// <summary>One entry of <see cref="PrecomputedSpecs"/> computed afresh (no embedded table read): its key, serialized steps 3–5 (tables included) and the key of every table.</summary>
    internal static (byte[] Key, byte[] Payload, byte[][][] TableKeys) ComputePrecomputedEntry(BaselineDataset baseline, PolicyLibrary library, string preset, ProjectionOptions options)
    {
        var (key, scenario, first, months) = PrecomputedSpecKey(baseline, library, preset, options);
        var regimes = PreparedRegimes.Compute(baseline, scenario, options, library, first, months, null, useEmbeddedTables: false, CancellationToken.None);
        return (key, regimes.Serialize(withTables: true), regimes.TableKeys ?? throw new InvalidOperationException("The embedded dataset and library must be used."));
    }

    /// <summary>
    /// Steps 3–5 of any scenario with the embedded dataset and library (never from a scenario entry of the resource; the
    /// tables from the resource only <paramref name="useEmbeddedTables"/>): the serialized result (tables included) and
    /// the key of every table, [j][si]; for the tests.
    /// </summary>
    internal static (byte[] Payload, byte[][][] TableKeys) PrepareForTests(BaselineDataset baseline, Scenario scenario, ProjectionOptions options, bool useEmbeddedTables)
    {
        var library = PolicyLibrary.LoadEmbedded();
        var (first, months, _) = Window(baseline, options, options.AsOfMonth is null ? null : ObservedTrade.LoadEmbedded());
        var regimes = PreparedRegimes.Compute(baseline, scenario, options, library, first, months, null, useEmbeddedTables, CancellationToken.None);
        return (regimes.Serialize(withTables: true), regimes.TableKeys ?? throw new InvalidOperationException("The embedded dataset and library must be used."));
    }

    /// <summary>The key of one entry of <see cref="PrecomputedSpecs"/> (no computation), with the scenario and window it stands for.</summary>
    internal static (byte[] Key, Scenario Scenario, DateOnly First, int Months) PrecomputedSpecKey(BaselineDataset baseline, PolicyLibrary library, string preset, ProjectionOptions options)
    {
        var scenario = Presets.Get(preset);
        var (first, months, _) = Window(baseline, options, options.AsOfMonth is null ? null : ObservedTrade.LoadEmbedded());
        var key = PrecomputedKey(baseline, scenario, options, library, first, months)
            ?? throw new InvalidOperationException("The embedded dataset and library must be used to build the precomputed preparation.");
        return (key, scenario, first, months);
    }

    /// <summary>Steps 3–5 of the preparation: the regime timeline's outputs, the fixed-weight ETRs and the response tables.</summary>
    private sealed record PreparedRegimes(int[] Starts, int[] RegimeOfMonth, bool HasTransshipment, double CentralShare, double ShareMax, int RateDates,
        FixedWeightEtrs Etr, double[] SupplierBase, ResponseTable[] Level, ResponseTable[] Diff, byte[][][]? TableKeys)
    {
        /// <summary>The embedded copy when the key matches (and <paramref name="ratesFollowScenario"/> is null), else a computation that reads the embedded tables of the tariff vectors that have one.</summary>
        public static PreparedRegimes Get(BaselineDataset baseline, Scenario scenario, ProjectionOptions options, PolicyLibrary library, DateOnly first, int months,
            Func<int, bool>? ratesFollowScenario, CancellationToken cancellationToken)
        {
            if (ratesFollowScenario is null && PrecomputedKey(baseline, scenario, options, library, first, months) is { } key)
            {
                PhaseTimings.Mark("create: precomputed key");
                var entry = ReadPrecomputedEntry(Convert.ToHexStringLower(key));
                PhaseTimings.Mark(entry is not null ? "create: precomputed entry read (hit)" : "create: precomputed entry (miss)");
                if (entry is { } e)
                {
                    var hit = Deserialize(e.Payload, options.GridNodes, e.Tables);
                    PhaseTimings.Mark("create: precomputed tables read");
                    return hit;
                }
            }

            return Compute(baseline, scenario, options, library, first, months, ratesFollowScenario, useEmbeddedTables: true, cancellationToken);
        }

        /// <summary>Steps 3–5 computed (the response tables of tariff vectors with an embedded table read from it when <paramref name="useEmbeddedTables"/>).</summary>
        public static PreparedRegimes Compute(BaselineDataset baseline, Scenario scenario, ProjectionOptions options, PolicyLibrary library, DateOnly first, int months,
            Func<int, bool>? ratesFollowScenario, bool useEmbeddedTables, CancellationToken cancellationToken)
        {
            var timeline = RegimeTimeline.Build(baseline, scenario, options, library, first, months, ratesFollowScenario, cancellationToken);
            PhaseTimings.Mark("create: regime timeline");

            // Step 4 reads the timeline only and step 5 does not write it: the ETRs are computed on another thread while the
            // tables are tabulated (the same values as in sequence; a failure of step 4 is reported first, as in sequence).
            var etrTask = Task.Run(() =>
            {
                var e = FixedWeightEtrs.Compute(baseline, timeline);
                PhaseTimings.Mark("create (2nd thread): fixed-weight ETRs");
                return e;
            }, CancellationToken.None);
            RegimeTables tables;
            try
            {
                tables = RegimeTables.Tabulate(baseline, options, library, first, timeline, useEmbeddedTables, cancellationToken);
            }
            catch (Exception) when (etrTask.Exception is not null || !etrTask.IsCompleted)
            {
                Task.WaitAny([etrTask], CancellationToken.None);
                if (etrTask.Exception is { } earlier)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(earlier.InnerException ?? earlier);
                }

                throw;
            }

            PhaseTimings.Mark("create: response tables");
            var etr = etrTask.GetAwaiter().GetResult();
            PhaseTimings.Mark("create: fixed-weight ETRs joined");
            return new PreparedRegimes(timeline.Starts, timeline.RegimeOfMonth, timeline.HasTransshipment, timeline.CentralShare, timeline.ShareMax, timeline.RateDates,
                etr, tables.SupplierBase, tables.Level, tables.Diff, tables.TableKeys);
        }

        /// <summary>Every field except the differences (recomputed on reading) and the table keys, doubles as IEEE bits; the level tables' values only <paramref name="withTables"/> (else they are stored as tables of their own).</summary>
        public byte[] Serialize(bool withTables)
        {
            using var ms = new MemoryStream();
            using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
            {
                static void Ints(BinaryWriter w, int[] a)
                {
                    w.Write(a.Length);
                    foreach (var v in a)
                    {
                        w.Write(v);
                    }
                }

                static void Doubles(BinaryWriter w, ReadOnlySpan<double> a)
                {
                    w.Write(a.Length);
                    foreach (var v in a)
                    {
                        w.Write(BitConverter.DoubleToInt64Bits(v));
                    }
                }

                static void Jagged(BinaryWriter w, double[][] a)
                {
                    w.Write(a.Length);
                    foreach (var v in a)
                    {
                        Doubles(w, v);
                    }
                }

                Ints(w, Starts);
                Ints(w, RegimeOfMonth);
                w.Write(HasTransshipment);
                w.Write(BitConverter.DoubleToInt64Bits(CentralShare));
                w.Write(BitConverter.DoubleToInt64Bits(ShareMax));
                w.Write(RateDates);
                Doubles(w, Etr.Etr0);
                w.Write(ReferenceEquals(Etr.Etr1, Etr.Etr0));
                if (!ReferenceEquals(Etr.Etr1, Etr.Etr0))
                {
                    Doubles(w, Etr.Etr1);
                }

                w.Write(BitConverter.DoubleToInt64Bits(Etr.BaseEtr));
                w.Write(Etr.SectorCodes.Length);
                foreach (var c in Etr.SectorCodes)
                {
                    w.Write(c);
                }

                Jagged(w, Etr.SectorEtr0);
                w.Write(ReferenceEquals(Etr.SectorEtr1, Etr.SectorEtr0));
                if (!ReferenceEquals(Etr.SectorEtr1, Etr.SectorEtr0))
                {
                    Jagged(w, Etr.SectorEtr1);
                }

                Doubles(w, Etr.SectorBaseEtr);
                Doubles(w, SupplierBase);
                w.Write(Level.Length);
                foreach (var t in Level)
                {
                    w.Write(BitConverter.DoubleToInt64Bits(t.XMin));
                    w.Write(BitConverter.DoubleToInt64Bits(t.XMax));
                    w.Write(t.XNodes);
                    w.Write(BitConverter.DoubleToInt64Bits(t.SMax));
                    w.Write(t.SNodes);
                    w.Write(t.Outputs);
                    if (withTables)
                    {
                        Doubles(w, t.Data);
                    }
                }
            }

            return ms.ToArray();
        }

        /// <summary>
        /// The inverse of <see cref="Serialize"/>; the differences are recomputed as in <see cref="RegimeTables.Tabulate"/>.
        /// With <paramref name="tables"/> (a payload written without them) the level tables' values are the concatenation of
        /// those rows, one per regime and share node in order.
        /// </summary>
        public static PreparedRegimes Deserialize(byte[] payload, int? gridNodes, double[][]? tables)
        {
            using var r = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
            int[] Ints()
            {
                var a = new int[r.ReadInt32()];
                for (var i = 0; i < a.Length; i++)
                {
                    a[i] = r.ReadInt32();
                }

                return a;
            }

            double Dbl() => BitConverter.Int64BitsToDouble(r.ReadInt64());
            double[] Doubles()
            {
                var a = new double[r.ReadInt32()];
                for (var i = 0; i < a.Length; i++)
                {
                    a[i] = Dbl();
                }

                return a;
            }

            double[][] Jagged()
            {
                var a = new double[r.ReadInt32()][];
                for (var i = 0; i < a.Length; i++)
                {
                    a[i] = Doubles();
                }

                return a;
            }

            var starts = Ints();
            var regimeOfMonth = Ints();
            var hasTrans = r.ReadBoolean();
            var centralShare = Dbl();
            var shareMax = Dbl();
            var rateDates = r.ReadInt32();
            var etr0 = Doubles();
            var etr1 = r.ReadBoolean() ? etr0 : Doubles();
            var baseEtr = Dbl();
            var sectorCodes = new string[r.ReadInt32()];
            for (var i = 0; i < sectorCodes.Length; i++)
            {
                sectorCodes[i] = r.ReadString();
            }

            var sectorEtr0 = Jagged();
            var sectorEtr1 = r.ReadBoolean() ? sectorEtr0 : Jagged();
            var sectorBaseEtr = Doubles();
            var supplierBase = Doubles();
            static InvalidDataException Inconsistent() =>
                new("The precomputed projection preparation is inconsistent with its key; regenerate it (tools/VietUsTrade.Sim.DataBuild prepared).");
            var next = 0;
            var level = new ResponseTable[r.ReadInt32()];
            for (var j = 0; j < level.Length; j++)
            {
                var xMin = Dbl();
                var xMax = Dbl();
                var xNodes = r.ReadInt32();
                var sMax = Dbl();
                var sNodes = r.ReadInt32();
                var outputs = r.ReadInt32();
                double[] data;
                if (tables is null)
                {
                    data = Doubles();
                }
                else
                {
                    data = new double[sNodes * xNodes * outputs];
                    for (var si = 0; si < sNodes; si++)
                    {
                        var rows = next < tables.Length ? tables[next++] : throw Inconsistent();
                        if (rows.Length != xNodes * outputs)
                        {
                            throw Inconsistent();
                        }

                        rows.CopyTo(data, si * xNodes * outputs);
                    }
                }

                if ((gridNodes is { } gn && xNodes != gn) || data.Length != sNodes * xNodes * outputs)
                {
                    throw Inconsistent();
                }

                level[j] = new ResponseTable(xMin, xMax, xNodes, sMax, sNodes, outputs, data);
            }

            if (tables is not null && next != tables.Length)
            {
                throw Inconsistent();
            }

            var etr = new FixedWeightEtrs(etr0, etr1, baseEtr, sectorCodes, sectorEtr0, sectorEtr1, sectorBaseEtr);
            return new PreparedRegimes(starts, regimeOfMonth, hasTrans, centralShare, shareMax, rateDates, etr, supplierBase, level,
                RegimeTables.Differences(level, shareMax), null);
        }
    }
}
