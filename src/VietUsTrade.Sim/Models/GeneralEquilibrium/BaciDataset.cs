using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Data.Ge;

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
    internal const string ResourceName = BaciSource.ResourceName;

    private static readonly Lazy<BaciDataset> Embedded = new(() => FromTables(BaciSource.ReadEmbedded()), LazyThreadSafetyMode.ExecutionAndPublication);

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
    internal IReadOnlyDictionary<string, double> Gdp { get; }

    /// <summary>The paper's April 2025 US tariff by partner as published (fraction; VNM 0.46, CHN 0.54; USA 0).</summary>
    internal IReadOnlyDictionary<string, double> LiberationDayRates { get; }

    /// <summary>Countries whose constructed domestic flow GDP − exports was negative and set to 0.</summary>
    internal IReadOnlyList<string> ClippedCountries { get; }

    /// <summary>The embedded dataset (decompressed once, then shared; immutable).</summary>
    /// <returns>The dataset.</returns>
    public static BaciDataset LoadEmbedded() => Embedded.Value;

    /// <summary>
    /// The Liberation Day scenario on every partner: the published rate with the paper's floor max(0.10, t)
    /// (data-sources.md §A.3).
    /// </summary>
    /// <returns>The preset "liberation-day-all".</returns>
    internal GeScenarioPreset LiberationDayPreset() => new(
        "liberation-day-all",
        "US tariffs of 2 April 2025 on every partner, max(10%, published rate) (Ignatenko et al. 2025 data; VNM 46%, CHN 54%).",
        LiberationDayRates.Where(kv => kv.Key != "USA").ToDictionary(kv => kv.Key, kv => Math.Max(0.10, kv.Value), StringComparer.Ordinal));

    /// <summary>Reads the two raw CSV files of the baci2023-ignatenko folder (through the data layer's <c>Data/Ge/BaciSource</c>).</summary>
    /// <param name="folder">The folder with <c>baci_hs22_2023_goods_exports_194x194_usd_thousand.csv</c> and <c>countries_gdp_and_liberation_day_rate.csv</c>.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="DataFileException">A header, a line or a value cannot be read; the message names the file, line, column and value.</exception>
    internal static BaciDataset FromCsv(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return FromTables(BaciSource.ReadCsv(folder));
    }

    /// <summary>Builds the dataset from the tables read by the data layer.</summary>
    /// <param name="tables">The tables.</param>
    /// <returns>The dataset.</returns>
    internal static BaciDataset FromTables(BaciTables tables)
    {
        var (countries, gdp, rates, flows) = (tables.Countries, tables.Gdp, tables.Rates, tables.Flows);
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
}
