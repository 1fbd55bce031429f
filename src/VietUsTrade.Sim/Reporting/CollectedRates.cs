using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;

namespace VietUsTrade.Sim.Reporting;

/// <summary>
/// Collected versus statutory tariff rates on goods from Vietnam, month by month, over the observed months in the box.
/// </summary>
/// <remarks>
/// <para>The collected rate is Census calculated duty over customs value (imports for consumption) of the month, as the
/// Yale Budget Lab separates the statutory rate (what the tariff schedule says, on fixed weights) from the collected or
/// "effective" rate (duty actually assessed on what actually came in). Two statutory rates are shown: on the 2024 line
/// weights of the line-level model (<see cref="TariffSchedule.VietnamEtr"/>), day-weighted over the pieces of the month
/// between change dates; and on the month's observed basket: the 2024-weighted statutory rate of each NAICS-3 sector
/// (lines mapped by the Census HTS–NAICS concordance carried on every line) weighted by that sector's observed share of
/// the month's imports from Vietnam. The difference between the 2024-weight and current-basket rates is composition;
/// the rest of the gap to the collected rate is the within-sector, compliance and timing wedge (e.g. goods in transit
/// grace periods, de minimis, drawback, valuation).</para>
/// <para>Observed NAICS sectors with no line in the model (e.g. 910/980/990 special classification provisions) carry the
/// 2024 collected rate of that sector as their statutory rate; sectors are weighted by observed value only.</para>
/// </remarks>
public static class CollectedRates
{
    /// <summary>The table of every observed month from <paramref name="from"/> to <paramref name="to"/> present in the data.</summary>
    /// <param name="observed">The observed data (possibly as of a month).</param>
    /// <param name="schedule">The compiled tariff schedule of the scenario whose statutory rate is compared.</param>
    /// <param name="from">First month.</param>
    /// <param name="to">Last month.</param>
    /// <returns>One row per observed month.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static IReadOnlyList<CollectedRateMonth> Table(ObservedTrade observed, TariffSchedule schedule, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(schedule);
        from = new DateOnly(from.Year, from.Month, 1);
        to = new DateOnly(to.Year, to.Month, 1);
        if (to < from)
        {
            throw new ArgumentException($"to = {to:yyyy-MM} is before from = {from:yyyy-MM}.", nameof(to));
        }

        var baseline = schedule.Baseline;
        var lines = baseline.LinesArray;
        var world = observed.Get(ObservedTrade.WorldImportsKey).Points.ToDictionary(p => p.Month);
        var sectors = observed.Series
            .Where(s => s.Key.StartsWith("imports/VIETNAM/", StringComparison.Ordinal) && s.Key != ObservedTrade.VietnamImportsKey && s.Key != ObservedTrade.VietnamImportsHistoryKey)
            .ToDictionary(s => s.Key["imports/VIETNAM/".Length..], s => s.Points.ToDictionary(p => p.Month), StringComparer.Ordinal);
        var sectorOfLine = lines.Select(l => l.Naics is { Length: >= 3 } n ? n[..3] : null).ToArray();
        var rows = new List<CollectedRateMonth>();
        foreach (var p in observed.Get(ObservedTrade.VietnamImportsKey).Points.Where(p => p.Month >= from && p.Month <= to))
        {
            var end = p.Month.AddMonths(1);
            var dates = new[] { p.Month }.Concat(schedule.ChangeDates(p.Month, end).Where(d => d > p.Month && d < end)).Distinct().Order().ToArray();
            double total = 0;
            var bySector = new Dictionary<string, (double Duty, double Value)>(StringComparer.Ordinal);
            for (var i = 0; i < dates.Length; i++)
            {
                var w = ((i + 1 < dates.Length ? dates[i + 1] : end).DayNumber - dates[i].DayNumber) / (double)(end.DayNumber - p.Month.DayNumber);
                var rates = schedule.RatesOn(dates[i]);
                total += w * rates.VietnamEtr(baseline).EtrTotal;
                for (var l = 0; l < lines.Length; l++)
                {
                    if (sectorOfLine[l] is not { } s)
                    {
                        continue;
                    }

                    var v = lines[l].Vietnam.ValueUsd;
                    var acc = bySector.GetValueOrDefault(s);
                    bySector[s] = (acc.Duty + (w * v * rates.Rate(l, 0)), acc.Value + (w * v));
                }
            }

            double basketDuty = 0, basketValue = 0;
            foreach (var (code, points) in sectors)
            {
                if (code == "00" || !points.TryGetValue(p.Month, out var obs) || obs.ValueUsd <= 0)
                {
                    continue;
                }

                double rate;
                if (bySector.TryGetValue(code, out var sv) && sv.Value > 0)
                {
                    rate = sv.Duty / sv.Value;
                }
                else
                {
                    var y24 = points.Values.Where(q => q.Month.Year == baseline.Year).ToArray();
                    var v24 = y24.Sum(q => q.ValueUsd);
                    rate = v24 > 0 ? y24.Sum(q => q.DutyUsd) / v24 : 0.0;
                }

                basketDuty += obs.ValueUsd * rate;
                basketValue += obs.ValueUsd;
            }

            var wpt = world.GetValueOrDefault(p.Month);
            rows.Add(new CollectedRateMonth(p.Month, p.ValueUsd, p.DutyUsd, wpt.ValueUsd, wpt.DutyUsd, total, basketValue > 0 ? basketDuty / basketValue : total));
        }

        return rows;
    }
}
