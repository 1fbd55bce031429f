using System.Collections.Frozen;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>
/// A GE tariff scenario: additional US ad valorem tariffs by supplier on goods, applied on top of the baseline
/// (the ICIO 2022 baseline carries no 2025 duties, so each rate enters as τ′ with τ = 0).
/// </summary>
/// <param name="Name">Preset name.</param>
/// <param name="Description">What it represents and its sources.</param>
/// <param name="UsAdditionalRates">Exporter code → additional US tariff (fraction).</param>
public sealed record GeScenarioPreset(string Name, string Description, IReadOnlyDictionary<string, double> UsAdditionalRates)
{
    /// <summary>The US tariff changes of the preset for the given sectors (rates for countries not in the baseline are left out).</summary>
    /// <param name="baseline">The baseline; must contain USA.</param>
    /// <param name="sectors">The sectors the tariffs apply to (goods; services are not tariffed).</param>
    /// <returns>The shock.</returns>
    public GeShock ToShock(GeBaseline baseline, IEnumerable<string> sectors)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(sectors);
        if (!baseline.ContainsCountry("USA"))
        {
            throw new ArgumentException("baseline: the preset needs the importer 'USA'.", nameof(baseline));
        }

        var list = sectors.ToList();
        var changes = new List<GeTariffChange>();
        foreach (var (exporter, rate) in UsAdditionalRates.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (exporter == "USA" || !baseline.ContainsCountry(exporter) || rate == 0)
            {
                continue;
            }

            changes.AddRange(list.Select(s => new GeTariffChange(exporter, "USA", rate, 0.0, baseline.SectorCount == 1 ? null : s)));
        }

        return GeShock.FromTariffs(changes);
    }
}

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
    public const string LiberationDay46 = "liberation-day-46";

    /// <summary>20 % on Vietnam only.</summary>
    public const string Deal20 = "deal-20";

    /// <summary>20 % on Vietnam and the other suppliers' 2025 rates.</summary>
    public const string Deal20Others2025 = "deal-20-others-2025";

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

/// <summary>The US–Vietnam figures of a GE counterfactual (the issue's headline numbers). Money in the baseline's unit.</summary>
/// <param name="UsImportsFromVietnam">US imports from Vietnam (all sectors).</param>
/// <param name="VietnamExportsToOthers">Vietnam's foreign exports to markets other than the US.</param>
/// <param name="VietnamExportsTotal">Vietnam's foreign exports to all markets.</param>
/// <param name="UsVietnamBalance">US bilateral balance with Vietnam (US exports to Vietnam − imports from Vietnam).</param>
/// <param name="UsAggregateBalance">US aggregate trade balance.</param>
/// <param name="UsWelfareChangePct">US real expenditure change, %.</param>
/// <param name="VietnamWelfareChangePct">Vietnam's real expenditure change, %.</param>
/// <param name="UsTariffRevenue">US tariff revenue in the counterfactual (0 with iceberg tariffs).</param>
/// <param name="UsImportsFromOthers">US imports from every supplier but Vietnam.</param>
/// <param name="TopDiversion">The five suppliers whose sales to the US rise most (trade diversion), largest first.</param>
/// <param name="UsRealWageChangePct">US real factory-gate price (real wage) change, %.</param>
/// <param name="ClosureNote">What the closure implies for the aggregate balance.</param>
/// <param name="Diagnostics">Solver diagnostics.</param>
public sealed record GeUsVietnamSummary(
    GeBalance UsImportsFromVietnam,
    GeBalance VietnamExportsToOthers,
    GeBalance VietnamExportsTotal,
    GeBalance UsVietnamBalance,
    GeBalance UsAggregateBalance,
    double UsWelfareChangePct,
    double VietnamWelfareChangePct,
    double UsTariffRevenue,
    GeBalance UsImportsFromOthers,
    IReadOnlyList<GeBilateralResult> TopDiversion,
    double UsRealWageChangePct,
    string ClosureNote,
    GeSolverDiagnostics Diagnostics)
{
    /// <summary>Extracts the figures from a result whose baseline contains USA and VNM.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The summary.</returns>
    public static GeUsVietnamSummary From(GeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var vnm = result.Country("VNM");
        var usa = result.Country("USA");
        var toUs = new GeBalance(result.Baseline.Flow("VNM", "USA"), result.CounterfactualFlow("VNM", "USA"));
        var suppliers = result.Baseline.Countries
            .Where(c => c is not "USA" and not "VNM")
            .Select(c => new GeBilateralResult("TOTAL", c, "USA", result.Baseline.Flow(c, "USA"), result.CounterfactualFlow(c, "USA")))
            .ToList();
        return new GeUsVietnamSummary(
            toUs,
            new GeBalance(vnm.ExportsBaseline - toUs.Baseline, vnm.ExportsCounterfactual - toUs.Counterfactual),
            new GeBalance(vnm.ExportsBaseline, vnm.ExportsCounterfactual),
            result.BilateralBalance("USA", "VNM"),
            result.AggregateBalance("USA"),
            usa.RealExpenditureChangePct,
            vnm.RealExpenditureChangePct,
            usa.TariffRevenueCounterfactual,
            new GeBalance(suppliers.Sum(x => x.Baseline), suppliers.Sum(x => x.Counterfactual)),
            [.. suppliers.OrderByDescending(x => x.Counterfactual - x.Baseline).ThenBy(x => x.Exporter, StringComparer.Ordinal).Take(5)],
            usa.RealWageChangePct,
            result.ClosureNote,
            result.Diagnostics);
    }
}
