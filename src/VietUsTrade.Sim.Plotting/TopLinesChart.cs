using System.Globalization;
using ScottPlot;
using VietUsTrade.Sim.Models.PartialEquilibrium;

namespace VietUsTrade.Sim.Plotting;

/// <summary>Horizontal bars of the product lines with the largest change of US imports from Vietnam.</summary>
public static class TopLinesChart
{
    /// <summary>Builds the chart; lines are drawn largest change on top.</summary>
    /// <param name="lines">The lines (e.g. <see cref="ScenarioRun.TopLines"/>), 1–40 of them.</param>
    /// <param name="title">Chart title.</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentException">No lines, more than 40, or a non-finite change (the parameter is named).</exception>
    public static Plot Build(IReadOnlyList<LineChange> lines, string title = "Largest changes of US imports from Vietnam (HTS10 lines)")
    {
        ChartFile.RequireNonEmpty(lines, nameof(lines));
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (lines.Count > 40)
        {
            throw new ArgumentException($"lines has {lines.Count} entries; at most 40 fit on a chart.", nameof(lines));
        }

        for (var i = 0; i < lines.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(lines[i], nameof(lines));
            if (!double.IsFinite(lines[i].ChangeUsd))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"lines[{i}].ChangeUsd = {lines[i].ChangeUsd} must be a finite number."), nameof(lines));
            }
        }

        var ordered = lines.OrderBy(l => Math.Abs(l.ChangeUsd)).ToArray();   // smallest at the bottom
        var plot = new Plot();
        var decimals = ordered.Max(l => Math.Abs(l.ChangeUsd)) < 0.5e9 ? 3 : 2;   // small changes keep 3 decimals
        var bars = ordered.Select((l, i) => new Bar
        {
            Position = i,
            Value = l.ChangeUsd / 1e9,
            FillColor = l.ChangeUsd < 0 ? Colors.FireBrick : Colors.SeaGreen,
            Label = VietUsTrade.Sim.Reporting.NumberFormat.Change(l.ChangeUsd / 1e9, decimals),
            Size = 0.7,
        }).ToArray();
        var bp = plot.Add.Bars(bars);
        bp.Horizontal = true;
        bp.ValueLabelStyle.FontSize = 12;
        var ticks = ordered.Select((l, i) => new Tick(i, Label(l))).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        ChartFile.Style(plot, title, "Change of imports from Vietnam (US$ bn)", string.Empty, titleWidth: 58);
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = ChartFile.Tick };
        var lo = Math.Min(0, bars.Min(b => b.Value));
        var hi = Math.Max(0, bars.Max(b => b.Value));
        var pad = Math.Max(0.05, (hi - lo) * 0.15);
        plot.Axes.SetLimits(lo < 0 ? lo - pad : -pad * 0.2, hi > 0 ? hi + pad : pad * 0.2, -0.6, ordered.Length - 0.4);
        var zero = plot.Add.VerticalLine(0, 1, Colors.Black);
        zero.LegendText = string.Empty;
        return plot;
    }

    /// <summary>Builds the chart and writes it (PNG or SVG by extension); the height grows with the number of lines.</summary>
    /// <param name="path">Output file.</param>
    /// <param name="lines">The lines.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="source">A source line under the chart (<see cref="ChartFile.AddSource"/>); none when null.</param>
    /// <returns>The full path written.</returns>
    public static string Write(string path, IReadOnlyList<LineChange> lines, string title = "Largest changes of US imports from Vietnam (HTS10 lines)", string? source = null)
    {
        var plot = ChartFile.AddSource(Build(lines, title), source, width: 100);   // the labels take the left third: a narrower source line
        return ChartFile.Save(plot, path, ChartFile.DefaultWidth, Math.Max(400, 160 + 46 * lines.Count) + (source is null ? 0 : 40));
    }

    /// <summary>
    /// "8541.43.00.10 Solar cells, crysln silic photv ass": the dotted code, an en space and the description (all-capitals
    /// Census text in sentence case); a description longer than 46 characters is shortened (HS wording such as "not
    /// more than" → "≤", "n.e.c. in item no. 8471.30" → "n.e.c.") and, if still long, cut at a word before 90 characters
    /// with "…" and set on two lines.
    /// </summary>
    internal static string Label(LineChange l)
    {
        var code = l.Code.Length == 10 ? $"{l.Code[..4]}.{l.Code[4..6]}.{l.Code[6..8]}.{l.Code[8..]}" : l.Code;
        var d = System.Text.RegularExpressions.Regex.Replace(l.Description.Trim(), @",(?=[^\s\d])", ", ").Replace("  ", " ", StringComparison.Ordinal);
        if (d.Length > 0 && d.Any(char.IsLetter) && !d.Any(char.IsLower))
        {
            d = char.ToUpperInvariant(d[0]) + d[1..].ToLowerInvariant();
        }

        if (d.Length <= 46)
        {
            return $"{code}\u2002{d}";   // an en space: SVG collapses double spaces
        }

        foreach (var (from, to) in Shorter)
        {
            d = System.Text.RegularExpressions.Regex.Replace(d, from, to);
        }

        if (d.Length > 90)
        {
            var cut = d.LastIndexOf(' ', 88);
            d = d[..(cut > 40 ? cut : 88)].TrimEnd(',', ';', ' ') + "…";
        }

        var split = d.Length <= 46 ? -1 : d.LastIndexOf(' ', Math.Min(46, d.Length - 1));
        return split > 0 ? $"{code}\u2002{d[..split]}\n{d[(split + 1)..]}" : $"{code}\u2002{d}";
    }

    // HS wording shortened for labels (whole words; applied in order).
    private static readonly (string From, string To)[] Shorter =
    [
        (@"\bnot more than\b", "≤"),
        (@"\bnot less than\b", "≥"),
        (@"\bn\.e\.c\. in (item|heading|subheading) no\. [\d.,]+( or [\d.]+)?", "n.e.c."),
        (@"\bnot elsewhere specified or included\b", "n.e.c."),
        (@", whether or not [^,;]*", string.Empty),
        (@"(\d) ?kg\b", "$1 kg"),
    ];
}
