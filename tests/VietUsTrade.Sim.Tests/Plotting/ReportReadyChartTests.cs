using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Plotting;
using VietUsTrade.Sim.Policy;
using Xunit;

namespace VietUsTrade.Sim.Tests.Plotting;

/// <summary>The chart defects of issue 16: coinciding presets, product labels, the fan chart's sign and years, one number format.</summary>
public class ReportReadyChartTests
{
    private static readonly BaselineDataset Data = BaselineDataset.LoadEmbedded();

    [Fact]
    public void Presets_that_coincide_are_named_in_a_note_and_each_line_has_its_own_markers()
    {
        DateOnly a = new(2025, 1, 1), b = new(2025, 4, 1), end = new(2025, 12, 31);
        EtrSeries[] series = [new("main", [a, b], [0.04, 0.20]), new("x", [a, b], [0.04, 0.10]), new("y", [a], [0.04]), new("z", [a, b], [0.05, 0.10])];
        Assert.Equal(["x = z from 2025-04-01"], EtrChart.Coinciding(series, end, 60));
        Assert.Equal(["x = y = w throughout"], EtrChart.Coinciding([series[1], new("y", [a, b], [0.04, 0.10]), new("w", [a, b], [0.04, 0.10])], end, 60));
        Assert.Empty(EtrChart.Coinciding(series, new DateOnly(2025, 4, 30), 60));   // equal for less than 60 days

        var plot = EtrChart.Build(series, [], end);
        var markers = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Where(p => p.LineWidth == 0 && p.MarkerShape != ScottPlot.MarkerShape.None).ToArray();
        Assert.Equal(3, markers.Length);   // one marker series per line after the first
        Assert.Equal(3, markers.Select(m => m.MarkerShape).Distinct().Count());
        var xs = markers.Select(m => m.Data.GetScatterPoints()[0].X).ToArray();
        Assert.Equal(3, xs.Distinct().Count());   // staggered: coinciding lines show each one's markers
    }

    [Fact]
    public void In_the_flagship_deal_zero_list_and_the_farm_exempt_preset_coincide_and_say_so()
    {
        DateOnly from = new(2025, 1, 1), to = new(2026, 12, 31);
        var series = new[] { "real-2025-2026", "liberation-day-46", "reciprocal-20", "reciprocal-20-farm-exempt", "deal-zero-list", "no-tariffs" }
            .Select(n => EtrSeries.FromPath(n, TariffSchedule.Compile(Presets.Get(n), Data).VietnamEtrPath(from, to))).ToArray();
        Assert.Contains(EtrChart.Coinciding(series, to, 60), n => n.StartsWith("reciprocal-20-farm-exempt = deal-zero-list from 2025-", StringComparison.Ordinal));
    }

    [Fact]
    public void Top_lines_are_labelled_with_the_hs_2022_text_and_the_code()
    {
        var run = ScenarioModel.Run(Data, Presets.Get("real-2025-2026"), new PeRunOptions(new DateOnly(2026, 1, 15)));
        var top = run.TopLines(15).Select(LineChange.FromResult).ToArray();
        var laptops = Assert.Single(top, l => l.Code == "8471300100");
        Assert.StartsWith("Automatic data processing machines; portable", laptops.Description, StringComparison.Ordinal);
        foreach (var l in top)
        {
            var label = TopLinesChart.Label(l);
            var lines = label.Split('\n');
            Assert.InRange(lines.Length, 1, 2);
            Assert.All(lines, t => Assert.True(t.Length <= 62, $"label line too long: '{t}'"));
            Assert.StartsWith($"{l.Code[..4]}.{l.Code[4..6]}.", label, StringComparison.Ordinal);
            Assert.DoesNotContain("dgtl", label, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal("8471.30.01.00\u2002Automatic data processing machines; portable,\nweighing ≤ 10 kg, consisting of at least a…", TopLinesChart.Label(laptops));
    }

    [Fact]
    public void The_fan_chart_takes_observed_years_before_the_projection_and_ticks_each_year()
    {
        DateOnly[] years = [new(2025, 7, 1), new(2026, 7, 1)];
        var fan = new FanChartData(years, [-190e9, -250e9], [-185e9, -230e9], [-180e9, -210e9], [-178e9, -190e9], [-175e9, -170e9]);
        Assert.Equal("history", Assert.Throws<ArgumentException>(() => fan.WithHistory([new(new(2025, 7, 1), -1e9)])).ParamName);
        Assert.Equal("history", Assert.Throws<ArgumentException>(() => fan.WithHistory([new(new(2024, 7, 1), double.NaN)])).ParamName);
        var plot = FanChart.Build(fan.WithHistory([new(new(2023, 7, 1), -104e9), new(new(2024, 7, 1), -123e9)]), "t", "Balance");
        var past = Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>(), s => s.LegendText == "observed (Census)");
        Assert.Equal([-104.0, -123.0], past.Data.GetScatterPoints().Select(p => p.Y));
        var ticks = Assert.IsType<ScottPlot.TickGenerators.NumericManual>(plot.Axes.Bottom.TickGenerator);
        using (plot.GetImage(800, 600))   // the ticks are generated when the plot is laid out
        {
            Assert.Equal(["2023", "2024", "2025", "2026"], ticks.Ticks.Where(t => t.IsMajor).Select(t => t.Label));
        }
        Assert.Equal("\u2212200", ChartFile.Tick(-200));
        Assert.Equal("0", ChartFile.Tick(-0.0001));
    }

    [Fact]
    public void The_flagship_fan_shows_the_observed_balance_of_whole_calendar_years()
    {
        var observed = ObservedTrade.LoadEmbedded();
        var years = VietUsTrade.Sim.Cli.Commands.FlagshipCommands.ObservedYears(observed, 2018, 2025);
        Assert.Equal(Enumerable.Range(2018, 7), years.Select(y => y.Period.Year));   // 2025 has 11 months of imports: not a whole year
        var y2024 = years[^1].ValueUsd;
        var imports = observed.Get(ObservedTrade.VietnamImportsHistoryKey).Points.Where(p => p.Month.Year == 2024).Sum(p => p.ValueUsd);
        var exports = observed.Get(ObservedTrade.VietnamExportsKey).Points.Where(p => p.Month.Year == 2024).Sum(p => p.ValueUsd);
        Assert.Equal(exports - imports, y2024, 1e-3);
        Assert.InRange(y2024, -140e9, -115e9);   // the tables' sign: a deficit is negative
    }

    [Fact]
    public void The_waterfall_title_uses_the_report_number_format()
    {
        var d = BalanceDecomposition.FromRun(ScenarioModel.Run(Data, Presets.Get("real-2025-2026"), new PeRunOptions(new DateOnly(2026, 1, 15))));
        var title = WaterfallChart.Build(d).Axes.Title.Label.Text;
        Assert.Contains("balance \u2212$128.3 bn in 2024 → \u2212$", title, StringComparison.Ordinal);
        Assert.DoesNotContain("$-", title, StringComparison.Ordinal);
    }
}
