using System.Globalization;
using ScottPlot;

namespace VietUsTrade.Sim.Plotting;

/// <summary>
/// Fan chart of a projection (e.g. the US goods balance or deficit with Vietnam): 5–95% and 25–75% bands, the median, a
/// baseline, and observed values as points. The values are drawn as given: label the axis with their sign convention.
/// </summary>
public static class FanChart
{
    /// <summary>Builds the chart.</summary>
    /// <param name="data">The quantile series.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="yLabel">Y-axis label (the values are drawn in US$ bn).</param>
    /// <returns>The ScottPlot plot, for further styling or saving with <see cref="ChartFile.Save"/>.</returns>
    public static Plot Build(FanChartData data, string title = "US goods deficit with Vietnam: projection", string yLabel = "Deficit (US$ bn, imports − exports)")
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(yLabel);
        var plot = new Plot();
        var xs = data.Periods.Select(ChartFile.X).ToArray();
        static double[] Bn(IReadOnlyList<double> v) => v.Select(x => x / 1e9).ToArray();
        var outer = plot.Add.FillY(xs, Bn(data.P5), Bn(data.P95));
        outer.FillColor = Colors.SteelBlue.WithAlpha(0.20);
        outer.LineWidth = 0;
        outer.LegendText = "5–95% band";
        var inner = plot.Add.FillY(xs, Bn(data.P25), Bn(data.P75));
        inner.FillColor = Colors.SteelBlue.WithAlpha(0.40);
        inner.LineWidth = 0;
        inner.LegendText = "25–75% band";
        var median = plot.Add.ScatterLine(xs, Bn(data.P50));
        median.Color = Colors.Navy;
        median.LineWidth = 2.5f;
        median.LegendText = "median";
        if (data.Baseline is { } b)
        {
            var baseline = plot.Add.ScatterLine(xs, Bn(b));
            baseline.Color = Colors.DimGray;
            baseline.LineWidth = 2;
            baseline.LinePattern = LinePattern.Dashed;
            baseline.LegendText = "baseline (no policy change)";
        }

        if (data.History is { } history)
        {
            // the observed past, joined to nothing projected: points and a thin line in the colour of the observed dots
            var hx = history.Select(h => ChartFile.X(h.Period)).ToArray();
            var past = plot.Add.ScatterLine(hx, history.Select(h => h.ValueUsd / 1e9).ToArray());
            past.Color = Colors.DarkRed;
            past.LineWidth = 1.5f;
            past.MarkerShape = MarkerShape.FilledCircle;
            past.MarkerSize = 9;
            past.LegendText = "observed (Census)";
        }

        if (data.Observed is { } obs && obs.Any(o => o is not null))
        {
            var idx = Enumerable.Range(0, obs.Count).Where(i => obs[i] is not null).ToArray();
            var dots = plot.Add.ScatterPoints(idx.Select(i => xs[i]).ToArray(), idx.Select(i => obs[i]!.Value / 1e9).ToArray());
            dots.Color = Colors.DarkRed;
            dots.MarkerSize = 9;
            dots.MarkerShape = MarkerShape.FilledCircle;
            dots.LegendText = "observed";
        }

        ChartFile.Style(plot, title, null, yLabel);
        var all = (data.History ?? []).Select(h => h.Period).Concat(data.Periods).ToArray();
        var monthly = all.Length > 1 && Enumerable.Range(1, all.Length - 1).All(i => all[i] == all[i - 1].AddMonths(1) && all[i].Day == 1);
        var yearly = all.Length > 1 && Enumerable.Range(1, all.Length - 1).All(i => all[i] == all[i - 1].AddYears(1));
        if (monthly)
        {
            ChartFile.MonthBottomTicks(plot, all);
        }
        else if (yearly)
        {
            ChartFile.YearBottomTicks(plot, all);   // annual points: one tick per year, no half-year ticks
        }
        else
        {
            ChartFile.DateBottomTicks(plot);
        }

        ChartFile.NumericLeftTicks(plot, ChartFile.Tick);
        // legend in a panel at the right so it never covers the bands
        var legend = plot.ShowLegend(Edge.Right);
        legend.Legend.FontSize = 13;
        legend.Alignment = Alignment.UpperCenter;
        return plot;
    }

    /// <summary>Builds the chart and writes it as PNG or SVG (by extension).</summary>
    /// <param name="path">Output file (.png or .svg).</param>
    /// <param name="data">The quantile series.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="yLabel">Y-axis label (the values are drawn in US$ bn, as given).</param>
    /// <param name="source">A source line under the chart (<see cref="ChartFile.AddSource"/>); none when null.</param>
    /// <returns>The full path written.</returns>
    public static string Write(string path, FanChartData data, string title = "US goods deficit with Vietnam: projection", string yLabel = "Deficit (US$ bn, imports − exports)", string? source = null) =>
        ChartFile.Save(ChartFile.AddSource(Build(data, title, yLabel), source), path, ChartFile.DefaultWidth, source is null ? ChartFile.DefaultHeight : ChartFile.DefaultHeight + 60);
}
