using System.CommandLine;
using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Cli.Commands;

/// <summary>vietus-sim explain: the observed change of a year split into market growth, share trend, the model's policy parts and a residual.</summary>
internal static class ExplainCommands
{
    internal static Command Create(CliContext context)
    {
        var cmd = new Command("explain",
            "Split the observed change in US imports from Vietnam (the observed months of a year against the same months a year earlier), in total and by NAICS-3, into market growth, Vietnam's pre-existing share trend, the model's own-tariff effect, diversion from China and from others (sectors: allocated by the exact long-run PE's sector pattern), and the residual; and the change in duty collected into volume, statutory rate, composition and collection gap. The parts add up exactly. Method: docs/models/projection.md §10.");
        var year = new Option<int>("--year") { Description = "The calendar year YYYY (its observed months are compared with the same months a year earlier).", DefaultValueFactory = _ => 2025 };
        var preset = new Option<string?>("--preset") { Description = "The scenario whose effects the model attributes (default real-2025-2026)." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        foreach (var o in new Option[] { year, preset, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(parse =>
        {
            var scenario = PolicyCommands.Resolve(parse.GetValue(preset) ?? "real-2025-2026", null);
            var y = parse.GetValue(year);
            var data = BaselineDataset.LoadEmbedded();
            var observed = ObservedTrade.LoadEmbedded();
            var years = observed.Get(ObservedTrade.VietnamImportsKey).Points.Select(p => p.Month.Year).Distinct().Order().ToArray();
            if (y <= data.Year || !years.Contains(y) || !years.Contains(y - 3))
            {
                throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                    $"--year {y} must be after {data.Year} with observed months and the same months three years earlier in the box (observed years {years[0]}–{years[^1]})"));
            }

            var r = ExPostAttribution.Explain(data, scenario, observed, y);
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(ToJson(r)));
                return 0;
            }

            WriteTable(context.Out, r);
            return 0;
        });
        return cmd;
    }

    private static Dictionary<string, object?> Row(ImportAttributionRow r) => new(StringComparer.Ordinal)
    {
        ["sector"] = r.Sector,
        ["before_usd"] = r.BeforeUsd,
        ["after_usd"] = r.AfterUsd,
        ["change_usd"] = r.ChangeUsd,
        ["market_growth_usd"] = r.MarketGrowthUsd,
        ["share_trend_usd"] = r.ShareTrendUsd,
        ["own_tariff_usd"] = r.OwnTariffUsd,
        ["diversion_from_china_usd"] = r.DiversionFromChinaUsd,
        ["diversion_from_others_usd"] = r.DiversionFromOthersUsd,
        ["residual_usd"] = r.ResidualUsd,
    };

    internal static Dictionary<string, object?> ToJson(AttributionResult r) => new(StringComparer.Ordinal)
    {
        ["year"] = r.Year,
        ["months"] = r.Months.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToArray(),
        ["scenario"] = r.Scenario,
        ["total"] = Row(r.Total),
        ["sectors"] = r.Sectors.Select(Row).ToArray(),
        ["duty"] = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["before_usd"] = r.Duty.BeforeUsd,
            ["after_usd"] = r.Duty.AfterUsd,
            ["change_usd"] = r.Duty.ChangeUsd,
            ["volume_usd"] = r.Duty.VolumeUsd,
            ["statutory_rate_usd"] = r.Duty.StatutoryRateUsd,
            ["composition_usd"] = r.Duty.CompositionUsd,
            ["collection_gap_usd"] = r.Duty.CollectionGapUsd,
        },
        ["capture_rate"] = r.CaptureRate,
        ["china_loss_usd"] = r.ChinaLossUsd,
        ["notes"] = r.Notes,
    };

    private static void WriteTable(TextWriter o, AttributionResult r)
    {
        var ic = CultureInfo.InvariantCulture;
        static string Bn(double? v) => v is { } x ? VietUsTrade.Sim.Reporting.NumberFormat.Number(x / 1e9, 2) : "n/a";   // real minus sign
        o.WriteLine(string.Create(ic, $"Observed change in US imports from Vietnam, {r.Year} ({r.Months.Count} months) against the same months of {r.Year - 1}, attributed with {r.Scenario} (US$ bn)"));
        foreach (var n in r.Notes)
        {
            o.WriteLine($"  {n}");
        }

        o.WriteLine(string.Create(ic, $"{"sector",-11} {"before",8} {"after",8} {"change",8} {"market",8} {"trend",8} {"own tar.",8} {"China",8} {"others",8} {"residual",8}"));
        foreach (var x in r.Sectors.OrderByDescending(x => Math.Abs(x.ChangeUsd)).Take(15).Append(r.Total))
        {
            o.WriteLine(string.Create(ic, $"{x.Sector,-11} {Bn(x.BeforeUsd),8} {Bn(x.AfterUsd),8} {Bn(x.ChangeUsd),8} {Bn(x.MarketGrowthUsd),8} {Bn(x.ShareTrendUsd),8} {Bn(x.OwnTariffUsd),8} {Bn(x.DiversionFromChinaUsd),8} {Bn(x.DiversionFromOthersUsd),8} {Bn(x.ResidualUsd),8}"));
        }

        o.WriteLine(string.Create(ic, $"(the 15 sectors with the largest changes of {r.Sectors.Count}; sectors' model parts allocated by the sector pattern of the exact long-run PE; --json for all)"));
        o.WriteLine("(sector: NAICS-3 code; market: Vietnam's earlier share × the change of US imports of the sector from all countries; trend: the pre-existing trend of Vietnam's share; own tar.: the model's effect of the US tariffs on Vietnam alone; China, others: the model's effect of adding China's, then every other supplier's tariffs; residual: the change no part explains)");
        var d = r.Duty;
        o.WriteLine(string.Create(ic, $"duty collected: {Bn(d.BeforeUsd)} → {Bn(d.AfterUsd)} (change {Bn(d.ChangeUsd)}) = volume {Bn(d.VolumeUsd)} + statutory rate {Bn(d.StatutoryRateUsd)} + composition {Bn(d.CompositionUsd)} + collection gap {Bn(d.CollectionGapUsd)}"));
    }
}
