using System.Collections.Frozen;

namespace VietUsTrade.Sim.Products;

/// <summary>
/// ISO 3166-1 alpha-3 codes of the Census partner codes of the bundled baseline (U.S. Census Bureau, Schedule C country
/// codes; ISO 3166-1, ISO 3166 Maintenance Agency). The EU-27 aggregate and the rest of the world have none.
/// </summary>
internal static class Iso3Codes
{
    private static readonly FrozenDictionary<string, string> ByCensusCode = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["1220"] = "CAN", ["2010"] = "MEX", ["2050"] = "GTM", ["2110"] = "SLV", ["2150"] = "HND", ["2190"] = "NIC", ["2230"] = "CRI",
        ["2470"] = "DOM", ["2740"] = "TTO", ["3010"] = "COL", ["3070"] = "VEN", ["3310"] = "ECU", ["3330"] = "PER", ["3370"] = "CHL",
        ["3510"] = "BRA", ["3570"] = "ARG", ["4039"] = "NOR", ["4120"] = "GBR", ["4419"] = "CHE", ["4621"] = "RUS", ["4890"] = "TUR",
        ["5050"] = "IRQ", ["5081"] = "ISR", ["5130"] = "KWT", ["5170"] = "SAU", ["5200"] = "ARE", ["5330"] = "IND", ["5350"] = "PAK",
        ["5380"] = "BGD", ["5420"] = "LKA", ["5490"] = "THA", ["5520"] = "VNM", ["5550"] = "KHM", ["5570"] = "MYS", ["5590"] = "SGP",
        ["5600"] = "IDN", ["5650"] = "PHL", ["5700"] = "CHN", ["5800"] = "KOR", ["5820"] = "HKG", ["5830"] = "TWN", ["5880"] = "JPN",
        ["6021"] = "AUS", ["6141"] = "NZL", ["7210"] = "DZA", ["7290"] = "EGY", ["7530"] = "NGA", ["7620"] = "AGO", ["7910"] = "ZAF",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Aggregates without an ISO3 code, by the names other tools give them: EU, EU27 (the Section 301 per-partner file),
    // EUN (WITS/UN Comtrade) and EUU (World Bank) for the EU-27 (Census 0003).
    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["EU"] = "0003", ["EU27"] = "0003", ["EUN"] = "0003", ["EUU"] = "0003",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The ISO3 codes of the 27 EU member states (the members of Census partner 0003, EU-27, since 2020-02-01).</summary>
    public static IReadOnlyList<string> EuMembers { get; } =
        ["AUT", "BEL", "BGR", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GRC", "HRV", "HUN", "IRL", "ITA", "LTU", "LUX", "LVA", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "SWE"];

    private static readonly FrozenDictionary<string, string> ByIso3 = ByCensusCode.ToFrozenDictionary(kv => kv.Value, kv => kv.Key, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> EuSet = EuMembers.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The Census partner code an ISO3 economy belongs to in the bundled baseline: its own code, 0003 for an EU member, or null (not a detailed partner: the rest of the world).</summary>
    public static string? CensusCodeOfIso3(string iso3) => EuSet.Contains(iso3) ? "0003" : ByIso3.GetValueOrDefault(iso3);

    /// <summary>The ISO3 code of a Census code, or null (EU-27, rest of world, unknown).</summary>
    public static string? Of(string censusCode) => ByCensusCode.GetValueOrDefault(censusCode);

    /// <summary>The Census code of an aggregate's alias ("EU", "EU27", "EUN", "EUU" → 0003), or null.</summary>
    public static string? CensusCodeOfAlias(string alias) => Aliases.GetValueOrDefault(alias);
}
