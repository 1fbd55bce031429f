using System.CommandLine;
using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Cli.Commands;

/// <summary>vietus-sim data ...: the bundled baseline.</summary>
internal static class DataCommands
{
    public static Command Create(CliContext context)
    {
        var data = new Command("data", "The bundled 2024 US–Vietnam baseline.");
        var summary = new Command("summary", "Totals (imports for consumption, duty, exports, balance), elasticity coverage and the top 10 HS chapters of the bundled 2024 baseline.");
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        summary.Options.Add(json);
        summary.SetAction(parse =>
        {
            var s = BaselineSummary.From(BaselineDataset.LoadEmbedded());
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(ToJson(s)));
            }
            else
            {
                WriteTable(context.Out, s);
            }

            return 0;
        });
        data.Subcommands.Add(summary);
        var mirror = new Command("mirror", "US versus Vietnamese figures for bilateral trade (concepts differ: customs value vs FOB, general vs consumption imports, timing), with this library's 2024 basis.");
        var mirrorJson = new Option<bool>("--json") { Description = "Print a JSON array." };
        mirror.Options.Add(mirrorJson);
        mirror.SetAction(parse =>
        {
            var rows = MirrorStatistics.Table(BaselineDataset.LoadEmbedded());
            if (parse.GetValue(mirrorJson))
            {
                context.Out.WriteLine(CliJson.Serialize(rows.Select(r => new Dictionary<string, object?>
                {
                    ["period"] = r.Period,
                    ["side"] = r.Side,
                    ["concept"] = r.Concept,
                    ["us_imports_from_vietnam_usd"] = r.UsImportsFromVietnamUsd,
                    ["us_exports_to_vietnam_usd"] = r.UsExportsToVietnamUsd,
                    ["us_balance_usd"] = r.UsBalanceUsd,
                    ["source"] = r.Source,
                })));
                return 0;
            }

            var ic = CultureInfo.InvariantCulture;
            context.Out.WriteLine(string.Create(ic, $"{"period",-6} {"side",-13} {"US imports",11} {"US exports",11} {"US balance",11}  concept"));
            foreach (var r in rows)
            {
                context.Out.WriteLine(string.Create(ic, $"{r.Period,-6} {r.Side,-13} {Opt(r.UsImportsFromVietnamUsd),11} {Opt(r.UsExportsToVietnamUsd),11} {Opt(r.UsBalanceUsd),11}  {r.Concept} {r.Source}"));
            }

            return 0;
        });
        data.Subcommands.Add(mirror);
        data.Subcommands.Add(Observed(context));
        data.Subcommands.Add(CommitmentsObserved(context));
        return data;
    }

    private static Command Observed(CliContext context)
    {
        var cmd = new Command("observed", "The observed months in the box (Census): imports from Vietnam and from all countries, duty collected and the collected rate, against a scenario's statutory ETR on 2024 weights and on the month's observed NAICS-3 basket.");
        var preset = new Option<string>("--preset") { Description = "Scenario whose statutory rate is compared (see 'presets list').", DefaultValueFactory = _ => "real-2025-2026" };
        var from = new Option<string>("--from") { Description = "First month, YYYY-MM.", DefaultValueFactory = _ => "2025-01" };
        var to = new Option<string?>("--to") { Description = "Last month, YYYY-MM (default: the latest observed month)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (rates as fractions, values in US dollars)." };
        cmd.Options.Add(preset);
        cmd.Options.Add(from);
        cmd.Options.Add(to);
        cmd.Options.Add(json);
        cmd.SetAction(parse =>
        {
            var observed = ObservedTrade.LoadEmbedded();
            var f = ParseMonth(parse.GetValue(from)!, "--from");
            var t = parse.GetValue(to) is { } tt ? ParseMonth(tt, "--to") : observed.LatestImportMonth!.Value;
            if (t < f)
            {
                throw new CliUsageException($"--to {t:yyyy-MM} is before --from {f:yyyy-MM}");
            }

            var scenario = PolicyCommands.Resolve(parse.GetValue(preset), null);
            var rows = CollectedRates.Table(observed, TariffSchedule.Compile(scenario, BaselineDataset.LoadEmbedded()), f, t);
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(new Dictionary<string, object?>
                {
                    ["vintage"] = observed.Vintage,
                    ["latest_import_month"] = observed.LatestImportMonth?.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    ["latest_export_month"] = observed.LatestExportMonth?.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    ["scenario"] = scenario.Name,
                    ["months"] = rows.Select(r => new Dictionary<string, object>
                    {
                        ["month"] = r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                        ["vietnam_imports_usd"] = r.VietnamImportsUsd,
                        ["vietnam_duty_usd"] = r.VietnamDutyUsd,
                        ["vietnam_collected_rate"] = r.VietnamCollectedRate,
                        ["statutory_rate_2024_weights"] = r.StatutoryRate2024Weights,
                        ["statutory_rate_current_basket"] = r.StatutoryRateCurrentBasket,
                        ["world_imports_usd"] = r.WorldImportsUsd,
                        ["world_duty_usd"] = r.WorldDutyUsd,
                        ["world_collected_rate"] = r.WorldCollectedRate,
                    }).ToArray(),
                }));
                return 0;
            }

            var ic = CultureInfo.InvariantCulture;
            context.Out.WriteLine($"Observed: {observed.Vintage}.");
            context.Out.WriteLine($"Statutory rates: scenario {scenario.Name}; 2024 w = the model's 2024 line weights; basket = the month's observed NAICS-3 mix. Values US$ bn, imports for consumption.");
            context.Out.WriteLine(string.Create(ic, $"{"month",-7} {"VN imports",10} {"VN duty",8} {"collected",9} {"stat 2024 w",11} {"stat basket",11} {"world imp",10} {"world rate",10}"));
            foreach (var r in rows)
            {
                context.Out.WriteLine(string.Create(ic, $"{r.Month:yyyy-MM} {NumberFormat.Number(r.VietnamImportsUsd / 1e9, 2),10} {NumberFormat.Number(r.VietnamDutyUsd / 1e9, 3),8} {NumberFormat.Percent(r.VietnamCollectedRate, 2),9} {NumberFormat.Percent(r.StatutoryRate2024Weights, 2),11} {NumberFormat.Percent(r.StatutoryRateCurrentBasket, 2),11} {NumberFormat.Number(r.WorldImportsUsd / 1e9, 1),10} {NumberFormat.Percent(r.WorldCollectedRate, 2),10}"));
            }

            return 0;
        });
        return cmd;
    }

    private static Command CommitmentsObserved(CliContext context)
    {
        var cmd = new Command("commitments", "Vietnam's purchase commitments (the presets' catalogue) against observed US exports to Vietnam of the committed goods (HS-4 headings, Census total exports, FAS): the year, the same months a year earlier, and the amount committed in those months.");
        var year = new Option<int>("--year") { Description = "Observed calendar year YYYY.", DefaultValueFactory = _ => 2025 };
        var json = new Option<bool>("--json") { Description = "Print a JSON array (US dollars)." };
        cmd.Options.Add(year);
        cmd.Options.Add(json);
        cmd.SetAction(parse =>
        {
            var y = parse.GetValue(year);
            var observed = ObservedTrade.LoadEmbedded();
            if (y < 2014 || y > observed.LatestExportMonth!.Value.Year)
            {
                throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--year {y} is outside the observed export years 2014..{observed.LatestExportMonth!.Value.Year}"));
            }

            var rows = CommitmentCheck.Table(observed, Presets.CommitmentCatalog(), y);
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(rows.Select(r => new Dictionary<string, object?>
                {
                    ["commitment"] = r.CommitmentId,
                    ["headings"] = r.Headings,
                    ["year"] = r.Year,
                    ["months_observed"] = r.MonthsObserved,
                    ["exports_usd"] = r.ExportsUsd,
                    ["exports_previous_year_usd"] = r.ExportsPreviousYearUsd,
                    ["committed_usd"] = r.CommittedUsd,
                    ["change_over_committed"] = r.ChangeOverCommitted,
                })));
                return 0;
            }

            var ic = CultureInfo.InvariantCulture;
            context.Out.WriteLine(string.Create(ic, $"US exports to Vietnam of committed goods, {y} ({(rows.Count > 0 ? rows[0].MonthsObserved : 0)} observed months) vs the same months of {y - 1}; US$ bn, FAS. Observed: {observed.Vintage}."));
            context.Out.WriteLine(string.Create(ic, $"{"commitment",-26} {"headings",-24} {y,8} {y - 1,8} {"change",8} {"committed",9} {"chg/comm",8}"));
            foreach (var r in rows)
            {
                context.Out.WriteLine(string.Create(ic, $"{r.CommitmentId,-26} {string.Join(" ", r.Headings),-24} {NumberFormat.Number(r.ExportsUsd / 1e9, 3),8} {NumberFormat.Number(r.ExportsPreviousYearUsd / 1e9, 3),8} {NumberFormat.Number(r.ChangeUsd / 1e9, 3),8} {NumberFormat.Number(r.CommittedUsd / 1e9, 3),9} {(r.ChangeOverCommitted is { } q ? NumberFormat.Percent(q, 0) : "n/a"),8}"));
            }

            context.Out.WriteLine("chg/comm = observed change / amount committed in the months: an upper bound on fulfilment × additionality only if nothing else moved these exports.");
            return 0;
        });
        return cmd;
    }

    internal static DateOnly ParseMonth(string text, string option) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new CliUsageException($"{option} '{text}' is not a month (YYYY-MM)");

    private static Dictionary<string, object> ToJson(BaselineSummary s) => new()
    {
        ["year"] = s.Year,
        ["import_concept"] = s.ImportConcept,
        ["export_concept"] = s.ExportConcept,
        ["imports_from_vietnam_usd"] = s.ImportsFromVietnamUsd,
        ["duty_on_vietnam_usd"] = s.DutyOnVietnamUsd,
        ["exports_to_vietnam_usd"] = s.ExportsToVietnamUsd,
        ["balance_usd"] = s.BalanceUsd,
        ["etr"] = s.EffectiveTariffRate,
        ["lines"] = s.Lines,
        ["export_lines"] = s.ExportLines,
        ["sigma_cap"] = s.SigmaCap,
        ["elasticity_coverage"] = s.ElasticityCoverage.Select(c => new Dictionary<string, object>
        {
            ["kind"] = c.Kind,
            ["source"] = c.Source.ToString(),
            ["level"] = c.Level.ToString(),
            ["lines"] = c.Lines,
            ["value_share"] = c.ValueShare,
        }).ToArray(),
        ["top_chapters"] = s.TopChapters.Select(c => new Dictionary<string, object>
        {
            ["chapter"] = c.Chapter.ToString("00", CultureInfo.InvariantCulture),
            ["name"] = c.Name,
            ["imports_from_vietnam_usd"] = c.VietnamValueUsd,
            ["us_imports_world_usd"] = c.WorldValueUsd,
            ["vietnam_share"] = c.VietnamShare,
        }).ToArray(),
    };

    private static void WriteTable(TextWriter o, BaselineSummary s)
    {
        var ic = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(ic, $"Bundled baseline {s.Year}"));
        o.WriteLine(string.Create(ic, $"  imports: {s.ImportConcept}; exports: {s.ExportConcept}"));
        o.WriteLine(string.Create(ic, $"  {"US imports from Vietnam",-28} {Bn(s.ImportsFromVietnamUsd),12}  ({s.ImportsFromVietnamUsd:N0} USD)"));
        o.WriteLine(string.Create(ic, $"  {"duty collected",-28} {Bn(s.DutyOnVietnamUsd),12}  (ETR {NumberFormat.Percent(s.EffectiveTariffRate, 2)})"));
        o.WriteLine(string.Create(ic, $"  {"US exports to Vietnam",-28} {Bn(s.ExportsToVietnamUsd),12}  ({s.ExportsToVietnamUsd:N0} USD)"));
        o.WriteLine(string.Create(ic, $"  {"balance (exports − imports)",-28} {Bn(s.BalanceUsd),12}"));
        o.WriteLine(string.Create(ic, $"  {"HTS10 import lines",-28} {s.Lines,12:N0}"));
        o.WriteLine();
        o.WriteLine(string.Create(ic, $"Elasticity coverage (share of Vietnam's import value; σ capped at {s.SigmaCap})"));
        foreach (var c in s.ElasticityCoverage)
        {
            o.WriteLine(string.Create(ic, $"  {c.Kind,-8} {c.Source,-30} {c.Level,-14} {c.Lines,6:N0} {(c.Lines == 1 ? "line" : "lines"),-5} {NumberFormat.Percent(c.ValueShare, 1),8}"));
        }

        o.WriteLine();
        o.WriteLine("Top HS chapters by imports from Vietnam");
        o.WriteLine(string.Create(ic, $"  {"ch",-3} {"name",-40} {"from VN",10} {"VN share",9}"));
        foreach (var c in s.TopChapters)
        {
            o.WriteLine(string.Create(ic, $"  {c.Chapter:00}  {Truncate(c.Name, 40),-40} {Bn(c.VietnamValueUsd),10} {NumberFormat.Percent(c.VietnamShare, 1),9}"));
        }
    }

    private static string Opt(double? usd) => usd is { } v ? string.Create(CultureInfo.InvariantCulture, $"{NumberFormat.Number(v / 1e9, 1)}") : "—";

    internal static string Bn(double usd) => NumberFormat.UsdBillions(usd, 3);

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
