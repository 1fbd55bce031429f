using System.Collections.Frozen;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>
/// The built-in US–Vietnam GE scenarios: 46 % (Liberation Day), 20 % (the July 2025 framework, EO 14326), and 20 %
/// with the other suppliers' 2025 rates. Immutable.
/// </summary>
/// <remarks>
/// Other suppliers' rates ("2025 regime", as in force in September 2025): EO 14326 Annex I (2025-07-31) country
/// rates; 10 % for countries not listed (EO 14257 baseline); EU members 15 % (the EU ceiling treated as an additional
/// 15 %); China and Hong Kong 30 % (10 % reciprocal + 20 % IEEPA fentanyl duty; cut to 20 % on 2025-11-10); India
/// 50 % (+25 %, EO 14329) and Brazil 50 % (+40 %, EO 14323), both without their product exemptions; Canada and Mexico 0
/// (USMCA-compliant goods exempt; the 35 %/25 % on non-compliant goods is not modelled); Russia and Belarus 0
/// (excluded). Section 232 duties and Annex II exemptions are not modelled. Sources: shared/data/raw/policy
/// (eo14326_annex1_reciprocal_rates_2025-07-31.csv) and research/policy-facts.md.
/// </remarks>
public static class GePresets
{
    /// <summary>46 % on Vietnam only.</summary>
    internal const string LiberationDay46 = "liberation-day-46";

    /// <summary>20 % on Vietnam only.</summary>
    public const string Deal20 = "deal-20";

    /// <summary>20 % on Vietnam and the other suppliers' 2025 rates.</summary>
    internal const string Deal20Others2025 = "deal-20-others-2025";

    private static readonly FrozenDictionary<string, double> Others2025 = BuildOthers2025();

    private static readonly FrozenDictionary<string, GeScenarioPreset> All = new[]
    {
        new GeScenarioPreset(LiberationDay46, "US additional tariff of 46% on all goods from Vietnam (EO 14257 Annex I, 2025-04-02), other suppliers unchanged.", new Dictionary<string, double> { ["VNM"] = 0.46 }.ToFrozenDictionary()),
        new GeScenarioPreset(Deal20, "US additional tariff of 20% on all goods from Vietnam (EO 14326 Annex I, from 2025-08-07), other suppliers unchanged.", new Dictionary<string, double> { ["VNM"] = 0.20 }.ToFrozenDictionary()),
        new GeScenarioPreset(Deal20Others2025, "20% on Vietnam and every other supplier's 2025 additional US rate (EO 14326 Annex I, 10% default, EU 15%, China 30%, India and Brazil 50%, USMCA goods 0).", Others2025),
    }.ToFrozenDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The preset names.</summary>
    public static IReadOnlyList<string> Names { get; } = [LiberationDay46, Deal20, Deal20Others2025];

    /// <summary>A preset by name (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The preset.</returns>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static GeScenarioPreset Get(string name) =>
        name is not null && All.TryGetValue(name, out var p)
            ? p
            : throw new ArgumentException($"GE preset '{name}' is not one of {string.Join(", ", Names)}.", nameof(name));

    private static FrozenDictionary<string, double> BuildOthers2025()
    {
        var r = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var eu in Products.Iso3Codes.EuMembers)
        {
            r[eu] = 0.15;
        }

        // EO 14326 Annex I rates, typed once (Policy.AnnexIRates; economies outside the ICIO are left out by ToShock).
        foreach (var (iso3, rate) in Policy.AnnexIRates.ByIso3)
        {
            r[iso3] = rate;
        }

        // Country-specific IEEPA duties and exclusions (see remarks).
        r["CHN"] = 0.30;
        r["HKG"] = 0.30;
        r["IND"] = 0.50;
        r["BRA"] = 0.50;
        r["CAN"] = 0.0;
        r["MEX"] = 0.0;
        r["RUS"] = 0.0;
        r["BLR"] = 0.0;

        // 10% baseline for the other ICIO economies and the rest of the world.
        foreach (var c in "ARE ARG AUS CHL COL EGY HKG MAR PER ROW SAU SEN SGP STP UKR".Split(' '))
        {
            r.TryAdd(c, 0.10);
        }

        return r.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
