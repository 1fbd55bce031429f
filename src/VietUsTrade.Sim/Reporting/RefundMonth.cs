namespace VietUsTrade.Sim.Reporting;

/// <summary>One observed month of duty on imports from Vietnam with the IEEPA part and its refund (<see cref="IeepaRefunds"/>).</summary>
public sealed class RefundMonth
{
    /// <summary>The month (day 1).</summary>
    public DateOnly Month { get; }

    /// <summary>Census imports for consumption from Vietnam, customs value.</summary>
    public double ImportsUsd { get; }

    /// <summary>Census calculated duty (what was collected).</summary>
    public double DutyUsd { get; }

    /// <summary>The IEEPA layers' share of the statutory increment over the 2024 rate (day-weighted over the month, 2024 weights).</summary>
    public double IeepaShareOfIncrement { get; }

    /// <summary>The estimated IEEPA part of the duty: (duty − imports × 2024 collected rate)⁺ × the share.</summary>
    public double IeepaDutyUsd { get; }

    /// <summary>The refund: the IEEPA part × the refunded share.</summary>
    public double RefundedUsd { get; }

    internal RefundMonth(DateOnly Month, double ImportsUsd, double DutyUsd, double IeepaShareOfIncrement, double IeepaDutyUsd, double RefundedUsd)
    {
        this.Month = Month;
        this.ImportsUsd = ImportsUsd;
        this.DutyUsd = DutyUsd;
        this.IeepaShareOfIncrement = IeepaShareOfIncrement;
        this.IeepaDutyUsd = IeepaDutyUsd;
        this.RefundedUsd = RefundedUsd;
    }

    /// <summary>Duty net of the refund.</summary>
    public double NetDutyUsd => DutyUsd - RefundedUsd;
}
