// Talks fail and the 46% rate snaps back on 2026-01-01 [assumed]: the cost against the 20% regime.
// Run from the repository root:  dotnet run samples/whatif/snapback-46.cs [OUTPUT_FOLDER]
#:project ../../src/VietUsTrade.Sim/VietUsTrade.Sim.csproj
#:project ../../src/VietUsTrade.Sim.Plotting/VietUsTrade.Sim.Plotting.csproj
#:property PublishAot=false
using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Plotting;
using VietUsTrade.Sim.Policy;

var outDir = Directory.CreateDirectory(args.Length > 0 ? args[0] : Path.Combine("out", "whatif", "snapback-46")).FullName;
var data = BaselineDataset.LoadEmbedded();
var options = new PeRunOptions(new DateOnly(2026, 3, 1));
var snap = ScenarioModel.Run(data, Presets.Get("snapback-46"), options);
var stay = ScenarioModel.Run(data, Presets.Get("reciprocal-20-farm-exempt"), options);
var ic = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(ic, $"On {options.Date:yyyy-MM-dd} (US$ bn)"));
Console.WriteLine(string.Create(ic, $"{"",-28} {"20% stays",10} {"46% snap-back",14} {"difference",11}"));
void Row(string name, double x, double y) => Console.WriteLine(string.Create(ic, $"{name,-28} {x / 1e9,10:F2} {y / 1e9,14:F2} {(y - x) / 1e9,11:F2}"));
Console.WriteLine(string.Create(ic, $"{"Vietnam ETR",-28} {stay.VietnamEtr.EtrTotal,10:P1} {snap.VietnamEtr.EtrTotal,14:P1}"));
Row("imports from Vietnam", stay.Result.ImportsFromVietnamUsd, snap.Result.ImportsFromVietnamUsd);
Row("balance", stay.Result.BalanceUsd, snap.Result.BalanceUsd);
Row("tariff revenue from Vietnam", stay.Result.TariffRevenueUsd, snap.Result.TariffRevenueUsd);
Row("diverted to China", stay.Result.DivertedTo.GetValueOrDefault("CHINA"), snap.Result.DivertedTo.GetValueOrDefault("CHINA"));

var chart = TopLinesChart.Write(Path.Combine(outDir, "snapback-top-lines.png"), snap.TopLines(15).Select(LineChange.FromResult).ToArray(),
    $"snapback-46 on {options.Date:yyyy-MM-dd}\nLargest changes of US imports from Vietnam against 2024 (HTS10 lines)");
Console.WriteLine($"wrote {chart}");
