using System.Globalization;

namespace VietUsTrade.Sim.Projection;

/// <summary>The 5th, 25th, 50th, 75th and 95th percentiles (linear interpolation between order statistics, Hyndman–Fan type 7).</summary>
/// <param name="P5">5th percentile.</param>
/// <param name="P25">25th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P75">75th percentile.</param>
/// <param name="P95">95th percentile.</param>
public sealed record Quantiles(double P5, double P25, double P50, double P75, double P95)
{
    /// <summary>5th percentile.</summary>
    public double P5 { get; internal init; } = P5;

    /// <summary>25th percentile.</summary>
    public double P25 { get; internal init; } = P25;

    /// <summary>Median.</summary>
    public double P50 { get; internal init; } = P50;

    /// <summary>75th percentile.</summary>
    public double P75 { get; internal init; } = P75;

    /// <summary>95th percentile.</summary>
    public double P95 { get; internal init; } = P95;

    /// <summary>Computes the quantiles of a sample (the span is sorted in place).</summary>
    /// <param name="values">The sample (≥ 1 value, no NaN).</param>
    /// <returns>The quantiles.</returns>
    /// <exception cref="ArgumentException">Empty sample.</exception>
    internal static Quantiles Of(Span<double> values)
    {
        if (values.Length == 0)
        {
            throw new ArgumentException("The sample is empty.", nameof(values));
        }

        values.Sort();
        return new Quantiles(At(values, 0.05), At(values, 0.25), At(values, 0.5), At(values, 0.75), At(values, 0.95));
    }

    /// <summary>
    /// The quantiles of N values from their order statistics alone (0-based ranks, as <see cref="Rank"/> names them), with
    /// the arithmetic of <see cref="Of"/>: the same order statistics give the same quantiles, bit for bit.
    /// </summary>
    /// <param name="n">Sample size N (≥ 1).</param>
    /// <param name="orderStatistic">The value of rank r (0-based) in the sorted sample.</param>
    /// <returns>The quantiles.</returns>
    internal static Quantiles FromOrderStatistics(long n, Func<long, double> orderStatistic) =>
        new(At(n, 0.05, orderStatistic), At(n, 0.25, orderStatistic), At(n, 0.5, orderStatistic), At(n, 0.75, orderStatistic), At(n, 0.95, orderStatistic));

    /// <summary>Type 7: h = (N − 1) p, the quantile is x₍ᵢ₎ + f (x₍ᵢ₊₁₎ − x₍ᵢ₎) with i = ⌊h⌋ and f = h − i (0-based ranks).</summary>
    internal static (long I, double F) Rank(long n, double p)
    {
        var h = (n - 1) * p;
        var i = (long)Math.Floor(h);
        return (i, h - i);
    }

    private static double At(ReadOnlySpan<double> sorted, double p)
    {
        var (i, f) = Rank(sorted.Length, p);
        return i + 1 < sorted.Length ? sorted[(int)i] + (f * (sorted[(int)i + 1] - sorted[(int)i])) : sorted[(int)i];
    }

    private static double At(long n, double p, Func<long, double> x)
    {
        var (i, f) = Rank(n, p);
        return i + 1 < n ? x(i) + (f * (x(i + 1) - x(i))) : x(i);
    }
}
