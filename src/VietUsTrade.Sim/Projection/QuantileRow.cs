using System.Globalization;

namespace VietUsTrade.Sim.Projection;

/// <summary>Quantiles of every metric for one period.</summary>
public sealed class QuantileRow
{
    /// <summary>"2026" (year) or "2026-03" (month).</summary>
    public string Period { get; }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month (1–12) for monthly rows, else null.</summary>
    public int? Month { get; }

    /// <summary>Metric name → quantiles.</summary>
    public IReadOnlyDictionary<string, Quantiles> Metrics { get; }

    internal QuantileRow(string Period, int Year, int? Month, IReadOnlyDictionary<string, Quantiles> Metrics)
    {
        this.Period = Period;
        this.Year = Year;
        this.Month = Month;
        this.Metrics = Metrics;
    }
}
