using System.Globalization;
using ScottPlot;
using VietUsTrade.Sim.Policy;

namespace VietUsTrade.Sim.Plotting;

/// <summary>Vietnam's effective tariff rate over time as step lines, with policy dates marked and numbered.</summary>
/// <remarks>
/// Markers closer than <c>minDaysApart</c> are merged into one numbered marker (e.g. 2025-04-05/09/10), and the numbered
/// labels are listed in a legend below the plot so they never overlap the lines or each other.
/// </remarks>
public static class EtrChart
{
    private static readonly Color[] Palette = [Colors.Black, Colors.Crimson, Colors.SteelBlue, Colors.DarkOrange, Colors.SeaGreen, Colors.Purple, Colors.SaddleBrown, Colors.HotPink];

    /// <summary>Builds the chart.</summary>
    /// <param name="series">One or more step series (the first is drawn thickest).</param>
    /// <param name="markers">Policy events to mark (may be empty).</param>
    /// <param name="end">Date where the last step ends (must be on or after every series' last date).</param>
    /// <param name="title">Chart title.</param>
    /// <param name="minDaysApart">Markers closer than this are merged into one.</param>
    /// <param name="collected">Observed months whose collected rate (Census calculated duty / customs value) is drawn as
    /// dots at mid-month beside the statutory lines; none when null.</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentException">No series, or <paramref name="end"/> before a series' last date.</exception>
    public static Plot Build(IReadOnlyList<EtrSeries> series, IReadOnlyList<PolicyMarker> markers, DateOnly end,
        string title = "Vietnam: import-weighted effective US tariff rate (2024 weights)", int minDaysApart = 20, IReadOnlyList<VietUsTrade.Sim.Reporting.CollectedRateMonth>? collected = null)
    {
        ChartFile.RequireNonEmpty(series, nameof(series));
        ArgumentNullException.ThrowIfNull(markers);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentOutOfRangeException.ThrowIfNegative(minDaysApart);
        foreach (var s in series)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(series));
            if (end < s.Dates[^1])
            {
                throw new ArgumentException($"end = {end:yyyy-MM-dd} is before the last date {s.Dates[^1]:yyyy-MM-dd} of series '{s.Name}'.", nameof(end));
            }
        }

        var plot = new Plot();
        var start = series.Min(s => s.Dates[0]);
        var top = series.Max(s => s.Rates.Max()) * 100;
        for (var k = series.Count - 1; k >= 0; k--)
        {
            var s = series[k];
            var xs = s.Dates.Select(ChartFile.X).Append(ChartFile.X(end)).ToArray();
            var ys = s.Rates.Select(r => r * 100).Append(s.Rates[^1] * 100).ToArray();
            var line = plot.Add.ScatterLine(xs, ys);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.Color = Palette[k % Palette.Length];
            line.LineWidth = k == 0 ? 3 : 2;
            line.LinePattern = Pattern(k);   // coinciding steps of different scenarios stay visible
            line.LegendText = string.Empty;   // listed in the legend panel, in the order given
            if (k > 0)
            {
                // Markers every 60 days, staggered by 10 days per series: where lines coincide, each one's markers still show.
                var at = Enumerable.Range(0, int.MaxValue).Select(n => start.AddDays(5 + (k - 1) * 10 % 60 + n * 60)).TakeWhile(d => d <= end).ToArray();
                var marks = plot.Add.ScatterPoints(at.Select(ChartFile.X).ToArray(), at.Select(d => RateAt(s, d) * 100).ToArray());
                marks.Color = line.Color;
                marks.MarkerShape = Shape(k);
                marks.MarkerSize = 8;
                marks.LegendText = string.Empty;
            }
        }

        var dots = (collected ?? []).Where(c => c.VietnamImportsUsd > 0 && c.Month.AddDays(14) >= start && c.Month.AddDays(14) <= end).ToArray();
        if (dots.Length > 0)
        {
            var scatter = plot.Add.ScatterPoints(dots.Select(c => ChartFile.X(c.Month.AddDays(14))).ToArray(), dots.Select(c => c.VietnamCollectedRate * 100).ToArray());
            scatter.Color = Colors.Black;
            scatter.MarkerSize = 7;
            scatter.MarkerShape = MarkerShape.FilledCircle;
            scatter.LegendText = string.Empty;
            top = Math.Max(top, dots.Max(c => c.VietnamCollectedRate) * 100);
        }

        var groups = Group(markers.Where(m => m.Date >= start && m.Date <= end).OrderBy(m => m.Date).ToArray(), minDaysApart);
        var yMax = Math.Max(5, top * 1.15);
        for (var g = 0; g < groups.Count; g++)
        {
            var (date, _) = groups[g];
            var v = plot.Add.VerticalLine(ChartFile.X(date), 1, Colors.Gray, LinePattern.Dashed);
            v.LegendText = string.Empty;
            var number = plot.Add.Text((g + 1).ToString(CultureInfo.InvariantCulture), ChartFile.X(date), yMax * 0.985);
            number.LabelFontSize = 13;
            number.LabelBold = true;
            number.LabelFontColor = Colors.White;
            number.LabelBackgroundColor = Colors.DimGray;
            number.LabelBorderRadius = 8;
            number.LabelPadding = 3;
            number.LabelAlignment = Alignment.UpperCenter;
        }

        ChartFile.Style(plot, title, null, "Effective tariff rate (%)");
        ChartFile.DateBottomTicks(plot);
        ChartFile.NumericLeftTicks(plot, v => v.ToString("0", CultureInfo.InvariantCulture) + "%");
        plot.Axes.SetLimitsY(0, yMax);
        plot.Axes.SetLimitsX(ChartFile.X(start) - 10, ChartFile.X(end) + 10);
        // Series legend in a panel at the right (in the order given), the numbered policy events in a panel below:
        // neither can cover a line.
        var names = new Legend(plot) { FontSize = 13, IsVisible = true };
        names.ManualItems.AddRange(series.Select((s, k) => new LegendItem
        {
            LabelText = s.Name, LineColor = Palette[k % Palette.Length], LineWidth = k == 0 ? 3 : 2, LinePattern = Pattern(k),
            MarkerShape = k == 0 ? MarkerShape.None : Shape(k), MarkerFillColor = Palette[k % Palette.Length], MarkerLineColor = Palette[k % Palette.Length], MarkerSize = 8,
        }));
        if (dots.Length > 0)
        {
            names.ManualItems.Add(new LegendItem { LabelText = "collected (Census)", LineWidth = 0, MarkerShape = MarkerShape.FilledCircle, MarkerFillColor = Colors.Black, MarkerLineColor = Colors.Black, MarkerSize = 7 });
        }

        foreach (var note in Coinciding(series, end, 60))
        {
            foreach (var line in ChartFile.Wrap(note, 30).Split('\n'))
            {
                names.ManualItems.Add(new LegendItem { LabelText = line, LineWidth = 0, MarkerShape = MarkerShape.None });
            }
        }

        plot.Axes.AddPanel(new ScottPlot.Panels.LegendPanel(names) { Edge = Edge.Right, Alignment = Alignment.UpperCenter });
        if (groups.Count > 0)
        {
            var events = new Legend(plot) { FontSize = 13, IsVisible = true };
            events.ManualItems.Add(new LegendItem { LabelText = $"Policy events on Vietnam in {series[0].Name}:", LineWidth = 0, MarkerShape = MarkerShape.None });
            for (var i = 0; i < groups.Count; i++)
            {
                // Long groups (several events within 20 days) continue on indented lines so no text runs off the panel.
                var lines = WrapEvents(groups[i].Label, 90);
                for (var j = 0; j < lines.Count; j++)
                {
                    events.ManualItems.Add(new LegendItem { LabelText = j == 0 ? $"{i + 1}\u2002{lines[j]}" : $"\u2003\u2002{lines[j]}", LineWidth = 0, MarkerShape = MarkerShape.None });
                }
            }
            plot.Axes.AddPanel(new ScottPlot.Panels.LegendPanel(events) { Edge = Edge.Bottom, Alignment = Alignment.UpperLeft });
        }

        return plot;
    }

    /// <summary>Builds the chart and writes it as PNG or SVG (by extension).</summary>
    /// <param name="path">Output file (.png or .svg).</param>
    /// <param name="series">The step series.</param>
    /// <param name="markers">Policy events.</param>
    /// <param name="end">End of the last step.</param>
    /// <param name="source">A source line under the chart (<see cref="ChartFile.AddSource"/>); none when null.</param>
    /// <returns>The full path written.</returns>
    /// <param name="collected">Observed collected rates drawn as dots (see <see cref="Build"/>); none when null.</param>
    public static string Write(string path, IReadOnlyList<EtrSeries> series, IReadOnlyList<PolicyMarker> markers, DateOnly end, string? source = null,
        IReadOnlyList<VietUsTrade.Sim.Reporting.CollectedRateMonth>? collected = null) =>
        ChartFile.Save(ChartFile.AddSource(Build(series, markers, end, collected: collected), source), path, ChartFile.DefaultWidth, source is null ? 820 : 860);

    private static MarkerShape Shape(int k) => k == 0 ? MarkerShape.None : ((k - 1) % 6) switch
    {
        0 => MarkerShape.FilledSquare,
        1 => MarkerShape.FilledTriangleUp,
        2 => MarkerShape.FilledDiamond,
        3 => MarkerShape.FilledTriangleDown,
        4 => MarkerShape.OpenCircle,
        _ => MarkerShape.Cross,
    };

    /// <summary>The rate of a step series on a date (its first rate before its first date).</summary>
    internal static double RateAt(EtrSeries s, DateOnly date)
    {
        var i = s.Dates.Count - 1;
        while (i > 0 && s.Dates[i] > date)
        {
            i--;
        }

        return s.Rates[i];
    }

    /// <summary>
    /// Notes on series that coincide (rates within 0.05 pp) from some date to <paramref name="end"/> for at least
    /// <paramref name="minDays"/> days, e.g. "deal-zero-list = reciprocal-20-farm-exempt from 2025-08-07": one of them
    /// hides the other there, whatever the dashes. Series equal to each other from the same date are named together.
    /// </summary>
    internal static List<string> Coinciding(IReadOnlyList<EtrSeries> series, DateOnly end, int minDays)
    {
        var start = series.Min(x => x.Dates[0]);
        var from = new Dictionary<(int, int), DateOnly>();
        for (var i = 0; i < series.Count; i++)
        {
            for (var j = i + 1; j < series.Count; j++)
            {
                var breaks = series[i].Dates.Concat(series[j].Dates).Append(start).Where(d => d <= end).Distinct().OrderDescending().ToArray();
                DateOnly? since = null;
                foreach (var d in breaks)
                {
                    if (Math.Abs(RateAt(series[i], d) - RateAt(series[j], d)) >= 5e-4)
                    {
                        break;
                    }

                    since = d;
                }

                if (since is { } f && end.DayNumber - f.DayNumber >= minDays)
                {
                    from[(i, j)] = f;
                }
            }
        }

        var notes = new List<string>();
        var covered = new HashSet<int>();
        for (var i = 0; i < series.Count; i++)
        {
            if (covered.Contains(i))
            {
                continue;
            }

            foreach (var date in from.Where(kv => kv.Key.Item1 == i).Select(kv => kv.Value).Distinct().Order())
            {
                var group = from.Where(kv => kv.Key.Item1 == i && kv.Value == date).Select(kv => kv.Key.Item2).Where(j => !covered.Contains(j)).ToList();
                if (group.Count == 0)
                {
                    continue;
                }

                covered.UnionWith(group);
                var names = group.Prepend(i).Select(k => series[k].Name).ToList();
                var when = date == start ? "throughout" : $"from {date:yyyy-MM-dd}";
                notes.Add($"{string.Join(" = ", names)} {when}");
            }
        }

        return notes;
    }

    private static LinePattern Pattern(int k) => k == 0 ? LinePattern.Solid : ((k - 1) % 4) switch { 0 => LinePattern.Solid, 1 => LinePattern.Dashed, 2 => LinePattern.Dotted, _ => LinePattern.DenselyDashed };

    /// <summary>Splits a group label at its " → " separators into lines of at most about <paramref name="width"/> characters.</summary>
    internal static List<string> WrapEvents(string label, int width)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var part in label.Split(" → "))
        {
            var next = current.Length == 0 ? part : $"{current} → {part}";
            if (current.Length > 0 && next.Length > width)
            {
                lines.Add(current + " →");
                current = part;
            }
            else
            {
                current = next;
            }
        }

        lines.Add(current);
        return lines;
    }

    /// <summary>Merges markers closer than <paramref name="minDaysApart"/> into one (date of the first, labels joined with dates).</summary>
    internal static List<(DateOnly Date, string Label)> Group(IReadOnlyList<PolicyMarker> sorted, int minDaysApart)
    {
        var groups = new List<List<PolicyMarker>>();
        foreach (var m in sorted)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(m.Label, nameof(PolicyMarker.Label));
            if (groups.Count > 0 && m.Date.DayNumber - groups[^1][^1].Date.DayNumber < minDaysApart)
            {
                groups[^1].Add(m);
            }
            else
            {
                groups.Add([m]);
            }
        }

        return groups.Select(g => (g[0].Date, string.Join(" → ", g.Select(m => $"{m.Date:yyyy-MM-dd} {m.Label}")))).ToList();
    }
}
