using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using VietUsTrade.Sim.Data;
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
                context.Out.WriteLine(JsonSerializer.Serialize(ToJson(s), CliJson.Options));
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
                context.Out.WriteLine(JsonSerializer.Serialize(rows.Select(r => new Dictionary<string, object?>
                {
                    ["period"] = r.Period,
                    ["side"] = r.Side,
                    ["concept"] = r.Concept,
                    ["us_imports_from_vietnam_usd"] = r.UsImportsFromVietnamUsd,
                    ["us_exports_to_vietnam_usd"] = r.UsExportsToVietnamUsd,
                    ["us_balance_usd"] = r.UsBalanceUsd,
                    ["source"] = r.Source,
                }), CliJson.Options));
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
        return data;
    }

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
        o.WriteLine(string.Create(ic, $"  {"duty collected",-28} {Bn(s.DutyOnVietnamUsd),12}  (ETR {s.EffectiveTariffRate:P2})"));
        o.WriteLine(string.Create(ic, $"  {"US exports to Vietnam",-28} {Bn(s.ExportsToVietnamUsd),12}  ({s.ExportsToVietnamUsd:N0} USD)"));
        o.WriteLine(string.Create(ic, $"  {"balance (exports - imports)",-28} {Bn(s.BalanceUsd),12}"));
        o.WriteLine(string.Create(ic, $"  {"HTS10 import lines",-28} {s.Lines,12:N0}"));
        o.WriteLine();
        o.WriteLine(string.Create(ic, $"Elasticity coverage (share of Vietnam's import value; σ capped at {s.SigmaCap})"));
        foreach (var c in s.ElasticityCoverage)
        {
            o.WriteLine(string.Create(ic, $"  {c.Kind,-8} {c.Source,-30} {c.Level,-14} {c.Lines,6:N0} lines {c.ValueShare,8:P1}"));
        }

        o.WriteLine();
        o.WriteLine("Top HS chapters by imports from Vietnam");
        o.WriteLine(string.Create(ic, $"  {"ch",-3} {"name",-40} {"from VN",10} {"VN share",9}"));
        foreach (var c in s.TopChapters)
        {
            o.WriteLine(string.Create(ic, $"  {c.Chapter:00}  {Truncate(c.Name, 40),-40} {Bn(c.VietnamValueUsd),10} {c.VietnamShare,9:P1}"));
        }
    }

    private static string Opt(double? usd) => usd is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v / 1e9:F1}") : "—";

    internal static string Bn(double usd) => string.Create(CultureInfo.InvariantCulture, $"${usd / 1e9:N3} bn");

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
