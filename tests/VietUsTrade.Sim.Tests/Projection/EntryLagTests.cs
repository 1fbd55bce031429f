using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Projection;
using Xunit;

namespace VietUsTrade.Sim.Tests.Projection;

/// <summary>The entry lag of the collected-rate layer (EntryLag; docs/models/projection.md §10.3).</summary>
public class EntryLagTests
{
    private static (double, double, double, double) Month(double[] etr, int m, EntryLag lag, double before) =>
        (etr[m], m >= 1 ? etr[m - 1] : before, m >= 2 ? etr[m - 2] : before, lag.Apply(etr, m, before));

    [Fact]
    public void Estimate_recovers_the_weights_that_generated_the_months()
    {
        // Two rises (April and August, the second part-month) and the months after them, rates generated with a known lag.
        double[] etr = [0.038, 0.038, 0.042, 0.108, 0.113, 0.119, 0.120, 0.178, 0.186, 0.187, 0.187];
        var truth = new EntryLag(0.25, 0.45, 0.30, 0);
        var months = Enumerable.Range(0, etr.Length).Where(m => EntryLag.Binds(etr, m, 0.038)).Select(m => Month(etr, m, truth, 0.038)).ToArray();
        Assert.True(months.Length >= 4);
        var fit = EntryLag.Estimate(months);
        Assert.Equal(0.25, fit.A0, 12);
        Assert.Equal(0.45, fit.A1, 12);
        Assert.Equal(0.30, fit.A2, 12);
        Assert.Equal(months.Length, fit.MonthsUsed);
    }

    [Fact]
    public void With_only_a_rise_month_observed_a1_is_half_the_rest()
    {
        double[] etr = [0.038, 0.038, 0.108];
        var months = new[] { (0.108, 0.038, 0.038, 0.038 + (0.2 * 0.07)) };
        var fit = EntryLag.Estimate(months);
        Assert.Equal(0.2, fit.A0, 12);
        Assert.Equal(0.4, fit.A1, 12);
        Assert.Equal(0.4, fit.A2, 12);
        Assert.Equal(0.038 + (0.2 * 0.07), fit.Apply(etr, 2, 0.038), 12);
    }

    [Fact]
    public void Without_a_month_after_a_rise_the_prior_holds()
    {
        Assert.Equal(EntryLag.Prior, EntryLag.Estimate([]));
        Assert.Equal(1.0 / 3.0, EntryLag.Prior.A0, 15);
    }

    [Fact]
    public void A_fall_of_the_rate_passes_at_once()
    {
        double[] etr = [0.20, 0.20, 0.10];
        Assert.Equal(0.10, new EntryLag(0.2, 0.4, 0.4, 1).Apply(etr, 2, 0.20), 15);
    }

    [Property(MaxTest = 300)]
    public Property Estimates_lie_in_the_simplex_and_never_exceed_the_statutory_rate() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, 1000)).Where(x => x.Length >= 10).ToArbitrary(), draws =>
        {
            // Rates rising and falling at random, with implied rates y anywhere in [0, 0.3]: the fit stays a lag.
            var u = draws.Select(x => x / 1000.0).ToArray();
            double[] etr = [0.04, 0.04 + (0.2 * u[0]), 0.04 + (0.2 * u[0]) + (0.2 * u[1]), 0.04 + (0.2 * u[0]) + (0.2 * u[1]), 0.5 * u[2], 0.5 * u[3]];
            var months = Enumerable.Range(0, etr.Length).Select(m => (etr[m], m >= 1 ? etr[m - 1] : 0.04, m >= 2 ? etr[m - 2] : 0.04, 0.3 * u[4 + m])).ToArray();
            var fit = EntryLag.Estimate(months);
            var inSimplex = fit.A0 >= 0 && fit.A1 >= 0 && fit.A2 >= 0 && Math.Abs(fit.A0 + fit.A1 + fit.A2 - 1) < 1e-12;
            var capped = Enumerable.Range(0, etr.Length).All(m => fit.Apply(etr, m, 0.04) <= etr[m]);
            return (inSimplex && capped).Label($"fit {fit}");
        });

    [Fact]
    public void The_nowcast_states_the_lag_it_estimated_on_the_months_up_to_as_of()
    {
        var data = BaselineDataset.LoadEmbedded();
        var observed = ObservedTrade.LoadEmbedded();
        string Method(DateOnly asOf) => ProjectionModel.Create(data, Presets.Get("real-2025-2026"), new ProjectionOptions(Horizon: new DateOnly(2026, 3, 1), AsOf: asOf), null, observed, TestContext.Current.CancellationToken).CollectedRateMethod!;

        // No month after a rise up to 2025-03: the prior; 2025-04 (the month of the April rise) onwards: an estimate.
        Assert.Contains("0.33·E(m) + 0.33·E(m−1) + 0.33·E(m−2)) (prior", Method(new DateOnly(2025, 3, 1)), StringComparison.Ordinal);
        Assert.Contains("estimated on 1 observed month(s)", Method(new DateOnly(2025, 4, 1)), StringComparison.Ordinal);
        Assert.Contains("estimated on 6 observed month(s)", Method(new DateOnly(2025, 11, 1)), StringComparison.Ordinal);
    }
}
