using System.CommandLine;
using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Cli.Commands;

/// <summary>vietus-sim refunds: the observed duty on imports from Vietnam, its estimated IEEPA part and that part refunded.</summary>
internal static class RefundCommands
{
    internal static Command Create(CliContext context)
    {
        var cmd = new Command("refunds",
            "What the IEEPA refunds do to the revenue figures: the Census duty on imports from Vietnam in each observed month of a year, the part the IEEPA tariffs raised (the increment over the 2024 collected rate × the IEEPA layers' share of the statutory increment) and that part refunded at --share. Refunds come after entry: trade flows do not change. Method: docs/policy.md (open questions).");
        var share = new Option<double>("--share")
        {
            Description = "Share of IEEPA duties refunded, 0–1 (default 0.602: about $100 bn of about $166 bn refunded by 2026-08-04, CBP; 1 = every claim paid).",
            DefaultValueFactory = _ => IeepaRefunds.RefundedShareAugust2026,
        };
        var year = new Option<int>("--year") { Description = "The calendar year YYYY.", DefaultValueFactory = _ => 2025 };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        foreach (var o in new Option[] { share, year, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(parse =>
        {
            var s = parse.GetValue(share);
            if (!double.IsFinite(s) || s is < 0 or > 1)
            {
                throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--share {s} must be between 0 and 1"));
            }

            var y = parse.GetValue(year);
            var observed = ObservedTrade.LoadEmbedded();
            var data = BaselineDataset.LoadEmbedded();
            if (y <= data.Year || !observed.Get(ObservedTrade.VietnamImportsKey).Points.Any(p => p.Month.Year == y))
            {
                throw new CliUsageException($"--year {y} must be after {data.Year} with observed months in the box");
            }

            var rows = IeepaRefunds.Table(observed, TariffSchedule.Compile(Presets.Get("real-2025-2026"), data), y, s);
            var ic = CultureInfo.InvariantCulture;
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(new Dictionary<string, object>
                {
                    ["year"] = y,
                    ["refunded_share"] = s,
                    ["months"] = rows.Select(r => new Dictionary<string, object>
                    {
                        ["month"] = r.Month.ToString("yyyy-MM", ic),
                        ["imports_usd"] = r.ImportsUsd,
                        ["duty_usd"] = r.DutyUsd,
                        ["ieepa_share_of_increment"] = r.IeepaShareOfIncrement,
                        ["ieepa_duty_usd"] = r.IeepaDutyUsd,
                        ["refunded_usd"] = r.RefundedUsd,
                        ["net_duty_usd"] = r.NetDutyUsd,
                    }).ToArray(),
                    ["duty_usd"] = rows.Sum(r => r.DutyUsd),
                    ["ieepa_duty_usd"] = rows.Sum(r => r.IeepaDutyUsd),
                    ["refunded_usd"] = rows.Sum(r => r.RefundedUsd),
                    ["net_duty_usd"] = rows.Sum(r => r.NetDutyUsd),
                }));
                return 0;
            }

            context.Out.WriteLine(string.Create(ic, $"Duty on US imports from Vietnam in the observed months of {y} and the IEEPA refunds at a refunded share of {s:0.000} (US$ bn; Census calculated duty; IEEPA part estimated, docs/policy.md)"));
            context.Out.WriteLine($"{"month",-8} {"imports",8} {"duty",7} {"IEEPA %",8} {"IEEPA",7} {"refund",7} {"net",7}");
            foreach (var r in rows)
            {
                context.Out.WriteLine(string.Create(ic, $"{r.Month:yyyy-MM}  {NumberFormat.Number(r.ImportsUsd / 1e9, 2),8} {NumberFormat.Number(r.DutyUsd / 1e9, 3),7} {NumberFormat.Percent(r.IeepaShareOfIncrement, 1),8} {NumberFormat.Number(r.IeepaDutyUsd / 1e9, 3),7} {NumberFormat.Number(r.RefundedUsd / 1e9, 3),7} {NumberFormat.Number(r.NetDutyUsd / 1e9, 3),7}"));
            }

            context.Out.WriteLine(string.Create(ic, $"{"total",-8}  {NumberFormat.Number(rows.Sum(r => r.ImportsUsd) / 1e9, 2),8} {NumberFormat.Number(rows.Sum(r => r.DutyUsd) / 1e9, 3),7} {"",8} {NumberFormat.Number(rows.Sum(r => r.IeepaDutyUsd) / 1e9, 3),7} {NumberFormat.Number(rows.Sum(r => r.RefundedUsd) / 1e9, 3),7} {NumberFormat.Number(rows.Sum(r => r.NetDutyUsd) / 1e9, 3),7}"));
            context.Out.WriteLine("IEEPA % = the reciprocal and transshipment layers' share of the statutory increment over the 2024 rate; IEEPA = (duty − imports × 2024 collected rate) × that share.");
            return 0;
        });
        return cmd;
    }
}
