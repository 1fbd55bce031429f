using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;

namespace VietUsTrade.Sim.Reporting;

/// <summary>Purchase commitments against observed US exports to Vietnam of the committed goods (HS-4 headings, Census, FAS).</summary>
/// <remarks>Observed exports are summed over the HS-4 headings of the commitment's codes: a 6-digit code (LNG 2711.11) is
/// widened to its heading (2711, all petroleum gases), a chapter-level code (88) takes every heading of the chapter. The
/// year before is the same calendar months. The ratio of the change to the committed amount bounds fulfilment ×
/// additionality from above only if nothing else moved these exports (prices, harvests and China's purchases did).</remarks>
public static class CommitmentCheck
{
    /// <summary>The outcome of every commitment in a year.</summary>
    /// <param name="observed">The observed data.</param>
    /// <param name="commitments">The commitments (e.g. <see cref="Presets.CommitmentCatalog"/>).</param>
    /// <param name="year">The year.</param>
    /// <returns>One row per commitment.</returns>
    public static IReadOnlyList<CommitmentOutcome> Table(ObservedTrade observed, IEnumerable<PurchaseCommitment> commitments, int year)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(commitments);
        const string prefix = "exports/VIETNAM/hs4/";
        var headings = observed.Series.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        var months = observed.Get(ObservedTrade.VietnamExportsKey).Points.Where(p => p.Month.Year == year).Select(p => p.Month).ToHashSet();
        var rows = new List<CommitmentOutcome>();
        foreach (var c in commitments)
        {
            var cuts = c.ObservedHeadings();
            double now = 0, before = 0;
            foreach (var s in headings.Where(s => cuts.Any(k => s.Key[prefix.Length..].StartsWith(k, StringComparison.Ordinal))))
            {
                foreach (var p in s.Points)
                {
                    if (p.Month.Year == year && months.Contains(p.Month))
                    {
                        now += p.ValueUsd;
                    }
                    else if (p.Month.Year == year - 1 && months.Contains(p.Month.AddYears(1)))
                    {
                        before += p.ValueUsd;
                    }
                }
            }

            var committed = months.Sum(m => c.AmountUsd * c.ShareIn(m, m.AddMonths(1)));
            rows.Add(new CommitmentOutcome(c.Id, c.Name, cuts, year, months.Count, now, before, committed));
        }

        return rows;
    }
}
