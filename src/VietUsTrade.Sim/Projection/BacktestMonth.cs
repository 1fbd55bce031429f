namespace VietUsTrade.Sim.Projection;

/// <summary>One projected month of a backtest origin with what was observed (null where the data end).</summary>
/// <param name="Month">The month (day 1).</param>
/// <param name="ImportsUsd">Quantiles of US imports for consumption from Vietnam.</param>
/// <param name="DutyUsd">Quantiles of the duty on them (imports × the collected-rate layer).</param>
/// <param name="ExportsUsd">Quantiles of US total exports (FAS) to Vietnam.</param>
/// <param name="ObservedImportsUsd">Census imports for consumption, or null.</param>
/// <param name="ObservedDutyUsd">Census calculated duty, or null.</param>
/// <param name="ObservedExportsUsd">Census total exports, or null.</param>
public sealed record BacktestMonth(DateOnly Month, Quantiles ImportsUsd, Quantiles DutyUsd, Quantiles ExportsUsd, double? ObservedImportsUsd, double? ObservedDutyUsd, double? ObservedExportsUsd);
