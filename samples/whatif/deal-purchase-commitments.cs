// A signed deal (deal-zero-list): how much of the balance change comes from Vietnam's purchase commitments,
// and how does it depend on the fulfilment rate (US–China Phase One reached about 58%)?
// Run from the repository root:  dotnet run samples/whatif/deal-purchase-commitments.cs [OUTPUT_FOLDER]
#:project ../../src/VietUsTrade.Sim/VietUsTrade.Sim.csproj
#:project ../../src/VietUsTrade.Sim.Plotting/VietUsTrade.Sim.Plotting.csproj
#:property PublishAot=false
using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Plotting;
using VietUsTrade.Sim.Policy;

var outDir = Directory.CreateDirectory(args.Length > 0 ? args[0] : Path.Combine("out", "whatif", "deal-purchase-commitments")).FullName;
var data = BaselineDataset.LoadEmbedded();
var deal = Presets.Get("deal-zero-list");
var date = new DateOnly(2026, 6, 1);
var ic = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(ic, $"deal-zero-list on {date:yyyy-MM-dd}: commitments counted over 12 months (US$ bn)"));
Console.WriteLine(string.Create(ic, $"{"fulfilment",-12} {"exports",9} {"commitments",12} {"balance",9} {"change",8}"));
foreach (var fulfilment in new double?[] { 0.0, 0.3, null, 1.0 })
{
    var run = ScenarioModel.Run(data, deal, new PeRunOptions(date, FulfilmentOverride: fulfilment));
    var d = BalanceDecomposition.FromRun(run);
    var label = fulfilment is { } f ? f.ToString("P0", ic) : "central";
    Console.WriteLine(string.Create(ic, $"{label,-12} {run.Result.ExportsToVietnamUsd / 1e9,9:F2} {d.CommitmentsUsd / 1e9,12:F2} {run.Result.BalanceUsd / 1e9,9:F2} {d.TotalChangeUsd / 1e9,8:F2}"));
}

var central = BalanceDecomposition.FromRun(ScenarioModel.Run(data, deal, new PeRunOptions(date)));
var chart = WaterfallChart.Write(Path.Combine(outDir, "deal-waterfall.png"), central);
Console.WriteLine($"wrote {chart}");
