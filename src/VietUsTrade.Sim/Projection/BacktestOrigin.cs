namespace VietUsTrade.Sim.Projection;

/// <summary>One as-of origin of a backtest: the months projected after it, their scores and every supplier's change.</summary>
/// <param name="AsOf">The as-of month.</param>
/// <param name="To">The last projected month.</param>
/// <param name="Months">The projected months with what was observed.</param>
/// <param name="Scores">Scores by metric ("imports", "duty", "exports"), only for metrics with observed months.</param>
/// <param name="WindowImportsUsd">Quantiles of the imports from Vietnam summed over the window.</param>
/// <param name="ObservedWindowImportsUsd">The observed sum over the window (null unless every month is observed).</param>
/// <param name="Suppliers">Every supplier's projected change over the window (Vietnam included).</param>
/// <param name="Baseline">How the no-policy path was obtained at this origin.</param>
public sealed record BacktestOrigin(DateOnly AsOf, DateOnly To, IReadOnlyList<BacktestMonth> Months, IReadOnlyDictionary<string, BacktestScore> Scores,
    Quantiles WindowImportsUsd, double? ObservedWindowImportsUsd, IReadOnlyList<SupplierChange> Suppliers, string Baseline);
