using VietUsTrade.Sim.Models.Ignatenko2025;
using Xunit;

namespace VietUsTrade.Sim.Tests.Models.Ignatenko2025;

public class IgnatenkoUserRunTests
{
    private static IgnatenkoBaseline B => IgnatenkoFixture.Baseline;

    [Fact]
    public void Vietnam_only_change_keeps_every_other_partner_at_the_paper_rates()
    {
        var s = IgnatenkoScenarios.VietnamOnly(B, 0.20);
        var ustr = IgnatenkoScenarios.Ustr(B);
        int vn = B.Data.IndexOf("VNM");
        for (int j = 0; j < B.Count; j++)
        {
            Assert.Equal(j == vn ? 0.20 : ustr.Tariffs[j, B.UsIndex], s.Tariffs[j, B.UsIndex]);
        }
    }

    [Fact]
    public void Vietnam_at_20_percent_loses_less_than_at_46_percent()
    {
        var at46 = IgnatenkoFixture.Case1;
        var at20 = IgnatenkoModel.Solve(B, IgnatenkoScenarios.VietnamOnly(B, 0.20));
        Assert.True(at20.Country("VNM").WelfarePct > at46.Country("VNM").WelfarePct);
        Assert.True(at20.UsVietnam.ImportsAfter > at46.UsVietnam.ImportsAfter);
        Assert.True(at20.UsVietnam.ImportsAfter < at20.UsVietnam.ImportsBefore);
        Assert.True(SolverEquations(at20) < 1e-10);
    }

    [Fact]
    public void Annex_I_file_rates_run_through_the_user_scenario()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "docs", "models", "data", "us_tariffs_annex1_2025-07-31.csv");
        if (!File.Exists(path))
        {
            Assert.Skip("docs/models/data is not next to the test binaries.");
        }

        var rates = File.ReadAllLines(path).Skip(1).Select(l => l.Split(','))
            .ToDictionary(c => c[0], c => double.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0.20, rates["VNM"]);
        Assert.Equal(0.15, rates["DEU"]);
        var r = IgnatenkoModel.Solve(B, IgnatenkoScenarios.UsTariffsByPartner(B, rates, 0.10));
        Assert.Equal(0.10, r.Scenario.Tariffs[B.Data.IndexOf("CHN"), B.UsIndex]);
        Assert.Equal(0.39, r.Scenario.Tariffs[B.Data.IndexOf("CHE"), B.UsIndex]);
        Assert.True(SolverEquations(r) < 1e-10);
    }

    [Fact]
    public void Unknown_or_US_partner_is_rejected_by_name()
    {
        var ex = Assert.Throws<ArgumentException>(() => IgnatenkoScenarios.UsTariffsByPartner(B, new Dictionary<string, double> { ["TWN"] = 0.2 }, 0.1));
        Assert.Contains("'TWN'", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => IgnatenkoScenarios.UsTariffsByPartner(B, new Dictionary<string, double> { ["USA"] = 0.2 }, 0.1));
        var ex2 = Assert.Throws<ArgumentException>(() => IgnatenkoScenarios.VietnamOnly(B, double.NaN));
        Assert.Contains("NaN", ex2.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quirk_switches_change_the_results_only_where_documented()
    {
        var fixedGdp = IgnatenkoBaseline.Build(B.Data, options: new IgnatenkoOptions { MatchDataGdp = true });
        int us = B.UsIndex;
        Assert.Equal(B.Data.GdpUsd[us] / 1000, fixedGdp.Income[us], 1e-3);

        var usmca = IgnatenkoBaseline.Build(B.Data, options: new IgnatenkoOptions { ExemptUsmca = true });
        Assert.Equal(0.0, IgnatenkoScenarios.UstrRates(usmca)[B.Data.IndexOf("CAN")]);

        var baselineTax = IgnatenkoBaseline.Build(B.Data, options: new IgnatenkoOptions { WelfareWeightAtBaselineTax = true });
        var r = IgnatenkoModel.Solve(baselineTax, IgnatenkoScenarios.Ustr(baselineTax));
        Assert.Equal(IgnatenkoFixture.Case1.UsaRow.EmploymentPct, r.UsaRow.EmploymentPct, 1e-10);
        Assert.NotEqual(IgnatenkoFixture.Case1.UsaRow.WelfarePct, r.UsaRow.WelfarePct);

        var eu27 = IgnatenkoBaseline.Build(B.Data, options: new IgnatenkoOptions { FullEuList = true });
        var r27 = IgnatenkoModel.Solve(eu27, IgnatenkoScenarios.Ustr(eu27));
        Assert.NotEqual(IgnatenkoFixture.Case1.EuAverage.WelfarePct, r27.EuAverage.WelfarePct);
        Assert.Equal(IgnatenkoFixture.Case1.UsaRow.WelfarePct, r27.UsaRow.WelfarePct, 1e-12);
    }

    [Fact]
    public void Pre_existing_US_tariffs_are_a_consistent_baseline_and_the_same_rates_mean_no_change()
    {
        var applied = new Dictionary<string, double> { ["VNM"] = 0.03, ["CHN"] = 0.19 };
        var withTariffs = IgnatenkoBaseline.Build(B.Data, options: new IgnatenkoOptions { BaselineUsTariffs = applied });
        var same = IgnatenkoModel.Solve(withTariffs, IgnatenkoScenarios.UsTariffsByPartner(withTariffs, applied, 0.0));
        Assert.True(same.Diagnostics.MaxScaledResidual < 1e-12);
        Assert.All(same.WageHat, w => Assert.Equal(1.0, w, 1e-12));
        Assert.All(same.EmploymentHat, l => Assert.Equal(1.0, l, 1e-12));

        var vn46 = IgnatenkoModel.Solve(withTariffs, IgnatenkoScenarios.UsTariffsByPartner(withTariffs, new Dictionary<string, double> { ["VNM"] = 0.46, ["CHN"] = 0.19 }, 0.0));
        Assert.True(vn46.UsVietnam.ImportsAfter < vn46.UsVietnam.ImportsBefore);
        Assert.True(SolverEquations(vn46) < 1e-10);
    }

    private static double SolverEquations(IgnatenkoResult r) => r.Diagnostics.MaxScaledResidual;
}
