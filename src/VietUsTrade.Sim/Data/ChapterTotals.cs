namespace VietUsTrade.Sim.Data;

/// <summary>US imports of one HS chapter in the baseline year: all partners and Vietnam.</summary>
/// <param name="Chapter">The HS chapter, 1–99.</param>
/// <param name="Name">Short English name (Budget Lab list).</param>
/// <param name="WorldValueUsd">Imports for consumption from all partners (Census HS2 file, sum over every country code except the EU aggregate), US dollars.</param>
/// <param name="WorldDutyUsd">Calculated duty from all partners.</param>
/// <param name="VietnamValueUsd">Imports from Vietnam.</param>
/// <param name="VietnamDutyUsd">Duty on imports from Vietnam.</param>
/// <param name="RestOfWorldValueUsd">The residual: world minus the 50 detailed partners (allocated to lines as the rest-of-world supplier).</param>
/// <remarks>Every field is checked when set (constructor and <c>with</c> alike): the chapter in 1–99, every amount finite in [0, <see cref="ValueRanges.MaxTradeUsd"/>].</remarks>
public sealed record ChapterTotals(int Chapter, string Name, double WorldValueUsd, double WorldDutyUsd, double VietnamValueUsd, double VietnamDutyUsd, double RestOfWorldValueUsd)
{
    /// <summary>Short English name (Budget Lab list).</summary>
    public string Name { get; internal init; } = Name;

    /// <summary>The HS chapter, 1–99 (checked when set).</summary>
    public int Chapter { get; internal init => field = FieldRule.Check(value, value is >= 1 and <= 99, nameof(Chapter), "must be an HS chapter from 1 to 99"); }
        = FieldRule.Check(Chapter, Chapter is >= 1 and <= 99, nameof(Chapter), "must be an HS chapter from 1 to 99");

    /// <summary>Imports from all partners, US dollars (checked when set).</summary>
    public double WorldValueUsd { get; internal init => field = FieldRule.Usd(value, nameof(WorldValueUsd)); } = FieldRule.Usd(WorldValueUsd, nameof(WorldValueUsd));

    /// <summary>Calculated duty from all partners, US dollars (checked when set).</summary>
    internal double WorldDutyUsd { get; init => field = FieldRule.Usd(value, nameof(WorldDutyUsd)); } = FieldRule.Usd(WorldDutyUsd, nameof(WorldDutyUsd));

    /// <summary>Imports from Vietnam, US dollars (checked when set).</summary>
    public double VietnamValueUsd { get; internal init => field = FieldRule.Usd(value, nameof(VietnamValueUsd)); } = FieldRule.Usd(VietnamValueUsd, nameof(VietnamValueUsd));

    /// <summary>Duty on imports from Vietnam, US dollars (checked when set).</summary>
    internal double VietnamDutyUsd { get; init => field = FieldRule.Usd(value, nameof(VietnamDutyUsd)); } = FieldRule.Usd(VietnamDutyUsd, nameof(VietnamDutyUsd));

    /// <summary>Imports from the rest of the world, US dollars (checked when set).</summary>
    internal double RestOfWorldValueUsd { get; init => field = FieldRule.Usd(value, nameof(RestOfWorldValueUsd)); } = FieldRule.Usd(RestOfWorldValueUsd, nameof(RestOfWorldValueUsd));

    /// <summary>Vietnam's share of US imports of the chapter.</summary>
    public double VietnamShare => WorldValueUsd > 0 ? VietnamValueUsd / WorldValueUsd : 0.0;
}
