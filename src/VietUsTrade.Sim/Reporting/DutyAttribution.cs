namespace VietUsTrade.Sim.Reporting;

/// <summary>
/// The observed change in duty collected on imports from Vietnam, split exactly: ΔD = τ₀·ΔV + V₁·(E₁ − b) + V₁·(B₁ − E₁)
/// + V₁·((τ₁ − B₁) − (τ₀ − b)), with τ the collected rate, b the 2024 statutory ETR, E₁ the statutory ETR on 2024
/// weights and B₁ on the observed NAICS-3 basket (both weighted by the months' imports).
/// </summary>
/// <param name="BeforeUsd">Duty in the same months a year earlier.</param>
/// <param name="AfterUsd">Duty in the months of the year.</param>
/// <param name="VolumeUsd">τ₀·ΔV: the change in imports at the earlier collected rate.</param>
/// <param name="StatutoryRateUsd">V₁·(E₁ − b): the statutory rate change on 2024 weights.</param>
/// <param name="CompositionUsd">V₁·(B₁ − E₁): the shift of the basket between NAICS-3 sectors.</param>
/// <param name="CollectionGapUsd">V₁·((τ₁ − B₁) − (τ₀ − b)): the change of the within-sector, compliance and timing gap.</param>
public sealed record DutyAttribution(double BeforeUsd, double AfterUsd, double VolumeUsd, double StatutoryRateUsd, double CompositionUsd, double CollectionGapUsd)
{
    /// <summary>The observed change.</summary>
    public double ChangeUsd => AfterUsd - BeforeUsd;
}
