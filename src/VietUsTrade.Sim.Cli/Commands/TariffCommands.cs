using System.CommandLine;
using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Cli.Commands;

/// <summary>vietus-sim tariff: every layer an HTS line pays on a date from a supplier, with its legal source.</summary>
internal static class TariffCommands
{
    internal static Command Create(CliContext context)
    {
        var cmd = new Command("tariff",
            "Every layer a product pays on a date from a supplier under a scenario: the 2024 applied rate (MFN; for China also the 2018–19 Section 301 duties) and each measure in force (reciprocal or successor, Section 232, 122, 301, transshipment, …) with its legal source and dates, the exemptions that keep a measure off it, its 2024 import value and its share of Vietnam's ETR.");
        var hts = new Option<string>("--hts") { Description = "HTS code, 2 to 10 digits (dots allowed); every bundled HTS10 line under it is shown.", Required = true };
        var date = new Option<string>("--date") { Description = "Entry date YYYY-MM-DD.", DefaultValueFactory = _ => "2026-12-04" };
        var from = new Option<string>("--from") { Description = "Supplier: Census code (5520), ISO3 (VNM) or Census name, any case.", DefaultValueFactory = _ => "VNM" };
        var preset = new Option<string?>("--preset") { Description = "Scenario preset (default real-2025-2026)." };
        var json = new Option<bool>("--json") { Description = "Print JSON: one object for an HTS10 code, an array for a shorter prefix; rates as fractions." };
        foreach (var o in new Option[] { hts, date, from, preset, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(parse =>
        {
            var text = parse.GetValue(hts)!;
            if (!HtsCode.TryParse(text, out var code) || code.Length is < 2 or > 10)
            {
                throw new CliUsageException($"--hts '{text}' is not an HTS code of 2 to 10 digits");
            }

            var d = PolicyCommands.ParseDate(parse.GetValue(date)!, "--date");
            if (d < new DateOnly(2024, 1, 1) || d > new DateOnly(2060, 12, 31))
            {
                throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--date {d:yyyy-MM-dd} must be between 2024-01-01 and 2060-12-31"));
            }

            var data = BaselineDataset.LoadEmbedded();
            var supplier = parse.GetValue(from)!;
            var resolved = data.ResolvePartner(supplier);
            if (resolved is null)
            {
                throw new CliUsageException($"--from '{supplier}' is not a supplier of the baseline (a Census code such as 5700, an ISO3 code such as CHN, or a Census name)");
            }

            var scenario = PolicyCommands.Resolve(parse.GetValue(preset) ?? "real-2025-2026", null);
            var schedule = TariffSchedule.Compile(scenario, data);
            var rows = schedule.TariffsOn(code, supplier, d);
            if (rows.Count == 0)
            {
                throw new CliUsageException($"--hts '{text}' matches no HTS10 line of the bundled 2024 data");
            }

            var vnTotal = data.ImportsFromVietnamUsd;
            var vnRows = resolved.IsVietnam;
            var etr = vnRows ? schedule.VietnamEtr(d).EtrTotal : 0.0;
            double? EtrShare(LineTariff r) => vnRows && vnTotal > 0 && etr > 0 ? r.Imports2024Usd * r.TotalRate / (etr * vnTotal) : null;
            if (parse.GetValue(json))
            {
                var objects = rows.Select(r => ToJson(r, scenario.Name, EtrShare(r))).ToArray();
                context.Out.WriteLine(code.Length == 10 ? CliJson.Serialize(objects[0]) : CliJson.Serialize(objects));
                return 0;
            }

            WriteTable(context.Out, rows, scenario.Name, EtrShare);
            return 0;
        });
        return cmd;
    }

    private static Dictionary<string, object?> ToJson(LineTariff r, string scenario, double? etrShare)
    {
        var ic = CultureInfo.InvariantCulture;
        var layers = new List<Dictionary<string, object?>>
        {
            new(StringComparer.Ordinal)
            {
                ["layer"] = "2024 applied",
                ["kind"] = "base",
                ["rate"] = r.BaseRate,
                ["source"] = "Census calculated duty / customs value, 2024 (MFN ad valorem of the HTS8 when the supplier had no 2024 imports of the line): USITC HTSUS",
                ["from"] = null,
                ["until"] = null,
            },
        };
        layers.AddRange(r.Layers.Select(l => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["layer"] = l.Name.Length > 0 ? l.Name : l.MeasureId,
            ["id"] = l.MeasureId,
            ["kind"] = ScenarioJson.KindName(l.Kind),
            ["rate"] = l.Rate,
            ["source"] = l.Source,
            ["from"] = l.From.ToString("yyyy-MM-dd", ic),
            ["until"] = l.Until?.ToString("yyyy-MM-dd", ic),
        }));
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["hts"] = r.Line.ToString(),
            ["description"] = r.Description,
            ["date"] = r.Date.ToString("yyyy-MM-dd", ic),
            ["from"] = r.PartnerCode,
            ["from_name"] = r.PartnerName,
            ["scenario"] = scenario,
            ["total_rate"] = r.TotalRate,
            ["layers"] = layers,
            ["exemptions"] = r.Exemptions.Select(e => new Dictionary<string, string>(StringComparer.Ordinal) { ["measure"] = e.MeasureId, ["list"] = e.List, ["source"] = e.Source }).ToArray(),
            ["imports_2024_usd"] = r.Imports2024Usd,
            ["share_of_vietnam_etr"] = etrShare,
        };
    }

    private static void WriteTable(TextWriter o, IReadOnlyList<LineTariff> rows, string scenario, Func<LineTariff, double?> etrShare)
    {
        var ic = CultureInfo.InvariantCulture;
        var shown = rows.OrderByDescending(r => r.Imports2024Usd).ThenBy(r => r.Line.ToString(), StringComparer.Ordinal).Take(20).ToArray();
        o.WriteLine(string.Create(ic, $"Tariffs on {rows.Count} HTS10 line(s) from {rows[0].PartnerName} ({rows[0].PartnerCode}) on {rows[0].Date:yyyy-MM-dd}, scenario {scenario} (rates as % of customs value){(rows.Count > shown.Length ? $"; the {shown.Length} largest by 2024 value" : "")}"));
        foreach (var r in shown)
        {
            var share = etrShare(r) is { } s ? string.Create(ic, $", {NumberFormat.Percent(s, 2)} of Vietnam's ETR") : string.Empty;
            o.WriteLine(string.Create(ic, $"{r.Line.ToDottedString()} {Short(r.Description)}: total {NumberFormat.Percent(r.TotalRate, 2)} (2024 imports {NumberFormat.Number(r.Imports2024Usd / 1e6, 1)} m USD{share})"));
            o.WriteLine(string.Create(ic, $"    {"2024 applied (MFN …)",-36} {NumberFormat.Percent(r.BaseRate, 2),8}  Census duty / value 2024"));
            foreach (var l in r.Layers)
            {
                o.WriteLine(string.Create(ic, $"    {Short(l.Name.Length > 0 ? l.Name : l.MeasureId),-36} {NumberFormat.Percent(l.Rate, 2),8}  {l.From:yyyy-MM-dd}..{(l.Until is { } u ? u.ToString("yyyy-MM-dd", ic) : "")}  {l.Source}"));
            }

            foreach (var e in r.Exemptions)
            {
                o.WriteLine($"    exempt from {e.MeasureId} by {e.List}  {e.Source}");
            }
        }
    }

    private static string Short(string text) => text.Length <= 36 ? text : text[..35] + "…";
}
