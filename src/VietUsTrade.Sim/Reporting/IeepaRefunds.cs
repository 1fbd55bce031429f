using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;

namespace VietUsTrade.Sim.Reporting;

/// <summary>
/// What the IEEPA refunds do to the revenue figures of 2025: the observed duty on imports from Vietnam month by month,
/// the part of it that the IEEPA tariffs raised, and that part refunded at a given share.
/// </summary>
/// <remarks>
/// <para>The Supreme Court ended the IEEPA tariffs on 2026-02-20; CBP reported about $166 bn of IEEPA duties paid by
/// more than 330,000 importers and about $100 bn refunded by 2026-08-04 (policy-2026/FACTS.md §5): a refunded share of
/// 100/166 = 0.602 (<see cref="RefundedShareAugust2026"/>), and 1 once every claim is paid. The trade flows of 2025 do not
/// change: refunds come after the goods entered, so this is an accounting of revenue, not a tariff scenario.</para>
/// <para>Estimate of the IEEPA part of a month's collected duty D on imports V: the increment over the 2024 collected rate
/// c₀ (duty / value of the 12 months of 2024), (D − c₀·V)⁺, times the IEEPA layers' share (reciprocal, transshipment,
/// fentanyl) of the statutory increment on 2024 weights, day-weighted over the month
/// (<see cref="EtrPoint.LayerContribution"/>). Collected rates fell short of statutory ones by the same factor for every
/// layer in this estimate; the Census duty is by NAICS sector, not by legal authority.</para>
/// </remarks>
public static class IeepaRefunds
{
    /// <summary>About $100 bn refunded of about $166 bn of IEEPA duties paid, as of 2026-08-04 (CBP, secondary; policy-2026/FACTS.md §5).</summary>
    public const double RefundedShareAugust2026 = 100.0 / 166.0;

    /// <summary>Every observed month of <paramref name="year"/> with its IEEPA duty and refund.</summary>
    /// <param name="observed">The observed data.</param>
    /// <param name="schedule">The compiled real timeline (or another scenario with IEEPA layers).</param>
    /// <param name="year">The year (the 2024 collected rate is that of the baseline year).</param>
    /// <param name="refundedShare">The share of IEEPA duties refunded, in [0, 1].</param>
    /// <returns>One row per observed month.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The share is outside [0, 1].</exception>
    public static IReadOnlyList<RefundMonth> Table(ObservedTrade observed, TariffSchedule schedule, int year, double refundedShare)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(schedule);
        if (!double.IsFinite(refundedShare) || refundedShare is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(refundedShare), refundedShare, "refundedShare must be in [0, 1]");
        }

        var points = observed.Get(ObservedTrade.VietnamImportsKey).Points;
        var base24 = points.Where(p => p.Month.Year == schedule.Baseline.Year).ToArray();
        var v24 = base24.Sum(p => p.ValueUsd);
        var c0 = v24 > 0 ? base24.Sum(p => p.DutyUsd) / v24 : schedule.Baseline.DutyOnVietnamUsd / schedule.Baseline.ImportsFromVietnamUsd;
        var rows = new List<RefundMonth>();
        foreach (var p in points.Where(p => p.Month.Year == year))
        {
            var end = p.Month.AddMonths(1);
            var dates = new[] { p.Month }.Concat(schedule.ChangeDates(p.Month, end).Where(d => d > p.Month && d < end)).Distinct().Order().ToArray();
            double ieepa = 0, added = 0;
            for (var i = 0; i < dates.Length; i++)
            {
                var w = ((i + 1 < dates.Length ? dates[i + 1] : end).DayNumber - dates[i].DayNumber) / (double)(end.DayNumber - p.Month.DayNumber);
                var etr = schedule.VietnamEtr(dates[i]);
                ieepa += w * (etr.LayerContribution[MeasureKind.Reciprocal] + etr.LayerContribution[MeasureKind.Transshipment] + etr.LayerContribution[MeasureKind.Fentanyl]);
                added += w * etr.EtrAddedVs2024;
            }

            var share = added > 0 ? Math.Clamp(ieepa / added, 0.0, 1.0) : 0.0;
            var duty = Math.Max(p.DutyUsd - (c0 * p.ValueUsd), 0.0) * share;
            rows.Add(new RefundMonth(p.Month, p.ValueUsd, p.DutyUsd, share, duty, duty * refundedShare));
        }

        return rows;
    }
}
