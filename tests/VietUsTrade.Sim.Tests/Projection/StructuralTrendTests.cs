using FsCheck;
using FsCheck.Fluent;
using VietUsTrade.Sim.Projection;
using Xunit;

namespace VietUsTrade.Sim.Tests.Projection;

/// <summary>The basic structural model (Harvey 1989; Durbin &amp; Koopman 2012 §3.2) on series whose truth is known.</summary>
public class StructuralTrendTests
{
    private static readonly DateOnly Start = new(2013, 1, 1);

    private static double[] Seasonal(double amplitude) =>
        Enumerable.Range(0, 12).Select(k => amplitude * Math.Sin(2 * Math.PI * k / 12.0)).ToArray(); // sums to 0 over a year

    [Fact]
    public void A_noiseless_trend_with_seasonality_is_continued_exactly()
    {
        var s = Seasonal(0.08);
        var y = Enumerable.Range(0, 120).Select(t => 20.0 + (0.012 * t) + s[t % 12]).ToArray();
        var fit = StructuralTrend.Fit("exact", "test", Start, y);
        Assert.Equal(12 * 0.012, fit.LogGrowthPerYear, 3);
        var path = new double[24];
        fit.Fill(Start.AddMonths(120), fit.LogGrowthPerYear, path);
        for (var h = 0; h < 24; h++)
        {
            var t = 120 + h;
            Assert.Equal(Math.Exp(20.0 + (0.012 * t) + s[t % 12]), path[h], Math.Exp(20.0 + (0.012 * t)) * 1e-3);
        }
    }

    [Fact]
    public void Maximum_likelihood_recovers_the_variances_of_a_simulated_random_walk_with_drift()
    {
        // Truth: σ_ε = 0.04, σ_η = 0.05, σ_ζ = 0, σ_ω = 0 (the shape ML finds for imports from Vietnam), 600 months.
        var rng = new Random(20261204);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var s = Seasonal(0.1);
        var level = 20.0;
        var y = new double[600];
        for (var t = 0; t < y.Length; t++)
        {
            y[t] = level + s[t % 12] + (0.04 * Normal());
            level += 0.01 + (0.05 * Normal());
        }

        var fit = StructuralTrend.Fit("simulated", "test", Start, y);
        Assert.InRange(Math.Sqrt(fit.IrregularVariance), 0.03, 0.05);
        Assert.InRange(Math.Sqrt(fit.LevelVariance), 0.04, 0.06);
        Assert.True(Math.Sqrt(fit.SlopeVariance) < 0.002);
        Assert.InRange(fit.LogGrowthPerYear, 0.12 - (3 * fit.LogGrowthStdError), 0.12 + (3 * fit.LogGrowthStdError));
        Assert.True(double.IsFinite(fit.LogLikelihood));
    }

    [Fact]
    public void Draws_of_the_path_spread_as_the_level_random_walk_implies()
    {
        var rng = new Random(7);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var y = new double[240];
        var level = 10.0;
        for (var t = 0; t < y.Length; t++)
        {
            y[t] = level + (0.02 * Normal());
            level += 0.005 + (0.03 * Normal());
        }

        var fit = StructuralTrend.Fit("rw", "test", Start, y);
        const int Draws = 4000;
        var logs = new double[Draws];
        var path = new double[12];
        for (var d = 0; d < Draws; d++)
        {
            var r = new DrawRandom(99, d);
            fit.Draw(Start.AddMonths(240), fit.LogGrowthPerYear, ref r, path);
            logs[d] = Math.Log(path[11]);
        }

        // Var of ln y_{T+12} given the filtered slope: P_μμ + (terms of P with the seasonals) + 12 σ²_η + σ²_ε (σ²_ζ ≈ 0).
        var mean = logs.Average();
        var sd = Math.Sqrt(logs.Select(v => (v - mean) * (v - mean)).Sum() / (Draws - 1));
        var lower = Math.Sqrt((12 * fit.LevelVariance) + fit.IrregularVariance);
        Assert.InRange(sd, 0.95 * lower, 1.6 * lower);
    }

    [Fact]
    public void Too_short_or_non_finite_series_are_named()
    {
        var e = Assert.Throws<ArgumentException>(() => StructuralTrend.Fit("short", "test", Start, new double[47]));
        Assert.Contains("48 months", e.Message, StringComparison.Ordinal);
        var y = Enumerable.Repeat(1.0, 60).ToArray();
        y[30] = double.NaN;
        var n = Assert.Throws<ArgumentException>(() => StructuralTrend.Fit("nan", "test", Start, y));
        Assert.Contains("logValues[30] = NaN", n.Message, StringComparison.Ordinal);
        var fit = StructuralTrend.Fit("flat", "test", Start, Enumerable.Range(0, 60).Select(t => 1.0 + (0.001 * (t % 3))).ToArray());
        Assert.Throws<ArgumentException>(() => fit.Fill(Start.AddMonths(59), 0.0, new double[3]));
    }

    [FsCheck.Xunit.Property(MaxTest = 25)]
    public Property Any_exact_log_linear_series_is_extrapolated_on_its_line(NonNegativeInt seed)
    {
        var rng = new Random(seed.Get);
        var a = 15 + (10 * rng.NextDouble());
        var b = (rng.NextDouble() - 0.5) * 0.05;
        var y = Enumerable.Range(0, 72).Select(t => a + (b * t)).ToArray();
        var fit = StructuralTrend.Fit("line", "test", Start, y);
        var path = new double[6];
        fit.Fill(Start.AddMonths(72), fit.LogGrowthPerYear, path);
        var ok = Enumerable.Range(0, 6).All(h => Math.Abs(Math.Log(path[h]) - (a + (b * (72 + h)))) < 1e-3);
        return ok.Label($"a = {a}, b = {b}, first = {Math.Log(path[0])}");
    }
}
