using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>
/// The one-sector world of the "Liberation Day" GE paper (Ignatenko, Macedoni, Lashkaripour &amp; Simonovska 2025):
/// CEPII BACI 2023 goods exports among 194 countries, World Bank GDP and the authors' April 2025 US tariff by partner
/// (research/data-sources.md §A.3). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// BACI has no domestic flows. This adapter builds them as in data-sources.md §A.3: absorption E_i = GDP_i + imports_i −
/// exports_i, so X_ii = E_i − imports_i = GDP_i − exports_i, clipped at 0 (the countries clipped are listed in
/// <see cref="ClippedCountries"/>); output is then Y_i = X_ii + exports_i. This is a plain GDP-based baseline, not the
/// paper's own construction with its ν-weighted transfers (that model lives in its own namespace). Values in US dollars
/// (BACI is in thousands). Cite: Gaulier &amp; Zignago (2010), CEPII WP 2010-23; World Bank WDI NY.GDP.MKTP.CD.
/// </remarks>
public sealed class BaciDataset
{
    /// <summary>The name of the embedded resource.</summary>
    public const string ResourceName = "VietUsTrade.Sim.baci2023_ge.bin.gz";

    private const string Magic = "VUS-GE-BACI-1";
    private static readonly Lazy<BaciDataset> Embedded = new(LoadFromResource, LazyThreadSafetyMode.ExecutionAndPublication);

    private BaciDataset(GeBaseline baseline, IReadOnlyDictionary<string, double> gdp, IReadOnlyDictionary<string, double> rates, IReadOnlyList<string> clipped)
    {
        Baseline = baseline;
        Gdp = gdp;
        LiberationDayRates = rates;
        ClippedCountries = clipped;
    }

    /// <summary>The 194 × 194 one-sector baseline (US dollars) with constructed domestic flows.</summary>
    public GeBaseline Baseline { get; }

    /// <summary>GDP by country (US dollars, latest WDI year, mostly 2023).</summary>
    public IReadOnlyDictionary<string, double> Gdp { get; }

    /// <summary>The paper's April 2025 US tariff by partner as published (fraction; VNM 0.46, CHN 0.54; USA 0).</summary>
    public IReadOnlyDictionary<string, double> LiberationDayRates { get; }

    /// <summary>Countries whose constructed domestic flow GDP − exports was negative and set to 0.</summary>
    public IReadOnlyList<string> ClippedCountries { get; }

    /// <summary>The embedded dataset (decompressed once, then shared; immutable).</summary>
    /// <returns>The dataset.</returns>
    public static BaciDataset LoadEmbedded() => Embedded.Value;

    /// <summary>
    /// The Liberation Day scenario on every partner: the published rate with the paper's floor max(0.10, t)
    /// (data-sources.md §A.3).
    /// </summary>
    /// <returns>The preset "liberation-day-all".</returns>
    public GeScenarioPreset LiberationDayPreset() => new(
        "liberation-day-all",
        "US tariffs of 2 April 2025 on every partner, max(10%, published rate) (Ignatenko et al. 2025 data; VNM 46%, CHN 54%).",
        LiberationDayRates.Where(kv => kv.Key != "USA").ToDictionary(kv => kv.Key, kv => Math.Max(0.10, kv.Value), StringComparer.Ordinal));

    /// <summary>Reads the two raw CSV files of the baci2023-ignatenko folder.</summary>
    /// <param name="folder">The folder with <c>baci_hs22_2023_goods_exports_194x194_usd_thousand.csv</c> and <c>countries_gdp_and_liberation_day_rate.csv</c>.</param>
    /// <returns>The dataset.</returns>
    public static BaciDataset FromCsv(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var (countries, gdp, rates, flows) = ReadRaw(folder);
        return Create(countries, gdp, rates, flows);
    }

    internal static void WriteCompressed(string folder, Stream destination)
    {
        var (countries, gdp, rates, flows) = ReadRaw(folder);
        using var gz = new GZipStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(countries.Length);
        for (var i = 0; i < countries.Length; i++)
        {
            w.Write(countries[i]);
            w.Write(gdp[i]);
            w.Write(rates[i]);
        }

        w.Write(flows.Count);
        foreach (var (i, j, v) in flows)
        {
            w.Write7BitEncodedInt(i);
            w.Write7BitEncodedInt(j);
            w.Write(v);
        }
    }

    private static (string[] Countries, double[] Gdp, double[] Rates, List<(int I, int J, double ValueThousand)> Flows) ReadRaw(string folder)
    {
        var countryPath = Path.Combine(folder, "countries_gdp_and_liberation_day_rate.csv");
        var flowPath = Path.Combine(folder, "baci_hs22_2023_goods_exports_194x194_usd_thousand.csv");
        var countries = new List<string>();
        var gdp = new List<double>();
        var rates = new List<double>();
        foreach (var line in File.ReadLines(countryPath).Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split(',');
            if (f.Length != 7 || !double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var g) || !double.TryParse(f[6], NumberStyles.Float, CultureInfo.InvariantCulture, out var t))
            {
                throw new InvalidDataException($"{countryPath}: '{line}' is not iso3,country_id,country_name,gdp_usd_current,gdp_latest_year_min,gdp_latest_year_max,liberation_day_applied_tariff.");
            }

            countries.Add(f[0]);
            gdp.Add(g);
            rates.Add(t);
        }

        var index = countries.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k, StringComparer.Ordinal);
        var flows = new List<(int, int, double)>();
        foreach (var line in File.ReadLines(flowPath).Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split(',');
            if (f.Length != 3 || !index.TryGetValue(f[0], out var i) || !index.TryGetValue(f[1], out var j)
                || !double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < 0)
            {
                throw new InvalidDataException($"{flowPath}: '{line}' is not exporter,importer,value_usd_thousand with known countries and a non-negative value.");
            }

            flows.Add((i, j, v));
        }

        return ([.. countries], [.. gdp], [.. rates], flows);
    }

    private static BaciDataset Create(string[] countries, double[] gdp, double[] rates, List<(int I, int J, double ValueThousand)> flows)
    {
        var n = countries.Length;
        var x = new double[n * n];
        foreach (var (i, j, v) in flows)
        {
            x[i * n + j] += v * 1000.0;
        }

        var clipped = new List<string>();
        for (var i = 0; i < n; i++)
        {
            double exports = 0;
            for (var j = 0; j < n; j++)
            {
                exports += j == i ? 0 : x[i * n + j];
            }

            var domestic = gdp[i] - exports;
            if (domestic < 0)
            {
                clipped.Add(countries[i]);
                domestic = 0;
            }

            x[i * n + i] = domestic;
        }

        return new BaciDataset(
            GeBaseline.FromArrays(countries, [GeBaseline.SingleSectorName], [x]),
            countries.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => gdp[p.k], StringComparer.Ordinal),
            countries.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => rates[p.k], StringComparer.Ordinal),
            clipped);
    }

    private static BaciDataset LoadFromResource()
    {
        using var stream = typeof(BaciDataset).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"Embedded resource '{ResourceName}' is missing from the VietUsTrade.Sim assembly.");
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        using var r = new BinaryReader(gz, Encoding.UTF8);
        if (r.ReadString() != Magic)
        {
            throw new InvalidDataException($"Resource '{ResourceName}' has an unknown format.");
        }

        var n = r.ReadInt32();
        var countries = new string[n];
        var gdp = new double[n];
        var rates = new double[n];
        for (var i = 0; i < n; i++)
        {
            countries[i] = r.ReadString();
            gdp[i] = r.ReadDouble();
            rates[i] = r.ReadDouble();
        }

        var count = r.ReadInt32();
        var flows = new List<(int, int, double)>(count);
        for (var k = 0; k < count; k++)
        {
            flows.Add((r.Read7BitEncodedInt(), r.Read7BitEncodedInt(), r.ReadDouble()));
        }

        return Create(countries, gdp, rates, flows);
    }
}
