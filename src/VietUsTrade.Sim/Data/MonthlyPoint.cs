namespace VietUsTrade.Sim.Data;

/// <summary>One month of a trade series.</summary>
/// <param name="Month">The first day of the month.</param>
/// <param name="ValueUsd">Value in US dollars (imports for consumption, customs value; or exports, FAS).</param>
/// <param name="DutyUsd">Calculated duty in US dollars (0 for exports).</param>
public readonly record struct MonthlyPoint(DateOnly Month, double ValueUsd, double DutyUsd)
{
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; internal init; } = Month;

    /// <summary>Value in US dollars: finite, in [0, <see cref="ValueRanges.MaxTradeUsd"/>] (checked when set).</summary>
    public double ValueUsd { get; internal init => field = FieldRule.Usd(value, nameof(ValueUsd)); } = FieldRule.Usd(ValueUsd, nameof(ValueUsd));

    /// <summary>Calculated duty in US dollars: finite, in [0, <see cref="ValueRanges.MaxTradeUsd"/>] (checked when set).</summary>
    internal double DutyUsd { get; init => field = FieldRule.Usd(value, nameof(DutyUsd)); } = FieldRule.Usd(DutyUsd, nameof(DutyUsd));
}
