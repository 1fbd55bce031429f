namespace VietUsTrade.Sim;

/// <summary>
/// The valid ranges shared by the library's inputs (docs/input-limits.md lists every field): numbers are finite, tariff
/// rates are fractions up to <see cref="MaxTariffRate"/> and US-dollar amounts stay below <see cref="MaxTradeUsd"/>.
/// Values outside are refused when the object is constructed, naming the field and the value.
/// </summary>
public static class ValueRanges
{
    /// <summary>The largest tariff rate accepted without an explicit override: 10 = 1,000 % (rates are fractions, 0.20 = 20 %).</summary>
    public const double MaxTariffRate = 10.0;

    /// <summary>The largest tariff rate accepted with the override where one exists (<c>GeShock</c>'s allowHighTariffs): 100 = 10,000 %.</summary>
    internal const double MaxTariffRateWithOverride = 100.0;

    /// <summary>The largest US-dollar amount of one trade flow or duty: US$ 35 trillion, above all world exports of goods and services (≈ US$ 33 trillion in 2024, WTO).</summary>
    public const double MaxTradeUsd = 3.5e13;

    /// <summary>The largest elasticity (σ, ε, κ, θ and the like) accepted: 1,000.</summary>
    public const double MaxElasticity = 1000.0;
}
