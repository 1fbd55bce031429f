// The example of the package README (src/VietUsTrade.Sim/PACKAGE.md), compiled and run against the packed package by CI.
// Between the markers, the lines are the README's code block indented by eight spaces (test: PackageReadmeTests).
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Projection;

internal static class ReadmeExample
{
    public static void Run()
    {
        // README-BEGIN
        var data = BaselineDataset.LoadEmbedded();   // 2024 Census baseline: 7,272 HTS10 lines, 51 suppliers
        var real = Presets.Get("real-2025-2026");    // the dated legal timeline; every preset: Presets.Names
        var pe = ScenarioModel.Run(data, real, new PeRunOptions(new DateOnly(2025, 12, 1)));
        Console.WriteLine($"exact PE on 2025-12-01: imports from Vietnam {pe.Result.ImportsFromVietnamUsd / 1e9:F1} bn USD, balance {pe.Result.BalanceUsd / 1e9:F1} bn");

        var observed = ObservedTrade.LoadEmbedded(); // Census months to 2025-11, in the package
        var model = ProjectionModel.Create(data, real, new ProjectionOptions(AsOf: new DateOnly(2025, 11, 1)), null, observed);
        var balance = model.MonteCarlo(new MonteCarloOptions(1000, 2026)).Annual.Single(r => r.Year == 2026).Metrics[ProjectionMetrics.Balance];
        Console.WriteLine($"2026 balance: median {balance.P50 / 1e9:F1} bn, 90 % band {balance.P5 / 1e9:F1} … {balance.P95 / 1e9:F1}");
        // README-END
    }
}
