using VietUsTrade.Sim.Projection;
using Xunit;
using static VietUsTrade.Sim.Tests.Projection.ProjectionFixture;

namespace VietUsTrade.Sim.Tests.Projection;

/// <summary>
/// The Monte Carlo above the in-memory limit (exact multi-pass selection over regenerated draws) gives the quantiles the
/// in-memory path gives, bit for bit; the selector alone equals sorting on awkward samples (ties, point masses, signed
/// zeros, infinities, crowded windows that need further splits).
/// </summary>
public class MultiPassQuantileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void AssertBits(Quantiles expected, Quantiles actual, string what)
    {
        double[] e = [expected.P5, expected.P25, expected.P50, expected.P75, expected.P95];
        double[] a = [actual.P5, actual.P25, actual.P50, actual.P75, actual.P95];
        for (var i = 0; i < e.Length; i++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(e[i]) == BitConverter.DoubleToInt64Bits(a[i]), $"{what}[{i}]: {e[i]:R} vs {a[i]:R}");
        }
    }

    private static void AssertSameResult(MonteCarloResult expected, MonteCarloResult actual)
    {
        Assert.Equal(expected.Years, actual.Years);
        for (var y = 0; y < expected.Annual.Count; y++)
        {
            foreach (var metric in ProjectionMetrics.Annual)
            {
                AssertBits(expected.Annual[y].Metrics[metric], actual.Annual[y].Metrics[metric], $"{expected.Annual[y].Period} {metric}");
            }
        }

        Assert.Equal(expected.DivertedTo.Keys, actual.DivertedTo.Keys);
        foreach (var (name, rows) in expected.DivertedTo)
        {
            for (var y = 0; y < rows.Count; y++)
            {
                AssertBits(rows[y].Metrics["diverted_usd"], actual.DivertedTo[name][y].Metrics["diverted_usd"], $"{name} {rows[y].Period}");
            }
        }

        Assert.Equal(expected.Monthly.Count, actual.Monthly.Count);
        for (var m = 0; m < expected.Monthly.Count; m++)
        {
            foreach (var metric in ProjectionMetrics.Headline)
            {
                AssertBits(expected.Monthly[m].Metrics[metric], actual.Monthly[m].Metrics[metric], $"{expected.Monthly[m].Period} {metric}");
            }
        }

        Assert.Equal(expected.MonthlyDraws, actual.MonthlyDraws);
    }

    [Fact]
    public void Multi_pass_quantiles_above_the_in_memory_limit_equal_the_sorted_ones_bit_for_bit_on_any_number_of_threads()
    {
        var model = Real;
        var options = new MonteCarloOptions(2500, 2026, MonthlyDrawLimit: 700);
        var sorted = model.MonteCarlo(options, cancellationToken: Ct);
        var selected = model.MonteCarlo(options with { InMemoryDraws = 600 }, cancellationToken: Ct);
        var selectedOne = model.MonteCarlo(options with { InMemoryDraws = 600, MaxDegreeOfParallelism = 1 }, cancellationToken: Ct);
        AssertSameResult(sorted, selected);
        AssertSameResult(sorted, selectedOne);
        Assert.Equal(2500, sorted.SampleDraws);
        Assert.Equal(600, selected.SampleDraws);

        // The kept sample is the first 600 draws, as a 600-draw run keeps them; sensitivity is computed on it.
        var first = model.MonteCarlo(new MonteCarloOptions(600, 2026, MonthlyDrawLimit: 700), cancellationToken: Ct);
        for (var d = 0; d < 600; d += 37)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(first.AnnualValue(d, 2026, ProjectionMetrics.Balance)), BitConverter.DoubleToInt64Bits(selected.AnnualValue(d, 2026, ProjectionMetrics.Balance)));
        }

        Assert.Equal(first.Sensitivity(), selected.Sensitivity());
        Assert.Equal(first.Sensitivity(ProjectionMetrics.BalanceEffect), selectedOne.Sensitivity(ProjectionMetrics.BalanceEffect));
        Assert.Throws<ArgumentOutOfRangeException>(() => selected.AnnualValue(600, 2026, ProjectionMetrics.Balance));
    }

    [Fact]
    public void Multi_pass_with_every_input_fixed_resolves_the_point_masses_and_monthly_diversion_stays_exact()
    {
        var model = Real;
        var options = new MonteCarloOptions(900, 5, UncertaintySpec.None, MonthlyDrawLimit: 50, CompetitorCount: 3, MonthlyDiversion: true);
        AssertSameResult(model.MonteCarlo(options, cancellationToken: Ct), model.MonteCarlo(options with { InMemoryDraws = 100 }, cancellationToken: Ct));
    }

    public static TheoryData<string> Samples => ["normal", "ties", "zeros", "crowded", "infinities", "one", "two"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Selector_equals_sorting(string kind)
    {
        var rng = new Random(17);
        var n = kind switch { "one" => 1, "two" => 2, "crowded" => 60_000, _ => 20_001 };
        double Next(int i) => kind switch
        {
            "ties" => Math.Round(rng.NextDouble() * 7) - 3,
            "zeros" => i % 3 == 0 ? 0.0 : i % 3 == 1 ? -0.0 : (rng.NextDouble() - 0.5) * 1e-300,
            "crowded" => 1e9 + (rng.NextDouble() * 1e-3), // one window of 60,000 values when the pilot is empty: split until small
            "infinities" => i % 97 == 0 ? double.PositiveInfinity : i % 89 == 0 ? double.NegativeInfinity : rng.NextDouble(),
            _ => (rng.NextDouble() + rng.NextDouble() + rng.NextDouble() - 1.5) * 1e11,
        };
        var a = Enumerable.Range(0, n).Select(Next).ToArray();
        var b = a.Select(v => -2 * v).ToArray(); // a second quantity, reversed order
        var expectedA = Quantiles.Of(a.ToArray());
        var expectedB = Quantiles.Of(b.ToArray());

        var pilotSize = kind == "crowded" ? 0 : Math.Min(n, 500);
        var pilot = a.Take(pilotSize).Concat(b.Take(pilotSize)).ToArray();
        var selector = new ExactQuantileSelector(2, n, pilot);
        var order = Enumerable.Range(0, n).ToArray();
        while (selector.NeedsPass)
        {
            rng.Shuffle(order); // the order within a pass does not matter
            foreach (var i in order)
            {
                selector.Observe([a[i], b[i]]);
            }

            selector.EndPass();
        }

        AssertBits(expectedA, selector.Result(0), kind + " a");
        AssertBits(expectedB, selector.Result(1), kind + " b");
        if (kind == "crowded")
        {
            Assert.True(selector.Passes >= 3, $"{selector.Passes} passes");
        }
    }

    [Fact]
    public void Keys_preserve_the_order_of_doubles_and_invert()
    {
        double[] v = [double.NegativeInfinity, -double.MaxValue, -1.5, -double.Epsilon, -0.0, 0.0, double.Epsilon, 2.0, double.MaxValue, double.PositiveInfinity];
        for (var i = 0; i < v.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(v[i]), BitConverter.DoubleToInt64Bits(ExactQuantileSelector.FromKey(ExactQuantileSelector.Key(v[i]))));
            if (i > 0)
            {
                Assert.True(ExactQuantileSelector.Key(v[i - 1]) < ExactQuantileSelector.Key(v[i]));
            }
        }
    }
}
