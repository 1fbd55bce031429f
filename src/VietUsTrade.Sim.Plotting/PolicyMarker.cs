using System.Globalization;
using ScottPlot;
using VietUsTrade.Sim.Policy;

namespace VietUsTrade.Sim.Plotting;

/// <summary>A dated policy event to mark on a timeline.</summary>
/// <param name="Date">The date the event takes effect.</param>
/// <param name="Label">A short label, e.g. "IEEPA 20% on Vietnam".</param>
public sealed record PolicyMarker(DateOnly Date, string Label)
{
    /// <summary>
    /// The events of a scenario that apply to Vietnam specifically: starts of measures naming Vietnam as a supplier
    /// (measures with a zero share of goods are skipped), and ends of such measures where no Vietnam measure of the same
    /// kind starts that day. Product-wide measures on all suppliers (e.g. Section 232) are left out to keep the chart
    /// readable; their effect still shows in the ETR line.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="from">First date shown.</param>
    /// <param name="to">Last date shown.</param>
    /// <returns>The markers, by date.</returns>
    public static IReadOnlyList<PolicyMarker> FromScenario(Scenario scenario, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var vn = scenario.Measures.Where(m => m.Suppliers.Contains(Products.Partner.VietnamCode, StringComparer.Ordinal) && m.ShareOfGoods > 0).ToArray();
        var events = new List<PolicyMarker>();
        foreach (var m in vn)
        {
            if (m.From >= from && m.From <= to)
            {
                events.Add(new PolicyMarker(m.From, Short(m)));
            }

            if (m.Until is { } u && u >= from && u <= to && !vn.Any(o => o.From == u && o.Kind == m.Kind))
            {
                events.Add(new PolicyMarker(u, "end of " + Short(m)));
            }
        }

        return events.GroupBy(e => e.Date).OrderBy(g => g.Key)
            .Select(g => new PolicyMarker(g.Key, string.Join("; ", g.Select(e => e.Label).Distinct(StringComparer.Ordinal)))).ToArray();
    }

    /// <summary>
    /// Every step of Vietnam's ETR (2024 weights) of at least <paramref name="threshold"/> (0.002 = 0.2 pp), whatever made
    /// it: a measure on Vietnam, a product-wide measure on all suppliers (Section 232) or a dated change of an exemption
    /// list (e.g. the farm goods of 2025-11-13). Each label names what starts or ends that day and the size of the step,
    /// e.g. "Section 232 timber and furniture 25% (+0.6 pp)".
    /// </summary>
    /// <param name="schedule">The compiled scenario.</param>
    /// <param name="from">First date shown.</param>
    /// <param name="to">Last date shown.</param>
    /// <param name="threshold">Smallest step numbered (fraction; default 0.002).</param>
    /// <param name="library">The policy library for list descriptions (default: embedded).</param>
    /// <returns>The markers, by date.</returns>
    public static IReadOnlyList<PolicyMarker> FromEtrSteps(TariffSchedule schedule, DateOnly from, DateOnly to, double threshold = 0.002, PolicyLibrary? library = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        library ??= PolicyLibrary.LoadEmbedded();
        var path = schedule.VietnamEtrPath(from, to);
        var measures = schedule.Scenario.Measures.Where(m => m.CoversSupplier(Products.Partner.VietnamCode) && m.ShareOfGoods > 0 && m.Rate > 0).ToArray();
        var lists = measures.SelectMany(m => m.ExemptionLists.Concat(m.ProductLists)).Distinct(StringComparer.Ordinal)
            .Select(n => library.Get(n)).Where(l => l.ChangeDates().Any()).ToArray();
        var markers = new List<PolicyMarker>();
        for (var i = 1; i < path.Count; i++)
        {
            var d = path[i].Date;
            var step = path[i].EtrTotal - path[i - 1].EtrTotal;
            if (Math.Abs(step) < threshold)
            {
                continue;
            }

            var parts = measures.Where(m => m.From == d).Select(Short)
                .Concat(measures.Where(m => m.Until == d && !measures.Any(o => o.From == d && o.Kind == m.Kind)).Select(m => "end of " + Short(m)))
                .Distinct(StringComparer.Ordinal).ToList();
            if (parts.Count == 0)
            {
                // No measure starts or ends: a dated exemption-list change (e.g. the farm goods of 2025-11-13).
                parts.AddRange(lists.Where(l => l.ChangeDates().Contains(d)).Select(ListLabel).Distinct(StringComparer.Ordinal));
            }

            var size = (step * 100).ToString("+0.0;−0.0", CultureInfo.InvariantCulture);
            markers.Add(new PolicyMarker(d, $"{Join(parts, 80)} ({size} pp)"));
        }

        return markers;
    }

    // The parts joined by "; " while they fit in about `width` characters, then "and N more".
    private static string Join(List<string> parts, int width)
    {
        if (parts.Count == 0)
        {
            return "rates change";
        }

        var text = parts[0];
        var k = 1;
        while (k < parts.Count && text.Length + 2 + parts[k].Length <= width)
        {
            text += "; " + parts[k++];
        }

        return k < parts.Count ? $"{text} and {parts.Count - k} more" : text;
    }

    // "Agricultural products exempted … (EO …)" → its text before the first " (" or ":", at most 60 characters.
    private static string ListLabel(ProductList list)
    {
        var text = list.Description;
        var cut = text.IndexOfAny([':', '(']);
        text = (cut > 0 ? text[..cut] : text).Trim();
        return text.Length <= 60 ? text : text[..57].TrimEnd() + "…";
    }

    private static string Short(TariffMeasure m)
    {
        var rate = (m.Rate * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
        var info = m.KindInfo;
        if (!info.RateInLabel)
        {
            return m.Name;
        }

        return info.Stacking == StackingRule.ReplacesReciprocal
            ? $"{info.Label} {rate} on {(m.ShareOfGoods * 100).ToString("0", CultureInfo.InvariantCulture)}% of goods"
            : $"{info.Label} {rate}";
    }
}
