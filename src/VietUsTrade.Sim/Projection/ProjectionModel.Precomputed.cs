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
/// the same code as a fresh computation). Doubles are stored as their IEEE bits, so a hit is bit-identical to computing.
/// </para>
/// <para>
/// <b>Why it is safe.</b> Each entry is keyed by the SHA-256 (<see cref="PrecomputedKey"/>) of everything the three
/// steps read: a code-version constant of the algorithms (<see cref="PrecomputedAlgorithmVersion"/>), the SHA-256 of
/// the embedded baseline dataset's and policy library's resource bytes (a caller's own dataset or library never hits),
/// the scenario's canonical JSON (<see cref="ScenarioJson.Write"/>: every measure field, so a user scenario or an edited
/// preset misses), the first month and the number of months, the σ set, the number of elasticity and share nodes, and
/// the grid constants. Any other input — a non-default grid, another σ set, horizon or window, a partial-rates model
/// (<see cref="CreateWithRatesOf"/>) — simply computes as before. A change of the model code that alters the tables
/// without regenerating the resource is caught by the test
/// <c>PrecomputedPreparationTests</c>, which recomputes entries fresh and compares them bit for bit; regenerate with
/// <c>dotnet run --project tools/VietUsTrade.Sim.DataBuild -c Release -- prepared</c> (and bump
/// <see cref="PrecomputedAlgorithmVersion"/> when the algorithm changes).
/// </para>
/// </remarks>
public sealed partial class ProjectionModel
{
    /// <summary>The code version of the regime timeline, ETR and PE tabulation algorithms, part of every precomputed key; bump it (and regenerate) when they change.</summary>
    internal const int PrecomputedAlgorithmVersion = 1;

    /// <summary>The logical name of the embedded precomputed preparation.</summary>
    internal const string PrecomputedResourceName = "VietUsTrade.Sim.projection-prepared.bin.gz";

    private const string PrecomputedMagic = "VUS-PREP2";

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

        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var b8 = new byte[8];
        void Int(long v)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(b8, v);
            h.AppendData(b8);
        }

        void Dbl(double v) => Int(BitConverter.DoubleToInt64Bits(v));
        void Bytes(byte[] b)
        {
            Int(b.Length);
            h.AppendData(b);
        }

        Bytes(Encoding.UTF8.GetBytes("VietUsTrade.Sim projection preparation (regime timeline, fixed-weight ETRs, PE response tables)"));
        Int(PrecomputedAlgorithmVersion);
        var (datasetHash, libraryHash) = ResourceHashes.Value;
        Bytes(datasetHash);
        Bytes(libraryHash);
        PhaseTimings.Mark("create: precomputed key: resource hashes");
        Bytes(Encoding.UTF8.GetBytes(ScenarioJson.Write(scenario)));
        Int(first.DayNumber);
        Int(months);
        Bytes(Encoding.UTF8.GetBytes(options.Sigma.ToString()));
        Int(options.GridNodes);
        Int(options.TransshipmentNodes);
        Dbl(MinLogScale);
        Dbl(MaxLogScale);
        Dbl(DefaultTransshipmentGridMax);
        return h.GetHashAndReset();
    }

    private static byte[] HashResource(string name)
    {
        using var stream = typeof(ProjectionModel).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"The embedded resource {name} is missing.");
        return SHA256.HashData(stream);
    }

    /// <summary>
    /// The payload of the embedded entry with this key, or null. The resource is one gzip stream: a header with every
    /// key and payload length, then the payloads in order; a miss reads only the header, a hit decompresses up to its
    /// entry (real-2025-2026 with the default options is the first).
    /// </summary>
    private static byte[]? ReadPrecomputed(string hexKey) => ReadPrecomputedEntries(hexKey).FirstOrDefault().Payload;

    /// <summary>The embedded entries in order (all, or only the one with <paramref name="onlyKey"/>); none when the resource is absent or of another version.</summary>
    private static IEnumerable<(string Key, byte[] Payload)> ReadPrecomputedEntries(string? onlyKey)
    {
        using var stream = typeof(ProjectionModel).Assembly.GetManifestResourceStream(PrecomputedResourceName);
        if (stream is null)
        {
            yield break;
        }

        using var gz = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
        using var r = new BinaryReader(gz);
        if (r.ReadString() != PrecomputedMagic || r.ReadInt32() != PrecomputedAlgorithmVersion)
        {
            yield break;
        }

        var count = r.ReadInt32();
        var keys = new string[count];
        var lengths = new int[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = Convert.ToHexStringLower(r.ReadBytes(32));
            lengths[i] = r.ReadInt32();
            if (lengths[i] is < 0 or > CompressedPayload.MaxDecompressedBytes)
            {
                throw new InvalidDataException("The precomputed projection preparation is corrupt; regenerate it (tools/VietUsTrade.Sim.DataBuild prepared).");
            }
        }

        var last = onlyKey is null ? count - 1 : Array.IndexOf(keys, onlyKey);
        for (var i = 0; i <= last; i++)
        {
            var payload = r.ReadBytes(lengths[i]);
            if (payload.Length != lengths[i])
            {
                throw new InvalidDataException("The precomputed projection preparation is truncated; regenerate it (tools/VietUsTrade.Sim.DataBuild prepared).");
            }

            if (onlyKey is null || i == last)
            {
                yield return (keys[i], payload);
            }
        }
    }

    /// <summary>The embedded entries (hex key → serialized <see cref="PreparedRegimes"/>), for the tests.</summary>
    internal static IReadOnlyDictionary<string, byte[]> PrecomputedEntriesForTests => ReadPrecomputedEntries(null).ToDictionary(e => e.Key, e => e.Payload, StringComparer.Ordinal);

    /// <summary>
    /// Computes every entry of <see cref="PrecomputedSpecs"/> afresh (never from the resource) and returns the resource
    /// file's bytes (gzip); used by tools/VietUsTrade.Sim.DataBuild (<c>prepared</c>).
    /// </summary>
    internal static byte[] BuildPrecomputedResource(Action<string>? log = null)
    {
        var baseline = BaselineDataset.LoadEmbedded();
        var library = PolicyLibrary.LoadEmbedded();
        using var raw = new MemoryStream();
        using (var w = new BinaryWriter(raw, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(PrecomputedMagic);
            w.Write(PrecomputedAlgorithmVersion);
            w.Write(PrecomputedSpecs.Count);
            var entries = new List<(byte[] Key, byte[] Payload)>();
            foreach (var (preset, options) in PrecomputedSpecs)
            {
                var (key, payload) = ComputePrecomputedEntry(baseline, library, preset, options);
                entries.Add((key, payload));
                w.Write(key);
                w.Write(payload.Length);
                log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{preset} (horizon {options.HorizonMonth:yyyy-MM}, as of {options.AsOfMonth?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "none"}): {payload.Length:N0} bytes, key {Convert.ToHexStringLower(key)[..12]}…"));
            }

            foreach (var (_, payload) in entries)
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

        return ms.ToArray();
    }

    /// <summary>One entry of <see cref="PrecomputedSpecs"/> computed afresh: its key and serialized steps 3–5.</summary>
    internal static (byte[] Key, byte[] Payload) ComputePrecomputedEntry(BaselineDataset baseline, PolicyLibrary library, string preset, ProjectionOptions options)
    {
        var (key, scenario, first, months) = PrecomputedSpecKey(baseline, library, preset, options);
        var regimes = PreparedRegimes.Compute(baseline, scenario, options, library, first, months, null, CancellationToken.None);
        return (key, regimes.Serialize());
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
        FixedWeightEtrs Etr, double[] SupplierBase, ResponseTable[] Level, ResponseTable[] Diff)
    {
        /// <summary>The embedded copy when the key matches (and <paramref name="ratesFollowScenario"/> is null), else a fresh computation.</summary>
        public static PreparedRegimes Get(BaselineDataset baseline, Scenario scenario, ProjectionOptions options, PolicyLibrary library, DateOnly first, int months,
            Func<int, bool>? ratesFollowScenario, CancellationToken cancellationToken)
        {
            if (ratesFollowScenario is null && PrecomputedKey(baseline, scenario, options, library, first, months) is { } key)
            {
                PhaseTimings.Mark("create: precomputed key");
                var payload = ReadPrecomputed(Convert.ToHexStringLower(key));
                PhaseTimings.Mark(payload is not null ? "create: precomputed entry read (hit)" : "create: precomputed entry (miss)");
                if (payload is not null)
                {
                    var hit = Deserialize(payload, options.GridNodes);
                    PhaseTimings.Mark("create: precomputed tables read");
                    return hit;
                }
            }

            return Compute(baseline, scenario, options, library, first, months, ratesFollowScenario, cancellationToken);
        }

        /// <summary>Steps 3–5 computed.</summary>
        public static PreparedRegimes Compute(BaselineDataset baseline, Scenario scenario, ProjectionOptions options, PolicyLibrary library, DateOnly first, int months,
            Func<int, bool>? ratesFollowScenario, CancellationToken cancellationToken)
        {
            var timeline = RegimeTimeline.Build(baseline, scenario, options, library, first, months, ratesFollowScenario, cancellationToken);
            PhaseTimings.Mark("create: regime timeline");
            var etr = FixedWeightEtrs.Compute(baseline, timeline);
            PhaseTimings.Mark("create: fixed-weight ETRs");
            var tables = RegimeTables.Tabulate(baseline, options, first, timeline, cancellationToken);
            PhaseTimings.Mark("create: response tables");
            return new PreparedRegimes(timeline.Starts, timeline.RegimeOfMonth, timeline.HasTransshipment, timeline.CentralShare, timeline.ShareMax, timeline.RateDates,
                etr, tables.SupplierBase, tables.Level, tables.Diff);
        }

        /// <summary>Every field except the differences (recomputed on reading), doubles as IEEE bits.</summary>
        public byte[] Serialize()
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
                    Doubles(w, t.Data);
                }
            }

            return ms.ToArray();
        }

        /// <summary>The inverse of <see cref="Serialize"/>; the differences are recomputed as in <see cref="RegimeTables.Tabulate"/>.</summary>
        public static PreparedRegimes Deserialize(byte[] payload, int gridNodes)
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
            var level = new ResponseTable[r.ReadInt32()];
            for (var j = 0; j < level.Length; j++)
            {
                var xMin = Dbl();
                var xMax = Dbl();
                var xNodes = r.ReadInt32();
                var sMax = Dbl();
                var sNodes = r.ReadInt32();
                var outputs = r.ReadInt32();
                var data = Doubles();
                if (xNodes != gridNodes || data.Length != sNodes * xNodes * outputs)
                {
                    throw new InvalidDataException("The precomputed projection preparation is inconsistent with its key; regenerate it (tools/VietUsTrade.Sim.DataBuild prepared).");
                }

                level[j] = new ResponseTable(xMin, xMax, xNodes, sMax, sNodes, outputs, data);
            }

            var etr = new FixedWeightEtrs(etr0, etr1, baseEtr, sectorCodes, sectorEtr0, sectorEtr1, sectorBaseEtr);
            return new PreparedRegimes(starts, regimeOfMonth, hasTrans, centralShare, shareMax, rateDates, etr, supplierBase, level,
                RegimeTables.Differences(level, shareMax));
        }
    }
}
