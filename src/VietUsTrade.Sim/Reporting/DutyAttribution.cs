namespace VietUsTrade.Sim.Reporting;

/// <summary>
/// The observed change in duty collected on imports from Vietnam, split exactly: ΔD = τ₀·ΔV + V₁·(E₁ − b) + V₁·(B₁ − E₁)
/// + V₁·((τ₁ − B₁) − (τ₀ − b)), with τ the collected rate, b the 2024 statutory ETR, E₁ the statutory ETR on 2024
/// weights and B₁ on the observed NAICS-3 basket (both weighted by the months' imports).
/// </summary>
public sealed class DutyAttribution
{
    /// <summary>Duty in the same months a year earlier.</summary>
    public double BeforeUsd { get; }

    /// <summary>Duty in the months of the year.</summary>
    public double AfterUsd { get; }

    /// <summary>τ₀·ΔV: the change in imports at the earlier collected rate.</summary>
    public double VolumeUsd { get; }

    /// <summary>V₁·(E₁ − b): the statutory rate change on 2024 weights.</summary>
    public double StatutoryRateUsd { get; }

    /// <summary>V₁·(B₁ − E₁): the shift of the basket between NAICS-3 sectors.</summary>
    public double CompositionUsd { get; }

    /// <summary>V₁·((τ₁ − B₁) − (τ₀ − b)): the change of the within-sector, compliance and timing gap.</summary>
    public double CollectionGapUsd { get; }

    internal DutyAttribution(double BeforeUsd, double AfterUsd, double VolumeUsd, double StatutoryRateUsd, double CompositionUsd, double CollectionGapUsd)
    {
        this.BeforeUsd = BeforeUsd;
        this.AfterUsd = AfterUsd;
        this.VolumeUsd = VolumeUsd;
        this.StatutoryRateUsd = StatutoryRateUsd;
        this.CompositionUsd = CompositionUsd;
        this.CollectionGapUsd = CollectionGapUsd;
    }

    /// <summary>The observed change.</summary>
    public double ChangeUsd => AfterUsd - BeforeUsd;
}
