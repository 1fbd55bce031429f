using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Data;

/// <summary>US imports of one product from one supplier in the baseline year.</summary>
/// <param name="Partner">The supplier.</param>
/// <param name="ValueUsd">Imports for consumption, customs value (transaction value excluding US duties, freight and insurance), US dollars.</param>
/// <param name="DutyUsd">Calculated duty (Census estimate, including Chapter 99 additional duties in force), US dollars.</param>
internal readonly record struct SupplierFlow(Partner Partner, double ValueUsd, double DutyUsd)
{
    /// <summary>Imports for consumption, US dollars: finite, in [0, <see cref="ValueRanges.MaxTradeUsd"/>] (checked when set).</summary>
    public double ValueUsd { get; init => field = FieldRule.Usd(value, nameof(ValueUsd)); } = FieldRule.Usd(ValueUsd, nameof(ValueUsd));

    /// <summary>Calculated duty, US dollars: finite, in [0, <see cref="ValueRanges.MaxTradeUsd"/>] (checked when set).</summary>
    public double DutyUsd { get; init => field = FieldRule.Usd(value, nameof(DutyUsd)); } = FieldRule.Usd(DutyUsd, nameof(DutyUsd));

    /// <summary>The applied ad valorem rate duty / value as a fraction (0 when the value is 0).</summary>
    public double AppliedRate => ValueUsd > 0 ? DutyUsd / ValueUsd : 0.0;
}
