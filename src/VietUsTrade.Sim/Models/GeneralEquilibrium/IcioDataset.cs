using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Data.Ge;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

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
/// <c>tools/VietUsTrade.Sim.DataBuild/Ge/IcioGeResourceBuilder</c>); <see cref="FromCsv"/> reads the raw folder. Reading
/// is the data layer's (<c>Data/Ge/IcioSource</c>, one strict CSV reader); this type only builds the baseline from the tables.
/// </remarks>
public sealed class IcioDataset
{
    /// <summary>The name of the embedded resource.</summary>
    internal const string ResourceName = IcioSource.ResourceName;

    /// <summary>The services aggregate sector.</summary>
    internal const string ServicesSector = "SERV";

    /// <summary>The default elasticity set: Bagwell, Staiger &amp; Yurukoglu (2021).</summary>
    public const string DefaultElasticities = "BSY";

    private static readonly Lazy<IcioDataset> Embedded = new(() => FromTables(IcioSource.ReadEmbedded()), LazyThreadSafetyMode.ExecutionAndPublication);

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
    internal IReadOnlyDictionary<string, IcioElasticitySet> ElasticitySets => _elasticities;

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
    /// <exception cref="DataFileException">A header, a line or a value cannot be read; the message names the file, line, column and value.</exception>
    internal static IcioDataset FromCsv(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return FromTables(IcioSource.ReadCsv(folder));
    }

    /// <summary>Builds the dataset from the tables read by the data layer.</summary>
    /// <param name="tables">The tables.</param>
    /// <returns>The dataset.</returns>
    internal static IcioDataset FromTables(IcioTables tables)
    {
        var countries = tables.Countries;
        var sectors = tables.Sectors;
        var units = tables.Units;
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

        return new IcioDataset(
            GeBaseline.FromArrays(countries, sectors, flows),
            tables.ElasticitySets.Select(e => new IcioElasticitySet(e.Code, e.Source, e.ThetaBySector)),
            tables.Provenance);
    }
}
