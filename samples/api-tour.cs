using VietUsTrade.Sim;

var sim = Simulator.LoadEmbedded();
var deal = sim.Presets["reciprocal-20"].ToBuilder("deal-coffee")
    .Exempt("0901", "0902")
    .AddPurchaseCommitment("US soybeans", "1201", usdPerYear: 1.0e9, from: new DateOnly(2026, 1, 1))
    .Build();
var pe = sim.RunPartialEquilibrium(deal, new DateOnly(2025, 12, 1));
Console.WriteLine($"{pe.ImportsFromVietnamUsd / 1e9:F1} {pe.BalanceUsd / 1e9:F1} {pe.DivertedTo["CHN"] / 1e9:F1} {pe.DivertedTo["china"] / 1e9:F1}");
pe.ToTable().WriteCsv("lines.csv");
var ge = sim.RunGeneralEquilibrium(deal, new DateOnly(2025, 12, 1));
Console.WriteLine($"{ge.ImportsFromVietnamUsd / 1e9:F1} {ge.Welfare["VNM"]:P2}");
var path = sim.Project(deal, new ProjectionSettings { Draws = 500, Seed = 1 });
Console.WriteLine($"{path.Annual(2026).BalanceUsd.P50 / 1e9:F1}");
foreach (var m in sim.Presets["real-2025-2026"].Measures) Console.WriteLine($"{m.Id}: {m.Kind} {m.Description}");
