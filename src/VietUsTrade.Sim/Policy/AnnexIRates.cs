using System.Collections.Frozen;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>
/// The reciprocal rates of EO 14326 Annex I (2025-07-31; shared/data/raw/policy/eo14326_annex1_reciprocal_rates_2025-07-31.csv)
/// by ISO3, typed once for every model: the PE presets (<see cref="Presets"/>, by Census code) and the stylized GE preset
/// deal-20-others-2025 (<see cref="Models.GeneralEquilibrium.GePresets"/>, by ISO3). The United Kingdom and Brazil are not
/// in the annex and pay the 10 % baseline of EO 14257, listed here at 10 % as both models use it.
/// </summary>
internal static class AnnexIRates
{
    /// <summary>ISO3 → rate (fraction).</summary>
    public static FrozenDictionary<string, double> ByIso3 { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["AGO"] = 0.15, ["BGD"] = 0.20, ["BRN"] = 0.25, ["CHE"] = 0.39, ["CIV"] = 0.15, ["CMR"] = 0.15, ["COD"] = 0.15, ["CRI"] = 0.15,
        ["DZA"] = 0.30, ["ECU"] = 0.15, ["IDN"] = 0.19, ["IND"] = 0.25, ["IRQ"] = 0.35, ["ISL"] = 0.15, ["ISR"] = 0.15, ["JOR"] = 0.15,
        ["JPN"] = 0.15, ["KAZ"] = 0.25, ["KHM"] = 0.19, ["KOR"] = 0.15, ["LAO"] = 0.40, ["LKA"] = 0.20, ["MMR"] = 0.40, ["MYS"] = 0.19,
        ["NGA"] = 0.15, ["NIC"] = 0.18, ["NOR"] = 0.15, ["NZL"] = 0.15, ["PAK"] = 0.19, ["PHL"] = 0.19, ["THA"] = 0.19, ["TTO"] = 0.15,
        ["TUN"] = 0.25, ["TUR"] = 0.15, ["TWN"] = 0.20, ["VEN"] = 0.15, ["VNM"] = 0.20, ["ZAF"] = 0.30, ["GBR"] = 0.10, ["BRA"] = 0.10,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The rate of a Census partner code.</summary>
    /// <exception cref="KeyNotFoundException">The partner has no ISO3 code or no Annex I rate.</exception>
    public static double OfCensusCode(string census) =>
        Iso3Codes.Of(census) is { } iso && ByIso3.TryGetValue(iso, out var r) ? r : throw new KeyNotFoundException($"Census {census} has no EO 14326 Annex I rate.");
}
