// The Supreme Court ended the IEEPA tariffs on 2026-02-24: Vietnam's effective tariff rate with and without that
// ruling, and what each regime does to trade on 2026-06-01.
// Run from the repository root:  dotnet run samples/whatif/ieepa-struck-down.cs [OUTPUT_FOLDER]
#:project ../../src/VietUsTrade.Sim/VietUsTrade.Sim.csproj
#:project ../../src/VietUsTrade.Sim.Plotting/VietUsTrade.Sim.Plotting.csproj
#:property PublishAot=false
using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Plotting;
using VietUsTrade.Sim.Policy;

var outDir = Directory.CreateDirectory(args.Length > 0 ? args[0] : Path.Combine("out", "whatif", "ieepa-struck-down")).FullName;
var data = BaselineDataset.LoadEmbedded();
string[] names = ["ieepa-struck-down", "reciprocal-20-farm-exempt", "real-2025-2026"];
var date = new DateOnly(2026, 6, 1);
var ic = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(ic, $"On {date:yyyy-MM-dd} (US$ bn; balance = US exports - imports)"));
Console.WriteLine(string.Create(ic, $"{"scenario",-26} {"VN ETR",7} {"imports",8} {"balance",8} {"revenue",8}"));
foreach (var name in names)
{
    var r = ScenarioModel.Run(data, Presets.Get(name), new PeRunOptions(date));
    Console.WriteLine(string.Create(ic, $"{name,-26} {r.VietnamEtr.EtrTotal,7:P1} {r.Result.ImportsFromVietnamUsd / 1e9,8:F2} {r.Result.BalanceUsd / 1e9,8:F2} {r.Result.TariffRevenueUsd / 1e9,8:F2}"));
}

DateOnly from = new(2025, 1, 1), to = new(2026, 12, 31);
var series = names.Select(n => EtrSeries.FromPath(n, TariffSchedule.Compile(Presets.Get(n), data).VietnamEtrPath(from, to))).ToArray();
var chart = EtrChart.Write(Path.Combine(outDir, "etr-ieepa-struck-down.png"), series, PolicyMarker.FromScenario(Presets.Get(names[0]), from, to), to);
Console.WriteLine($"wrote {chart}");
