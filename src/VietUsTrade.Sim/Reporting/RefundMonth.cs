namespace VietUsTrade.Sim.Reporting;

/// <summary>One observed month of duty on imports from Vietnam with the IEEPA part and its refund (<see cref="IeepaRefunds"/>).</summary>
/// <param name="Month">The month (day 1).</param>
/// <param name="ImportsUsd">Census imports for consumption from Vietnam, customs value.</param>
/// <param name="DutyUsd">Census calculated duty (what was collected).</param>
/// <param name="IeepaShareOfIncrement">The IEEPA layers' share of the statutory increment over the 2024 rate (day-weighted over the month, 2024 weights).</param>
/// <param name="IeepaDutyUsd">The estimated IEEPA part of the duty: (duty − imports × 2024 collected rate)⁺ × the share.</param>
/// <param name="RefundedUsd">The refund: the IEEPA part × the refunded share.</param>
public sealed record RefundMonth(DateOnly Month, double ImportsUsd, double DutyUsd, double IeepaShareOfIncrement, double IeepaDutyUsd, double RefundedUsd)
{
    /// <summary>Duty net of the refund.</summary>
    public double NetDutyUsd => DutyUsd - RefundedUsd;
}
