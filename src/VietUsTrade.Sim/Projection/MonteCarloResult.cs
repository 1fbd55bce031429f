using System.Globalization;

namespace VietUsTrade.Sim.Projection;

/// <summary>The result of a Monte Carlo projection: quantile bands by year and month, diversion bands by competitor, and sensitivity.</summary>
/// <remarks>Holds S × years × 8 annual values and S × 9 inputs (S = <see cref="SampleDraws"/>) and min(N, monthly limit) × months × 5 monthly values. Immutable.</remarks>
public sealed class MonteCarloResult
{
    private readonly double[] _annual;   // [d][y][metric]
    private readonly double[] _inputs;   // [d][input]
    private readonly int _years;

    internal MonteCarloResult(MonteCarloOptions options, IReadOnlyList<int> years, double[] annual, double[] inputs, int sampleDraws, IReadOnlyList<QuantileRow> annualRows,
        IReadOnlyList<QuantileRow> monthlyRows, IReadOnlyDictionary<string, IReadOnlyList<QuantileRow>> diversion,
        IReadOnlyDictionary<string, IReadOnlyList<QuantileRow>> diversionMonthly, IReadOnlyList<string> inputNames,
        IReadOnlyList<string> inputDistributions, int monthlyDraws, IReadOnlyList<string> assumptions)
    {
        Options = options;
        Years = years;
        _years = years.Count;
        _annual = annual;
        _inputs = inputs;
        SampleDraws = sampleDraws;
        Annual = annualRows;
        Monthly = monthlyRows;
        DivertedTo = diversion;
        DivertedToMonthly = diversionMonthly;
        InputNames = inputNames;
        InputDistributions = inputDistributions;
        MonthlyDraws = monthlyDraws;
        Assumptions = assumptions;
    }

    /// <summary>The settings.</summary>
    public MonteCarloOptions Options { get; }

    /// <summary>The calendar years covered.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>
    /// The draws whose values are kept for <see cref="AnnualValue"/> and <see cref="Sensitivity"/>: all N up to
    /// <see cref="MonteCarloOptions.InMemoryDrawLimit"/>, else the first that many (the quantiles always cover all N).
    /// </summary>
    public int SampleDraws { get; }

    /// <summary>Quantiles per year for <see cref="ProjectionMetrics.Annual"/>.</summary>
    public IReadOnlyList<QuantileRow> Annual { get; }

    /// <summary>Quantiles per month for <see cref="ProjectionMetrics.Headline"/> (from the first <see cref="MonthlyDraws"/> draws).</summary>
    public IReadOnlyList<QuantileRow> Monthly { get; }

    /// <summary>Draws used for the monthly quantiles.</summary>
    public int MonthlyDraws { get; }

    /// <summary>Per competitor: quantiles per year of the change of US imports from it on Vietnam's lines (metric "diverted_usd").</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<QuantileRow>> DivertedTo { get; }

    /// <summary>Per competitor: quantiles per month (empty unless <see cref="MonteCarloOptions.MonthlyDiversion"/>; first <see cref="MonthlyDraws"/> draws).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<QuantileRow>> DivertedToMonthly { get; }

    /// <summary>The uncertain inputs in draw order.</summary>
    internal IReadOnlyList<string> InputNames { get; }

    /// <summary>Their distributions as drawn.</summary>
    internal IReadOnlyList<string> InputDistributions { get; }

    /// <summary>Assumptions of the underlying projection.</summary>
    public IReadOnlyList<string> Assumptions { get; }

    /// <summary>The value of an annual metric in one draw.</summary>
    /// <param name="draw">Draw index (below <see cref="SampleDraws"/>).</param>
    /// <param name="year">Calendar year.</param>
    /// <param name="metric">A name from <see cref="ProjectionMetrics.Annual"/>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">Unknown year or metric, or a draw outside the kept sample.</exception>
    internal double AnnualValue(int draw, int year, string metric)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(draw);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(draw, SampleDraws);
        return _annual[(((draw * _years) + YearIndex(year)) * ProjectionMetrics.Annual.Count) + MetricIndex(metric)];
    }

    /// <summary>First-order variance indices of an annual metric with respect to each uncertain input (binning estimator over the <see cref="SampleDraws"/> kept draws; see docs/models/projection.md).</summary>
    /// <param name="metric">Target metric (default the bilateral balance).</param>
    /// <param name="year">Target year (default 2026).</param>
    /// <param name="bins">Equal-count bins (0 = ⌊√N / 2⌋ clamped to 2–50, N = <see cref="SampleDraws"/>).</param>
    /// <returns>One row per input, largest index first.</returns>
    /// <exception cref="ArgumentException">Unknown year or metric, or fewer than 20 draws.</exception>
    public IReadOnlyList<SensitivityRow> Sensitivity(string metric = ProjectionMetrics.Balance, int year = 2026, int bins = 0)
    {
        var n = SampleDraws;
        if (n < 20)
        {
            throw new ArgumentException($"Sensitivity needs at least 20 draws (have {n}).", nameof(metric));
        }

        var yi = YearIndex(year);
        var mi = MetricIndex(metric);
        var y = new double[n];
        for (var d = 0; d < n; d++)
        {
            y[d] = _annual[(((d * _years) + yi) * ProjectionMetrics.Annual.Count) + mi];
        }

        var b = bins > 0 ? bins : DefaultBins(n);
        var mean = y.Average();
        var varY = y.Sum(v => (v - mean) * (v - mean)) / n;
        var k = InputNames.Count;
        var rows = new List<SensitivityRow>();
        for (var i = 0; i < k; i++)
        {
            var x = new double[n];
            for (var d = 0; d < n; d++)
            {
                x[d] = _inputs[(d * k) + i];
            }

            var xMean = x.Average();
            var varX = x.Sum(v => (v - xMean) * (v - xMean)) / n;
            if (x.Min() == x.Max() || varY <= 0)
            {
                rows.Add(new SensitivityRow(InputNames[i], InputDistributions[i], 0.0, 0.0));
                continue;
            }

            double cov = 0;
            for (var d = 0; d < n; d++)
            {
                cov += (x[d] - xMean) * (y[d] - mean);
            }

            var order = Enumerable.Range(0, n).OrderBy(d => x[d]).ThenBy(d => d).ToArray();
            double between = 0;
            for (var bin = 0; bin < b; bin++)
            {
                var lo = (int)((long)bin * n / b);
                var hi = (int)((long)(bin + 1) * n / b);
                double s = 0;
                for (var r = lo; r < hi; r++)
                {
                    s += y[order[r]];
                }

                var bm = s / (hi - lo);
                between += (hi - lo) * (bm - mean) * (bm - mean);
            }

            rows.Add(new SensitivityRow(InputNames[i], InputDistributions[i], between / n / varY, cov / n / Math.Sqrt(varX * varY)));
        }

        return rows.OrderByDescending(r => r.FirstOrderIndex).ThenBy(r => r.Input, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The default number of bins of <see cref="Sensitivity"/>: ⌊√N / 2⌋ clamped to 2–50.</summary>
    /// <param name="draws">N.</param>
    /// <returns>The bins.</returns>
    internal static int DefaultBins(int draws) => Math.Clamp((int)Math.Sqrt(Math.Max(draws, 0)) / 2, 2, 50);

    /// <summary>The expected index of an input with no effect under the binning estimator, (B − 1)/(N − 1): indices near it are noise.</summary>
    /// <param name="draws">N.</param>
    /// <param name="bins">B (0 = default).</param>
    /// <returns>The noise floor.</returns>
    public static double SensitivityNoiseFloor(int draws, int bins = 0) => draws > 1 ? ((bins > 0 ? bins : DefaultBins(draws)) - 1.0) / (draws - 1.0) : 1.0;

    private int YearIndex(int year)
    {
        for (var i = 0; i < Years.Count; i++)
        {
            if (Years[i] == year)
            {
                return i;
            }
        }

        throw new ArgumentException($"Year {year} is not in the projection ({Years[0]}–{Years[^1]}).", nameof(year));
    }

    private static int MetricIndex(string metric)
    {
        for (var i = 0; i < ProjectionMetrics.Annual.Count; i++)
        {
            if (ProjectionMetrics.Annual[i] == metric)
            {
                return i;
            }
        }

        throw new ArgumentException($"Unknown metric '{metric}'; known: {string.Join(", ", ProjectionMetrics.Annual)}.", nameof(metric));
    }
}

/// <summary>A counter-based generator: SplitMix64 (Steele, Lea &amp; Flood 2014) seeded from (seed, draw) only.</summary>
internal struct DrawRandom
{
    private ulong _state;

    public DrawRandom(ulong seed, long draw)
    {
        _state = Mix(seed ^ Mix(((ulong)draw * 0x9E3779B97F4A7C15UL) + 0x632BE59BD9B4E019UL));
    }

    /// <summary>A uniform number in the open interval (0, 1).</summary>
    public double NextOpen() => ((Next() >> 11) + 0.5) * (1.0 / 9007199254740992.0);

    /// <summary>A uniform 64-bit integer (e.g. the seed of a sub-stream).</summary>
    public ulong NextUInt64() => Next();

    private ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
