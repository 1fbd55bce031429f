using System.CommandLine;
using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Cli.Commands;

/// <summary>vietus-sim presets / etr / scenario: the policy layer.</summary>
internal static class PolicyCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return Presets(context);
        yield return Etr(context);
        yield return ScenarioCommand(context);
    }

    /// <summary>Resolves --preset NAME or a scenario file into a scenario (exit 2 for an unknown preset).</summary>
    internal static Scenario Resolve(string? preset, string? file)
    {
        if (file is not null && file.StartsWith('-'))
        {
            throw new CliUsageException($"unknown option '{file}' (a scenario FILE cannot start with '-')");
        }

        if (preset is not null && file is not null)
        {
            throw new CliUsageException("give either --preset or a scenario FILE, not both");
        }

        if (file is not null)
        {
            return ScenarioJson.Load(file);
        }

        if (preset is null)
        {
            throw new CliUsageException("a scenario is needed: --preset NAME or a scenario FILE");
        }

        try
        {
            return Policy.Presets.Get(preset);
        }
        catch (KeyNotFoundException ex)
        {
            throw new CliUsageException(ex.Message);
        }
    }

    /// <summary>The dates any command accepts: the model's data start in 2013 and its horizon ends in 2060.</summary>
    internal static readonly (DateOnly First, DateOnly Last) DateRange = (new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));

    internal static DateOnly ParseDate(string text, string option) =>
        !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? throw new CliUsageException($"{option} '{text}' is not a date (YYYY-MM-DD)")
            : d < DateRange.First || d > DateRange.Last
                ? throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"{option} '{text}' must be between {DateRange.First:yyyy-MM-dd} and {DateRange.Last:yyyy-MM-dd}"))
                : d;

    private static Command Presets(CliContext context)
    {
        var presets = new Command("presets", "Named policy scenarios.");
        var list = new Command("list", "List the presets with the models they run in (pe, ge-icio, projection) and their descriptions.");
        var json = new Option<bool>("--json") { Description = "Print a JSON array." };
        list.Options.Add(json);
        list.SetAction(parse =>
        {
            var all = Policy.Presets.Names.Select(Policy.Presets.Get).ToArray();
            var geOnly = PresetCatalog.GeOnlyNames.Select(Models.GeneralEquilibrium.GePresets.Get).ToArray();
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(all.Select(s => new Dictionary<string, object>
                {
                    ["name"] = s.Name,
                    ["models"] = PresetCatalog.ModelsOf(s.Name),
                    ["description"] = s.Description,
                    ["measures"] = s.Measures.Count,
                    ["commitments"] = s.Commitments.Count,
                    ["concessions"] = s.Concessions.Count,
                    ["sources"] = s.Sources,
                    ["assumptions"] = s.Assumptions,
                }).Concat(geOnly.Select(g => new Dictionary<string, object>
                {
                    ["name"] = g.Name,
                    ["models"] = PresetCatalog.ModelsOf(g.Name),
                    ["description"] = g.Description,
                }))));
            }
            else
            {
                foreach (var s in all)
                {
                    context.Out.WriteLine($"{s.Name,-26} {string.Join(',', PresetCatalog.ModelsOf(s.Name)),-20} {s.Description}");
                }

                foreach (var g in geOnly)
                {
                    context.Out.WriteLine($"{g.Name,-26} {string.Join(',', PresetCatalog.ModelsOf(g.Name)),-20} {g.Description}");
                }
            }

            return 0;
        });
        presets.Subcommands.Add(list);

        var kinds = new Command("kinds", "List the measure kinds a scenario file may use: JSON name, stacking rule, overlap rule and how each applies.");
        var kindsJson = new Option<bool>("--json") { Description = "Print a JSON array." };
        kinds.Options.Add(kindsJson);
        kinds.SetAction(parse =>
        {
            var rows = Policy.MeasureKinds.All;
            if (parse.GetValue(kindsJson))
            {
                context.Out.WriteLine(CliJson.Serialize(rows.Select(r => new Dictionary<string, object>
                {
                    ["kind"] = r.JsonName,
                    ["label"] = r.Label,
                    ["stacking"] = r.Stacking.ToString(),
                    ["may_overlap"] = r.MayOverlap,
                    ["rule"] = r.Rule,
                })));
            }
            else
            {
                foreach (var r in rows)
                {
                    context.Out.WriteLine($"{r.JsonName,-21} {r.Stacking,-21} {(r.MayOverlap ? "may overlap" : "no overlap"),-12} {r.Rule}");
                }
            }

            return 0;
        });
        presets.Subcommands.Add(kinds);
        return presets;
    }

    private static Command Etr(CliContext context)
    {
        var etr = new Command("etr", "Vietnam's import-weighted effective tariff rate (2024 weights): a row for the first date and for each later date where it, or the value share under a layer, changes visibly (the table leaves out dates whose row would print the same as the one before and says how many; --json and --out keep every date with any change).");
        var preset = new Option<string?>("--preset") { Description = "Preset name (see 'presets list'); no default: give --preset or a scenario FILE." };
        var file = new Option<string?>("--scenario") { Description = "A scenario JSON file instead of a preset (default: none, use --preset)." };
        var from = new Option<string>("--from") { Description = "First date, YYYY-MM-DD.", DefaultValueFactory = _ => "2025-01-01" };
        var to = new Option<string>("--to") { Description = "Last date, YYYY-MM-DD.", DefaultValueFactory = _ => "2026-12-31" };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of rows." };
        var observedOption = new Option<bool>("--observed") { Description = "Also give, for every observed month in the range (Census, imports to the latest month in the box), the collected rate (calculated duty / customs value) beside the statutory ETR on 2024 weights and on the month's observed NAICS-3 basket (the current-basket ETR)." };
        var output = RunCommands.OutOption();
        etr.Options.Add(output);
        etr.Options.Add(observedOption);
        etr.Options.Add(preset);
        etr.Options.Add(file);
        etr.Options.Add(from);
        etr.Options.Add(to);
        etr.Options.Add(json);
        etr.SetAction(parse =>
        {
            var scenario = Resolve(parse.GetValue(preset), parse.GetValue(file));
            var f = ParseDate(parse.GetValue(from)!, "--from");
            var t = ParseDate(parse.GetValue(to)!, "--to");
            if (t < f)
            {
                throw new CliUsageException($"--to {t:yyyy-MM-dd} is before --from {f:yyyy-MM-dd}");
            }

            var schedule = TariffSchedule.Compile(scenario, BaselineDataset.LoadEmbedded());
            var path = schedule.VietnamEtrPath(f, t);
            var observedRows = parse.GetValue(observedOption)
                ? Reporting.CollectedRates.Table(ObservedTrade.LoadEmbedded(), schedule, f, t).Where(r => r.Month >= new DateOnly(f.Year, f.Month, 1) && r.Month <= t).ToArray()
                : [];
            var kinds = Enum.GetValues<MeasureKind>();
            RunCommands.WriteOut(context, parse, parse.GetValue(output), () => Output.ResultTables.Etr(scenario, path));
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(path.Select(p =>
                {
                    var row = new Dictionary<string, object>
                    {
                        ["date"] = p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["etr_total"] = p.EtrTotal,
                        ["etr_added_vs_2024"] = p.EtrAddedVs2024,
                    };
                    foreach (var k in kinds)
                    {
                        row[$"share_under_{ScenarioJson.KindName(k).Replace('-', '_')}"] = p.ValueShareUnderLayer[k];
                    }

                    return row;
                }).Concat(observedRows.Select(r => new Dictionary<string, object>
                {
                    ["month"] = r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    ["collected_rate"] = r.VietnamCollectedRate,
                    ["statutory_2024_weights"] = r.StatutoryRate2024Weights,
                    ["statutory_current_basket"] = r.StatutoryRateCurrentBasket,
                    ["imports_usd"] = r.VietnamImportsUsd,
                    ["duty_usd"] = r.VietnamDutyUsd,
                }))));
                return 0;
            }

            context.Out.WriteLine($"Vietnam ETR, scenario {scenario.Name} (2024 import weights; 2024 applied rate {NumberFormat.Percent(path[0].EtrTotal - path[0].EtrAddedVs2024, 2)})");
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"date",-10} {"ETR",7} {"added",7}  value share under: {string.Join(" ", kinds.Select(k => $"{ScenarioJson.KindName(k),13}"))}"));
            var previous = string.Empty;
            var hidden = 0;
            foreach (var p in path)
            {
                // A row that prints the same as the one before (a change below 0.01 pp or 0.1 % of value) is left out of the table.
                var values = string.Create(CultureInfo.InvariantCulture, $"{NumberFormat.Percent(p.EtrTotal, 2),7} {NumberFormat.Percent(p.EtrAddedVs2024, 2),7}                    {string.Join(" ", kinds.Select(k => $"{NumberFormat.Percent(p.ValueShareUnderLayer[k], 1),13}"))}");
                if (values == previous)
                {
                    hidden++;
                    continue;
                }

                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Date:yyyy-MM-dd} {values}"));
                previous = values;
            }

            if (hidden > 0)
            {
                context.Out.WriteLine($"({NumberFormat.Count(hidden, "date")} with changes too small to show at this precision left out; --json and --out keep every date)");
            }

            if (observedRows.Length > 0)
            {
                context.Out.WriteLine("observed months (Census calculated duty / customs value, imports for consumption) against the statutory ETR, day-weighted over the month:");
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"month",-8} {"collected",9} {"statutory 2024 wts",18} {"current basket",14}"));
                foreach (var r in observedRows)
                {
                    context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Month:yyyy-MM}  {NumberFormat.Percent(r.VietnamCollectedRate, 2),9} {NumberFormat.Percent(r.StatutoryRate2024Weights, 2),18} {NumberFormat.Percent(r.StatutoryRateCurrentBasket, 2),14}"));
                }
            }

            return 0;
        });
        return etr;
    }

    private static Command ScenarioCommand(CliContext context)
    {
        var scenario = new Command("scenario", "Scenario files.");
        var validate = new Command("validate", "Check a scenario file: schema, values, list names, HTS codes, suppliers. Exit 1 when invalid.");
        var file = new Argument<string>("FILE") { Description = "The scenario JSON file." };
        validate.Arguments.Add(file);
        validate.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            Scenario s;
            try
            {
                s = ScenarioJson.Load(path);
            }
            catch (ScenarioValidationException ex)
            {
                context.Error.WriteLine($"invalid: {ex.Message}");
                return 1;
            }

            var result = s.Validate(PolicyLibrary.LoadEmbedded(), BaselineDataset.LoadEmbedded());
            foreach (var e in result.Errors)
            {
                context.Error.WriteLine($"invalid: {e.Message}");
            }

            foreach (var (list, codes) in result.UnmatchedListCodes)
            {
                context.Out.WriteLine($"note: list {list}: {codes.Count} code(s) match no import line from Vietnam (not an error)");
            }

            if (!result.IsValid)
            {
                return 1;
            }

            context.Out.WriteLine($"valid: {s}");
            return 0;
        });
        scenario.Subcommands.Add(validate);
        return scenario;
    }
}
