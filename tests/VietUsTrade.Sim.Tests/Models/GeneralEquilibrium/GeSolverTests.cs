using VietUsTrade.Sim.Models.GeneralEquilibrium;
using Xunit;

namespace VietUsTrade.Sim.Tests.Models.GeneralEquilibrium;

public class GeSolverTests
{
    private static GeBaseline Small() => GeBaseline.FromMatrix(["USA", "VNM", "CHN"], new double[,]
    {
        { 800, 10, 60 },
        { 95, 300, 40 },
        { 450, 70, 1500 },
    });

    [Fact]
    public void Identical_sectors_reproduce_the_one_sector_model()
    {
        var one = Small();
        var m = new double[3, 3];
        var two = GeBaseline.FromSectorMatrices(one.Countries, ["A", "B"], [Scale(one, 0.3), Scale(one, 0.7)]);
        var shock = GeShock.FromTariffs([new GeTariffChange("VNM", "USA", 0.46)]);
        foreach (var treatment in new[] { GeTariffTreatment.Iceberg, GeTariffTreatment.Revenue })
        {
            var o = new GeOptions(GeElasticities.Uniform(4), tariffTreatment: treatment);
            var r1 = GeSolver.Solve(one, shock, o);
            var r2 = GeSolver.Solve(two, shock, o);
            foreach (var c in r1.Countries)
            {
                Assert.Equal(c.FactoryGatePriceHat, r2.Country(c.Country).FactoryGatePriceHat, 1e-12);
                Assert.Equal(c.RealExpenditureHat, r2.Country(c.Country).RealExpenditureHat, 1e-12);
                Assert.Equal(c.TariffRevenueCounterfactual, r2.Country(c.Country).TariffRevenueCounterfactual, 1e-9);
            }
        }

        static double[,] Scale(GeBaseline b, double f)
        {
            var m = new double[3, 3];
            for (var i = 0; i < 3; i++)
            {
                for (var j = 0; j < 3; j++)
                {
                    m[i, j] = b.Flow(0, i, j) * f;
                }
            }

            return m;
        }
    }

    [Fact]
    public void Iceberg_tariff_equals_the_equivalent_cost_shock()
    {
        var b = Small();
        var o = new GeOptions(GeElasticities.Uniform(5));
        var viaTariff = GeSolver.Solve(b, GeShock.FromTariffs([new GeTariffChange("VNM", "USA", 0.46)]), o);
        var viaCost = GeSolver.Solve(b, GeShock.FromCostChanges([new GeCostChange("VNM", "USA", (1 - 5) * Math.Log(1.46))]), o);
        Assert.Equal(viaCost.CounterfactualFlow("VNM", "USA"), viaTariff.CounterfactualFlow("VNM", "USA"), 1e-9);
        Assert.Equal(viaCost.Country("USA").RealExpenditureHat, viaTariff.Country("USA").RealExpenditureHat, 1e-14);
    }

    [Fact]
    public void Revenue_treatment_collects_revenue_and_keeps_the_additive_balance()
    {
        var b = Small();
        var o = new GeOptions(GeElasticities.Uniform(5), tariffTreatment: GeTariffTreatment.Revenue);
        var r = GeSolver.Solve(b, GeShock.FromTariffs([new GeTariffChange("VNM", "USA", 0.46)]), o);
        var usa = r.Country("USA");
        Assert.Equal(0.46 * r.CounterfactualFlow("VNM", "USA"), usa.TariffRevenueCounterfactual, 1e-9);
        Assert.Equal(usa.TradeBalanceBaseline, usa.TradeBalanceCounterfactual, 1e-9);
        Assert.True(r.BilateralBalance("USA", "VNM").Change > 0, "the US deficit with Vietnam shrinks");
        Assert.True(r.CounterfactualFlow("CHN", "USA") > b.Flow("CHN", "USA"), "trade diverts to China");
        Assert.Contains("cannot move the aggregate US balance", r.ClosureNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Unchanged_tariff_in_the_revenue_treatment_changes_nothing()
    {
        var r = GeSolver.Solve(Small(), GeShock.FromTariffs([new GeTariffChange("VNM", "USA", 0.1, 0.1)]), new GeOptions(GeElasticities.Uniform(5), tariffTreatment: GeTariffTreatment.Revenue));
        Assert.All(r.Countries, c => Assert.Equal(1.0, c.FactoryGatePriceHat, 1e-12));
        Assert.Equal(0.1 * 95, r.Country("USA").TariffRevenueBaseline, 1e-9);
        Assert.Equal(0.1 * 95, r.Country("USA").TariffRevenueCounterfactual, 1e-9);
    }

    [Fact]
    public void Non_convergence_throws_with_diagnostics()
    {
        var o = new GeOptions(GeElasticities.Uniform(5), maxIterations: 2);
        var ex = Assert.Throws<VietUsTrade.Sim.Models.ConvergenceException>(() => GeSolver.Solve(Small(), GeShock.FromTariffs([new GeTariffChange("VNM", "USA", 0.46)]), o));
        Assert.Equal(2, ex.Iterations);
        Assert.True(ex.MaxResidual > 0);
        Assert.Contains("iterations = 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_names_the_field_and_value()
    {
        var e1 = Assert.Throws<ArgumentException>(() => GeBaseline.FromFlows([new GeFlow("USA", "USA", 1), new GeFlow("USA", "VNM", -5), new GeFlow("VNM", "VNM", 1)]));
        Assert.Contains("USA->VNM", e1.Message, StringComparison.Ordinal);
        Assert.Contains("-5", e1.Message, StringComparison.Ordinal);
        var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => GeElasticities.Uniform(0.5));
        Assert.Contains("0.5", e2.Message, StringComparison.Ordinal);
        var e3 = Assert.Throws<ArgumentException>(() => GeSolver.Solve(Small(), GeShock.FromTariffs([new GeTariffChange("VNM", "XXX", 0.2)]), new GeOptions(GeElasticities.Uniform(5))));
        Assert.Contains("'XXX'", e3.Message, StringComparison.Ordinal);
        var e4 = Assert.Throws<ArgumentException>(() => new GeShock(tariffChanges: [new GeTariffChange("VNM", "USA", double.NaN)]));
        Assert.Contains("NaN", e4.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new GeOptions(GeElasticities.Uniform(5), mode: GeSolutionMode.GegravityCompatible));
        Assert.Throws<ArgumentException>(() => GeNormalization.Parse("ref:"));
        var e5 = Assert.Throws<ArgumentException>(() => GeBaseline.FromMatrix(["A", "B"], new double[,] { { 1, 0 }, { 0, 0 } }));
        Assert.Contains("'B'", e5.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gegravity_mode_needs_one_sector_and_its_own_conventions()
    {
        var one = Small();
        var two = GeBaseline.FromFlows(
            from s in new[] { "A", "B" }
            from i in one.Countries
            from j in one.Countries
            select new GeFlow(i, j, one.Flow(i, j) / 2, s));
        var options = new GeOptions(GeElasticities.Uniform(5), GeClosure.Multiplicative, GeNormalization.ReferencePriceIndex("USA"), mode: GeSolutionMode.GegravityCompatible);
        var ex = Assert.Throws<ArgumentException>(() => GeSolver.Solve(two, GeShock.None, options));
        Assert.Contains("2 sectors", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new GeOptions(GeElasticities.Uniform(5), GeClosure.Additive, GeNormalization.ReferencePriceIndex("USA"), mode: GeSolutionMode.GegravityCompatible));
        Assert.Throws<ArgumentException>(() => new GeOptions(GeElasticities.Uniform(5), GeClosure.Multiplicative, GeNormalization.ReferencePriceIndex("USA"), GeTariffTreatment.Revenue, GeSolutionMode.GegravityCompatible));
        var zero = GeSolver.Solve(one, GeShock.None, options);
        Assert.All(zero.Countries, c => Assert.Equal(1.0, c.FactoryGatePriceHat, 1e-12));
    }

    [Fact]
    public void Concurrent_solves_give_identical_results()
    {
        var d = BaciDataset.LoadEmbedded();
        var shock = GePresets.Get(GePresets.Deal20).ToShock(d.Baseline, [GeBaseline.SingleSectorName]);
        var options = new GeOptions(GeElasticities.Uniform(5), tariffTreatment: GeTariffTreatment.Revenue);
        var results = new GeResult[4];
        Parallel.For(0, results.Length, k => results[k] = GeSolver.Solve(d.Baseline, shock, options));
        foreach (var r in results.Skip(1))
        {
            Assert.Equal(results[0].CounterfactualFlow("VNM", "USA"), r.CounterfactualFlow("VNM", "USA"));
            Assert.Equal(results[0].Country("USA").RealExpenditureHat, r.Country("USA").RealExpenditureHat);
        }
    }

    [Fact]
    public void Damping_reaches_the_same_solution()
    {
        var shock = GeShock.FromTariffs([new GeTariffChange("VNM", "USA", 0.46)]);
        var fast = GeSolver.Solve(Small(), shock, new GeOptions(GeElasticities.Uniform(5)));
        var slow = GeSolver.Solve(Small(), shock, new GeOptions(GeElasticities.Uniform(5), damping: 0.3));
        Assert.True(slow.Diagnostics.Iterations > fast.Diagnostics.Iterations);
        Assert.Equal(fast.Country("VNM").FactoryGatePriceHat, slow.Country("VNM").FactoryGatePriceHat, 1e-11);
    }
}
