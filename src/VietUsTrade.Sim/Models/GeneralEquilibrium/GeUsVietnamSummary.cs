using System.Collections.Frozen;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>The US–Vietnam figures of a GE counterfactual (the headline numbers). Money in the baseline's unit.</summary>
public sealed class GeUsVietnamSummary
{
    /// <summary>US imports from Vietnam (all sectors).</summary>
    public GeBalance UsImportsFromVietnam { get; }

    /// <summary>Vietnam's foreign exports to markets other than the US.</summary>
    public GeBalance VietnamExportsToOthers { get; }

    /// <summary>Vietnam's foreign exports to all markets.</summary>
    public GeBalance VietnamExportsTotal { get; }

    /// <summary>US bilateral balance with Vietnam (US exports to Vietnam − imports from Vietnam).</summary>
    public GeBalance UsVietnamBalance { get; }

    /// <summary>US aggregate trade balance.</summary>
    public GeBalance UsAggregateBalance { get; }

    /// <summary>US real expenditure change, %.</summary>
    public double UsWelfareChangePct { get; }

    /// <summary>Vietnam's real expenditure change, %.</summary>
    public double VietnamWelfareChangePct { get; }

    /// <summary>US tariff revenue in the counterfactual (0 with iceberg tariffs).</summary>
    public double UsTariffRevenue { get; }

    /// <summary>US imports from every supplier but Vietnam.</summary>
    public GeBalance UsImportsFromOthers { get; }

    /// <summary>The five suppliers whose sales to the US rise most (trade diversion), largest first.</summary>
    public IReadOnlyList<GeBilateralResult> TopDiversion { get; }

    /// <summary>US real factory-gate price (real wage) change, %.</summary>
    public double UsRealWageChangePct { get; }

    /// <summary>What the closure implies for the aggregate balance.</summary>
    public string ClosureNote { get; }

    /// <summary>Solver diagnostics.</summary>
    public GeSolverDiagnostics Diagnostics { get; }

    internal GeUsVietnamSummary(GeBalance UsImportsFromVietnam, GeBalance VietnamExportsToOthers, GeBalance VietnamExportsTotal, GeBalance UsVietnamBalance, GeBalance UsAggregateBalance, double UsWelfareChangePct, double VietnamWelfareChangePct, double UsTariffRevenue, GeBalance UsImportsFromOthers, IReadOnlyList<GeBilateralResult> TopDiversion, double UsRealWageChangePct, string ClosureNote, GeSolverDiagnostics Diagnostics)
    {
        this.UsImportsFromVietnam = UsImportsFromVietnam;
        this.VietnamExportsToOthers = VietnamExportsToOthers;
        this.VietnamExportsTotal = VietnamExportsTotal;
        this.UsVietnamBalance = UsVietnamBalance;
        this.UsAggregateBalance = UsAggregateBalance;
        this.UsWelfareChangePct = UsWelfareChangePct;
        this.VietnamWelfareChangePct = VietnamWelfareChangePct;
        this.UsTariffRevenue = UsTariffRevenue;
        this.UsImportsFromOthers = UsImportsFromOthers;
        this.TopDiversion = TopDiversion;
        this.UsRealWageChangePct = UsRealWageChangePct;
        this.ClosureNote = ClosureNote;
        this.Diagnostics = Diagnostics;
    }

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
