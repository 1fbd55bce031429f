using System.Globalization;

namespace VietUsTrade.Sim.Projection;

/// <summary>Quantiles of every metric for one period.</summary>
/// <param name="Period">"2026" (year) or "2026-03" (month).</param>
/// <param name="Year">The year.</param>
/// <param name="Month">The month (1–12) for monthly rows, else null.</param>
/// <param name="Metrics">Metric name → quantiles.</param>
public sealed record QuantileRow(string Period, int Year, int? Month, IReadOnlyDictionary<string, Quantiles> Metrics);
