#:project ../src/VietUsTrade.Sim/VietUsTrade.Sim.csproj
// The README's quick start, run by CI (.ci/smoke) so it cannot rot: dotnet run samples/quickstart.cs
using VietUsTrade.Sim;

var sim = Simulator.LoadEmbedded();                               // 2024 baseline (imports for consumption, customs value), policy library
Console.WriteLine($"US imports from Vietnam 2024: {sim.Baseline.ImportsFromVietnamUsd / 1e9:F1} bn USD, balance {sim.Baseline.BalanceUsd / 1e9:F1} bn");
foreach (var name in new[] { "reciprocal-20-farm-exempt", "liberation-day-46" })
{
    var run = sim.RunPartialEquilibrium(sim.Presets[name], new DateOnly(2025, 12, 1));
    Console.WriteLine($"{name,-26} imports {run.ImportsFromVietnamUsd / 1e9,6:F1} bn, balance {run.BalanceUsd / 1e9,7:F1} bn, " +
                      $"revenue {run.Result.TariffRevenueUsd / 1e9,5:F1} bn, to China {run.DivertedTo["CHN"] / 1e9:F1} bn");
}

var ge = sim.RunGeneralEquilibrium(sim.Presets["reciprocal-20"], new DateOnly(2025, 12, 1)); // the same scenario in GE (ICIO 2022)
Console.WriteLine($"GE reciprocal-20: imports from Vietnam {ge.ImportsFromVietnamUsd / 1e9:F1} bn (2022 prices), Vietnam welfare {ge.Welfare["VNM"]:P2}");
