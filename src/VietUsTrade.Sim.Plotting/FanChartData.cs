using System.Globalization;
using ScottPlot;

namespace VietUsTrade.Sim.Plotting;

/// <summary>
/// Quantile bands of a projected series for a fan chart (e.g. the US goods deficit with Vietnam by month or year
/// from a Monte Carlo projection), in US dollars.
/// </summary>
/// <remarks>
/// The series are plain lists so any projection can feed them: one value per period, in the order of
/// <see cref="Periods"/>. For a deficit chart pass the <b>deficit</b> (imports − exports, positive when the US
/// imports more); if a projection reports the balance (exports − imports), negate it and swap the quantiles
/// (p5 of the deficit = −p95 of the balance): <see cref="FromBalanceQuantiles"/> does that.
/// </remarks>
public sealed record FanChartData
{
    /// <summary>Creates and checks the data.</summary>
    /// <param name="periods">Period start dates, strictly increasing.</param>
    /// <param name="p5">5th percentile per period, USD.</param>
    /// <param name="p25">25th percentile per period, USD.</param>
    /// <param name="p50">Median per period, USD.</param>
    /// <param name="p75">75th percentile per period, USD.</param>
    /// <param name="p95">95th percentile per period, USD.</param>
    /// <param name="baseline">Optional no-policy baseline per period, USD (drawn as a dashed line).</param>
    /// <exception cref="ArgumentException">Empty, different lengths, non-finite values, dates not increasing, or quantiles out of order; the message names the parameter.</exception>
    public FanChartData(IReadOnlyList<DateOnly> periods, IReadOnlyList<double> p5, IReadOnlyList<double> p25, IReadOnlyList<double> p50,
        IReadOnlyList<double> p75, IReadOnlyList<double> p95, IReadOnlyList<double>? baseline = null)
    {
        ChartFile.RequireNonEmpty(periods, nameof(periods));
        for (var i = 1; i < periods.Count; i++)
        {
            if (periods[i] <= periods[i - 1])
            {
                throw new ArgumentException($"periods[{i}] = {periods[i]:yyyy-MM-dd} is not after periods[{i - 1}] = {periods[i - 1]:yyyy-MM-dd}.", nameof(periods));
            }
        }

        var named = new (IReadOnlyList<double>? Values, string Name)[] { (p5, nameof(p5)), (p25, nameof(p25)), (p50, nameof(p50)), (p75, nameof(p75)), (p95, nameof(p95)), (baseline, nameof(baseline)) };
        foreach (var (values, name) in named)
        {
            if (values is null)
            {
                if (name == nameof(baseline))
                {
                    continue;
                }

                throw new ArgumentNullException(name);
            }

            if (values.Count != periods.Count)
            {
                throw new ArgumentException($"{name} has {values.Count} values but periods has {periods.Count}.", name);
            }

            ChartFile.RequireFinite(values, name);
        }

        for (var i = 0; i < periods.Count; i++)
        {
            for (var q = 1; q < 5; q++)
            {
                var lo = named[q - 1].Values![i];
                var hi = named[q].Values![i];
                if (hi < lo - 1e-9 * Math.Max(1, Math.Abs(lo)))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"{named[q].Name}[{i}] = {hi} is below {named[q - 1].Name}[{i}] = {lo}: quantiles must be ordered p5 ≤ p25 ≤ p50 ≤ p75 ≤ p95."), named[q].Name);
                }
            }
        }

        Periods = periods.ToArray();
        P5 = p5.ToArray();
        P25 = p25.ToArray();
        P50 = p50.ToArray();
        P75 = p75.ToArray();
        P95 = p95.ToArray();
        Baseline = baseline?.ToArray();
    }

    /// <summary>Period start dates.</summary>
    public IReadOnlyList<DateOnly> Periods { get; }

    /// <summary>5th percentile, USD.</summary>
    public IReadOnlyList<double> P5 { get; }

    /// <summary>25th percentile, USD.</summary>
    public IReadOnlyList<double> P25 { get; }

    /// <summary>Median, USD.</summary>
    public IReadOnlyList<double> P50 { get; }

    /// <summary>75th percentile, USD.</summary>
    public IReadOnlyList<double> P75 { get; }

    /// <summary>95th percentile, USD.</summary>
    public IReadOnlyList<double> P95 { get; }

    /// <summary>No-policy baseline, USD, or null.</summary>
    public IReadOnlyList<double>? Baseline { get; }

    /// <summary>Observed values per period (null where none), USD, drawn as dots; null = no observations.</summary>
    public IReadOnlyList<double?>? Observed { get; private init; }

    /// <summary>A copy with observed values to draw as dots over the bands (e.g. a backtest).</summary>
    /// <param name="observed">One value per period, null where nothing was observed.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentException">A different number of values than periods, or a non-finite value.</exception>
    public FanChartData WithObserved(IReadOnlyList<double?> observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        if (observed.Count != Periods.Count)
        {
            throw new ArgumentException($"observed has {observed.Count} values but periods has {Periods.Count}.", nameof(observed));
        }

        for (var i = 0; i < observed.Count; i++)
        {
            if (observed[i] is { } v && !double.IsFinite(v))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"observed[{i}] = {v} is not a finite number."), nameof(observed));
            }
        }

        return this with { Observed = observed.ToArray() };
    }

    /// <summary>Observed values of earlier periods (e.g. past years), drawn as points joined by a thin line before the bands; null = none.</summary>
    public IReadOnlyList<ObservedValue>? History { get; private init; }

    /// <summary>A copy with observed values of periods before the first projected one (e.g. the balances of past years).</summary>
    /// <param name="history">The observed values, periods strictly increasing and before <see cref="Periods"/>[0].</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentException">Empty, a period not increasing or not before the projection, or a non-finite value.</exception>
    public FanChartData WithHistory(IReadOnlyList<ObservedValue> history)
    {
        ChartFile.RequireNonEmpty(history, nameof(history));
        for (var i = 0; i < history.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(history[i], nameof(history));
            if (!double.IsFinite(history[i].ValueUsd))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"history[{i}].ValueUsd = {history[i].ValueUsd} is not a finite number."), nameof(history));
            }

            var next = i + 1 < history.Count ? history[i + 1].Period : Periods[0];
            if (next <= history[i].Period)
            {
                throw new ArgumentException($"history[{i}].Period = {history[i].Period:yyyy-MM-dd} is not before {next:yyyy-MM-dd}: observed periods come before the projection, in order.", nameof(history));
            }
        }

        return this with { History = history.ToArray() };
    }

    /// <summary>Deficit quantiles from quantiles of the balance (exports − imports): deficit p5 = −balance p95, and so on.</summary>
    /// <param name="periods">Period start dates.</param>
    /// <param name="balanceP5">Balance, 5th percentile.</param>
    /// <param name="balanceP25">Balance, 25th percentile.</param>
    /// <param name="balanceP50">Balance, median.</param>
    /// <param name="balanceP75">Balance, 75th percentile.</param>
    /// <param name="balanceP95">Balance, 95th percentile.</param>
    /// <param name="balanceBaseline">Optional baseline balance.</param>
    /// <returns>The deficit fan data.</returns>
    public static FanChartData FromBalanceQuantiles(IReadOnlyList<DateOnly> periods, IReadOnlyList<double> balanceP5, IReadOnlyList<double> balanceP25,
        IReadOnlyList<double> balanceP50, IReadOnlyList<double> balanceP75, IReadOnlyList<double> balanceP95, IReadOnlyList<double>? balanceBaseline = null)
    {
        ArgumentNullException.ThrowIfNull(balanceP5);
        ArgumentNullException.ThrowIfNull(balanceP25);
        ArgumentNullException.ThrowIfNull(balanceP50);
        ArgumentNullException.ThrowIfNull(balanceP75);
        ArgumentNullException.ThrowIfNull(balanceP95);
        static double[] Neg(IReadOnlyList<double> v) => v.Select(x => -x).ToArray();
        return new FanChartData(periods, Neg(balanceP95), Neg(balanceP75), Neg(balanceP50), Neg(balanceP25), Neg(balanceP5), balanceBaseline is null ? null : Neg(balanceBaseline));
    }
}
