using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VietUsTrade.Sim.Projection;
using static VietUsTrade.Sim.Tests.Projection.ProjectionFixture;

namespace VietUsTrade.Sim.Tests.Projection;

public class ProjectionPropertyTests
{
    private static bool Ordered(Quantiles q) => q.P5 <= q.P25 && q.P25 <= q.P50 && q.P50 <= q.P75 && q.P75 <= q.P95;

    [Property(MaxTest = 200)]
    public Property Quantiles_of_any_sample_are_ordered_and_within_its_range() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 7.0)).Where(a => a.Length > 0).ToArbitrary(), sample =>
        {
            var q = Quantiles.Of(sample.ToArray());
            return Ordered(q) && q.P5 >= sample.Min() && q.P95 <= sample.Max();
        });

    [Property(MaxTest = 4)]
    public Property Monte_Carlo_quantiles_are_ordered_for_every_period_and_metric() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var mc = Real.MonteCarlo(new MonteCarloOptions(120, (ulong)seed));
            return mc.Annual.Concat(mc.Monthly).All(r => r.Metrics.Values.All(Ordered))
                && mc.DivertedTo.Values.All(rows => rows.All(r => r.Metrics.Values.All(Ordered)))
                && mc.Annual.All(r => r.Metrics.Values.All(q => double.IsFinite(q.P5) && double.IsFinite(q.P95)));
        });

    private static readonly Lazy<ProjectionModel> Reciprocal20 = new(() =>
        ProjectionModel.Create(Dataset, VietUsTrade.Sim.Policy.Presets.Get("reciprocal-20"), new ProjectionOptions(Horizon: new DateOnly(2027, 12, 1))));

    [Property(MaxTest = 15)]
    public Property A_tariff_rise_on_Vietnam_alone_lowers_its_imports_raises_revenue_and_diverts_to_others_in_every_draw() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(), (seed, draw) =>
        {
            var model = Reciprocal20.Value;
            var path = model.Project(model.DrawInputs(UncertaintySpec.Default, (ulong)seed, draw));
            var china = model.Suppliers.ToList().IndexOf("CHINA");
            return path.Monthly.Where(m => m.Period >= new DateOnly(2025, 9, 1)).All(m =>
                m.ImportsUsd < m.BaselineImportsUsd && m.RevenueUsd > m.BaselineRevenueUsd && m.DivertedToUsd[china] > 0
                && m.Etr > m.BaselineEtr && double.IsFinite(m.BalanceUsd));
        });

    [Property(MaxTest = 100)]
    public Property Kernel_rises_from_impact_to_long_run() =>
        Prop.ForAll(Gen.Choose(1, 90).ToArbitrary(), Gen.Choose(13, 240).ToArbitrary(), Gen.Choose(0, 600).ToArbitrary(), (f, months, tau) =>
        {
            var k = AdjustmentKernel.FromTargets(f / 100.0, months);
            var a = k.Scale(tau);
            var b = k.Scale(tau + 1);
            return a <= b && a >= k.ImpactFraction - 1e-15 && b <= 1.0 && (k.ImpactFraction == 0 || Math.Abs(k.Scale(12) - (f / 100.0)) < 1e-12);
        });

    [Property(MaxTest = 100)]
    public Property Baseline_year_of_any_trend_sums_to_the_anchor() =>
        Prop.ForAll(Gen.Choose(-300, 300).ToArbitrary(), g =>
        {
            var trend = Real.ImportTrend.WithGrowth(g / 1000.0);
            var months = new double[12];
            trend.Fill(new DateOnly(2024, 1, 1), trend.LogGrowthPerYear, months);
            return Math.Abs(months.Sum() - trend.BaselineYearTotalUsd) < 1e-6 * trend.BaselineYearTotalUsd;
        });

    [Xunit.Fact]
    public void Blp_kernel_matches_its_targets()
    {
        var k = AdjustmentKernel.Blp2023;
        Xunit.Assert.Equal(0.38, k.Scale(12), 12);
        Xunit.Assert.Equal(0.95, k.Scale(84), 12);
        Xunit.Assert.InRange(k.ImpactFraction, 0.05, 0.07);
        Xunit.Assert.Equal(1.0, AdjustmentKernel.Immediate.Scale(0));
    }
}
