namespace VietUsTrade.Sim.Reporting;

/// <summary>One observed month: what the US collected on imports from Vietnam (and from all countries) against the statutory rate of a scenario.</summary>
public sealed class CollectedRateMonth
{
    /// <summary>The month (day 1).</summary>
    public DateOnly Month { get; }

    /// <summary>Observed US imports for consumption from Vietnam, customs value, US dollars (Census CON_VAL_MO).</summary>
    public double VietnamImportsUsd { get; }

    /// <summary>Observed calculated duty on them, US dollars (Census CAL_DUT_MO).</summary>
    public double VietnamDutyUsd { get; }

    /// <summary>Observed US imports for consumption from all countries, US dollars.</summary>
    public double WorldImportsUsd { get; }

    /// <summary>Observed calculated duty on them, US dollars.</summary>
    public double WorldDutyUsd { get; }

    /// <summary>The scenario's statutory ETR on Vietnam's goods with 2024 line weights, day-weighted over the month (fraction).</summary>
    public double StatutoryRate2024Weights { get; }

    /// <summary>The same statutory rates weighted by the month's observed NAICS-3 basket: Σ_n w_n(month) · ETR_n(2024 line weights within n) (fraction).</summary>
    public double StatutoryRateCurrentBasket { get; }

    internal CollectedRateMonth(DateOnly Month, double VietnamImportsUsd, double VietnamDutyUsd, double WorldImportsUsd, double WorldDutyUsd, double StatutoryRate2024Weights, double StatutoryRateCurrentBasket)
    {
        this.Month = Month;
        this.VietnamImportsUsd = VietnamImportsUsd;
        this.VietnamDutyUsd = VietnamDutyUsd;
        this.WorldImportsUsd = WorldImportsUsd;
        this.WorldDutyUsd = WorldDutyUsd;
        this.StatutoryRate2024Weights = StatutoryRate2024Weights;
        this.StatutoryRateCurrentBasket = StatutoryRateCurrentBasket;
    }

    /// <summary>Collected rate on Vietnam: duty / customs value (fraction).</summary>
    public double VietnamCollectedRate => VietnamImportsUsd > 0 ? VietnamDutyUsd / VietnamImportsUsd : 0.0;

    /// <summary>Collected rate on all countries (fraction).</summary>
    public double WorldCollectedRate => WorldImportsUsd > 0 ? WorldDutyUsd / WorldImportsUsd : 0.0;

    /// <summary>Statutory (current basket) minus collected: the compliance, timing and within-sector gap (fraction).</summary>
    internal double Wedge => StatutoryRateCurrentBasket - VietnamCollectedRate;
}
