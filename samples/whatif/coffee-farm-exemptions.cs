// What did the 2025-11-13 farm-goods exemption (coffee, tea, spices, tropical fruit, ...) do for Vietnam?
// Compares the 20% reciprocal tariff with and without the farm list and charts the lines it helped most.
// Run from the repository root:  dotnet run samples/whatif/coffee-farm-exemptions.cs [OUTPUT_FOLDER]
#:project ../../src/VietUsTrade.Sim/VietUsTrade.Sim.csproj
#:project ../../src/VietUsTrade.Sim.Plotting/VietUsTrade.Sim.Plotting.csproj
#:property PublishAot=false
using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Plotting;
using VietUsTrade.Sim.Policy;

var outDir = Directory.CreateDirectory(args.Length > 0 ? args[0] : Path.Combine("out", "whatif", "coffee-farm-exemptions")).FullName;
var data = BaselineDataset.LoadEmbedded();
var options = new PeRunOptions(new DateOnly(2025, 12, 1));
var without = ScenarioModel.Run(data, Presets.Get("reciprocal-20"), options);
var with = ScenarioModel.Run(data, Presets.Get("reciprocal-20-farm-exempt"), options);

// Per-line imports from Vietnam in both runs (TopLines over every line gives each line's result).
var all = data.ImportLines.Count;
var a = without.TopLines(all).ToDictionary(l => l.Code);
var b = with.TopLines(all).ToDictionary(l => l.Code);
var helped = b.Values.Select(l => new LineChange(l.Code.ToString(), l.Description, l.ScenarioImportsFromVietnamUsd - a[l.Code].ScenarioImportsFromVietnamUsd))
    .Where(l => l.ChangeUsd != 0).OrderByDescending(l => Math.Abs(l.ChangeUsd)).Take(15).ToArray();
double Coffee(Dictionary<VietUsTrade.Sim.Products.HtsCode, LineResult> lines) =>
    lines.Values.Where(l => l.Code.ToString().StartsWith("0901", StringComparison.Ordinal)).Sum(l => l.ScenarioImportsFromVietnamUsd);

var ic = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(ic, $"20% reciprocal tariff on Vietnam on {options.Date:yyyy-MM-dd}, without and with the farm-goods exemption (US$ bn)"));
Console.WriteLine(string.Create(ic, $"{"",-30} {"2024",9} {"no farm list",13} {"farm list",10}"));
Console.WriteLine(string.Create(ic, $"{"Vietnam ETR",-30} {"",9} {without.VietnamEtr.EtrTotal,13:P2} {with.VietnamEtr.EtrTotal,10:P2}"));
Console.WriteLine(string.Create(ic, $"{"imports from Vietnam",-30} {without.Baseline.ImportsFromVietnamUsd / 1e9,9:F2} {without.Result.ImportsFromVietnamUsd / 1e9,13:F2} {with.Result.ImportsFromVietnamUsd / 1e9,10:F2}"));
Console.WriteLine(string.Create(ic, $"{"  of which coffee (HS 0901)",-30} {a.Values.Where(l => l.Code.ToString().StartsWith("0901", StringComparison.Ordinal)).Sum(l => l.BaselineImportsFromVietnamUsd) / 1e9,9:F3} {Coffee(a) / 1e9,13:F3} {Coffee(b) / 1e9,10:F3}"));
Console.WriteLine(string.Create(ic, $"{"tariff revenue from Vietnam",-30} {without.Baseline.TariffRevenueUsd / 1e9,9:F2} {without.Result.TariffRevenueUsd / 1e9,13:F2} {with.Result.TariffRevenueUsd / 1e9,10:F2}"));
Console.WriteLine(string.Create(ic, $"{"balance (exports - imports)",-30} {without.Baseline.BalanceUsd / 1e9,9:F2} {without.Result.BalanceUsd / 1e9,13:F2} {with.Result.BalanceUsd / 1e9,10:F2}"));

var chart = TopLinesChart.Write(Path.Combine(outDir, "farm-exemption-top-lines.png"), helped,
    "Imports from Vietnam kept by the farm-goods exemption\n(20% with the farm list minus 20% without it, 2025-12-01)");
Console.WriteLine($"wrote {chart}");
