using VietUsTrade.Sim.Models.Ignatenko2025;
using Xunit;

namespace VietUsTrade.Sim.Tests.Models.Ignatenko2025;

/// <summary>
/// The numbers printed in the paper (J. Int. Econ. 157, 2025): Table 1 (cases 1–3), Table 2 (retaliation), Table 3
/// (revenue) and the one-sector rows of Table 9, each checked at its printed precision.
/// </summary>
public class IgnatenkoPaperTablesTests
{
    private static readonly Lazy<Dictionary<IgnatenkoPaperRun, IgnatenkoResult>> Runs = new(() =>
        Enum.GetValues<IgnatenkoPaperRun>().ToDictionary(r => r, r => IgnatenkoModel.SolvePaperRun(IgnatenkoFixture.Baseline, r)));

    private static IgnatenkoResult Run(IgnatenkoPaperRun run) => Runs.Value[run];

    private static void Printed(double printed, double actual, int decimals, string what)
    {
        double half = 0.5 * Math.Pow(10, -decimals);
        Assert.True(Math.Abs(actual - printed) <= half + 1e-12, $"{what}: printed {printed}, ours {actual:R}");
    }

    /// <summary>Welfare and employment at 2 decimals; deficit, exports/GDP, imports/GDP and prices at 1.</summary>
    private static void Table1Row(IgnatenkoOutcome o, double welfare, double deficit, double exports, double imports, double employment, double prices)
    {
        Printed(welfare, o.WelfarePct, 2, $"{o.Label} welfare");
        Printed(deficit, o.DeficitPct, 1, $"{o.Label} deficit");
        Printed(exports, o.ExportsGdpPct, 1, $"{o.Label} exports/GDP");
        Printed(imports, o.ImportsGdpPct, 1, $"{o.Label} imports/GDP");
        Printed(employment, o.EmploymentPct, 2, $"{o.Label} employment");
        Printed(prices, o.PricesPct, 1, $"{o.Label} prices");
    }

    private static void Table2Row(IgnatenkoOutcome o, double welfare, double deficit, double employment, double? prices)
    {
        Printed(welfare, o.WelfarePct, 2, $"{o.Label} welfare");
        Printed(deficit, o.DeficitPct, 1, $"{o.Label} deficit");
        Printed(employment, o.EmploymentPct, 2, $"{o.Label} employment");
        if (prices is double p)
        {
            Printed(p, o.PricesPct, 1, $"{o.Label} prices");
        }
    }

    [Fact]
    public void Table1_case1_USTR_tariffs_with_income_tax_relief()
    {
        var r = Run(IgnatenkoPaperRun.UstrIncomeTaxRelief);
        Table1Row(r.UsaRow, 1.13, -18.1, -52.7, -43.6, 0.32, 12.8);
        Table1Row(r.NonUsAverage, -0.58, 11.6, -3.2, -3.3, -0.14, -4.7);
    }

    [Fact]
    public void Table1_case2_USTR_tariffs_with_lump_sum_rebate()
    {
        var r = Run(IgnatenkoPaperRun.UstrLumpSum);
        Table1Row(r.UsaRow, -0.01, -18.4, -52.5, -43.3, -0.41, 13.1);
        Table1Row(r.NonUsAverage, -0.57, 11.7, -3.3, -3.4, -0.14, -4.8);
    }

    [Fact]
    public void Table1_case3_optimal_US_tariff_with_income_tax_relief()
    {
        var r = Run(IgnatenkoPaperRun.OptimalUsTariff);
        Assert.Equal(0.217988215013, r.Scenario.Tariffs[0, r.Baseline.UsIndex], 1e-12);
        Table1Row(r.UsaRow, 1.79, -19.1, -55.3, -45.6, 0.51, 12.6);
        Table1Row(r.NonUsAverage, -0.61, 17.1, -4.2, -3.7, -0.16, -4.6);
    }

    [Fact]
    public void Table2_reciprocal_retaliation()
    {
        var r = Run(IgnatenkoPaperRun.ReciprocalRetaliation);
        Table2Row(r.UsaRow, -0.36, -26.7, -0.18, 7.5);
        Table2Row(r.ChinaRow, -0.82, 6.2, -0.16, -3.7);
        Table2Row(r.EuAverage, -0.22, 15.4, -0.09, -2.6);
        Table2Row(r.NonUsAverage, -0.46, 19.8, -0.13, -2.7);
    }

    [Fact]
    public void Table2_optimal_retaliation()
    {
        var r = Run(IgnatenkoPaperRun.OptimalRetaliation);
        Table2Row(r.UsaRow, -0.75, -29.0, -0.32, 6.0);
        Table2Row(r.ChinaRow, -0.65, 6.3, -0.13, -3.3);
        Table2Row(r.EuAverage, -0.23, 16.6, -0.09, -2.1);
        Table2Row(r.NonUsAverage, -0.43, 22.4, -0.13, -2.2);
    }

    [Fact]
    public void Table2_optimal_tariff_and_optimal_retaliation()
    {
        var r = Run(IgnatenkoPaperRun.OptimalWithOptimalRetaliation);
        Table2Row(r.UsaRow, -0.32, -28.4, -0.20, 4.2);
        Table2Row(r.ChinaRow, -0.36, 4.2, -0.08, -2.1);
        Table2Row(r.EuAverage, -0.23, 16.9, -0.09, null); // the prices cell is cut off in the stored text of the paper
        Table2Row(r.NonUsAverage, -0.39, 25.1, -0.13, -1.5);
    }

    [Fact]
    public void Table3_tariff_revenue_as_share_of_GDP_and_federal_budget()
    {
        var runs = new[]
        {
            (IgnatenkoPaperRun.UstrIncomeTaxRelief, 1.14, 4.95),
            (IgnatenkoPaperRun.OptimalUsTariff, 1.35, 5.88),
            (IgnatenkoPaperRun.OptimalRetaliation, 0.74, 3.24),
            (IgnatenkoPaperRun.ReciprocalRetaliation, 0.82, 3.57),
        };
        foreach (var (run, gdp, budget) in runs)
        {
            double share = Run(run).UsaRow.RevenueShare;
            Printed(gdp, 100 * share, 2, $"{run} revenue % of GDP");
            Printed(budget, 100 * share / 0.23, 2, $"{run} revenue % of federal budget");
        }
    }

    [Fact]
    public void Table9_one_sector_alternatives_US_welfare()
    {
        Printed(1.13, Run(IgnatenkoPaperRun.UstrIncomeTaxRelief).UsaRow.WelfarePct, 2, "baseline");
        Printed(1.36, Run(IgnatenkoPaperRun.IncompletePassThrough).UsaRow.WelfarePct, 2, "incomplete pass-through");
        Printed(0.33, Run(IgnatenkoPaperRun.HighTradeElasticity).UsaRow.WelfarePct, 2, "epsilon = 8");
        Printed(1.24, Run(IgnatenkoPaperRun.EatonKortum).UsaRow.WelfarePct, 2, "Eaton-Kortum");
    }

    [Fact]
    public void Every_paper_run_converges_to_the_scaled_tolerance()
    {
        foreach (var (run, result) in Runs.Value)
        {
            Assert.True(result.Diagnostics.MaxScaledResidual <= 1e-12, $"{run}: {result.Diagnostics.MaxScaledResidual}");
            Assert.Equal(582, result.Diagnostics.Unknowns);
        }
    }
}
