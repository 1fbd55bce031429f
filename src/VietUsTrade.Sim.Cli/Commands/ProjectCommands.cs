using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Projection;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Cli.Commands;

/// <summary>vietus-sim project: the monthly projection with Monte Carlo quantile bands.</summary>
internal static class ProjectCommands
{
    /// <summary>The largest --draws, as documented: above <see cref="MonteCarloOptions.InMemoryDrawLimit"/> the exact quantiles come from multi-pass selection and memory stops growing with N (peak RSS in benchmarks/RESULTS.md).</summary>
    internal const int MaxDraws = 10_000_000;

    internal static Command Create(CliContext context)
    {
        var project = new Command("project",
            "Project a scenario month by month to a horizon with Monte Carlo uncertainty: quantiles (5/25/50/75/95) per year (and per month) of imports from and exports to Vietnam, the bilateral balance, tariff revenue and Vietnam's ETR, and which input drives the spread of the 2026 balance. Method: docs/models/projection.md.");
        var file = new Argument<string?>("FILE") { Description = "A scenario JSON file (or use --preset).", Arity = ArgumentArity.ZeroOrOne };
        var preset = new Option<string?>("--preset") { Description = "Preset name (see 'presets list'); no default: give --preset or a scenario FILE." };
        var draws = new Option<int>("--draws") { Description = "Monte Carlo draws N (1 to 10,000,000; the quantiles are exact; above 500,000 draws they come from multi-pass selection, which runs the draws about twice, and memory no longer grows with N).", DefaultValueFactory = _ => 1000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the random draws (a whole number, no unit); the same seed gives identical results on any number of threads.", DefaultValueFactory = _ => 1UL };
        var to = new Option<string>("--to") { Description = "Horizon month YYYY-MM.", DefaultValueFactory = _ => "2030-12" };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of rows, one per period ('year' or 'month'), each metric an object of quantiles p5, p25, p50, p75, p95." };
        var monthly = new Option<bool>("--monthly") { Description = "Also print the quantiles of every month." };
        var noUncertainty = new Option<bool>("--no-uncertainty") { Description = "Hold every uncertain input at its central value (every draw equals the deterministic projection)." };
        var importGrowth = new Option<double?>("--import-growth") { Description = "No-policy growth of US imports from Vietnam per year, a fraction (0.05 = 5 %/yr; default: the slope of the state-space nowcast at the as-of month; with --as-of none the 2022–2024 trend)." };
        var exportGrowth = new Option<double?>("--export-growth") { Description = "No-policy growth of US exports to Vietnam per year, a fraction (0.05 = 5 %/yr; default: the nowcast's slope; with --as-of none the 2013–2024 trend, +7.1%)." };
        var asOf = AsOfOption();
        var kernel = new Option<string>("--kernel") { Description = "Adjustment of elasticities: blp (Boehm–Levchenko–Pandalai-Nayar 2023) or immediate (long-run from the first month).", DefaultValueFactory = _ => "blp" };
        var anticipation = new Option<int>("--anticipation-months") { Description = "Front-loading window before tariff rises, in months (0 = off).", DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads") { Description = "Threads (-1 = all cores).", DefaultValueFactory = _ => -1 };
        var bySupplier = new Option<bool>("--by-supplier") { Description = "Also give every supplier's US imports of the bundled lines (Census code and name): quantiles per year, and per month with --json (monthly bands from the first 5,000 draws)." };
        project.Arguments.Add(file);
        foreach (var o in new Option[] { preset, draws, seed, to, asOf, json, monthly, bySupplier, noUncertainty, importGrowth, exportGrowth, kernel, anticipation, threads })
        {
            project.Options.Add(o);
        }

        project.SetAction(parse =>
        {
            var scenario = PolicyCommands.Resolve(parse.GetValue(preset), parse.GetValue(file));
            var n = parse.GetValue(draws);
            if (n is < 1 or > MaxDraws)
            {
                throw new CliUsageException($"--draws {n} must be between 1 and {MaxDraws}");
            }

            var horizonText = parse.GetValue(to)!;
            if (!DateOnly.TryParseExact(horizonText + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var horizon)
                || horizon < new DateOnly(2025, 1, 1) || horizon > new DateOnly(2060, 12, 1))
            {
                throw new CliUsageException($"--to '{horizonText}' is not a month YYYY-MM between 2025-01 and 2060-12");
            }

            var k = parse.GetValue(kernel) switch
            {
                "blp" => AdjustmentKernel.Blp2023,
                "immediate" => AdjustmentKernel.Immediate,
                var s => throw new CliUsageException($"--kernel '{s}' is not blp or immediate"),
            };
            var a = parse.GetValue(anticipation);
            if (a is < 0 or > 12)
            {
                throw new CliUsageException($"--anticipation-months {a} must be 0–12");
            }

            var t = parse.GetValue(threads);
            if (t is 0 or < -1)
            {
                throw new CliUsageException($"--threads {t} must be -1 (all cores) or ≥ 1");
            }

            foreach (var (v, name) in new[] { (parse.GetValue(importGrowth), "--import-growth"), (parse.GetValue(exportGrowth), "--export-growth") })
            {
                if (v is { } g && !(g > -0.9 && g < 2.0))
                {
                    throw new CliUsageException($"{name} {g.ToString(CultureInfo.InvariantCulture)} must be a yearly growth rate in (-0.9, 2)");
                }
            }

            var asOfMonth = ParseAsOf(parse.GetValue(asOf)!, horizon);
            var options = new ProjectionOptions(horizon, k, parse.GetValue(importGrowth), parse.GetValue(exportGrowth), AnticipationMonths: a, AsOf: asOfMonth);
            var spec = parse.GetValue(noUncertainty) ? UncertaintySpec.None : UncertaintySpec.Default;
            var showProgress = !Console.IsOutputRedirected && !Console.IsErrorRedirected;
            var model = ProjectionModel.Create(BaselineDataset.LoadEmbedded(), scenario, options, null, ObservedTrade.LoadEmbedded());
            using var bar = showProgress ? new ProgressBar(context.Error, n) : null;
            var suppliersOn = parse.GetValue(bySupplier);
            var mcOptions = suppliersOn
                ? new MonteCarloOptions(n, parse.GetValue(seed), spec, t, MonthlyDrawLimit: Math.Min(n, 5000), CompetitorCount: model.Suppliers.Count, MonthlyDiversion: true)
                : new MonteCarloOptions(n, parse.GetValue(seed), spec, t);
            var result = model.MonteCarlo(mcOptions, bar);
            bar?.Finish();
            var observedThrough = model.FirstMonth.AddMonths(model.ObservedImportMonths - 1);
            if (parse.GetValue(json))
            {
                var rows = ToJson(result, parse.GetValue(monthly), observedThrough);
                context.Out.WriteLine(suppliersOn
                    ? CliJson.Serialize(new Dictionary<string, object>(StringComparer.Ordinal) { ["rows"] = rows, ["suppliers"] = SupplierJson(model, result) })
                    : CliJson.Serialize(rows));
                return 0;
            }

            WriteTable(context.Out, scenario.Name, result, parse.GetValue(monthly));
            if (suppliersOn)
            {
                WriteSuppliers(context.Out, model, result);
            }

            return 0;
        });
        return project;
    }

    /// <summary>Every supplier's imports of the bundled lines: no-policy path + diversion quantiles (Vietnam: its imports), per year and month.</summary>
    internal static List<Dictionary<string, object?>> SupplierJson(ProjectionModel model, MonteCarloResult result)
    {
        static Dictionary<string, double> Shift(Quantiles q, double c) => new(StringComparer.Ordinal) { ["p5"] = q.P5 + c, ["p25"] = q.P25 + c, ["p50"] = q.P50 + c, ["p75"] = q.P75 + c, ["p95"] = q.P95 + c };
        var list = new List<Dictionary<string, object?>>();
        for (var k = 0; k < model.Suppliers.Count; k++)
        {
            var partner = model.Partners[k];
            var entry = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = partner.CensusCode, ["iso3"] = partner.Iso3, ["name"] = partner.Name };
            if (k == model.VietnamSupplierIndex)
            {
                entry["years"] = result.Annual.Select(r => new Dictionary<string, object>(StringComparer.Ordinal) { ["year"] = r.Year, ["imports_usd"] = Shift(r.Metrics[ProjectionMetrics.Imports], 0) }).ToArray();
                entry["months"] = result.Monthly.Select(r => new Dictionary<string, object>(StringComparer.Ordinal) { ["month"] = r.Period, ["imports_usd"] = Shift(r.Metrics[ProjectionMetrics.Imports], 0) }).ToArray();
            }
            else if (result.DivertedTo.TryGetValue(model.Suppliers[k], out var annual) && result.DivertedToMonthly.TryGetValue(model.Suppliers[k], out var monthly))
            {
                entry["years"] = annual.Select(r => new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    ["year"] = r.Year,
                    ["imports_usd"] = Shift(r.Metrics["diverted_usd"], Enumerable.Range(0, model.MonthCount).Where(m => model.FirstMonth.AddMonths(m).Year == r.Year).Sum(m => model.CompetitorNoPolicyImportsUsd(k, m))),
                }).ToArray();
                entry["months"] = monthly.Select((r, m) => new Dictionary<string, object>(StringComparer.Ordinal) { ["month"] = r.Period, ["imports_usd"] = Shift(r.Metrics["diverted_usd"], model.CompetitorNoPolicyImportsUsd(k, m)) }).ToArray();
            }
            else
            {
                continue; // no 2024 imports of Vietnam's lines from this supplier
            }

            list.Add(entry);
        }

        return list;
    }

    private static void WriteSuppliers(TextWriter o, ProjectionModel model, MonteCarloResult result)
    {
        var ic = CultureInfo.InvariantCulture;
        o.WriteLine("US imports of the bundled lines by supplier (US$ bn, p50 [p5, p95]; no-policy path + diversion; other suppliers' 2025 months are projected, not observed):");
        o.WriteLine(string.Create(ic, $"  {"code",-5} {"supplier",-26} ") + string.Join(" ", result.Years.Select(y => y.ToString(ic).PadLeft(22))));
        foreach (var s in SupplierJson(model, result))
        {
            var years = (Dictionary<string, object>[])s["years"]!;
            var cells = years.Select(y => (Dictionary<string, double>)y["imports_usd"]).Select(q => string.Create(ic, $"{NumberFormat.Number(q["p50"] / 1e9, 2),7} [{NumberFormat.Number(q["p5"] / 1e9, 2)}, {NumberFormat.Number(q["p95"] / 1e9, 2)}]").PadLeft(22));
            o.WriteLine(string.Create(ic, $"  {s["code"],-5} {s["name"],-26} ") + string.Join(" ", cells));
        }
    }

    /// <summary>The --as-of option shared by project and backtest-like commands.</summary>
    internal static Option<string> AsOfOption() => new("--as-of")
    {
        Description = "As-of month YYYY-MM: the model sees the observed data only up to it (the no-policy paths are a state-space nowcast on the 2013– history; observed months are reported as observed). 'latest' (default) = the latest month of imports from Vietnam in the box; 'none' = the 2022–2024 trend anchored to 2024, without observed months.",
        DefaultValueFactory = _ => "latest",
    };

    /// <summary>Parses --as-of: latest, none or a month between the earliest as-of month and the latest observed month (before the horizon).</summary>
    internal static DateOnly? ParseAsOf(string text, DateOnly horizon)
    {
        if (text == "none")
        {
            return null;
        }

        var latest = ObservedTrade.LoadEmbedded().LatestImportMonth ?? throw new InvalidOperationException("The bundled observed data have no month of imports from Vietnam.");
        var month = text == "latest" ? latest : DataCommands.ParseMonth(text, "--as-of");
        if (month < ProjectionOptions.EarliestAsOf || month > latest || month >= horizon)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                $"--as-of '{text}' must be 'latest', 'none' or a month from {ProjectionOptions.EarliestAsOf:yyyy-MM} to {latest:yyyy-MM} (the latest observed month) before the horizon {horizon:yyyy-MM}"));
        }

        return month;
    }

    internal static List<Dictionary<string, object>> ToJson(MonteCarloResult result, bool monthly, DateOnly? observedThrough = null)
    {
        static Dictionary<string, double> Q(Quantiles q) => new(StringComparer.Ordinal) { ["p5"] = q.P5, ["p25"] = q.P25, ["p50"] = q.P50, ["p75"] = q.P75, ["p95"] = q.P95 };
        var rows = new List<Dictionary<string, object>>();
        foreach (var r in result.Annual)
        {
            var row = new Dictionary<string, object>(StringComparer.Ordinal) { ["year"] = r.Year };
            foreach (var m in ProjectionMetrics.Headline)
            {
                row[m] = Q(r.Metrics[m]);
            }

            rows.Add(row);
        }

        if (monthly)
        {
            foreach (var r in result.Monthly)
            {
                var row = new Dictionary<string, object>(StringComparer.Ordinal) { ["month"] = r.Period };
                if (observedThrough is { } ot && new DateOnly(r.Year, r.Month!.Value, 1) <= ot)
                {
                    row["observed_imports_exports"] = true;
                }

                foreach (var m in ProjectionMetrics.Headline)
                {
                    row[m] = Q(r.Metrics[m]);
                }

                rows.Add(row);
            }
        }

        return rows;
    }

    private static void WriteTable(TextWriter o, string scenario, MonteCarloResult result, bool monthly)
    {
        var ic = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(ic, $"Projection of {scenario}: {result.Options.Draws} draws, seed {result.Options.Seed} (US$ bn; imports for consumption, customs value; exports FAS; ETR = duty / value)"));
        foreach (var a in result.Assumptions)
        {
            o.WriteLine($"  {a}");
        }

        o.WriteLine(string.Create(ic, $"{"period",-8} {"metric",-26} {"p5",9} {"p25",9} {"p50",9} {"p75",9} {"p95",9}"));
        void Rows(IEnumerable<QuantileRow> rows)
        {
            foreach (var r in rows)
            {
                foreach (var m in r.Month is null ? [.. ProjectionMetrics.Headline, ProjectionMetrics.BaselineBalance, ProjectionMetrics.BalanceEffect] : ProjectionMetrics.Headline)
                {
                    var q = r.Metrics[m];
                    o.WriteLine(m == ProjectionMetrics.Etr
                        ? string.Create(ic, $"{r.Period,-8} {m,-26} {NumberFormat.Percent(q.P5, 2),9} {NumberFormat.Percent(q.P25, 2),9} {NumberFormat.Percent(q.P50, 2),9} {NumberFormat.Percent(q.P75, 2),9} {NumberFormat.Percent(q.P95, 2),9}")
                        : string.Create(ic, $"{r.Period,-8} {m,-26} {NumberFormat.Number(q.P5 / 1e9, 2),9} {NumberFormat.Number(q.P25 / 1e9, 2),9} {NumberFormat.Number(q.P50 / 1e9, 2),9} {NumberFormat.Number(q.P75 / 1e9, 2),9} {NumberFormat.Number(q.P95 / 1e9, 2),9}"));
                }
            }
        }

        Rows(result.Annual);
        if (monthly)
        {
            if (result.MonthlyDraws < result.Options.Draws)
            {
                o.WriteLine(string.Create(ic, $"monthly quantiles from the first {result.MonthlyDraws} draws (memory limit)"));
            }

            Rows(result.Monthly);
        }

        if (result.DivertedTo.Count > 0)
        {
            var last = result.Years[^1];
            o.WriteLine(string.Create(ic, $"diversion: change of US imports from each competitor on Vietnam's lines, {last} (US$ bn, p50 [p5, p95]):"));
            foreach (var (name, rows) in result.DivertedTo)
            {
                var q = rows[^1].Metrics["diverted_usd"];
                o.WriteLine(string.Create(ic, $"  {name,-26} {NumberFormat.Number(q.P50 / 1e9, 2),8} [{NumberFormat.Number(q.P5 / 1e9, 2)}, {NumberFormat.Number(q.P95 / 1e9, 2)}]"));
            }
        }

        if (result.SampleDraws >= 20 && result.Years.Contains(2026))
        {
            var sampleNote = result.SampleDraws < result.Options.Draws ? string.Create(ic, $" of the first {result.SampleDraws:N0} draws") : "";
            foreach (var (metric, label) in new[] { (ProjectionMetrics.Balance, "the 2026 balance"), (ProjectionMetrics.BalanceEffect, "the 2026 policy effect on the balance") })
            {
                o.WriteLine(string.Create(ic, $"what drives the spread of {label} (first-order variance index by binning{sampleNote}, noise floor ≈ {NumberFormat.Number(MonteCarloResult.SensitivityNoiseFloor(result.SampleDraws), 3)}; correlation):"));
                foreach (var s in result.Sensitivity(metric, 2026))
                {
                    o.WriteLine(string.Create(ic, $"  {s.Input,-26} {NumberFormat.Number(s.FirstOrderIndex, 3),6} {NumberFormat.Change(s.Correlation, 2),6}  {s.Distribution}"));
                }
            }
        }
    }

    /// <summary>A progress bar on standard error for an interactive terminal.</summary>
    private sealed class ProgressBar(TextWriter error, int total) : IProgress<MonteCarloProgress>, IDisposable
    {
        private readonly Lock _gate = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _lastDraw = -1;
        private bool _done;

        public void Report(MonteCarloProgress value)
        {
            lock (_gate)
            {
                if (_done || value.CompletedDraws <= _lastDraw || (_clock.ElapsedMilliseconds < 100 && value.CompletedDraws < total))
                {
                    return;
                }

                _lastDraw = value.CompletedDraws;
                _clock.Restart();
                var filled = (int)(30L * value.CompletedDraws / total);
                error.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string(' ', 30 - filled)}] {value.CompletedDraws}/{total} draws"));
            }
        }

        public void Finish()
        {
            lock (_gate)
            {
                if (!_done)
                {
                    _done = true;
                    error.WriteLine();
                }
            }
        }

        public void Dispose() => Finish();
    }
}
