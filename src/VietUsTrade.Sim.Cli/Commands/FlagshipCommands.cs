using System.CommandLine;
using System.Globalization;
using VietUsTrade.Sim.Cli.Output;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Plotting;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Cli.Commands;

/// <summary>
/// vietus-sim flagship --out DIR: the real 2025–2026 timeline against the main alternatives on the bundled data;
/// prints a table and writes a tidy CSV and the charts into DIR (and nowhere else).
/// </summary>
internal static class FlagshipCommands
{
    /// <summary>The scenarios of the flagship comparison, in table order.</summary>
    public static readonly string[] Scenarios = ["real-2025-2026", "liberation-day-46", "reciprocal-20", "reciprocal-20-farm-exempt", "deal-zero-list", "no-tariffs"];

    /// <summary>The scenario whose decomposition and top lines are also written for every other scenario.</summary>
    public const string Main = "real-2025-2026";

    internal static readonly string[] ChartExtensions = ["png", "svg"];

    /// <summary>Dates of the ETR chart.</summary>
    public static readonly DateOnly EtrFrom = new(2025, 1, 1);

    /// <summary>End of the ETR chart.</summary>
    public static readonly DateOnly EtrTo = new(2026, 12, 31);

    public static Command Create(CliContext context)
    {
        var command = new Command("flagship", "The flagship comparison on the bundled 2024 data: the real 2025–2026 timeline versus liberation-day-46, reciprocal-20, reciprocal-20-farm-exempt, deal-zero-list and no-tariffs (exact PE). Prints a table and writes flagship.csv and charts (PNG and SVG: ETR timeline, balance waterfall and top 15 lines per scenario, and deficit-fan: the fan chart of the annual US goods balance with Vietnam, negative = deficit, from the Monte Carlo projection as of the latest observed month, with the observed years before it) into DIR; every file is written atomically (temporary file renamed into place).");
        var output = new Option<string>("--out") { Description = "Folder for the CSV and the charts (created if missing; nothing is written outside it).", Required = true, HelpName = "DIR" };
        var date = RunCommands.DateOption();
        date.DefaultValueFactory = _ => "2026-01-15";
        date.Description = "The entry date whose tariff regime is applied (default 2026-01-15: the last IEEPA month, deal in force in deal-zero-list), YYYY-MM-DD.";
        command.Options.Add(output);
        command.Options.Add(date);
        command.SetAction(parse =>
        {
            var dir = OutputFolder.Create(parse.GetValue(output)!, "--out", parse.GetValue(context.Force));
            var options = new PeRunOptions(PolicyCommands.ParseDate(parse.GetValue(date)!, "--date"));
            var data = BaselineDataset.LoadEmbedded();
            var runs = Scenarios.Select(n => ScenarioModel.Run(data, Presets.Get(n), options)).ToArray();
            var parts = runs.ToDictionary(r => r, BalanceDecomposition.FromRun);
            WriteTable(context.Out, runs, parts, options.Date);

            var version = typeof(ScenarioModel).Assembly.GetName().Version?.ToString(3) ?? "?";
            var baselineSource = $"U.S. Census Bureau, imports for consumption from Vietnam, {data.Year}, customs value, {data.ImportLines.Count:N0} HTS10 lines (bundled baseline)";
            var written = new List<string> { TableWriter.Write(ResultTables.Runs(runs, parts), dir.File("flagship.csv"), force: true) };
            var etr = runs.Select(r => EtrSeries.FromPath(r.Scenario.Name, TariffSchedule.Compile(r.Scenario, data).VietnamEtrPath(EtrFrom, EtrTo))).ToArray();
            var markers = PolicyMarker.FromEtrSteps(TariffSchedule.Compile(Presets.Get(Main), data), EtrFrom, EtrTo);

            var observedMonths = VietUsTrade.Sim.Data.ObservedTrade.LoadEmbedded();
            var mainSchedule = TariffSchedule.Compile(Presets.Get(Main), data);
            var collected = VietUsTrade.Sim.Reporting.CollectedRates.Table(observedMonths, mainSchedule, EtrFrom, EtrTo);
            foreach (var ext in ChartExtensions)
            {
                written.Add(EtrChart.Write(dir.File($"etr-timeline.{ext}"), etr, markers, EtrTo,
                    $"statutory rates of each scenario's dated measures (docs/policy.md) on Vietnam's 2024 import weights; dots: collected rate, Census calculated duty / customs value of each observed month ({observedMonths.Vintage}); {baselineSource}; VietUsTrade.Sim {version}",
                    collected));
            }

            foreach (var r in runs.Where(r => r.Scenario.Name != "no-tariffs"))
            {
                var slug = OutputFolder.Slug(r.Scenario.Name);
                var top = r.TopLines(15).Select(LineChange.FromResult).ToArray();
                var title = $"{r.Scenario.Name} on {options.Date:yyyy-MM-dd}\nLargest changes of US imports from Vietnam (HTS10 lines)";
                foreach (var ext in ChartExtensions)
                {
                    var peSource = string.Create(CultureInfo.InvariantCulture, $"exact partial-equilibrium CES model (docs/models/partial-equilibrium.md), tariff regime of {options.Date:yyyy-MM-dd}; {baselineSource}; VietUsTrade.Sim {version}");
                    written.Add(WaterfallChart.Write(dir.File($"waterfall-{slug}.{ext}"), parts[r], peSource));
                    written.Add(TopLinesChart.Write(dir.File($"top-lines-{slug}.{ext}"), top, title, peSource));
                }
            }

            // The balance fan chart: the Monte Carlo projection of the real timeline as of the latest observed month (the observed
            // months of 2025 are data, the rest is projected), annual US goods balance with Vietnam in the tables' sign
            // (exports − imports, negative = deficit), with the observed calendar years before it as points.
            var observed = VietUsTrade.Sim.Data.ObservedTrade.LoadEmbedded();
            var asOf = observed.LatestImportMonth ?? throw new InvalidOperationException("The bundled observed data have no month of imports from Vietnam.");
            var projection = VietUsTrade.Sim.Projection.ProjectionModel.Create(data, VietUsTrade.Sim.Policy.Presets.Get("real-2025-2026"),
                new VietUsTrade.Sim.Projection.ProjectionOptions(AsOf: asOf), null, observed);
            var mc = projection.MonteCarlo(new VietUsTrade.Sim.Projection.MonteCarloOptions(FanDraws, FanSeed));
            var years = mc.Annual.Select(r => new DateOnly(r.Year, 7, 1)).ToArray(); // annual totals plotted at mid-year
            var balance = mc.Annual.Select(r => r.Metrics[VietUsTrade.Sim.Projection.ProjectionMetrics.Balance]).ToArray();
            var noPolicy = projection.Deterministic().Annual().Select(a => a.BaselineBalanceUsd).ToArray();
            var fan = new FanChartData(years, balance.Select(q => q.P5).ToArray(), balance.Select(q => q.P25).ToArray(),
                balance.Select(q => q.P50).ToArray(), balance.Select(q => q.P75).ToArray(), balance.Select(q => q.P95).ToArray(), noPolicy)
                .WithHistory(ObservedYears(observed, years[0].Year - FanHistoryYears, years[0].Year - 1));
            written.AddRange(WriteFanChart(dir, fan, string.Create(CultureInfo.InvariantCulture,
                $"US goods balance with Vietnam, real-2025-2026, as of {asOf:yyyy-MM}: Monte Carlo projection, {FanDraws:N0} draws, seed {FanSeed} (2025: Jan–{asOf:MMM} observed; calendar years at mid-year)"),
                string.Create(CultureInfo.InvariantCulture, $"Monte Carlo projection as of {asOf:yyyy-MM}, {FanDraws:N0} draws, seed {FanSeed} (docs/models/projection.md): state-space nowcast and PE responses on the 2024 baseline; points: observed calendar years (imports for consumption, total exports FAS); observed: {observed.Vintage}; VietUsTrade.Sim {version}")));
            var y2025 = Array.FindIndex(years, y => y.Year == 2025);
            var y2026 = Array.FindIndex(years, y => y.Year == 2026);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Projection (real-2025-2026 as of {asOf:yyyy-MM}, {FanDraws} draws, seed {FanSeed}): 2025 balance {NumberFormat.UsdBillions(balance[y2025].P50)} (90 % band {NumberFormat.Number(balance[y2025].P5 / 1e9)} … {NumberFormat.Number(balance[y2025].P95 / 1e9)}; {projection.ObservedImportMonths} months observed, the rest projected); 2026 balance median {NumberFormat.UsdBillions(balance[y2026].P50)}, 90 % band {NumberFormat.Number(balance[y2026].P5 / 1e9)} … {NumberFormat.Number(balance[y2026].P95 / 1e9)}"));
            foreach (var path in written)
            {
                context.Out.WriteLine($"wrote {path}");
            }

            context.Out.WriteLine($"wrote {dir.WriteManifest(context.Arguments)}");
            return 0;
        });
        return command;
    }

    private const int FanDraws = 2000;
    private const ulong FanSeed = 2026;

    /// <summary>The y label of the fan chart: the balance in the tables' sign.</summary>
    internal const string BalanceLabel = "Balance (US$ bn, exports − imports; negative = US deficit)";

    /// <summary>Writes the fan chart as deficit-fan.png and deficit-fan.svg into the folder; returns the paths.</summary>
    internal static IReadOnlyList<string> WriteFanChart(OutputFolder dir, FanChartData fan, string title, string? source = null, string yLabel = BalanceLabel)
    {
        ArgumentNullException.ThrowIfNull(dir);
        ArgumentNullException.ThrowIfNull(fan);
        return ChartExtensions.Select(ext => FanChart.Write(dir.File($"deficit-fan.{ext}"), fan, title, yLabel, source)).ToArray();
    }

    /// <summary>Observed calendar years drawn before the fan.</summary>
    private const int FanHistoryYears = 7;

    /// <summary>
    /// The observed US goods balance with Vietnam of each calendar year from <paramref name="first"/> to <paramref name="last"/>
    /// with all twelve months of imports (imports for consumption) and exports (total exports, FAS), at mid-year.
    /// </summary>
    internal static ObservedValue[] ObservedYears(VietUsTrade.Sim.Data.ObservedTrade observed, int first, int last)
    {
        var imports = observed.Get(VietUsTrade.Sim.Data.ObservedTrade.VietnamImportsHistoryKey).Points;
        var exports = observed.Get(VietUsTrade.Sim.Data.ObservedTrade.VietnamExportsKey).Points;
        return Enumerable.Range(first, Math.Max(0, last - first + 1))
            .Select(y => (Year: y, Imports: imports.Where(p => p.Month.Year == y).ToArray(), Exports: exports.Where(p => p.Month.Year == y).ToArray()))
            .Where(y => y.Imports.Length == 12 && y.Exports.Length == 12)
            .Select(y => new ObservedValue(new DateOnly(y.Year, 7, 1), y.Exports.Sum(p => p.ValueUsd) - y.Imports.Sum(p => p.ValueUsd)))
            .ToArray();
    }

    private static void WriteTable(TextWriter o, ScenarioRun[] runs, Dictionary<ScenarioRun, BalanceDecomposition> parts, DateOnly date)
    {
        var ic = CultureInfo.InvariantCulture;
        static string Bn(double usd, int width) => NumberFormat.Number(usd / 1e9, 2).PadLeft(width);   // real minus, never "-0.00"
        var b = runs[0].Baseline;
        o.WriteLine(string.Create(ic, $"Flagship comparison on {date:yyyy-MM-dd}: exact PE on the bundled 2024 data (US$ bn; imports for consumption, customs value; balance = US exports − imports)"));
        o.WriteLine(string.Create(ic, $"{"scenario",-26} {"VN ETR",7} {"imports",8} {"exports",8} {"balance",8} {"Δbal",7} | {"tariff",7} {"divers.",7} {"concess",7} {"commit",7} | {"revenue",7} {"ΔP imp",6}"));
        o.WriteLine(string.Create(ic, $"{"2024 baseline",-26} {NumberFormat.Percent(runs[0].VietnamEtr.EtrTotal - runs[0].VietnamEtr.EtrAddedVs2024, 1),7} {Bn(b.ImportsFromVietnamUsd, 8)} {Bn(b.ExportsToVietnamUsd, 8)} {Bn(b.BalanceUsd, 8)} {Bn(0, 7)} | {"",7} {"",7} {"",7} {"",7} | {Bn(b.TariffRevenueUsd, 7)} {NumberFormat.Percent(0, 1),6}"));
        foreach (var r in runs)
        {
            var s = r.Result;
            var d = parts[r];
            o.WriteLine(string.Create(ic,
                $"{r.Scenario.Name,-26} {NumberFormat.Percent(r.VietnamEtr.EtrTotal, 1),7} {Bn(s.ImportsFromVietnamUsd, 8)} {Bn(s.ExportsToVietnamUsd, 8)} {Bn(s.BalanceUsd, 8)} {Bn(d.TotalChangeUsd, 7)} | {Bn(d.ImportTariffEffectUsd, 7)} {Bn(d.DiversionOtherUsd, 7)} {Bn(d.ConcessionsUsd, 7)} {Bn(d.CommitmentsUsd, 7)} | {Bn(s.TariffRevenueUsd, 7)} {NumberFormat.Percent(s.ImportPriceIndexChange, 1),6}"));
        }

        o.WriteLine("Δbal = tariff (Vietnam's own tariffs on imports) + divers. (other suppliers' tariffs, diversion) + concess (Vietnam's cuts on US goods) + commit (purchase commitments, 12 months).");
        o.WriteLine("VN ETR: Vietnam's import-weighted effective tariff rate (2024 weights); revenue: US tariff revenue on imports from Vietnam (a level); ΔP imp: change of the tariff-inclusive import price index of Vietnam's lines.");
    }
}
