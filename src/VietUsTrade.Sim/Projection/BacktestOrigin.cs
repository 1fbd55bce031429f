namespace VietUsTrade.Sim.Projection;

/// <summary>One as-of origin of a backtest: the months projected after it, their scores and every supplier's change.</summary>
public sealed class BacktestOrigin
{
    /// <summary>The as-of month.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The last projected month.</summary>
    public DateOnly To { get; }

    /// <summary>The projected months with what was observed.</summary>
    public IReadOnlyList<BacktestMonth> Months { get; }

    /// <summary>Scores by metric ("imports", "duty", "exports"), only for metrics with observed months.</summary>
    public IReadOnlyDictionary<string, BacktestScore> Scores { get; }

    /// <summary>Quantiles of the imports from Vietnam summed over the window.</summary>
    public Quantiles WindowImportsUsd { get; }

    /// <summary>The observed sum over the window (null unless every month is observed).</summary>
    public double? ObservedWindowImportsUsd { get; }

    /// <summary>Every supplier's projected change over the window (Vietnam included).</summary>
    public IReadOnlyList<SupplierChange> Suppliers { get; }

    /// <summary>How the no-policy path was obtained at this origin.</summary>
    public string Baseline { get; }

    internal BacktestOrigin(DateOnly AsOf, DateOnly To, IReadOnlyList<BacktestMonth> Months, IReadOnlyDictionary<string, BacktestScore> Scores, Quantiles WindowImportsUsd, double? ObservedWindowImportsUsd, IReadOnlyList<SupplierChange> Suppliers, string Baseline)
    {
        this.AsOf = AsOf;
        this.To = To;
        this.Months = Months;
        this.Scores = Scores;
        this.WindowImportsUsd = WindowImportsUsd;
        this.ObservedWindowImportsUsd = ObservedWindowImportsUsd;
        this.Suppliers = Suppliers;
        this.Baseline = Baseline;
    }
}
