using System.CommandLine;
using VietUsTrade.Sim.Data;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using VietUsTrade.Sim.Models.Ignatenko2025;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Cli.Commands;

/// <summary>vietus-sim ge ignatenko ...: the Ignatenko et al. (2025) "Liberation Day" GE model.</summary>
internal static class IgnatenkoCommands
{
    internal static Command CreateIgnatenko(CliContext context)
    {
        var command = new Command(
            "ignatenko",
            "Ignatenko, Macedoni, Lashkaripour & Simonovska (2025) 194-country GE model of the Liberation Day tariffs. "
            + "Run a paper case (--case), a US tariff vector by partner (--us-tariffs), or the paper's rates with another rate on Vietnam (--vietnam-rate).");
        var caseOption = new Option<int?>("--case") { Description = "Paper run of Table 1 (a run number, no unit): 1 = USTR tariffs + income-tax relief, 2 = USTR tariffs + lump-sum rebate, 3 = optimal US tariff (21.80%) + income-tax relief. No default: give exactly one of --case, --us-tariffs or --vietnam-rate." };
        var tariffsOption = new Option<FileInfo?>("--us-tariffs") { Description = "CSV with columns country,tariff (ISO3, fraction, e.g. VNM,0.20): US tariffs by partner; partners not listed pay --other-rate (default: none; one of --case, --us-tariffs, --vietnam-rate)." };
        var otherOption = new Option<double>("--other-rate") { Description = "With --us-tariffs: the US tariff on partners not in the file (fraction; default 0.10).", DefaultValueFactory = _ => 0.10 };
        var vietnamOption = new Option<double?>("--vietnam-rate") { Description = "The paper's USTR rates on every partner except Vietnam, which pays this rate (fraction, e.g. 0.20; default: none; one of --case, --us-tariffs, --vietnam-rate)." };
        var lumpSumOption = new Option<bool>("--lump-sum") { Description = "With --us-tariffs or --vietnam-rate: rebate revenue lump sum instead of cutting income taxes." };
        var dataOption = new Option<DirectoryInfo?>("--data") { Description = "Read the inputs from a folder laid out like the replication package's data/base_data instead of the bundled copy (default: the bundled copy)." };
        var presetOption = new Option<string?>("--preset") { Description = "A policy preset (presets list): its US tariffs on --date, aggregated to one rate per exporter by 2024 line values (the ICIO rule's all-goods mean). Default: none; one of --case, --us-tariffs, --vietnam-rate, --preset." };
        var dateOption = new Option<string?>("--date") { Description = "With --preset: the date whose rates apply (YYYY-MM-DD, default 2025-12-01)." };
        var jsonOption = new Option<bool>("--json") { Description = "Print a JSON array of the 194 countries' results instead of the text report." };
        foreach (var option in new Option[] { caseOption, tariffsOption, otherOption, vietnamOption, presetOption, dateOption, lumpSumOption, dataOption, jsonOption })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            int? paperCase = parse.GetValue(caseOption);
            var file = parse.GetValue(tariffsOption);
            double? vietnamRate = parse.GetValue(vietnamOption);
            var presetName = parse.GetValue(presetOption);
            int modes = (paperCase.HasValue ? 1 : 0) + (file is not null ? 1 : 0) + (vietnamRate.HasValue ? 1 : 0) + (presetName is not null ? 1 : 0);
            if (modes != 1)
            {
                throw new CliUsageException("ge ignatenko needs exactly one of --case, --us-tariffs, --vietnam-rate or --preset");
            }

            if (presetName is null && parse.GetValue(dateOption) is not null)
            {
                throw new CliUsageException("--date applies to --preset");
            }

            Policy.Scenario? policy = null;
            if (presetName is not null)
            {
                var known = Policy.Presets.Names.FirstOrDefault(n => string.Equals(n, presetName.Trim(), StringComparison.OrdinalIgnoreCase))
                    ?? throw new CliUsageException($"--preset '{presetName}' is not a policy preset: {string.Join(", ", Policy.Presets.Names)}");
                policy = Policy.Presets.Get(known);
            }

            var dataDir = parse.GetValue(dataOption);
            var data = dataDir is null ? IgnatenkoData.LoadEmbedded() : IgnatenkoData.LoadFromDirectory(dataDir.FullName);
            var baseline = IgnatenkoBaseline.Build(data);
            var revenueUse = parse.GetValue(lumpSumOption) ? RevenueUse.LumpSumRebate : RevenueUse.IncomeTaxRelief;
            IgnatenkoResult result;
            IgnatenkoScenarioRun? policyRun = null;
            if (policy is not null)
            {
                var on = parse.GetValue(dateOption) is { } text ? PolicyCommands.ParseDate(text, "--date") : new DateOnly(2025, 12, 1);
                policyRun = IgnatenkoScenarioModel.Run(baseline, BaselineDataset.LoadEmbedded(), policy, on, revenueUse);
                result = policyRun.Result;
            }
            else if (paperCase is int c)
            {
                var run = c switch
                {
                    1 => IgnatenkoPaperRun.UstrIncomeTaxRelief,
                    2 => IgnatenkoPaperRun.UstrLumpSum,
                    3 => IgnatenkoPaperRun.OptimalUsTariff,
                    _ => throw new CliUsageException($"--case {c} is not 1, 2 or 3"),
                };
                result = IgnatenkoModel.SolvePaperRun(baseline, run);
            }
            else
            {
                IgnatenkoScenario scenario;
                try
                {
                    scenario = file is not null
                        ? IgnatenkoScenarios.UsTariffsByPartner(baseline, ReadTariffs(file), parse.GetValue(otherOption), revenueUse, $"US tariffs from {file.Name}")
                        : IgnatenkoScenarios.VietnamOnly(baseline, vietnamRate!.Value, revenueUse);
                }
                catch (ArgumentException ex) when (ex.ParamName is "otherPartnersRate" or "vietnamRate")
                {
                    // The library's range, named with the option that gave the rate: a usage error.
                    throw new CliUsageException($"{(ex.ParamName == "vietnamRate" ? "--vietnam-rate" : "--other-rate")}: {ex.Message}");
                }

                result = IgnatenkoModel.Solve(baseline, scenario);
            }

            if (parse.GetValue(jsonOption))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(result.Countries.Select(CountryJson.From).ToList(), IgnatenkoJsonContext.Default.ListCountryJson));
            }
            else
            {
                context.Out.WriteLine($"{result.Scenario.Name} (Ignatenko et al. 2025, J. Int. Econ. 157)");
                if (policyRun is not null)
                {
                    context.Out.WriteLine($"Aggregation: {policyRun.AggregationRule}");
                    foreach (var note in policyRun.Omitted)
                    {
                        context.Out.WriteLine($"Not in the shock: {note}");
                    }
                }

                context.Out.WriteLine();
                context.Out.Write(IgnatenkoReports.Table(result));
                context.Out.WriteLine();
                context.Out.Write(IgnatenkoReports.Vietnam(result));
                context.Out.WriteLine();
                context.Out.WriteLine(IgnatenkoReports.Diagnostics(result));
            }

            return 0;
        });
        return command;
    }

    /// <summary>Reads a country,tariff CSV (ISO3, fraction) into a dictionary; errors name the file, line and value.</summary>
    internal static Dictionary<string, double> ReadTariffs(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CliUsageException($"--us-tariffs file '{file.FullName}' does not exist");
        }

        InputLimits.CheckSize(file.FullName, "--us-tariffs");

        // The core's one CSV reader (RFC 4180 quoting, the header checked, as many fields as the header on every row): a
        // quoted comma decimal ("0,20") is one cell that is not a number, never a silent 0.
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (line, cells) in CsvInput.ReadFile(file.FullName, ["country", "tariff"], ["country", "tariff"], InputLimits.MaxCsvBytes, "--us-tariffs file"))
        {
            string iso = cells["country"].ToUpperInvariant();
            string text = cells["tariff"];
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double rate) || !double.IsFinite(rate) || rate < 0 || rate > 10)
            {
                throw new InvalidDataException($"{file.Name} line {line}: tariff '{text}' for '{iso}' must be a fraction from 0 to 10 (0.20 = 20%; 10 = 1,000%).");
            }

            if (!rates.TryAdd(iso, rate))
            {
                throw new InvalidDataException($"{file.Name} line {line}: country '{iso}' is listed twice.");
            }
        }

        return rates;
    }

    internal sealed record CountryJson(
        [property: JsonPropertyName("country")] string Country,
        [property: JsonPropertyName("welfare_pct")] double WelfarePct,
        [property: JsonPropertyName("deficit_pct")] double DeficitPct,
        [property: JsonPropertyName("exports_gdp_pct")] double ExportsGdpPct,
        [property: JsonPropertyName("imports_gdp_pct")] double ImportsGdpPct,
        [property: JsonPropertyName("employment_pct")] double EmploymentPct,
        [property: JsonPropertyName("prices_pct")] double PricesPct,
        [property: JsonPropertyName("revenue_share")] double RevenueShare)
    {
        public static CountryJson From(IgnatenkoOutcome o)
            => new(o.Label, o.WelfarePct, o.DeficitPct, o.ExportsGdpPct, o.ImportsGdpPct, o.EmploymentPct, o.PricesPct, o.RevenueShare);
    }
}
