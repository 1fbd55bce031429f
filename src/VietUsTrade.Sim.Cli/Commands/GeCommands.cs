using System.Buffers;
using System.CommandLine;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Cli.Output;
using System.Globalization;
using VietUsTrade.Sim.Reporting;
using System.Text.Json;
using VietUsTrade.Sim.Models.GeneralEquilibrium;

namespace VietUsTrade.Sim.Cli.Commands;

/// <summary>vietus-sim ge ...: structural gravity general equilibrium (exact hat algebra).</summary>
internal static class GeCommands
{
    private static readonly GeJsonContext JsonContext = new(new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    internal static Command Create(CliContext context)
    {
        var ge = new Command("ge", "General equilibrium: multi-country structural gravity solved by exact hat algebra (Dekle-Eaton-Kortum 2008).");
        ge.Subcommands.Add(CreateSolve(context));
        ge.Subcommands.Add(CreateIcio(context));
        return ge;
    }

    private static Command CreateSolve(CliContext context)
    {
        var flows = new Option<string>("--flows") { Description = "CSV with columns exporter,importer,value (domestic flows included; optional column sector).", Required = true };
        var shock = new Option<string>("--shock") { Description = "CSV with exporter,importer and dlog_cost (Δ ln t^(1-σ)) and/or tariff (new ad valorem rate, 0.2 = 20%); optional baseline_tariff, sector. Pairs not listed are unchanged.", Required = true };
        var sigma = new Option<double>("--sigma") { Description = "Elasticity of substitution σ > 1 (no unit; trade elasticity θ = σ − 1), all sectors.", Required = true };
        var closure = new Option<string?>("--closure") { Description = "additive (default: fixed nominal deficits) or multiplicative (default in gegravity mode)." };
        var normalize = new Option<string>("--normalize") { Description = "world-output (default) or ref:ISO3 (that country's price index = 1).", DefaultValueFactory = _ => "world-output" };
        var tariffMode = new Option<string>("--tariff-mode") { Description = "iceberg (default: cost with exponent 1-σ, no revenue) or revenue (ad valorem tax, revenue spent by the importer).", DefaultValueFactory = _ => "iceberg" };
        var mode = new Option<string>("--mode") { Description = "exact (default) or gegravity (reproduces gegravity v0.3; not the exact equilibrium).", DefaultValueFactory = _ => "exact" };
        var output = new Option<string>("--out") { Description = "Folder for country.csv and bilateral.csv (created if missing).", Required = true };
        var sumDuplicates = new Option<bool>("--sum-duplicates") { Description = "Add up rows that repeat an (exporter, importer, sector) in --flows, and dlog_cost rows that repeat one in --shock; without it a repeated pair is refused, naming file, line and pair (a tariff pair is always refused twice)." };
        var allowOwnFlow = new Option<bool>("--allow-own-flow-shocks") { Description = "Accept a shock row on a country's own domestic flow (exporter = importer); without it such a row is refused, naming file, line and pair." };
        var allowHigh = new Option<bool>("--allow-high-tariffs") { Description = "Accept tariff and baseline_tariff rates above 10 (1,000 %), up to 100; without it such a row is refused, naming file, line and pair." };
        var solve = new Command("solve", "Solve a counterfactual on a flow matrix and write country.csv and bilateral.csv.");
        foreach (var o in new Option[] { flows, shock, sigma, closure, normalize, tariffMode, mode, output, sumDuplicates, allowOwnFlow, allowHigh })
        {
            solve.Options.Add(o);
        }

        solve.SetAction(parse =>
        {
            var modeValue = ParseMode(parse.GetValue(mode)!);
            var closureText = parse.GetValue(closure);
            var closureValue = closureText is null
                ? (modeValue == GeSolutionMode.GegravityCompatible ? GeClosure.Multiplicative : GeClosure.Additive)
                : ParseClosure(closureText);
            GeNormalization normalization;
            try
            {
                normalization = GeNormalization.Parse(parse.GetValue(normalize)!);
            }
            catch (ArgumentException ex)
            {
                throw new CliUsageException("--normalize: " + ex.Message);
            }

            var sigmaValue = parse.GetValue(sigma);
            if (!double.IsFinite(sigmaValue) || sigmaValue <= 1)
            {
                throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--sigma {sigmaValue} must be a number above 1"));
            }

            GeOptions options;
            try
            {
                options = new GeOptions(GeElasticities.Uniform(sigmaValue), closureValue, normalization, ParseTariffMode(parse.GetValue(tariffMode)!), modeValue);
            }
            catch (ArgumentException ex)
            {
                throw new CliUsageException(ex.Message);
            }

            var dir = OutputFolder.Create(parse.GetValue(output)!, "--out", parse.GetValue(context.Force));
            var baseline = ReadFlows(parse.GetValue(flows)!, parse.GetValue(sumDuplicates));
            var shockValue = ReadShock(parse.GetValue(shock)!, parse.GetValue(sumDuplicates), parse.GetValue(allowOwnFlow), parse.GetValue(allowHigh));
            var result = GeSolver.Solve(baseline, shockValue, options);
            WriteCountry(dir.File("country.csv"), result);
            WriteBilateral(dir.File("bilateral.csv"), result);
            context.Out.WriteLine(result.Diagnostics.ToString());
            context.Out.WriteLine(result.ClosureNote);
            if (result.Caveat is { } caveat)
            {
                context.Out.WriteLine("Caveat: " + caveat);
            }

            if (baseline.ContainsCountry("USA") && baseline.ContainsCountry("VNM"))
            {
                var bilateral = result.BilateralBalance("USA", "VNM");
                var aggregate = result.AggregateBalance("USA");
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"US-Vietnam bilateral balance: {G6(bilateral.Baseline)} -> {G6(bilateral.Counterfactual)}; US aggregate balance: {G6(aggregate.Baseline)} -> {G6(aggregate.Counterfactual)}"));
            }

            context.Out.WriteLine($"wrote {dir.File("country.csv")} and {dir.File("bilateral.csv")}");
            context.Out.WriteLine($"wrote {dir.WriteManifest(context.Arguments)}");
            return 0;
        });
        return solve;
    }

    private static Command CreateIcio(CliContext context)
    {
        var preset = new Option<string>("--preset") { Description = "A policy preset (presets list; its US tariffs on --date, aggregated to exporter x sector by 2024 line values) or a stylized GE preset: " + string.Join(", ", PresetCatalog.GeOnlyNames) + ".", Required = true };
        var date = new Option<string?>("--date") { Description = "Date whose rates a policy preset applies (YYYY-MM-DD, default 2025-12-01)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var elasticities = new Option<string>("--elasticities") { Description = "ICIO elasticity set: BSY (default), IS, U4, CP, GYY, Shap, FGO, LL.", DefaultValueFactory = _ => IcioDataset.DefaultElasticities };
        var tariffMode = new Option<string>("--tariff-mode") { Description = "revenue (default: ad valorem tax, revenue spent by the importer) or iceberg.", DefaultValueFactory = _ => "revenue" };
        var closure = new Option<string>("--closure") { Description = "additive (default) or multiplicative.", DefaultValueFactory = _ => "additive" };
        var icio = new Command("icio", "Run a US–Vietnam tariff preset on the bundled OECD ICIO 2022 data (81 economies × 28 sectors; tariffs on the 27 goods sectors).");
        foreach (var o in new Option[] { preset, date, json, elasticities, tariffMode, closure })
        {
            icio.Options.Add(o);
        }

        icio.SetAction(parse =>
        {
            var name = parse.GetValue(preset)!;
            var policy = Policy.Presets.Names.FirstOrDefault(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));
            IcioElasticitySet set;
            var data = IcioDataset.LoadEmbedded();
            GeScenarioPreset? p = null;
            try
            {
                p = policy is null ? GePresets.Get(name) : null;
                set = data.Elasticities(parse.GetValue(elasticities)!);
            }
            catch (ArgumentException ex)
            {
                throw new CliUsageException($"{ex.Message.TrimEnd('.')} (or a policy preset: {string.Join(", ", Policy.Presets.Names)}).");
            }

            if (p is not null && parse.GetValue(date) is not null)
            {
                throw new CliUsageException($"--date applies to policy presets; the stylized GE preset {p.Name} has no dates");
            }

            var options = new GeOptions(set.ToElasticities(), ParseClosure(parse.GetValue(closure)!), GeNormalization.WorldOutput, ParseTariffMode(parse.GetValue(tariffMode)!));
            GeResult result;
            string presetName, description;
            if (p is not null)
            {
                result = GeSolver.Solve(data.Baseline, p.ToShock(data.Baseline, data.GoodsSectors), options);
                (presetName, description) = (p.Name, p.Description);
            }
            else
            {
                var on = parse.GetValue(date) is { } text ? PolicyCommands.ParseDate(text, "--date") : new DateOnly(2025, 12, 1);
                var run = GeScenarioModel.Run(data, BaselineDataset.LoadEmbedded(), Policy.Presets.Get(policy!), on, options);
                result = run.Result;
                presetName = policy!;
                description = string.Create(CultureInfo.InvariantCulture, $"{run.Scenario.Description} US tariffs on {on:yyyy-MM-dd}, aggregated: {run.Aggregation.Rule}{string.Concat(run.Aggregation.Omitted.Select(o => " Not in the GE shock: " + o))}");
            }

            var s = GeUsVietnamSummary.From(result);
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(
                    new IcioReport(presetName, description, set.Code, options.TariffTreatment.ToString(), options.Closure.ToString(), "USD billion", Bn(s.UsImportsFromVietnam), Bn(s.VietnamExportsToOthers), Bn(s.VietnamExportsTotal), Bn(s.UsVietnamBalance), Bn(s.UsAggregateBalance), s.UsWelfareChangePct, s.VietnamWelfareChangePct, s.UsTariffRevenue / 1e9, s.UsRealWageChangePct, Bn(s.UsImportsFromOthers), s.TopDiversion.ToDictionary(d => d.Exporter, d => Bn(new GeBalance(d.Baseline, d.Counterfactual))), s.ClosureNote, s.Diagnostics.Iterations, s.Diagnostics.MaxResidual, s.Diagnostics.Elapsed.TotalMilliseconds),
                    JsonContext.IcioReport));
                return 0;
            }

            var o = context.Out;
            o.WriteLine($"GE preset {presetName}: {description}");
            o.WriteLine($"Data: {data.Provenance}; elasticities {set.Code} ({set.Source}); tariffs: {options.TariffTreatment}; closure: {options.Closure}; USD billion, 2022 basic prices");
            Line(o, "US imports from Vietnam", s.UsImportsFromVietnam);
            Line(o, "Vietnam exports to other markets", s.VietnamExportsToOthers);
            Line(o, "Vietnam exports, all markets", s.VietnamExportsTotal);
            Line(o, "US bilateral balance with Vietnam", s.UsVietnamBalance);
            Line(o, "US aggregate trade balance", s.UsAggregateBalance);
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"US welfare (real expenditure)",-36} {NumberFormat.Number(s.UsWelfareChangePct, 4),10} %"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"Vietnam welfare (real expenditure)",-36} {NumberFormat.Number(s.VietnamWelfareChangePct, 4),10} %"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"US real wage (factory-gate/CPI)",-36} {NumberFormat.Number(s.UsRealWageChangePct, 4),10} %"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"US tariff revenue, level after shock",-36} {NumberFormat.Number(s.UsTariffRevenue / 1e9, 2),10}"));
            Line(o, "US imports from other suppliers", s.UsImportsFromOthers);
            foreach (var d in s.TopDiversion)
            {
                Line(o, "  US imports from " + d.Exporter, new GeBalance(d.Baseline, d.Counterfactual));
            }

            o.WriteLine(s.ClosureNote);
            o.WriteLine(s.Diagnostics.ToString());
            return 0;
        });
        return icio;
    }

    private static Figure Bn(GeBalance b) => new(b.Baseline / 1e9, b.Counterfactual / 1e9, b.Baseline != 0 ? 100 * (b.Counterfactual / b.Baseline - 1) : 0);

    private static void Line(TextWriter o, string label, GeBalance b) =>
        o.WriteLine($"{label,-36} {NumberFormat.Number(b.Baseline / 1e9, 2),10} → {NumberFormat.Number(b.Counterfactual / 1e9, 2),10}  ({NumberFormat.Change(b.Baseline != 0 ? 100 * (b.Counterfactual / b.Baseline - 1) : 0, 2),8} %)");

    private static GeSolutionMode ParseMode(string text) => text.Trim().ToUpperInvariant() switch
    {
        "EXACT" => GeSolutionMode.Exact,
        "GEGRAVITY" => GeSolutionMode.GegravityCompatible,
        _ => throw new CliUsageException($"--mode '{text}' is not exact or gegravity"),
    };

    private static GeClosure ParseClosure(string text) => text.Trim().ToUpperInvariant() switch
    {
        "ADDITIVE" => GeClosure.Additive,
        "MULTIPLICATIVE" => GeClosure.Multiplicative,
        _ => throw new CliUsageException($"--closure '{text}' is not additive or multiplicative"),
    };

    private static GeTariffTreatment ParseTariffMode(string text) => text.Trim().ToUpperInvariant() switch
    {
        "ICEBERG" => GeTariffTreatment.Iceberg,
        "REVENUE" => GeTariffTreatment.Revenue,
        _ => throw new CliUsageException($"--tariff-mode '{text}' is not iceberg or revenue"),
    };

    private static GeBaseline ReadFlows(string path, bool sumDuplicates)
    {
        // Row by row as the file is read, as spans (no string per cell): countries and sectors numbered in order of first
        // appearance (exporter before importer, as GeBaseline.FromFlows numbers them), each flow kept as a struct of
        // indices (no object per row for the collector to trace: a 240-country matrix is 57,600 rows), repeats found by
        // one integer key per (sector, exporter, importer), then the matrices filled at once.
        CheckInput(path);
        var countries = new List<string>();
        var countryIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var sectors = new List<string>();
        var sectorIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var cells = new List<FlowCell>();
        var firstCell = new Dictionary<long, int>();
        const long Radix = 1L << 21;
        CsvInput.ForEachRow(path, ["exporter", "importer", "value"], ["exporter", "importer", "value", "sector"], InputLimits.MaxCsvBytes, "ge solve file", r =>
        {
            var exporter = r[r.IndexOf("exporter")];
            if (exporter.IsEmpty)
            {
                throw new InvalidDataException($"{path} line {r.Line}: empty exporter.");
            }

            var importer = r[r.IndexOf("importer")];
            if (importer.IsEmpty)
            {
                throw new InvalidDataException($"{path} line {r.Line}: empty importer.");
            }

            var valueText = r[r.IndexOf("value")];
            if (valueText.IsEmpty)
            {
                throw new InvalidDataException($"{path} line {r.Line}: empty value.");
            }

            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new InvalidDataException($"{path} line {r.Line}: value '{valueText}' is not a finite number.");
            }

            var sectorColumn = r.IndexOf("sector");
            var sectorText = sectorColumn >= 0 ? r[sectorColumn] : [];
            var e = Id(countryIds, countries, exporter);
            var i = Id(countryIds, countries, importer);
            var s = sectorText.IsEmpty ? Id(sectorIds, sectors, GeBaseline.SingleSectorName) : Id(sectorIds, sectors, sectorText);
            if (countries.Count >= Radix || sectors.Count >= Radix)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path} line {r.Line}: more than {Radix - 1} countries or sectors."));
            }

            var key = (((s * Radix) + e) * Radix) + i;
            if (firstCell.TryGetValue(key, out var k))
            {
                if (!sumDuplicates)
                {
                    var sector = sectors[s];
                    throw new InvalidDataException($"{path} line {r.Line}: {countries[e]} → {countries[i]}{SectorNote(sector == GeBaseline.SingleSectorName ? null : sector)} repeats line {cells[k].Line}; pass --sum-duplicates to add them up.");
                }

                cells[k] = cells[k] with { Value = cells[k].Value + value };
            }
            else
            {
                firstCell[key] = cells.Count;
                cells.Add(new FlowCell(e, i, s, value, r.Line));
            }
        });

        var n = countries.Count;
        var x = new double[sectors.Count][];
        for (var s = 0; s < x.Length; s++)
        {
            x[s] = new double[(long)n * n];
        }

        foreach (var c in cells)
        {
            x[c.Sector][((long)c.Exporter * n) + c.Importer] = c.Value;
        }

        return GeBaseline.FromFlatMatrices(countries, sectors, x);
    }

    private static int Id(Dictionary<string, int> ids, List<string> names, ReadOnlySpan<char> name)
    {
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(name, out var id))
        {
            var text = name.ToString();
            id = names.Count;
            ids[text] = id;
            names.Add(text);
        }

        return id;
    }

    /// <summary>One flow of --flows: exporter, importer and sector as indices, the value, and the line it was first read from.</summary>
    private readonly record struct FlowCell(int Exporter, int Importer, int Sector, double Value, int Line);

    private static GeShock ReadShock(string path, bool sumDuplicates, bool allowOwnFlow, bool allowHighTariffs)
    {
        var rows = ReadTable(path, ["exporter", "importer"], ["exporter", "importer", "dlog_cost", "tariff", "baseline_tariff", "sector"]);
        if (rows.Count > 0 && !rows[0].Has("dlog_cost") && !rows[0].Has("tariff"))
        {
            throw new InvalidDataException($"{path}: needs a column dlog_cost or tariff.");
        }

        var costs = new List<GeCostChange>();
        var tariffs = new List<GeTariffChange>();
        var costLines = new PairLines(path, sumDuplicates ? null : "pass --sum-duplicates to add the dlog_cost values up");
        var tariffLines = new PairLines(path, "a pair has one tariff");
        foreach (var r in rows)
        {
            var sector = r.Has("sector") && r.Text("sector").Length > 0 ? r.Text("sector") : null;
            if (!allowOwnFlow && string.Equals(r.Text("exporter"), r.Text("importer"), StringComparison.Ordinal))
            {
                // A tariff or cost change on a country's sales to itself is no trade cost; it used to be applied silently.
                throw new InvalidDataException($"{path} line {r.Line}: {r.Text("exporter")} → {r.Text("importer")}{SectorNote(sector)} is a country's own domestic flow, not a trade flow; pass --allow-own-flow-shocks to shock it.");
            }

            var used = false;
            if (r.Has("dlog_cost") && r.Number("dlog_cost") is { } d)
            {
                if (costLines.Repeat(r, sector) is { } k)
                {
                    costs[k] = new GeCostChange(costs[k].Exporter, costs[k].Importer, costs[k].DeltaLogCost + d, costs[k].Sector);
                }
                else
                {
                    costs.Add(new GeCostChange(r.Text("exporter"), r.Text("importer"), d, sector));
                }

                used = true;
            }

            if (r.Has("tariff") && r.Number("tariff") is { } t)
            {
                tariffLines.Repeat(r, sector);
                var baseRate = r.Has("baseline_tariff") ? r.Number("baseline_tariff") ?? 0 : 0;
                foreach (var (column, rate) in new[] { ("tariff", t), ("baseline_tariff", baseRate) })
                {
                    if (!allowHighTariffs && rate > ValueRanges.MaxTariffRate)
                    {
                        throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path} line {r.Line}: {column} {rate} for {r.Text("exporter")} → {r.Text("importer")} is above 10 (1,000%; rates are fractions, 0.20 = 20%); pass --allow-high-tariffs to accept it."));
                    }
                }

                tariffs.Add(new GeTariffChange(r.Text("exporter"), r.Text("importer"), t, baseRate, sector));
                used = true;
            }

            if (!used)
            {
                // A row with no value used to be dropped silently.
                throw new InvalidDataException($"{r.Path} line {r.Line}: no dlog_cost or tariff value for {r.Text("exporter")} → {r.Text("importer")}.");
            }
        }

        return new GeShock(costs, tariffs, allowHighTariffs);
    }

    private static string SectorNote(string? sector) => sector is null ? string.Empty : $" (sector {sector})";

    private static List<CsvRow> ReadTable(string path, string[] required, string[] allowed)
    {
        var rows = new List<CsvRow>();
        ReadRows(path, required, allowed, rows.Add);
        return rows;
    }

    /// <summary>
    /// Reads the table through the core's CSV reader (<see cref="CsvInput"/>) and hands each data row to
    /// <paramref name="each"/> in file order; a malformed line or the size limit is reported before any row's own error.
    /// </summary>
    private static void ReadRows(string path, string[] required, string[] allowed, Action<CsvRow> each)
    {
        CheckInput(path);

        // The core's one CSV reader checks the whole file (header, field counts, size) before any row is handed on.
        foreach (var (line, cells) in CsvInput.EnumerateFile(path, required, allowed, InputLimits.MaxCsvBytes, "ge solve file"))
        {
            each(new CsvRow(path, line, cells));
        }
    }

    /// <summary>An input file of ge solve exists and is within the size limit (checked before it is opened).</summary>
    private static void CheckInput(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"File '{path}' does not exist.", path);
        }

        InputLimits.CheckSize(path, "ge solve");
    }

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    // Six significant digits (the dataset's own units) with the report minus sign of NumberFormat.
    private static string G6(double value) => (value < 0 ? NumberFormat.Minus : string.Empty) + Math.Abs(value).ToString("G6", CultureInfo.InvariantCulture);

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void WriteCountry(string path, GeResult result) => VietUsTrade.Sim.Reporting.AtomicFile.Write(path, temp => WriteCountryTo(temp, result));

    private static void WriteCountryTo(string path, GeResult result)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("country,factory_gate_price_change_pct,price_index_change_pct,expenditure_change_pct,real_expenditure_change_pct,exports_change_pct,imports_change_pct,trade_balance_baseline,trade_balance_counterfactual");
        foreach (var c in result.Countries)
        {
            writer.WriteLine(string.Join(',', Csv(c.Country), Num(c.FactoryGatePriceChangePct), Num(c.PriceIndexChangePct), Num(c.ExpenditureChangePct), Num(c.RealExpenditureChangePct), Num(c.ExportsChangePct), Num(c.ImportsChangePct), Num(c.TradeBalanceBaseline), Num(c.TradeBalanceCounterfactual)));
        }
    }

    private static void WriteBilateral(string path, GeResult result) => VietUsTrade.Sim.Reporting.AtomicFile.Write(path, temp => WriteBilateralTo(temp, result));

    private static void WriteBilateralTo(string path, GeResult result)
    {
        // N² rows (57,600 for 240 countries), written as UTF-8 bytes: each country's CSV form encoded once, numbers
        // formatted straight into byte buffers ("R", the text of Num), blocks of rows formatted on all cores and written
        // in order; the bytes are those of Csv/Num joined by commas with "\n" line ends.
        var rows = result.Bilateral();
        // Filled before the parallel loop, which only reads it.
        var quoted = result.Countries.ToDictionary(c => c.Country, c => System.Text.Encoding.UTF8.GetBytes(Csv(c.Country)), StringComparer.Ordinal);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        file.Write("exporter,importer,baseline,counterfactual,change_pct\n"u8);
        const int BlockRows = 4096;
        var blocks = (rows.Count + BlockRows - 1) / BlockRows;
        var batch = Math.Max(1, Environment.ProcessorCount) * 2;
        var buffers = new ArrayBufferWriter<byte>[batch];
        for (var b = 0; b < buffers.Length; b++)
        {
            buffers[b] = new ArrayBufferWriter<byte>(BlockRows * 96);
        }

        for (var first = 0; first < blocks; first += batch)
        {
            var count = Math.Min(batch, blocks - first);
            Parallel.For(0, count, b =>
            {
                var buffer = buffers[b];
                buffer.ResetWrittenCount();
                var end = Math.Min(rows.Count, (first + b + 1) * BlockRows);
                for (var k = (first + b) * BlockRows; k < end; k++)
                {
                    var row = rows[k];
                    buffer.Write(quoted[row.Exporter]);
                    buffer.Write(","u8);
                    buffer.Write(quoted[row.Importer]);
                    WriteNum(buffer, row.Baseline);
                    WriteNum(buffer, row.Counterfactual);
                    WriteNum(buffer, row.ChangePct);
                    buffer.Write("\n"u8);
                }
            });
            for (var b = 0; b < count; b++)
            {
                file.Write(buffers[b].WrittenSpan);
            }
        }
    }

    /// <summary>Writes a comma and <see cref="Num"/>'s text of <paramref name="value"/> as UTF-8 without allocating it.</summary>
    private static void WriteNum(ArrayBufferWriter<byte> buffer, double value)
    {
        // The shortest round-trip text of a double is at most 24 characters.
        var span = buffer.GetSpan(32);
        span[0] = (byte)',';
        if (!value.TryFormat(span[1..], out var written, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"{Num(value)} does not fit the number buffer.");
        }

        buffer.Advance(written + 1);
    }

    internal sealed record IcioReport(
        string Preset,
        string Description,
        string Elasticities,
        string TariffTreatment,
        string Closure,
        string Unit,
        Figure UsImportsFromVietnam,
        Figure VietnamExportsToOtherMarkets,
        Figure VietnamExportsTotal,
        Figure UsVietnamBilateralBalance,
        Figure UsAggregateBalance,
        double UsWelfareChangePct,
        double VietnamWelfareChangePct,
        double UsTariffRevenue,
        double UsRealWageChangePct,
        Figure UsImportsFromOtherSuppliers,
        IReadOnlyDictionary<string, Figure> TopDiversion,
        string ClosureNote,
        int Iterations,
        double MaxResidual,
        double SolveMilliseconds);

    internal sealed record Figure(double Baseline, double Counterfactual, double ChangePct);

    /// <summary>The line of each (exporter, importer, sector) already read from one file; a repeat is refused with both lines unless summing is allowed (<c>refusal</c> null).</summary>
    private sealed record PairKey(string Exporter, string Importer, string Sector);

    private sealed record FirstLine(int Index, int Line);

    private sealed class PairLines(string path, string? refusal)
    {
        // Reference-type key and value, not (string, string, string) -> (int, int) tuples: the dictionary then runs the
        // framework's precompiled shared code for reference types, where the tuple instantiation ran as unoptimized
        // (tier-0) JIT code for each of the 57,600 rows of a 240-country matrix.
        private readonly Dictionary<PairKey, FirstLine> _first = [];

        /// <summary>Null for a new pair (recorded at the next index); the index of the earlier row when summing is allowed.</summary>
        public int? Repeat(CsvRow row, string? sector)
        {
            var (exporter, importer) = (row.Text("exporter"), row.Text("importer"));
            var key = new PairKey(exporter, importer, sector ?? string.Empty);
            if (_first.TryGetValue(key, out var first))
            {
                return refusal is null
                    ? first.Index
                    : throw new InvalidDataException($"{path} line {row.Line}: {key.Exporter} → {key.Importer}{SectorNote(sector)} repeats line {first.Line}; {refusal}.");
            }

            _first[key] = new FirstLine(_first.Count, row.Line);
            return null;
        }
    }

    /// <summary>One data row: its cells by lower-case column name, as the core's CSV reader gives them.</summary>
    private sealed class CsvRow(string path, int line, IReadOnlyDictionary<string, string> cells)
    {
        public string Path { get; } = path;

        public int Line { get; } = line;

        public bool Has(string column) => cells.ContainsKey(column);

        public string Text(string column)
        {
            var t = cells[column];
            return column is "exporter" or "importer" && t.Length == 0
                ? throw new InvalidDataException($"{Path} line {Line}: empty {column}.")
                : t;
        }

        public double? Number(string column)
        {
            var t = cells[column];
            if (t.Length == 0)
            {
                return column == "value" ? throw new InvalidDataException($"{Path} line {Line}: empty value.") : null;
            }

            return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                ? v
                : throw new InvalidDataException($"{Path} line {Line}: {column} '{t}' is not a finite number.");
        }
    }
}
