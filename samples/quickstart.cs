#:project ../src/VietUsTrade.Sim/VietUsTrade.Sim.csproj
// The README's quick start, run by CI (.ci/smoke) so it cannot rot: dotnet run samples/quickstart.cs
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Policy;

var data = BaselineDataset.LoadEmbedded();                        // 2024, imports for consumption, customs value
Console.WriteLine($"US imports from Vietnam 2024: {data.ImportsFromVietnamUsd / 1e9:F1} bn USD, balance {data.BalanceUsd / 1e9:F1} bn");
foreach (var name in new[] { "reciprocal-20-farm-exempt", "liberation-day-46" })
{
    var run = ScenarioModel.Run(data, Presets.Get(name), new PeRunOptions(new DateOnly(2025, 12, 1)));
    Console.WriteLine($"{name,-26} imports {run.Result.ImportsFromVietnamUsd / 1e9,6:F1} bn, balance {run.Result.BalanceUsd / 1e9,7:F1} bn, " +
                      $"revenue {run.Result.TariffRevenueUsd / 1e9,5:F1} bn, to China {run.Result.DivertedTo["CHINA"] / 1e9:F1} bn");
}
