using VietUsTrade.Sim.Models.PartialEquilibrium;
using System.Globalization;
using ScottPlot;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Plotting;

/// <summary>Waterfall of the change in the US–Vietnam goods balance: one floating bar per part, then the total.</summary>
public static class WaterfallChart
{
    /// <summary>Builds the chart.</summary>
    /// <param name="steps">The parts, in order (positive = the US balance improves); finite values.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="totalLabel">Label of the total bar.</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentException">No steps, a blank label or a non-finite value (the parameter is named).</exception>
    public static Plot Build(IReadOnlyList<WaterfallStep> steps, string title, string totalLabel = "Total change")
    {
        ChartFile.RequireNonEmpty(steps, nameof(steps));
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(totalLabel);
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is null || string.IsNullOrWhiteSpace(steps[i].Label))
            {
                throw new ArgumentException($"steps[{i}] has no label.", nameof(steps));
            }

            if (!double.IsFinite(steps[i].ValueUsd))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"steps[{i}].ValueUsd = {steps[i].ValueUsd} must be a finite number."), nameof(steps));
            }
        }

        var plot = new Plot();
        var bars = new List<Bar>();
        double running = 0;
        var ticks = new List<Tick>();
        for (var i = 0; i < steps.Count; i++)
        {
            var v = steps[i].ValueUsd / 1e9;
            bars.Add(new Bar
            {
                Position = i,
                ValueBase = running,
                Value = running + v,
                FillColor = v >= 0 ? Colors.SeaGreen : Colors.FireBrick,
                Label = Signed(v),
                Size = 0.6,
            });
            ticks.Add(new Tick(i, Wrap(steps[i].Label)));
            running += v;
        }

        bars.Add(new Bar { Position = steps.Count, ValueBase = 0, Value = running, FillColor = Colors.SteelBlue, Label = Signed(running), Size = 0.6 });
        ticks.Add(new Tick(steps.Count, Wrap(totalLabel)));
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 15;
        barPlot.ValueLabelStyle.Bold = true;

        // connectors between consecutive bars
        running = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            running += steps[i].ValueUsd / 1e9;
            var c = plot.Add.Line(i + 0.3, running, i + 0.7, running);
            c.Color = Colors.Gray;
            c.LinePattern = LinePattern.Dotted;
        }

        var zero = plot.Add.HorizontalLine(0, 1, Colors.Black);
        zero.LegendText = string.Empty;
        ChartFile.Style(plot, title, null, "Change in US balance with Vietnam (US$ bn)");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        ChartFile.NumericLeftTicks(plot, ChartFile.Tick);
        var lo = Math.Min(0, bars.Min(b => Math.Min(b.Value, b.ValueBase)));
        var hi = Math.Max(0, bars.Max(b => Math.Max(b.Value, b.ValueBase)));
        var pad = Math.Max(0.5, (hi - lo) * 0.12);
        plot.Axes.SetLimits(-0.6, steps.Count + 0.6, lo - pad, hi + pad);
        plot.HideGrid();
        plot.Grid.YAxisStyle.IsVisible = true;
        return plot;
    }

    /// <summary>Builds the chart of a decomposition, titled with the scenario and the baseline and scenario balances.</summary>
    /// <param name="decomposition">The decomposition.</param>
    /// <returns>The plot.</returns>
    public static Plot Build(BalanceDecomposition decomposition)
    {
        ArgumentNullException.ThrowIfNull(decomposition);
        var title = $"{decomposition.ScenarioName} on {decomposition.Date:yyyy-MM-dd}: change in the US goods balance with Vietnam\n" +
                    $"balance {NumberFormat.UsdBillions(decomposition.BaselineBalanceUsd)} in 2024 → {NumberFormat.UsdBillions(decomposition.ScenarioBalanceUsd)}; bars in US$ bn, + = smaller deficit";
        return Build(decomposition.Steps, title);
    }

    /// <summary>Builds the chart of a decomposition and writes it (PNG or SVG by extension).</summary>
    /// <param name="path">Output file.</param>
    /// <param name="decomposition">The decomposition.</param>
    /// <param name="source">A source line under the chart (<see cref="ChartFile.AddSource"/>); none when null.</param>
    /// <returns>The full path written.</returns>
    public static string Write(string path, BalanceDecomposition decomposition, string? source = null) => ChartFile.Save(ChartFile.AddSource(Build(decomposition), source), path);

    private static string Signed(double bn) => NumberFormat.Change(bn, 2);

    /// <summary>Breaks a label into lines of about 18 characters at spaces.</summary>
    internal static string Wrap(string text, int width = 18) => ChartFile.Wrap(text, width);
}
