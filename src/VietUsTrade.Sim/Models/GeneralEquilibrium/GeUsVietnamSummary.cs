using System.Collections.Frozen;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>The US–Vietnam figures of a GE counterfactual (the headline numbers). Money in the baseline's unit.</summary>
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
