using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Plotting;
using VietUsTrade.Sim.Policy;
using Xunit;

namespace VietUsTrade.Sim.Tests.Plotting;

public sealed class ChartTests : IDisposable
{
    private static readonly DateOnly[] Periods = [new(2026, 1, 1), new(2026, 2, 1), new(2026, 3, 1)];
    private readonly string _dir = Directory.CreateTempSubdirectory("vus-charts-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static FanChartData Fan(double[]? p50 = null) =>
        new(Periods, [8e9, 8e9, 7e9], [9e9, 9e9, 8.5e9], p50 ?? [10e9, 10e9, 9.5e9], [11e9, 11e9, 10.5e9], [12e9, 12.5e9, 12e9], [10.5e9, 10.7e9, 10.9e9]);

    private static EtrSeries Etr() => new("test", [new(2025, 1, 1), new(2025, 4, 5), new(2025, 8, 7)], [0.0377, 0.109, 0.183]);

    private static readonly WaterfallStep[] Steps = [new("Tariff effect on imports", 30e9), new("Diversion", -10e9), new("Concessions", 1e9), new("Commitments", 0.5e9)];

    private static readonly LineChange[] Lines = [new("8541430010", "SOLAR CELLS,CRYSLN SILIC PHOTV ASS", -1.4e9), new("8471300100", "PORT DGTL ADP MACH", 2.6e9), new("0901110025", "COFFEE, NOT ROASTED, ARABICA", -0.2e9)];

    private void AssertWritesPngAndSvg(Func<string, string> write)
    {
        var png = write(Path.Combine(_dir, "chart.png"));
        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 5_000, $"PNG only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        var svg = File.ReadAllText(write(Path.Combine(_dir, "chart.svg")));
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.True(svg.Length > 2_000, $"SVG only {svg.Length} characters");
    }

    [Fact]
    public void Fan_chart_writes_png_and_svg() => AssertWritesPngAndSvg(p => FanChart.Write(p, Fan()));

    [Fact]
    public void Fan_chart_with_observed_dots_writes_png_and_svg_and_the_svg_holds_one_dot_per_observation()
    {
        var fan = Fan().WithObserved([9.1e9, null, 13e9]);
        Assert.Equal([9.1e9, null, 13e9], fan.Observed!);
        AssertWritesPngAndSvg(p => FanChart.Write(p, fan));
        var with = File.ReadAllText(FanChart.Write(Path.Combine(_dir, "with.svg"), fan));
        var without = File.ReadAllText(FanChart.Write(Path.Combine(_dir, "without.svg"), Fan()));
        Assert.Contains("observed", with, StringComparison.Ordinal);
        Assert.DoesNotContain("observed", without, StringComparison.Ordinal);
        Assert.Equal("observed", Assert.Throws<ArgumentException>(() => Fan().WithObserved([1.0, 2.0])).ParamName);
        Assert.Equal("observed", Assert.Throws<ArgumentException>(() => Fan().WithObserved([1.0, double.NaN, 2.0])).ParamName);
    }

    [Fact]
    public void Etr_chart_writes_png_and_svg() =>
        AssertWritesPngAndSvg(p => EtrChart.Write(p, [Etr()], [new PolicyMarker(new(2025, 4, 5), "IEEPA 10%"), new PolicyMarker(new(2025, 4, 9), "46%")], new DateOnly(2026, 12, 31)));

    [Fact]
    public void Waterfall_chart_writes_png_and_svg() => AssertWritesPngAndSvg(p => ChartFile.Save(WaterfallChart.Build(Steps, "test"), p));

    [Fact]
    public void Top_lines_chart_writes_png_and_svg() => AssertWritesPngAndSvg(p => TopLinesChart.Write(p, Lines));

    [Fact]
    public void Fan_data_rejects_empty_nan_mismatched_and_unordered_input()
    {
        Assert.Equal("periods", Assert.Throws<ArgumentException>(() => new FanChartData([], [], [], [], [], [])).ParamName);
        Assert.Equal("p50", Assert.Throws<ArgumentException>(() => Fan([10e9, double.NaN, 9e9])).ParamName);
        Assert.Equal("p50", Assert.Throws<ArgumentException>(() => Fan([10e9, 10e9])).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => Fan([10e9, 13e9, 9e9]));   // median above p75
        Assert.Equal("p75", ex.ParamName);
        Assert.Contains("p75[1]", ex.Message, StringComparison.Ordinal);
        Assert.Equal("periods", Assert.Throws<ArgumentException>(() => new FanChartData([Periods[1], Periods[0]], [1, 1], [1, 1], [1, 1], [1, 1], [1, 1])).ParamName);
    }

    [Fact]
    public void Fan_data_from_balance_quantiles_negates_and_swaps()
    {
        var d = FanChartData.FromBalanceQuantiles([Periods[0]], [-12], [-11], [-10], [-9], [-8], [-10.5]);
        Assert.Equal([8.0, 9, 10, 11, 12], new[] { d.P5[0], d.P25[0], d.P50[0], d.P75[0], d.P95[0] });
        Assert.Equal(10.5, d.Baseline![0]);
    }

    [Fact]
    public void Etr_series_and_chart_reject_bad_input()
    {
        Assert.Equal("rates", Assert.Throws<ArgumentException>(() => new EtrSeries("x", [new(2025, 1, 1)], [double.NaN])).ParamName);
        Assert.Equal("dates", Assert.Throws<ArgumentException>(() => new EtrSeries("x", [], [])).ParamName);
        Assert.Equal("rates", Assert.Throws<ArgumentException>(() => new EtrSeries("x", [new(2025, 1, 1)], [-0.1])).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => EtrChart.Build([], [], new DateOnly(2026, 1, 1))).ParamName);
        Assert.Equal("end", Assert.Throws<ArgumentException>(() => EtrChart.Build([Etr()], [], new DateOnly(2025, 1, 1))).ParamName);
    }

    [Fact]
    public void Waterfall_and_top_lines_reject_empty_and_nan()
    {
        Assert.Equal("steps", Assert.Throws<ArgumentException>(() => WaterfallChart.Build([], "t")).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentException>(() => WaterfallChart.Build([new WaterfallStep("a", double.NaN)], "t")).ParamName);
        Assert.Equal("lines", Assert.Throws<ArgumentException>(() => TopLinesChart.Build([])).ParamName);
        Assert.Equal("lines", Assert.Throws<ArgumentException>(() => TopLinesChart.Build([new LineChange("0901", "coffee", double.PositiveInfinity)])).ParamName);
    }

    [Fact]
    public void Save_rejects_unknown_extension_and_bad_size()
    {
        var plot = WaterfallChart.Build(Steps, "t");
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => ChartFile.Save(plot, Path.Combine(_dir, "chart.jpg"))).ParamName);
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => ChartFile.Save(plot, Path.Combine(_dir, "chart.png"), 10)).ParamName);
        Assert.False(File.Exists(Path.Combine(_dir, "chart.jpg")));
    }

    [Fact]
    public void Close_markers_are_merged_and_labels_are_shortened()
    {
        var groups = EtrChart.Group([new(new(2025, 4, 5), "a"), new(new(2025, 4, 9), "b"), new(new(2025, 8, 7), "c")], 20);
        Assert.Equal(2, groups.Count);
        Assert.Equal("2025-04-05 a → 2025-04-09 b", groups[0].Label);
        Assert.Equal("8541.43.00.10\u2002Solar cells, crysln silic photv ass", TopLinesChart.Label(Lines[0]));
        Assert.Equal("Tariff effect on\nimports", WaterfallChart.Wrap("Tariff effect on imports"));
    }

    [Fact]
    public void The_etr_chart_draws_the_observed_collected_rate_as_one_dot_per_month()
    {
        var data = BaselineDataset.LoadEmbedded();
        var schedule = TariffSchedule.Compile(Presets.Get("real-2025-2026"), data);
        var from = new DateOnly(2025, 1, 1);
        var to = new DateOnly(2026, 12, 31);
        var series = new[] { EtrSeries.FromPath("real-2025-2026", schedule.VietnamEtrPath(from, to)) };
        var collected = VietUsTrade.Sim.Reporting.CollectedRates.Table(VietUsTrade.Sim.Data.ObservedTrade.LoadEmbedded(), schedule, from, to);
        Assert.Equal(11, collected.Count); // Jan-Nov 2025
        var plain = EtrChart.Build(series, [], to);
        var dotted = EtrChart.Build(series, [], to, collected: collected);
        Assert.Equal(plain.GetPlottables().Count() + 1, dotted.GetPlottables().Count());
        var dots = dotted.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Single(p => p.LineWidth == 0 || p.ConnectStyle != ScottPlot.ConnectStyle.StepHorizontal);
        Assert.Equal(11, dots.Data.GetScatterPoints().Count);
        Assert.All(dots.Data.GetScatterPoints().Zip(collected), p => Assert.Equal(p.Second.VietnamCollectedRate * 100, p.First.Y, 12));
    }

    [Fact]
    public void Every_etr_step_of_at_least_0_2_pp_is_numbered_with_readable_labels()
    {
        var data = BaselineDataset.LoadEmbedded();
        var schedule = TariffSchedule.Compile(Presets.Get("real-2025-2026"), data);
        var from = new DateOnly(2025, 1, 1);
        var to = new DateOnly(2026, 12, 31);
        var markers = PolicyMarker.FromEtrSteps(schedule, from, to);
        var path = schedule.VietnamEtrPath(from, to);
        var steps = path.Zip(path.Skip(1)).Where(p => Math.Abs(p.Second.EtrTotal - p.First.EtrTotal) >= 0.002).Select(p => p.Second.Date).ToArray();
        Assert.Equal(steps, markers.Select(m => m.Date));
        foreach (var d in new DateOnly[] { new(2025, 3, 12), new(2025, 6, 4), new(2025, 10, 14), new(2025, 11, 13), new(2026, 4, 6), new(2026, 12, 4) })
        {
            Assert.Contains(markers, m => m.Date == d); // product-wide and list steps are numbered too
        }

        Assert.DoesNotContain(markers, m => m.Date == new DateOnly(2025, 11, 1) || m.Date == new DateOnly(2026, 9, 3)); // below 0.2 pp
        Assert.All(markers, m => Assert.DoesNotContain("s232-", m.Label, StringComparison.Ordinal));
        Assert.All(markers, m => Assert.DoesNotContain(" %", m.Label, StringComparison.Ordinal));
        Assert.All(markers, m => Assert.Matches(@"\([+−]\d+\.\d pp\)$", m.Label));
    }

    [Fact]
    public void Real_timeline_markers_name_the_vietnam_measures()
    {
        var markers = PolicyMarker.FromScenario(Presets.Get("real-2025-2026"), new(2025, 1, 1), new(2026, 12, 31));
        Assert.Contains(markers, m => m.Date == new DateOnly(2025, 8, 7) && m.Label.Contains("20%", StringComparison.Ordinal));
        Assert.Contains(markers, m => m.Date == new DateOnly(2026, 2, 24) && m.Label.Contains("Section 122", StringComparison.Ordinal));
        Assert.DoesNotContain(markers, m => m.Label.Contains("transshipment", StringComparison.Ordinal));   // share 0 in the real timeline
    }
}

public class BalanceDecompositionTests
{
    private static readonly BaselineDataset Data = BaselineDataset.LoadEmbedded();

    [Theory]
    [InlineData("real-2025-2026")]
    [InlineData("deal-zero-list")]
    [InlineData("reciprocal-20")]
    public void Parts_add_up_to_the_change_in_the_balance(string preset)
    {
        var run = ScenarioModel.Run(Data, Presets.Get(preset), new PeRunOptions(new DateOnly(2026, 1, 15)));
        var d = BalanceDecomposition.FromRun(run);
        Assert.Equal(run.Result.BalanceUsd - run.Baseline.BalanceUsd, d.TotalChangeUsd, 1e-6 * Math.Abs(run.Baseline.BalanceUsd));
        Assert.Equal(4, d.Steps.Count);
        Assert.True(d.ImportTariffEffectUsd > 20e9, $"own-tariff effect {d.ImportTariffEffectUsd}");
    }

    [Fact]
    public void Vietnam_only_scenario_has_no_diversion_part_and_real_timeline_has_diversion_toward_vietnam()
    {
        var options = new PeRunOptions(new DateOnly(2026, 1, 15));
        var r20 = BalanceDecomposition.FromRun(ScenarioModel.Run(Data, Presets.Get("reciprocal-20"), options));
        Assert.Equal(0, r20.DiversionOtherUsd, 1e3);
        Assert.Equal(0, r20.CommitmentsUsd);
        var real = BalanceDecomposition.FromRun(ScenarioModel.Run(Data, Presets.Get("real-2025-2026"), options));
        Assert.True(real.DiversionOtherUsd < -1e9, $"tariffs on China etc. should raise imports from Vietnam: {real.DiversionOtherUsd}");
        var deal = BalanceDecomposition.FromRun(ScenarioModel.Run(Data, Presets.Get("deal-zero-list"), options));
        Assert.True(deal.ConcessionsUsd > 0 && deal.CommitmentsUsd > 0);
    }
}
