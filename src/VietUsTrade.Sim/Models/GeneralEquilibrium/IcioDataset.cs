using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>A set of sector trade elasticities from the OECD ICIO folder (tariffwar package).</summary>
/// <param name="Code">Source code: IS, U4, CP, BSY, GYY, Shap, FGO, LL.</param>
/// <param name="Source">The source's name, e.g. "bagwell_staiger_yurukoglu_2021".</param>
/// <param name="ThetaBySector">Trade elasticity θ (= σ − 1) by ICIO sector.</param>
public sealed record IcioElasticitySet(string Code, string Source, IReadOnlyDictionary<string, double> ThetaBySector)
{
    /// <summary>The set as GE elasticities.</summary>
    /// <returns>σ = θ + 1 by sector.</returns>
    public GeElasticities ToElasticities() => GeElasticities.FromTheta(ThetaBySector);
}

/// <summary>
/// OECD Inter-Country Input-Output tables 2022 (Extended edition, via Lashkaripour's tariffwar package) as a GE
/// baseline: 81 economies (80 and the rest of the world, Vietnam included) × 28 sectors (27 goods, services summed
/// into SERV), each cell the value of sector-s output of country i bought by country j for intermediate and final
/// use, so the diagonal is domestic sales and a row sum is gross output (research/data-sources.md §A.2). Values in
/// US dollars at basic prices (the source is in millions). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Cite: OECD, Inter-Country Input-Output Tables (2023 Extended release); Lashkaripour (2021), "The cost of a global
/// tariff war: a sufficient-statistics approach", JIE 131. ICIO levels are 12–26 % below US Census customs values
/// (basic prices exclude margins); use the model's ratios, not its dollar levels, where Census data are meant.
/// The package embeds a compressed copy (resource <c>VietUsTrade.Sim.icio2022_ge.bin.gz</c>, built by
/// <c>tools/VietUsTrade.Sim.DataBuild/Ge/IcioGeResourceBuilder</c>); <see cref="FromCsv"/> reads the raw folder.
/// </remarks>
public sealed class IcioDataset
{
    /// <summary>The name of the embedded resource.</summary>
    public const string ResourceName = "VietUsTrade.Sim.icio2022_ge.bin.gz";

    /// <summary>The services aggregate sector.</summary>
    public const string ServicesSector = "SERV";

    /// <summary>The default elasticity set: Bagwell, Staiger &amp; Yurukoglu (2021).</summary>
    public const string DefaultElasticities = "BSY";

    private const string Magic = "VUS-GE-ICIO-1";
    private static readonly Lazy<IcioDataset> Embedded = new(LoadFromResource, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, IcioElasticitySet> _elasticities;

    private IcioDataset(GeBaseline baseline, IEnumerable<IcioElasticitySet> elasticities, string provenance)
    {
        Baseline = baseline;
        _elasticities = elasticities.ToDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase);
        Provenance = provenance;
    }

    /// <summary>The 81 × 81 × 28 baseline in US dollars.</summary>
    public GeBaseline Baseline { get; }

    /// <summary>Where the data come from.</summary>
    public string Provenance { get; }

    /// <summary>The 27 goods sectors (all but SERV).</summary>
    public IReadOnlyList<string> GoodsSectors => [.. Baseline.Sectors.Where(s => s != ServicesSector)];

    /// <summary>The elasticity sets by code.</summary>
    public IReadOnlyDictionary<string, IcioElasticitySet> ElasticitySets => _elasticities;

    /// <summary>The embedded 2022 dataset (decompressed once, then shared; immutable).</summary>
    /// <returns>The dataset.</returns>
    /// <exception cref="InvalidDataException">The resource is missing or corrupt.</exception>
    public static IcioDataset LoadEmbedded() => Embedded.Value;

    /// <summary>An elasticity set by code (case-insensitive).</summary>
    /// <param name="code">IS, U4, CP, BSY, GYY, Shap, FGO or LL.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentException">Unknown code.</exception>
    public IcioElasticitySet Elasticities(string code = DefaultElasticities) =>
        code is not null && _elasticities.TryGetValue(code, out var e)
            ? e
            : throw new ArgumentException($"Elasticity set '{code}' is not one of {string.Join(", ", _elasticities.Keys)}.", nameof(code));

    /// <summary>Reads the raw CSV files of the icio-tariffwar folder.</summary>
    /// <param name="folder">The folder with <c>icio_2022_bilateral_by_sector_usd_m.csv</c> and <c>trade_elasticities_by_icio_sector_tariffwar.csv</c>.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A line cannot be parsed.</exception>
    public static IcioDataset FromCsv(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var flowsPath = Path.Combine(folder, "icio_2022_bilateral_by_sector_usd_m.csv");
        var elastPath = Path.Combine(folder, "trade_elasticities_by_icio_sector_tariffwar.csv");
        var cells = new List<(string E, string I, string S, long Units)>();
        var countries = new SortedSet<string>(StringComparer.Ordinal);
        var sectors = new List<string>();
        var line = 0;
        foreach (var text in File.ReadLines(flowsPath).Skip(1))
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var f = text.Split(',');
            if (f.Length != 5 || !double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < 0)
            {
                throw new InvalidDataException($"{flowsPath} line {line + 1}: '{text}' is not year,exporter,importer,sector,value_usd_m with a non-negative value.");
            }

            countries.Add(f[1]);
            countries.Add(f[2]);
            if (!sectors.Contains(f[3]))
            {
                sectors.Add(f[3]);
            }

            cells.Add((f[1], f[2], f[3], (long)Math.Round(v * 1e4)));
        }

        var sets = new List<IcioElasticitySet>();
        var byCode = new Dictionary<string, (string Source, Dictionary<string, double> Theta)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var text in File.ReadLines(elastPath).Skip(1).Where(t => t.Length > 0))
        {
            var f = text.Split(',');
            if (f.Length != 5 || !double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var theta))
            {
                throw new InvalidDataException($"{elastPath}: '{text}' is not sector,source_code,source_function,trade_elasticity_epsilon,sigma.");
            }

            if (!byCode.TryGetValue(f[1], out var entry))
            {
                entry = (f[2], new Dictionary<string, double>(StringComparer.Ordinal));
                byCode[f[1]] = entry;
                order.Add(f[1]);
            }

            entry.Theta[f[0]] = theta;
        }

        sets.AddRange(order.Select(c => new IcioElasticitySet(c, byCode[c].Source, byCode[c].Theta)));
        var cList = countries.ToArray();
        var sList = sectors.ToArray();
        var units = Dense(cList, sList, cells);
        return Create(cList, sList, units, sets, "OECD ICIO 2022 (Extended) by 28 sectors via ahmadlp/tariffwar, read from " + Path.GetFileName(Path.GetFullPath(folder)));
    }

    /// <summary>Writes the compact binary form (gzip) used for the embedded resource; deterministic.</summary>
    internal static void WriteCompressed(string folder, Stream destination)
    {
        var d = FromCsvRaw(folder);
        using var gz = new GZipStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write("OECD ICIO 2022 (Extended), 81 economies x 28 sectors, via ahmadlp/tariffwar commit 98636984");
        w.Write(d.Countries.Length);
        foreach (var c in d.Countries)
        {
            w.Write(c);
        }

        w.Write(d.Sectors.Length);
        foreach (var s in d.Sectors)
        {
            w.Write(s);
        }

        foreach (var u in d.Units)
        {
            w.Write7BitEncodedInt64(u);
        }

        w.Write(d.Sets.Count);
        foreach (var set in d.Sets)
        {
            w.Write(set.Code);
            w.Write(set.Source);
            foreach (var s in d.Sectors)
            {
                w.Write(set.ThetaBySector.TryGetValue(s, out var t) ? t : double.NaN);
            }
        }
    }

    private static (string[] Countries, string[] Sectors, long[] Units, List<IcioElasticitySet> Sets) FromCsvRaw(string folder)
    {
        var d = FromCsv(folder);
        var n = d.Baseline.Countries.Count;
        var units = new long[d.Baseline.Sectors.Count * n * n];
        for (var s = 0; s < d.Baseline.Sectors.Count; s++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    units[(s * n + i) * n + j] = (long)Math.Round(d.Baseline.Flow(s, i, j) / 1e6 * 1e4);
                }
            }
        }

        return ([.. d.Baseline.Countries], [.. d.Baseline.Sectors], units, [.. d._elasticities.Values]);
    }

    private static long[] Dense(string[] countries, string[] sectors, List<(string E, string I, string S, long Units)> cells)
    {
        var n = countries.Length;
        var ci = countries.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k, StringComparer.Ordinal);
        var si = sectors.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k, StringComparer.Ordinal);
        var units = new long[sectors.Length * n * n];
        foreach (var (e, i, s, u) in cells)
        {
            units[(si[s] * n + ci[e]) * n + ci[i]] += u;
        }

        return units;
    }

    private static IcioDataset Create(string[] countries, string[] sectors, long[] units, List<IcioElasticitySet> sets, string provenance)
    {
        var n = countries.Length;
        var flows = new double[sectors.Length][];
        for (var s = 0; s < sectors.Length; s++)
        {
            var x = new double[n * n];
            for (var k = 0; k < x.Length; k++)
            {
                // USD million × 1e4 → US dollars.
                x[k] = units[s * n * n + k] * 100.0;
            }

            flows[s] = x;
        }

        return new IcioDataset(GeBaseline.FromArrays(countries, sectors, flows), sets, provenance);
    }

    private static IcioDataset LoadFromResource()
    {
        using var stream = typeof(IcioDataset).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"Embedded resource '{ResourceName}' is missing from the VietUsTrade.Sim assembly.");
        return ReadCompressed(stream);
    }

    /// <summary>Reads the compact binary form.</summary>
    internal static IcioDataset ReadCompressed(Stream source)
    {
        using var gz = new GZipStream(source, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(gz, Encoding.UTF8, leaveOpen: true);
        if (r.ReadString() != Magic)
        {
            throw new InvalidDataException($"Resource '{ResourceName}' has an unknown format.");
        }

        var provenance = r.ReadString();
        var countries = new string[r.ReadInt32()];
        for (var i = 0; i < countries.Length; i++)
        {
            countries[i] = r.ReadString();
        }

        var sectors = new string[r.ReadInt32()];
        for (var s = 0; s < sectors.Length; s++)
        {
            sectors[s] = r.ReadString();
        }

        var units = new long[sectors.Length * countries.Length * countries.Length];
        for (var k = 0; k < units.Length; k++)
        {
            units[k] = r.Read7BitEncodedInt64();
        }

        var sets = new List<IcioElasticitySet>();
        var count = r.ReadInt32();
        for (var e = 0; e < count; e++)
        {
            var code = r.ReadString();
            var sourceName = r.ReadString();
            var theta = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var s in sectors)
            {
                theta[s] = r.ReadDouble();
            }

            sets.Add(new IcioElasticitySet(code, sourceName, theta));
        }

        return Create(countries, sectors, units, sets, provenance);
    }
}
