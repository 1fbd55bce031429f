using System.Globalization;
using ScottPlot;

namespace VietUsTrade.Sim.Plotting;

/// <summary>Saving a chart as PNG or SVG (chosen by the file extension) and shared checks and styling.</summary>
public static class ChartFile
{
    /// <summary>Default width of a chart in pixels.</summary>
    public const int DefaultWidth = 1200;

    /// <summary>Default height of a chart in pixels.</summary>
    public const int DefaultHeight = 700;

    /// <summary>Writes a plot to <paramref name="path"/>: PNG for <c>.png</c>, SVG for <c>.svg</c>.</summary>
    /// <param name="plot">The plot.</param>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <param name="width">Width in pixels (100–10,000).</param>
    /// <param name="height">Height in pixels (100–10,000).</param>
    /// <returns>The full path written.</returns>
    /// <exception cref="ArgumentException">The extension is not .png or .svg, or a size is out of range.</exception>
    public static string Save(Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (width is < 100 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"width = {width} must be 100–10,000 pixels.");
        }

        if (height is < 100 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, $"height = {height} must be 100–10,000 pixels.");
        }

        var full = Path.GetFullPath(path);
        var ext = Path.GetExtension(full).ToLowerInvariant();
        if (ext is not (".png" or ".svg"))
        {
            throw new ArgumentException($"path = '{path}' must end in .png or .svg.", nameof(path));
        }

        // Atomic: a temporary file in the folder renamed into place (never a torn chart, never written through a link).
        VietUsTrade.Sim.Reporting.AtomicFile.Write(full, temp =>
        {
            if (ext == ".png")
            {
                plot.SavePng(temp, width, height);
            }
            else
            {
                plot.SaveSvg(temp, width, height);
            }
        });

        return full;
    }

    /// <summary>
    /// Adds a source line below the plot ("Source: …": data and vintage, model, draws and seed), in a panel of its own so
    /// it never covers the data; long lines are wrapped at about <paramref name="width"/> characters. A null or empty
    /// source adds nothing.
    /// </summary>
    /// <param name="plot">The plot.</param>
    /// <param name="source">The text after "Source: ".</param>
    /// <param name="width">Characters per line (40–400; default 135, for a chart whose data area spans the image).</param>
    /// <returns>The same plot.</returns>
    public static Plot AddSource(Plot plot, string? source, int width = 135)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 40);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 400);
        if (string.IsNullOrWhiteSpace(source))
        {
            return plot;
        }

        // A legend of its own empty plot, so that it lists only these lines and not the chart's series.
        var legend = new Legend(new Plot()) { FontSize = 11, IsVisible = true, OutlineWidth = 0, ShadowColor = Colors.Transparent, BackgroundColor = Colors.Transparent };
        foreach (var line in Wrap("Source: " + source.Trim(), width).Split('\n'))
        {
            legend.ManualItems.Add(new LegendItem { LabelText = line, LineWidth = 0, MarkerShape = MarkerShape.None });
        }

        plot.Axes.AddPanel(new ScottPlot.Panels.LegendPanel(legend) { Edge = Edge.Bottom, Alignment = Alignment.LowerLeft });
        return plot;
    }

    /// <summary>An axis tick: at most two decimals, a real minus sign (<see cref="VietUsTrade.Sim.Reporting.NumberFormat"/>).</summary>
    internal static string Tick(double value)
    {
        var text = value.ToString("0.##", CultureInfo.InvariantCulture);
        return text.StartsWith('-') ? (text == "-0" ? "0" : VietUsTrade.Sim.Reporting.NumberFormat.Minus + text[1..]) : text;
    }

    /// <summary>Throws unless every value is finite, naming the parameter and the first bad index.</summary>
    internal static void RequireFinite(IReadOnlyList<double> values, string name)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{name}[{i}] = {values[i].ToString(CultureInfo.InvariantCulture)} must be a finite number.", name);
            }
        }
    }

    /// <summary>Throws when the list is empty.</summary>
    internal static void RequireNonEmpty<T>(IReadOnlyCollection<T> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count == 0)
        {
            throw new ArgumentException($"{name} is empty: at least one value is needed.", name);
        }
    }

    /// <summary>Common look: larger fonts, light grid, invariant tick labels.</summary>
    internal static void Style(Plot plot, string title, string? xLabel, string yLabel, int titleWidth = 80)
    {
        // long title lines are wrapped: ScottPlot centres the title over the data area and would clip them
        plot.Title(string.Join('\n', title.Split('\n').Select(line => Wrap(line, titleWidth))), size: 20);
        if (xLabel is not null)
        {
            plot.XLabel(xLabel, size: 15);
        }

        plot.YLabel(yLabel, size: 15);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
    }

    /// <summary>Breaks a text into lines of at most about <paramref name="width"/> characters at spaces.</summary>
    internal static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = current.Length == 0 ? word : current + " " + word;
            }
        }

        lines.Add(current);
        return string.Join('\n', lines);
    }

    /// <summary>Y ticks formatted with a fixed number of decimals.</summary>
    internal static void NumericLeftTicks(Plot plot, Func<double, string> format) =>
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = format, TickDensity = 0.6 };

    /// <summary>X axis of dates (OLE automation values) with month-year labels.</summary>
    internal static void DateBottomTicks(Plot plot)
    {
        var dt = plot.Axes.DateTimeTicksBottom();
        if (dt.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic auto)
        {
            auto.LabelFormatter = d => d.ToString(d.Month == 1 ? "MMM\nyyyy" : "MMM", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Ticks at month starts for a chart of consecutive months (the automatic date ticks space monthly charts by four
    /// weeks, so their month names drift from the data): every month up to 18, else every quarter or half year.
    /// </summary>
    internal static void MonthBottomTicks(Plot plot, IReadOnlyList<DateOnly> months)
    {
        var step = months.Count <= 18 ? 1 : months.Count <= 48 ? 3 : 6;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var m in months.Where(m => (m.Month - 1) % step == 0))
        {
            ticks.AddMajor(X(m), m.ToString(m.Month == 1 || m == months[0] ? "MMM\nyyyy" : "MMM", CultureInfo.InvariantCulture));
        }

        plot.Axes.Bottom.TickGenerator = ticks;
    }

    /// <summary>One tick per period labelled with its year, for a chart of annual values (plotted at any fixed day of the year).</summary>
    internal static void YearBottomTicks(Plot plot, IReadOnlyList<DateOnly> periods)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var p in periods)
        {
            ticks.AddMajor(X(p), p.Year.ToString(CultureInfo.InvariantCulture));
        }

        plot.Axes.Bottom.TickGenerator = ticks;
    }

    /// <summary>A date as the x coordinate used by the date axis.</summary>
    internal static double X(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();
}
