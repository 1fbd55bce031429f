namespace VietUsTrade.Sim.Reporting;

/// <summary>One observed month: what the US collected on imports from Vietnam (and from all countries) against the statutory rate of a scenario.</summary>
/// <param name="Month">The month (day 1).</param>
/// <param name="VietnamImportsUsd">Observed US imports for consumption from Vietnam, customs value, US dollars (Census CON_VAL_MO).</param>
/// <param name="VietnamDutyUsd">Observed calculated duty on them, US dollars (Census CAL_DUT_MO).</param>
/// <param name="WorldImportsUsd">Observed US imports for consumption from all countries, US dollars.</param>
/// <param name="WorldDutyUsd">Observed calculated duty on them, US dollars.</param>
/// <param name="StatutoryRate2024Weights">The scenario's statutory ETR on Vietnam's goods with 2024 line weights, day-weighted over the month (fraction).</param>
/// <param name="StatutoryRateCurrentBasket">The same statutory rates weighted by the month's observed NAICS-3 basket: Σ_n w_n(month) · ETR_n(2024 line weights within n) (fraction).</param>
public sealed record CollectedRateMonth(DateOnly Month, double VietnamImportsUsd, double VietnamDutyUsd, double WorldImportsUsd, double WorldDutyUsd,
    double StatutoryRate2024Weights, double StatutoryRateCurrentBasket)
{
    /// <summary>Collected rate on Vietnam: duty / customs value (fraction).</summary>
    public double VietnamCollectedRate => VietnamImportsUsd > 0 ? VietnamDutyUsd / VietnamImportsUsd : 0.0;

    /// <summary>Collected rate on all countries (fraction).</summary>
    public double WorldCollectedRate => WorldImportsUsd > 0 ? WorldDutyUsd / WorldImportsUsd : 0.0;

    /// <summary>Statutory (current basket) minus collected: the compliance, timing and within-sector gap (fraction).</summary>
    public double Wedge => StatutoryRateCurrentBasket - VietnamCollectedRate;
}
