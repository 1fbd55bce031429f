namespace VietUsTrade.Sim.Projection;

/// <summary>One projected month of a backtest origin with what was observed (null where the data end).</summary>
public sealed class BacktestMonth
{
    /// <summary>The month (day 1).</summary>
    public DateOnly Month { get; }

    /// <summary>Quantiles of US imports for consumption from Vietnam.</summary>
    public Quantiles ImportsUsd { get; }

    /// <summary>Quantiles of the duty on them (imports × the collected-rate layer).</summary>
    public Quantiles DutyUsd { get; }

    /// <summary>Quantiles of US total exports (FAS) to Vietnam.</summary>
    public Quantiles ExportsUsd { get; }

    /// <summary>Census imports for consumption, or null.</summary>
    public double? ObservedImportsUsd { get; }

    /// <summary>Census calculated duty, or null.</summary>
    public double? ObservedDutyUsd { get; }

    /// <summary>Census total exports, or null.</summary>
    public double? ObservedExportsUsd { get; }

    internal BacktestMonth(DateOnly Month, Quantiles ImportsUsd, Quantiles DutyUsd, Quantiles ExportsUsd, double? ObservedImportsUsd, double? ObservedDutyUsd, double? ObservedExportsUsd)
    {
        this.Month = Month;
        this.ImportsUsd = ImportsUsd;
        this.DutyUsd = DutyUsd;
        this.ExportsUsd = ExportsUsd;
        this.ObservedImportsUsd = ObservedImportsUsd;
        this.ObservedDutyUsd = ObservedDutyUsd;
        this.ObservedExportsUsd = ObservedExportsUsd;
    }
}
