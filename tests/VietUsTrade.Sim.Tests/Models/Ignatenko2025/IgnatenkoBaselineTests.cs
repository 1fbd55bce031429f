using VietUsTrade.Sim.Models.Ignatenko2025;
using Xunit;

namespace VietUsTrade.Sim.Tests.Models.Ignatenko2025;

public class IgnatenkoBaselineTests
{
    private static IgnatenkoBaseline B => IgnatenkoFixture.Baseline;

    private static void Close(double expected, double actual, double relative)
        => Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R} (rel. tol {relative})");

    [Fact]
    public void Data_has_194_countries_with_the_documented_ids()
    {
        var d = B.Data;
        Assert.Equal(194, d.Count);
        Assert.Equal(184, d.IndexOf("USA"));
        Assert.Equal(188, d.IndexOf("VNM"));
        Assert.Equal(33, d.IndexOf("CHN"));
        Assert.Equal("ZWE", d.Iso3[193]);
        Assert.Equal(0.46, d.AppliedTariffs[188]);
    }

    [Fact]
    public void Raw_aggregates_match_the_checkpoints()
    {
        var d = B.Data;
        int us = d.IndexOf("USA");
        double total = 0, x11 = 0, x12 = 0, x21 = 0, y1 = 0;
        for (int j = 0; j < d.Count; j++)
        {
            y1 += j == us ? 0 : d.GdpUsd[j] / 1000;
            for (int i = 0; i < d.Count; i++)
            {
                double v = d.Trade(j, i);
                total += v;
                if (j != us && i != us) { x11 += v; }
                else if (j != us) { x12 += v; }
                else if (i != us) { x21 += v; }
            }
        }

        Close(2.174967e10, total, 5e-7);
        Close(1.6988335e10, x11, 5e-8);
        Close(2.9026098e9, x12, 5e-8);
        Close(1.8587255e9, x21, 5e-8);
        Close(7.7468273e10, y1, 5e-8);
        Close(2.7843283e10, d.GdpUsd[us] / 1000, 5e-8);
    }

    [Fact]
    public void Nu_matches_the_paper_calibration()
    {
        Assert.Equal(0.114335212816, B.NuNonUs, 1e-11);
        Assert.Equal(0.270470982283, B.NuUs, 1e-11);
        Assert.Equal(B.NuUs, B.Nu[B.UsIndex]);
        Assert.All(Enumerable.Range(0, B.Count).Where(i => i != B.UsIndex), i => Assert.Equal(B.NuNonUs, B.Nu[i]));
    }

    [Fact]
    public void Phi_matches_the_paper()
    {
        Assert.Equal(1.150718830527, B.Phi[0], 1e-11);
        Assert.Equal(1.432847582682, B.Phi[B.UsIndex], 1e-11);
    }

    [Fact]
    public void Usa_and_Vietnam_checkpoints_match_to_printed_precision()
    {
        int us = B.Data.IndexOf("USA"), vn = B.Data.IndexOf("VNM");
        Close(2.8759865050e10, B.Expenditure[us], 5e-11);
        Close(2.8288534732e10, B.Income[us], 5e-11);
        Close(4.71330318e8, B.Transfer[us], 5e-9);
        Close(2.585726e10, B.Flow(us, us), 5e-7);
        Assert.Equal(0.899074, B.ImportShare(us, us), 5e-7);
        Close(3.57868436e8, B.Expenditure[vn], 5e-9);
        Close(4.68893358e8, B.Income[vn], 5e-9);
        Close(-1.11024923e8, B.Transfer[vn], 5e-9);
        Close(9.634728e7, B.Flow(vn, vn), 5e-7);
    }

    [Fact]
    public void World_expenditure_equals_world_income_and_transfers_sum_to_zero()
    {
        double sumE = B.Expenditure.Sum(), sumY = B.Income.Sum();
        Close(1.077209e11, sumE, 5e-7);
        Close(sumE, sumY, 1e-13);
        Assert.True(Math.Abs(B.Transfer.Sum()) < 1e-12 * sumE);
    }

    [Fact]
    public void Gambia_and_Marshall_Islands_have_clipped_domestic_absorption()
    {
        foreach (var iso in new[] { "GMB", "MHL" })
        {
            int i = B.Data.IndexOf(iso);
            Assert.Equal(0.0, B.Flow(i, i));
        }

        Assert.Equal(2, Enumerable.Range(0, B.Count).Count(i => B.Flow(i, i) == 0));
    }

    [Fact]
    public void Import_shares_sum_to_one_in_every_column()
    {
        for (int i = 0; i < B.Count; i++)
        {
            Assert.Equal(1.0, Enumerable.Range(0, B.Count).Sum(j => B.ImportShare(j, i)), 1e-12);
        }
    }

    [Fact]
    public void Optimal_tariff_and_delta_match_the_paper()
    {
        Assert.Equal(0.724877583621, IgnatenkoScenarios.ExporterDelta(B, B.UsIndex), 1e-9);
        Assert.Equal(0.217988215013, IgnatenkoScenarios.OptimalUsTariff(B), 1e-9);
        Assert.Equal(0.185432067896, IgnatenkoScenarios.OptimalUsTariff(B, incomeDenominator: true), 1e-9);
        Assert.Equal(0.227421945539, IgnatenkoScenarios.OptimalRetaliationRate(B), 1e-9);
    }

    [Fact]
    public void Ustr_rates_apply_the_ten_percent_floor()
    {
        var rates = IgnatenkoScenarios.UstrRates(B);
        Assert.Equal(0.0, rates[B.UsIndex]);
        Assert.Equal(0.46, rates[B.Data.IndexOf("VNM")]);
        Assert.Equal(0.10, rates[B.Data.IndexOf("RUS")]);
        Assert.Equal(0.54, rates[B.Data.IndexOf("CHN")]);
        Assert.Equal(110, rates.Count(r => r == 0.10));
    }
}
