using System.CommandLine;
using System.Globalization;
using VietUsTrade.Sim.Cli.Output;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Cli.Commands;

/// <summary>vietus-sim run / compare: the partial-equilibrium model on a scenario.</summary>
internal static class RunCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return Run(context);
        yield return Compare(context);
    }

    internal static Option<string> DateOption() => new("--date")
    {
        Description = "The entry date whose tariff regime is applied, YYYY-MM-DD (commitments are counted over the 12 months from it).",
        DefaultValueFactory = _ => "2025-12-01",
    };

    internal static Option<string> SigmaOption() => new("--sigma-set")
    {
        Description = "Elasticities of substitution: broda-weinstein (default) or hauk.",
        DefaultValueFactory = _ => "broda-weinstein",
    };

    internal static Option<double> OmegaOption() => new("--omega")
    {
        Description = "Export supply elasticity ω of every foreign supplier (no unit; default: infinite = fixed world prices, full pass-through to US buyers).",
        DefaultValueFactory = _ => double.PositiveInfinity,
    };

    internal static Option<string?> OutOption() => new("--out")
    {
        Description = "Also write the results as a tidy table to FILE: .csv, .json, .parquet or .xlsx (one row per scenario × metric, or per date; default: no file, the table only).",
        HelpName = "FILE",
    };

    /// <summary>Writes the table to --out when given (the extension is checked first: exit 2 if unknown) and prints the path to stderr.</summary>
    internal static void WriteOut(CliContext context, ParseResult parse, string? path, Func<TidyTable> table)
    {
        if (path is null)
        {
            return;
        }

        TableWriter.FormatOf(path);
        context.Error.WriteLine($"wrote {TableWriter.Write(table(), path, parse.GetValue(context.Force))}");
    }

    internal static Option<double?> TransshipmentOption() => new("--transshipment-share")
    {
        Description = "Share (0–1) of Vietnam's goods under the 40% transshipment rule: replaces the share of the scenario's transshipment measures (real-2025-2026, transshipment-enforced, or a scenario file with one); default: the scenario's own share.",
    };

    internal static PeRunOptions Options(ParseResult parse, Option<string> date, Option<string> sigma, Option<double> omega, Option<double?>? transshipment = null)
    {
        try
        {
            return NewOptions(parse, date, sigma, omega, transshipment);
        }
        catch (ArgumentException ex) when (ex.ParamName == nameof(PeRunOptions.ExportSupplyElasticity))
        {
            // The library's range (checked when the field is set) named with the option that gave it: a usage error.
            throw new CliUsageException("--omega: " + ex.Message);
        }
    }

    private static PeRunOptions NewOptions(ParseResult parse, Option<string> date, Option<string> sigma, Option<double> omega, Option<double?>? transshipment) =>
        new(PolicyCommands.ParseDate(parse.GetValue(date)!, "--date"),
            parse.GetValue(sigma) switch
            {
                "broda-weinstein" => SigmaSet.BrodaWeinstein,
                "hauk" => SigmaSet.Hauk2012,
                var s => throw new CliUsageException($"--sigma-set '{s}' is not broda-weinstein or hauk"),
            },
            ExportSupplyElasticity: parse.GetValue(omega) is var w && (double.IsNaN(w) || w <= 0) ? throw new CliUsageException($"--omega {w} must be positive") : w,
            TransshipmentShareOverride: transshipment is null ? null
                : parse.GetValue(transshipment) is { } t && !(t is >= 0 and <= 1) ? throw new CliUsageException($"--transshipment-share {t} must be in [0, 1]") : parse.GetValue(transshipment));

    /// <summary>Checks the options against the scenario (PeRunOptions.Validate); an option that cannot act on it is a usage error (exit 2).</summary>
    internal static void CheckOptions(Scenario scenario, PeRunOptions options)
    {
        try
        {
            options.Validate(scenario);
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException(ex.Message.ReplaceLineEndings(" "));
        }
    }

    private static Command Run(CliContext context)
    {
        var run = new Command("run", "Run a scenario through the exact partial-equilibrium model: baseline versus scenario for imports from and exports to Vietnam, balance, tariff revenue, prices and diversion.");
        var file = new Argument<string?>("FILE") { Description = "A scenario JSON file (or use --preset).", Arity = ArgumentArity.ZeroOrOne };
        var preset = new Option<string?>("--preset") { Description = "Preset name (see 'presets list'); no default: give --preset or a scenario FILE." };
        var json = new Option<bool>("--json") { Description = "Print a JSON object with 'baseline' and 'scenario'." };
        var date = DateOption();
        var sigma = SigmaOption();
        var omega = OmegaOption();
        var transshipment = TransshipmentOption();
        var top = new Option<int>("--top") { Description = "How many HTS lines to list in the table (0 = none).", DefaultValueFactory = _ => 10 };
        var output = OutOption();
        run.Arguments.Add(file);
        foreach (var o in new Option[] { preset, json, date, sigma, omega, transshipment, top, output })
        {
            run.Options.Add(o);
        }

        run.SetAction(parse =>
        {
            var scenario = PolicyCommands.Resolve(parse.GetValue(preset), parse.GetValue(file));
            var runOptions = Options(parse, date, sigma, omega, transshipment);
            CheckOptions(scenario, runOptions);
            var result = ScenarioModel.Run(BaselineDataset.LoadEmbedded(), scenario, runOptions);
            WriteOut(context, parse, parse.GetValue(output), () => ResultTables.Runs([result]));
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(ToJson(result)));
                return 0;
            }

            WriteTable(context.Out, result, parse.GetValue(top));
            return 0;
        });
        return run;
    }

    private static Command Compare(CliContext context)
    {
        var compare = new Command("compare", "Run several presets (or scenario files) through the PE model and print them side by side.");
        var preset = new Option<string[]>("--preset") { Description = "Preset names (repeat the option; no default: give at least one --preset or --scenario).", AllowMultipleArgumentsPerToken = true };
        var files = new Option<string[]>("--scenario") { Description = "Scenario files (repeat the option; no default: give at least one --preset or --scenario).", AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Print a JSON array." };
        var date = DateOption();
        var sigma = SigmaOption();
        var omega = OmegaOption();
        var transshipment = TransshipmentOption();
        var output = OutOption();
        foreach (var o in new Option[] { preset, files, json, date, sigma, omega, transshipment, output })
        {
            compare.Options.Add(o);
        }

        compare.SetAction(parse =>
        {
            var scenarios = (parse.GetValue(preset) ?? []).Select(p => PolicyCommands.Resolve(p, null))
                .Concat((parse.GetValue(files) ?? []).Select(f => PolicyCommands.Resolve(null, f))).ToArray();
            if (scenarios.Length == 0)
            {
                throw new CliUsageException("compare needs at least one --preset or --scenario");
            }

            var options = Options(parse, date, sigma, omega, transshipment);
            foreach (var s in scenarios)
            {
                CheckOptions(s, options);
            }

            var data = BaselineDataset.LoadEmbedded();
            var runs = scenarios.Select(s => ScenarioModel.Run(data, s, options)).ToArray();
            WriteOut(context, parse, parse.GetValue(output), () => ResultTables.Runs(runs));
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(runs.Select(ToJson)));
                return 0;
            }

            var ic = CultureInfo.InvariantCulture;
            context.Out.WriteLine(string.Create(ic, $"PE comparison on {options.Date:yyyy-MM-dd} (US$ bn; imports for consumption, customs value)"));
            context.Out.WriteLine(string.Create(ic, $"{"scenario",-26} {"VN ETR",7} {"imports",9} {"exports",9} {"balance",9} {"Δbalance",9} {"revenue",8} {"ΔP imp",7} {"to CHN",7} {"to ROW",7}"));
            context.Out.WriteLine(string.Create(ic, $"{"2024 baseline",-26} {NumberFormat.Percent(runs[0].VietnamEtr.EtrTotal - runs[0].VietnamEtr.EtrAddedVs2024, 1),7} {NumberFormat.Number(runs[0].Baseline.ImportsFromVietnamUsd / 1e9, 2),9} {NumberFormat.Number(runs[0].Baseline.ExportsToVietnamUsd / 1e9, 2),9} {NumberFormat.Number(runs[0].Baseline.BalanceUsd / 1e9, 2),9} {NumberFormat.Number(0, 2),9} {NumberFormat.Number(runs[0].Baseline.TariffRevenueUsd / 1e9, 2),8} {NumberFormat.Percent(0, 1),7} {NumberFormat.Number(0, 2),7} {NumberFormat.Number(0, 2),7}"));
            foreach (var r in runs)
            {
                var s = r.Result;
                context.Out.WriteLine(string.Create(ic,
                    $"{r.Scenario.Name,-26} {NumberFormat.Percent(r.VietnamEtr.EtrTotal, 1),7} {NumberFormat.Number(s.ImportsFromVietnamUsd / 1e9, 2),9} {NumberFormat.Number(s.ExportsToVietnamUsd / 1e9, 2),9} {NumberFormat.Number(s.BalanceUsd / 1e9, 2),9} {NumberFormat.Number((s.BalanceUsd - r.Baseline.BalanceUsd) / 1e9, 2),9} {NumberFormat.Number(s.TariffRevenueUsd / 1e9, 2),8} {NumberFormat.Percent(s.ImportPriceIndexChange, 1),7} {NumberFormat.Number(s.DivertedTo.GetValueOrDefault("CHINA") / 1e9, 2),7} {NumberFormat.Number(s.DivertedTo.GetValueOrDefault("REST OF WORLD") / 1e9, 2),7}"));
            }

            context.Out.WriteLine("VN ETR: Vietnam's import-weighted effective tariff rate (2024 weights); Δbalance: change of the balance against 2024; revenue: US tariff revenue on imports from Vietnam (a level); ΔP imp: change of the tariff-inclusive import price index of Vietnam's lines; to CHN, to ROW: change of US imports of Vietnam's lines from China and from the rest of the world (diversion).");
            return 0;
        });
        return compare;
    }

    internal static Dictionary<string, object> ToJson(ScenarioRun r)
    {
        static Dictionary<string, object> Side(PeSideSummary s) => new()
        {
            ["imports_from_vietnam_usd"] = s.ImportsFromVietnamUsd,
            ["exports_to_vietnam_usd"] = s.ExportsToVietnamUsd,
            ["balance_usd"] = s.BalanceUsd,
            ["tariff_revenue_usd"] = s.TariffRevenueUsd,
            ["tariff_revenue_all_suppliers_usd"] = s.TariffRevenueAllSuppliersUsd,
            ["import_price_index_change"] = s.ImportPriceIndexChange,
            ["diverted_to"] = s.DivertedTo.OrderByDescending(kv => kv.Value).ToDictionary(kv => kv.Key, kv => kv.Value),
        };

        return new Dictionary<string, object>
        {
            ["scenario_name"] = r.Scenario.Name,
            ["date"] = r.Options.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["import_concept"] = "imports for consumption, customs value",
            ["vietnam_etr"] = r.VietnamEtr.EtrTotal,
            ["parameters"] = new Dictionary<string, object>
            {
                ["sigma_set"] = r.Options.Sigma.ToString(),
                ["export_supply_elasticity"] = double.IsPositiveInfinity(r.Options.ExportSupplyElasticity) ? "infinity" : r.Options.ExportSupplyElasticity,
                ["vietnam_import_demand_elasticity"] = r.Options.VietnamImportDemandElasticity,
                ["vietnam_substitution_elasticity"] = r.Options.VietnamSubstitutionElasticity,
                ["us_share_of_vietnam_imports"] = r.Options.UsShareOfVietnamImports,
                ["commitment_window"] = $"{r.Exports.WindowStart:yyyy-MM-dd}/{r.Exports.WindowEnd:yyyy-MM-dd}",
            },
            ["baseline"] = Side(r.Baseline),
            ["scenario"] = Side(r.Result),
            ["total_us_exports_change_usd"] = r.Exports.TotalUsExportsChangeUsd,
            ["consumer_surplus_change_usd"] = r.ConsumerSurplusChangeUsd,
        };
    }

    private static void WriteTable(TextWriter o, ScenarioRun r, int top)
    {
        var ic = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(ic, $"Scenario {r.Scenario.Name} on {r.Options.Date:yyyy-MM-dd} — exact PE (nested CES), σ {r.Options.Sigma}, ω {(double.IsPositiveInfinity(r.Options.ExportSupplyElasticity) ? "∞" : r.Options.ExportSupplyElasticity.ToString(ic))}"));
        o.WriteLine(string.Create(ic, $"  (σ: elasticity of substitution between suppliers, set {r.Options.Sigma}; ω: export supply elasticity of foreign sellers, {(double.IsPositiveInfinity(r.Options.ExportSupplyElasticity) ? "∞ = fixed world prices, the tariff is paid in full by US buyers" : "finite = sellers absorb part of the tariff")})"));
        o.WriteLine(string.Create(ic, $"Vietnam ETR (2024 weights): {NumberFormat.Percent(r.VietnamEtr.EtrTotal, 2)}"));
        o.WriteLine(string.Create(ic, $"{"US$ bn",-34} {"baseline",10} {"scenario",10} {"change",10}"));
        static string Bn(double usd) => NumberFormat.Number(usd / 1e9, 3).PadLeft(10);   // real minus sign
        void Row(string name, double a, double b) => o.WriteLine(string.Create(ic, $"{name,-34} {Bn(a)} {Bn(b)} {Bn(b - a)}"));
        Row("imports_from_vietnam_usd", r.Baseline.ImportsFromVietnamUsd, r.Result.ImportsFromVietnamUsd);
        Row("exports_to_vietnam_usd", r.Baseline.ExportsToVietnamUsd, r.Result.ExportsToVietnamUsd);
        Row("balance_usd", r.Baseline.BalanceUsd, r.Result.BalanceUsd);
        Row("tariff_revenue_usd (from Vietnam)", r.Baseline.TariffRevenueUsd, r.Result.TariffRevenueUsd);
        Row("tariff revenue, all suppliers", r.Baseline.TariffRevenueAllSuppliersUsd, r.Result.TariffRevenueAllSuppliersUsd);
        o.WriteLine(string.Create(ic, $"{"import_price_index_change",-34} {NumberFormat.Percent(0, 2),10} {NumberFormat.Percent(r.Result.ImportPriceIndexChange, 2),10}"));
        o.WriteLine(string.Create(ic, $"{"consumer surplus change",-34} {"",10} {"",10} {Bn(r.ConsumerSurplusChangeUsd)}"));
        o.WriteLine(string.Create(ic, $"{"total US exports change",-34} {"",10} {"",10} {Bn(r.Exports.TotalUsExportsChangeUsd)}"));
        o.WriteLine("diverted_to (change of US imports from other suppliers, top 8):");
        foreach (var (name, v) in r.Result.DivertedTo.OrderByDescending(kv => kv.Value).Take(8))
        {
            o.WriteLine(string.Create(ic, $"  {name,-32} {Bn(v)}"));
        }

        if (top > 0)
        {
            o.WriteLine($"largest changes of imports from Vietnam (top {top}):");
            foreach (var l in r.TopLines(top))
            {
                o.WriteLine(string.Create(ic, $"  {l.Code} {l.Description[..Math.Min(34, l.Description.Length)],-34} {NumberFormat.Number(l.BaselineImportsFromVietnamUsd / 1e9, 3),8} → {NumberFormat.Number(l.ScenarioImportsFromVietnamUsd / 1e9, 3),8}  rate {NumberFormat.Percent(l.VietnamRate0, 1)}→{NumberFormat.Percent(l.VietnamRate1, 1)}  σ {NumberFormat.Number(l.Sigma.Value, 1)} ({l.Sigma.Level})"));
            }
        }
    }
}
