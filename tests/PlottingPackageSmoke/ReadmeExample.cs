// The example of the plotting package README (src/VietUsTrade.Sim.Plotting/PACKAGE.md), compiled and run against the
// packed packages by CI. Between the markers, the lines are the README's code block indented by eight spaces (test:
// PackageReadmeTests).
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Plotting;
using VietUsTrade.Sim.Policy;

internal static class ReadmeExample
{
    public static string Run(string folder)
    {
        // README-BEGIN
        var data = BaselineDataset.LoadEmbedded();
        var schedule = TariffSchedule.Compile(Presets.Get("real-2025-2026"), data);
        DateOnly from = new(2025, 1, 1), to = new(2026, 12, 31);
        var series = EtrSeries.FromPath("real-2025-2026", schedule.VietnamEtrPath(from, to));
        var markers = PolicyMarker.FromEtrSteps(schedule, from, to);   // every step of at least 0.2 pp, numbered
        var png = EtrChart.Write(Path.Combine(folder, "etr.png"), [series], markers, to, source: "my report");
        Console.WriteLine($"wrote {png}");
        // README-END
        return png;
    }
}
