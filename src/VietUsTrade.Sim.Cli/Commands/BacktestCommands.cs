using System.CommandLine;
using VietUsTrade.Sim.Cli.Output;
using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Plotting;
using VietUsTrade.Sim.Projection;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Cli.Commands;

/// <summary>vietus-sim backtest: the as-of projection against the months observed after each origin.</summary>
internal static class BacktestCommands
{
    internal static Command Create(CliContext context)
    {
        var cmd = new Command("backtest",
            "Project as of one or more months with only the data up to each, and score the bands against the Census months observed after it: coverage of the 50 % and 90 % bands, bias and MAPE of the median for imports from Vietnam, duty and US exports to Vietnam; every supplier's projected change. Method: docs/models/projection.md.");
        var file = new Argument<string?>("FILE") { Description = "A scenario JSON file (or use --preset; default real-2025-2026).", Arity = ArgumentArity.ZeroOrOne };
        var preset = new Option<string?>("--preset") { Description = "Preset name (see 'presets list'; default real-2025-2026)." };
        var asOf = new Option<string[]>("--as-of") { Description = "An origin month YYYY-MM (repeat the option for several; default: none, give --as-of or --rolling).", AllowMultipleArgumentsPerToken = true };
        var rolling = new Option<string?>("--rolling") { Description = "Every month of a range YYYY-MM..YYYY-MM as an origin (with --horizon; default: none, give --as-of or --rolling)." };
        var horizon = new Option<int?>("--horizon") { Description = "Rolling mode: months projected after each origin (default 3)." };
        var to = new Option<string?>("--to") { Description = "The last projected month YYYY-MM for every origin (default: the latest observed month of imports)." };
        var draws = new Option<int>("--draws") { Description = "Monte Carlo draws per origin.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the random draws (a whole number, no unit; the same at every origin).", DefaultValueFactory = _ => 1UL };
        var threads = new Option<int>("--threads") { Description = "Threads (-1 = all cores).", DefaultValueFactory = _ => -1 };
        var json = new Option<bool>("--json") { Description = "Print JSON: per origin the months (quantiles and observed values), scores and every supplier's change_pct; pooled scores." };
        var givenMarket = new Option<bool>("--given-market") { Description = "Market-conditioned: the observed US imports from all countries after each origin set the size of the market and the model splits it among suppliers (the only use of data after an origin; said in the output)." };
        var chart = new Option<string?>("--chart") { Description = "Write a fan chart of the monthly imports from Vietnam with the observed months as dots, per origin (backtest-YYYY-MM.png and .svg), into this folder (default: no charts)." };
        cmd.Arguments.Add(file);
        foreach (var o in new Option[] { preset, asOf, rolling, horizon, to, draws, seed, threads, json, chart, givenMarket })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(parse =>
        {
            var name = parse.GetValue(preset);
            var path = parse.GetValue(file);
            var scenario = PolicyCommands.Resolve(name ?? (path is null ? "real-2025-2026" : null), path);
            var observed = ObservedTrade.LoadEmbedded();
            var latest = observed.LatestImportMonth ?? throw new InvalidOperationException("The bundled observed data have no month of imports from Vietnam.");
            var origins = new List<DateOnly>();
            foreach (var text in parse.GetValue(asOf) ?? [])
            {
                origins.Add(text.StartsWith('-') ? throw new CliUsageException($"unknown option '{text}' for 'backtest'") : DataCommands.ParseMonth(text, "--as-of"));
            }

            int? h = parse.GetValue(horizon);
            if (parse.GetValue(rolling) is { } range)
            {
                var parts = range.Split("..");
                if (parts.Length != 2)
                {
                    throw new CliUsageException($"--rolling '{range}' is not a range YYYY-MM..YYYY-MM");
                }

                var a = DataCommands.ParseMonth(parts[0], "--rolling");
                var b = DataCommands.ParseMonth(parts[1], "--rolling");
                if (b < a || ((b.Year - a.Year) * 12) + b.Month - a.Month > 120)
                {
                    throw new CliUsageException($"--rolling '{range}' must run forward over at most 120 months");
                }

                for (var m = a; m <= b; m = m.AddMonths(1))
                {
                    origins.Add(m);
                }

                h ??= 3;
            }
            else if (h is not null)
            {
                throw new CliUsageException("--horizon needs --rolling");
            }

            if (origins.Count == 0)
            {
                throw new CliUsageException("give at least one --as-of YYYY-MM or --rolling YYYY-MM..YYYY-MM");
            }

            foreach (var o in origins)
            {
                if (o < ProjectionOptions.EarliestAsOf || o >= latest)
                {
                    throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                        $"--as-of '{o:yyyy-MM}' must be a month from {ProjectionOptions.EarliestAsOf:yyyy-MM} to {latest.AddMonths(-1):yyyy-MM} (a month must be observed after it)"));
                }
            }

            if (h is { } hh && hh is < 1 or > 36)
            {
                throw new CliUsageException($"--horizon {hh} must be 1–36");
            }

            var end = parse.GetValue(to) is { } t ? DataCommands.ParseMonth(t, "--to") : latest;
            if (h is null && (end <= origins.Max() || end > new DateOnly(2030, 12, 1)))
            {
                throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--to '{end:yyyy-MM}' must be after every origin and not after 2030-12"));
            }

            var n = parse.GetValue(draws);
            if (n is < 1 or > 200_000)
            {
                throw new CliUsageException($"--draws {n} must be between 1 and 200000 per origin (every draw of every supplier is kept for exact quantiles: about 0.9 KB per draw and month)");
            }

            var th = parse.GetValue(threads);
            if (th is 0 or < -1)
            {
                throw new CliUsageException($"--threads {th} must be -1 (all cores) or ≥ 1");
            }

            var dir = parse.GetValue(chart) is { } folder ? OutputFolder.Create(folder, "--chart", parse.GetValue(context.Force)) : null;
            var options = new BacktestOptions(origins, end, n, parse.GetValue(seed), h, null, th, parse.GetValue(givenMarket));
            var result = Backtest.Run(BaselineDataset.LoadEmbedded(), scenario, options, observed);
            if (dir is not null)
            {
                foreach (var o in result.Origins)
                {
                    var fan = new FanChartData(o.Months.Select(m => m.Month).ToArray(), o.Months.Select(m => m.ImportsUsd.P5).ToArray(), o.Months.Select(m => m.ImportsUsd.P25).ToArray(),
                        o.Months.Select(m => m.ImportsUsd.P50).ToArray(), o.Months.Select(m => m.ImportsUsd.P75).ToArray(), o.Months.Select(m => m.ImportsUsd.P95).ToArray())
                        .WithObserved(o.Months.Select(m => m.ObservedImportsUsd).ToArray());
                    var title = string.Create(CultureInfo.InvariantCulture, $"US imports from Vietnam, {result.Scenario} as of {o.AsOf:yyyy-MM}: projected bands and observed months ({result.Options.Draws:N0} draws)");
                    foreach (var ext in FlagshipCommands.ChartExtensions)
                    {
                        var source = string.Create(CultureInfo.InvariantCulture,
                            $"as-of projection with only the data up to {o.AsOf:yyyy-MM} ({result.Options.Draws:N0} draws, seed {result.Options.Seed}{(result.Options.GivenMarket ? "; GIVEN MARKET: observed NAICS-3 markets after the origin" : string.Empty)}; docs/models/projection.md §10); dots: Census imports for consumption from Vietnam; {result.Vintage}");
                        var written = ChartFile.Save(ChartFile.AddSource(FanChart.Build(fan, title, "Imports for consumption (US$ bn per month)"), source), dir.File(string.Create(CultureInfo.InvariantCulture, $"backtest-{o.AsOf:yyyy-MM}.{ext}")), ChartFile.DefaultWidth, ChartFile.DefaultHeight + 60);
                        context.Error.WriteLine($"wrote {written}");
                    }
                }

                context.Error.WriteLine($"wrote {dir.WriteManifest(context.Arguments)}");
            }

            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(ToJson(result)));
                return 0;
            }

            WriteTable(context.Out, result);
            return 0;
        });
        return cmd;
    }

    private static Dictionary<string, double> Q(Quantiles q) => new(StringComparer.Ordinal) { ["p5"] = q.P5, ["p25"] = q.P25, ["p50"] = q.P50, ["p75"] = q.P75, ["p95"] = q.P95 };

    private static Dictionary<string, object> Score(BacktestScore s) => new(StringComparer.Ordinal)
    {
        ["months"] = s.Months,
        ["coverage_50"] = s.Coverage50,
        ["coverage_90"] = s.Coverage90,
        ["bias_pct"] = s.BiasPct,
        ["mape_pct"] = s.MapePct,
    };

    internal static Dictionary<string, object> ToJson(BacktestResult r)
    {
        var ic = CultureInfo.InvariantCulture;
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["scenario"] = r.Scenario,
            ["data_vintage"] = r.Vintage,
            ["draws"] = r.Options.Draws,
            ["seed"] = r.Options.Seed,
            ["given_market"] = r.Options.GivenMarket,
            ["notes"] = r.Notes,
            ["pooled"] = r.Pooled.ToDictionary(kv => kv.Key, kv => Score(kv.Value), StringComparer.Ordinal),
            ["origins"] = r.Origins.Select(o => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["as_of"] = o.AsOf.ToString("yyyy-MM", ic),
                ["to"] = o.To.ToString("yyyy-MM", ic),
                ["baseline"] = o.Baseline,
                ["scores"] = o.Scores.ToDictionary(kv => kv.Key, kv => Score(kv.Value), StringComparer.Ordinal),
                ["window_imports_usd"] = Q(o.WindowImportsUsd),
                ["observed_window_imports_usd"] = o.ObservedWindowImportsUsd,
                ["vietnam"] = new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    ["months"] = o.Months.Select(m => new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["month"] = m.Month.ToString("yyyy-MM", ic),
                        ["imports_usd"] = Q(m.ImportsUsd),
                        ["duty_usd"] = Q(m.DutyUsd),
                        ["exports_usd"] = Q(m.ExportsUsd),
                        ["observed_imports_usd"] = m.ObservedImportsUsd,
                        ["observed_duty_usd"] = m.ObservedDutyUsd,
                        ["observed_exports_usd"] = m.ObservedExportsUsd,
                    }).ToArray(),
                },
                ["suppliers"] = o.Suppliers.Select(s => new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["code"] = s.CensusCode,
                    ["iso3"] = s.Iso3,
                    ["name"] = s.Name,
                    ["change_pct"] = new Dictionary<string, double>(StringComparer.Ordinal) { ["p5"] = s.ChangePct.P5, ["p50"] = s.ChangePct.P50, ["p95"] = s.ChangePct.P95 },
                }).ToArray(),
            }).ToArray(),
        };
    }

    private static void WriteTable(TextWriter o, BacktestResult r)
    {
        var ic = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(ic, $"Backtest of {r.Scenario}: {r.Origins.Count} origin(s), {r.Options.Draws} draws each, seed {r.Options.Seed}"));
        o.WriteLine($"  data: {r.Vintage}");
        foreach (var n in r.Notes)
        {
            o.WriteLine($"  {n}");
        }

        o.WriteLine(string.Create(ic, $"{"as of",-8} {"to",-8} {"metric",-8} {"months",6} {"cov50",7} {"cov90",7} {"bias %",8} {"MAPE %",8}"));
        void Line(string a, string b, string metric, BacktestScore s) =>
            o.WriteLine(string.Create(ic, $"{a,-8} {b,-8} {metric,-8} {s.Months,6} {NumberFormat.Percent(s.Coverage50, 0),7} {NumberFormat.Percent(s.Coverage90, 0),7} {NumberFormat.Change(s.BiasPct, 1),8} {NumberFormat.Number(s.MapePct, 1),8}"));
        foreach (var x in r.Origins)
        {
            foreach (var (metric, s) in x.Scores)
            {
                Line(x.AsOf.ToString("yyyy-MM", ic), x.To.ToString("yyyy-MM", ic), metric, s);
            }
        }

        foreach (var (metric, s) in r.Pooled)
        {
            Line("pooled", string.Empty, metric, s);
        }

        o.WriteLine("(cov50, cov90: share of the observed months inside the 50 % (p25–p75) and 90 % (p5–p95) bands; bias %: mean of (p50 − observed) / observed, negative = projected too low; MAPE %: mean of |p50 − observed| / observed)");

        o.WriteLine("imports from Vietnam summed over each window (US$ bn): p5 p50 p95 | observed; Vietnam and China change vs a year earlier (%, p50 [p5, p95]):");
        foreach (var x in r.Origins)
        {
            var w = x.WindowImportsUsd;
            var obs = x.ObservedWindowImportsUsd is { } v ? string.Create(ic, $"{NumberFormat.Number(v / 1e9, 1)}") : "n/a";
            var vn = x.Suppliers.FirstOrDefault(s => s.CensusCode == Products.Partner.VietnamCode);
            var cn = x.Suppliers.FirstOrDefault(s => s.CensusCode == Products.Partner.ChinaCode);
            string Change(SupplierChange? s) => s is null ? "n/a" : string.Create(ic, $"{NumberFormat.Change(s.ChangePct.P50, 1)} [{NumberFormat.Change(s.ChangePct.P5, 1)}, {NumberFormat.Change(s.ChangePct.P95, 1)}]");
            o.WriteLine(string.Create(ic, $"  {x.AsOf:yyyy-MM}..{x.To:yyyy-MM}: {NumberFormat.Number(w.P5 / 1e9, 1)} {NumberFormat.Number(w.P50 / 1e9, 1)} {NumberFormat.Number(w.P95 / 1e9, 1)} | {obs}; Vietnam {Change(vn)}; China {Change(cn)}"));
        }
    }
}
