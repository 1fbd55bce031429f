using System.Globalization;

namespace VietUsTrade.Sim.Projection;

/// <summary>Settings of a Monte Carlo run.</summary>
/// <param name="Draws">Number of draws N (≥ 1).</param>
/// <param name="Seed">The seed: draw d uses a generator derived from (seed, d) only, so results do not depend on threads or scheduling.</param>
/// <param name="Uncertainty">What is uncertain (default <see cref="UncertaintySpec.Default"/>).</param>
/// <param name="MaxDegreeOfParallelism">Threads (−1 = all cores; 1 = sequential).</param>
/// <param name="MonthlyDrawLimit">Monthly quantiles use the first min(N, limit) draws (memory: limit × months × 5 doubles); annual quantiles use all N draws.</param>
/// <param name="CompetitorCount">How many competitors (largest 2024 suppliers of Vietnam's lines) get diversion quantiles (memory: N × years × count doubles).</param>
/// <param name="MonthlyDiversion">Also compute monthly diversion quantiles for those competitors from the first min(N, <paramref name="MonthlyDrawLimit"/>) draws (memory: that × months × count doubles; off by default).</param>
public sealed record MonteCarloOptions(int Draws, ulong Seed, UncertaintySpec? Uncertainty = null, int MaxDegreeOfParallelism = -1, int MonthlyDrawLimit = 20_000, int CompetitorCount = 10,
    bool MonthlyDiversion = false)
{
    // The numeric fields are checked when set, by the constructor and by a `with` expression alike: no instance can hold
    // an invalid value (Validate also checks the uncertainty spec).

    /// <summary>Number of draws N (1–10,000,000).</summary>
    public int Draws { get; init => field = CheckDraws(value); } = CheckDraws(Draws);

    /// <summary>Threads (−1 = all cores; 1 = sequential).</summary>
    public int MaxDegreeOfParallelism { get; init => field = CheckThreads(value); } = CheckThreads(MaxDegreeOfParallelism);

    /// <summary>Monthly quantiles use the first min(N, limit) draws (≥ 0).</summary>
    public int MonthlyDrawLimit { get; init => field = CheckLimit(value); } = CheckLimit(MonthlyDrawLimit);

    /// <summary>Competitors with diversion quantiles (0–200).</summary>
    public int CompetitorCount { get; init => field = CheckCompetitors(value); } = CheckCompetitors(CompetitorCount);

    /// <summary>
    /// Up to this many draws every draw's annual values are kept and sorted for the quantiles; above it the quantiles come
    /// from exact multi-pass selection over regenerated draws (the same values, memory independent of N; see
    /// <see cref="ProjectionModel.MonteCarlo"/>), and <see cref="MonteCarloResult.AnnualValue"/> and
    /// <see cref="MonteCarloResult.Sensitivity"/> use the first this many draws.
    /// </summary>
    public const int InMemoryDrawLimit = 500_000;

    /// <summary>The in-memory limit of this run (<see cref="InMemoryDrawLimit"/>; lower only in tests of the multi-pass path).</summary>
    internal int InMemoryDraws { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(InMemoryDraws), value, "must be ≥ 1"); } = InMemoryDrawLimit;

    private static int CheckDraws(int v) => v is < 1 or > 10_000_000
        ? Fail<int>(string.Create(CultureInfo.InvariantCulture, $"Draws = {v} must be 1–10,000,000."), nameof(Draws)) : v;

    private static int CheckThreads(int v) => v is 0 or < -1
        ? Fail<int>(string.Create(CultureInfo.InvariantCulture, $"MaxDegreeOfParallelism = {v} must be −1 or ≥ 1."), nameof(MaxDegreeOfParallelism)) : v;

    private static int CheckLimit(int v) => v < 0
        ? Fail<int>(string.Create(CultureInfo.InvariantCulture, $"MonthlyDrawLimit = {v} must be ≥ 0."), nameof(MonthlyDrawLimit)) : v;

    private static int CheckCompetitors(int v) => v is < 0 or > 200
        ? Fail<int>(string.Create(CultureInfo.InvariantCulture, $"CompetitorCount = {v} must be 0–200."), nameof(CompetitorCount)) : v;

    // The field's name travels as a value so the exception carries it as ParamName (the one-liners above are not the
    // property's setter, whose parameter is `value`).
    private static T Fail<T>(string message, string field) => throw new ArgumentException(message, field);

    /// <summary>Checks the fields.</summary>
    /// <remarks>Memory: the quantiles are exact (type 7 over all draws). Up to <see cref="InMemoryDrawLimit"/> draws every
    /// draw's annual values, diversion and inputs are kept, about 1.3 KB per draw to 2030; above it the run keeps the first
    /// <see cref="InMemoryDrawLimit"/> draws' annual values and inputs and finds the order statistics by multi-pass
    /// selection, so memory stops growing with N (measured whole process in benchmarks/RESULTS.md).</remarks>
    /// <exception cref="ArgumentException">A field is out of range (named with its value).</exception>
    public void Validate()
    {
        if (Draws is < 1 or > 10_000_000)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Draws = {Draws} must be 1–10,000,000."), nameof(Draws));
        }

        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"MaxDegreeOfParallelism = {MaxDegreeOfParallelism} must be −1 or ≥ 1."), nameof(MaxDegreeOfParallelism));
        }

        if (MonthlyDrawLimit < 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"MonthlyDrawLimit = {MonthlyDrawLimit} must be ≥ 0."), nameof(MonthlyDrawLimit));
        }

        if (CompetitorCount is < 0 or > 200)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"CompetitorCount = {CompetitorCount} must be 0–200."), nameof(CompetitorCount));
        }

        (Uncertainty ?? UncertaintySpec.Default).Validate();
    }
}

/// <summary>Progress of a Monte Carlo run.</summary>
/// <param name="CompletedDraws">Draws finished.</param>
/// <param name="TotalDraws">Draws requested.</param>
public sealed record MonteCarloProgress(int CompletedDraws, int TotalDraws);

/// <summary>The 5th, 25th, 50th, 75th and 95th percentiles (linear interpolation between order statistics, Hyndman–Fan type 7).</summary>
/// <param name="P5">5th percentile.</param>
/// <param name="P25">25th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P75">75th percentile.</param>
/// <param name="P95">95th percentile.</param>
public sealed record Quantiles(double P5, double P25, double P50, double P75, double P95)
{
    /// <summary>Computes the quantiles of a sample (the span is sorted in place).</summary>
    /// <param name="values">The sample (≥ 1 value, no NaN).</param>
    /// <returns>The quantiles.</returns>
    /// <exception cref="ArgumentException">Empty sample.</exception>
    public static Quantiles Of(Span<double> values)
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

/// <summary>Quantiles of every metric for one period.</summary>
/// <param name="Period">"2026" (year) or "2026-03" (month).</param>
/// <param name="Year">The year.</param>
/// <param name="Month">The month (1–12) for monthly rows, else null.</param>
/// <param name="Metrics">Metric name → quantiles.</param>
public sealed record QuantileRow(string Period, int Year, int? Month, IReadOnlyDictionary<string, Quantiles> Metrics);

/// <summary>One uncertain input's share of the variance of a target.</summary>
/// <param name="Input">Input name.</param>
/// <param name="Distribution">Its distribution as drawn.</param>
/// <param name="FirstOrderIndex">S_i = Var(E[Y | X_i]) / Var(Y), estimated by binning (0 for inputs held fixed).</param>
/// <param name="Correlation">Pearson correlation of X_i and Y (sign of the effect).</param>
public sealed record SensitivityRow(string Input, string Distribution, double FirstOrderIndex, double Correlation);

/// <summary>Metric names of the Monte Carlo output (tidy, snake_case).</summary>
public static class ProjectionMetrics
{
    /// <summary>US imports from Vietnam (imports for consumption, customs value).</summary>
    public const string Imports = "imports_from_vietnam_usd";

    /// <summary>US exports to Vietnam (total exports, FAS), including commitments.</summary>
    public const string Exports = "exports_to_vietnam_usd";

    /// <summary>Exports − imports.</summary>
    public const string Balance = "balance_usd";

    /// <summary>Tariff revenue on imports from Vietnam.</summary>
    public const string Revenue = "tariff_revenue_usd";

    /// <summary>Vietnam's realised ETR: revenue / imports.</summary>
    public const string Etr = "etr";

    /// <summary>Increase of total US exports from the additional part of commitments (annual rows only).</summary>
    public const string AdditionalExports = "additional_us_exports_usd";

    /// <summary>The no-policy balance (annual rows only): it varies with the drawn baseline growth.</summary>
    public const string BaselineBalance = "baseline_balance_usd";

    /// <summary>The policy effect on the balance, scenario − no-policy (annual rows only).</summary>
    public const string BalanceEffect = "balance_effect_usd";

    /// <summary>The metrics with monthly and annual quantiles.</summary>
    public static IReadOnlyList<string> Headline { get; } = [Imports, Exports, Balance, Revenue, Etr];

    /// <summary>The metrics with annual quantiles.</summary>
    public static IReadOnlyList<string> Annual { get; } = [Imports, Exports, Balance, Revenue, Etr, AdditionalExports, BaselineBalance, BalanceEffect];
}

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
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>Their distributions as drawn.</summary>
    public IReadOnlyList<string> InputDistributions { get; }

    /// <summary>Assumptions of the underlying projection.</summary>
    public IReadOnlyList<string> Assumptions { get; }

    /// <summary>The value of an annual metric in one draw.</summary>
    /// <param name="draw">Draw index (below <see cref="SampleDraws"/>).</param>
    /// <param name="year">Calendar year.</param>
    /// <param name="metric">A name from <see cref="ProjectionMetrics.Annual"/>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">Unknown year or metric, or a draw outside the kept sample.</exception>
    public double AnnualValue(int draw, int year, string metric)
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
    public static int DefaultBins(int draws) => Math.Clamp((int)Math.Sqrt(Math.Max(draws, 0)) / 2, 2, 50);

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
