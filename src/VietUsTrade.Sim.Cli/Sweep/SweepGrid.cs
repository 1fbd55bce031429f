using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Cli.Sweep;

/// <summary>
/// A scenario grid for <c>vietus-sim sweep</c> (docs/sweeps.md): base scenarios × Vietnam rates × exemption lists ×
/// elasticity scales × dates, optionally with a Monte Carlo projection per point. Read strictly: unknown or duplicate
/// keys, wrong types and out-of-range values are errors naming the key path and the value.
/// </summary>
internal sealed class SweepGrid
{
    /// <summary>Largest grid file: 1 MiB.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>Largest number of points in one grid.</summary>
    public const int MaxPoints = 1_000_000;

    private static readonly string[] Keys = ["scenarios", "vietnam_rates", "exemptions", "elasticity_scales", "dates", "sigma_set", "monte_carlo"];
    private static readonly string[] MonteCarloKeys = ["draws", "seed", "year"];

    private SweepGrid(string sha256, IReadOnlyList<(string Label, Scenario Scenario)> scenarios, IReadOnlyList<double?> rates,
        IReadOnlyList<(string Name, string[] Codes)> exemptions, IReadOnlyList<double> scales, IReadOnlyList<DateOnly> dates, SigmaSet sigma, SweepMonteCarlo? monteCarlo)
    {
        Sha256 = sha256;
        Scenarios = scenarios;
        Rates = rates;
        Exemptions = exemptions;
        Scales = scales;
        Dates = dates;
        Sigma = sigma;
        MonteCarlo = monteCarlo;
    }

    /// <summary>SHA-256 of the grid file's bytes (shards of one sweep carry it; merge refuses a mix).</summary>
    public string Sha256 { get; }

    /// <summary>The base scenarios: their label in the grid (preset name or file as written) and the scenario.</summary>
    public IReadOnlyList<(string Label, Scenario Scenario)> Scenarios { get; }

    /// <summary>Vietnam's reciprocal rate per point (null: the scenario's own rates).</summary>
    public IReadOnlyList<double?> Rates { get; }

    /// <summary>Named lists of HTS prefixes exempted from every measure of the scenario.</summary>
    public IReadOnlyList<(string Name, string[] Codes)> Exemptions { get; }

    /// <summary>Multipliers of every line's σ and ε (PeRunOptions.SigmaScale and EpsilonScale).</summary>
    public IReadOnlyList<double> Scales { get; }

    /// <summary>The entry dates whose tariff regime is applied.</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>The elasticity set.</summary>
    public SigmaSet Sigma { get; }

    /// <summary>The Monte Carlo projection per point, if asked.</summary>
    public SweepMonteCarlo? MonteCarlo { get; }

    /// <summary>Number of points: the product of the dimensions.</summary>
    public long PointCount => (long)Scenarios.Count * Rates.Count * Exemptions.Count * Scales.Count * Dates.Count;

    /// <summary>
    /// The point with this index (0-based): the dimensions vary in the order scenario, rate, exemptions, scale, date,
    /// the last fastest.
    /// </summary>
    public SweepPoint Point(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, PointCount);
        var rest = index;
        var d = rest % Dates.Count;
        rest /= Dates.Count;
        var k = rest % Scales.Count;
        rest /= Scales.Count;
        var e = rest % Exemptions.Count;
        rest /= Exemptions.Count;
        var r = rest % Rates.Count;
        rest /= Rates.Count;
        return new SweepPoint(index, rest, Rates[r], e, Scales[k], Dates[d]);
    }

    /// <summary>Reads a grid file (bounded) and resolves its scenarios (presets by name, files relative to the grid file).</summary>
    /// <exception cref="SweepGridException">A key, type or value is wrong (named with its path).</exception>
    public static SweepGrid Load(string path)
    {
        var text = BoundedInput.ReadAllText(path, MaxBytes, "grid file");
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Parse(text, baseDir);
    }

    /// <summary>Parses grid JSON; scenario files are resolved against <paramref name="baseDirectory"/>.</summary>
    public static SweepGrid Parse(string json, string baseDirectory)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new SweepGridException("$", "(not JSON)", $"the grid is not valid JSON: {ex.Message}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new SweepGridException("$", Raw(root), "the grid must be a JSON object");
            }

            CheckKeys(root, "", Keys);
            if (!root.TryGetProperty("scenarios", out var scenariosEl))
            {
                throw new SweepGridException("scenarios", "(missing)", "is required: a list of preset names or scenario files");
            }

            var scenarios = Array(scenariosEl, "scenarios").Select((el, i) =>
            {
                var label = String(el, $"scenarios[{i}]");
                Scenario scenario;
                if (Presets.Names.Contains(label, StringComparer.Ordinal))
                {
                    scenario = Presets.Get(label);
                }
                else if (label.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    scenario = ScenarioJson.Load(Path.Combine(baseDirectory, label));
                }
                else
                {
                    throw new SweepGridException($"scenarios[{i}]", label, $"is neither a preset ({string.Join(", ", Presets.Names)}) nor a .json scenario file");
                }

                return (label, scenario);
            }).ToArray();
            Distinct(scenarios.Select(s => s.label), "scenarios");

            double?[] rates = root.TryGetProperty("vietnam_rates", out var ratesEl)
                ? [.. Array(ratesEl, "vietnam_rates").Select((el, i) => (double?)Number(el, $"vietnam_rates[{i}]", 0, 10, "must be a rate in [0, 10] (a fraction: 0.2 = 20 %)"))]
                : [null];
            Distinct(rates.Select(r => r?.ToString("R", CultureInfo.InvariantCulture) ?? ""), "vietnam_rates");

            (string, string[])[] exemptions = [("none", [])];
            if (root.TryGetProperty("exemptions", out var exEl))
            {
                if (exEl.ValueKind != JsonValueKind.Object)
                {
                    throw new SweepGridException("exemptions", Raw(exEl), "must be an object of named lists, e.g. {\"none\": [], \"coffee\": [\"0901\"]}");
                }

                CheckDuplicates(exEl, "exemptions");
                exemptions = [.. exEl.EnumerateObject().Select(p =>
                {
                    var codes = Array(p.Value, $"exemptions.{p.Name}", allowEmpty: true).Select((el, i) =>
                    {
                        var code = String(el, $"exemptions.{p.Name}[{i}]");
                        try
                        {
                            return HtsCode.Parse(code).ToString();
                        }
                        catch (FormatException ex)
                        {
                            throw new SweepGridException($"exemptions.{p.Name}[{i}]", code, ex.Message);
                        }
                    }).ToArray();
                    return (p.Name, codes);
                })];
                if (exemptions.Length == 0)
                {
                    throw new SweepGridException("exemptions", "{}", "needs at least one named list (use {\"none\": []} for no extra exemptions)");
                }
            }

            double[] scales = root.TryGetProperty("elasticity_scales", out var scEl)
                ? [.. Array(scEl, "elasticity_scales").Select((el, i) => Number(el, $"elasticity_scales[{i}]", 0.01, 100, "must be in [0.01, 100]"))]
                : [1.0];
            Distinct(scales.Select(s => s.ToString("R", CultureInfo.InvariantCulture)), "elasticity_scales");

            DateOnly[] dates = root.TryGetProperty("dates", out var dEl)
                ? [.. Array(dEl, "dates").Select((el, i) =>
                {
                    var s = String(el, $"dates[{i}]");
                    return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100
                        ? d
                        : throw new SweepGridException($"dates[{i}]", s, "must be a date YYYY-MM-DD in 2000–2100");
                })]
                : [new DateOnly(2025, 12, 1)];
            Distinct(dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "dates");

            var sigma = SigmaSet.BrodaWeinstein;
            if (root.TryGetProperty("sigma_set", out var sgEl))
            {
                sigma = String(sgEl, "sigma_set") switch
                {
                    "broda-weinstein" => SigmaSet.BrodaWeinstein,
                    "hauk" => SigmaSet.Hauk2012,
                    var s => throw new SweepGridException("sigma_set", s, "must be broda-weinstein or hauk"),
                };
            }

            SweepMonteCarlo? mc = null;
            if (root.TryGetProperty("monte_carlo", out var mcEl) && mcEl.ValueKind != JsonValueKind.Null)
            {
                if (mcEl.ValueKind != JsonValueKind.Object)
                {
                    throw new SweepGridException("monte_carlo", Raw(mcEl), "must be an object {\"draws\": N, \"seed\": S, \"year\": Y}");
                }

                CheckKeys(mcEl, "monte_carlo", MonteCarloKeys);
                var draws = mcEl.TryGetProperty("draws", out var dr) ? Number(dr, "monte_carlo.draws", 1, 100_000, "must be a whole number 1–100,000") : 1000;
                var seed = mcEl.TryGetProperty("seed", out var se) ? Number(se, "monte_carlo.seed", 0, 1e15, "must be a whole number ≥ 0") : 1;
                var year = mcEl.TryGetProperty("year", out var yr) ? Number(yr, "monte_carlo.year", 2025, 2030, "must be a year 2025–2030") : 2026;
                foreach (var (v, n) in new[] { (draws, "draws"), (seed, "seed"), (year, "year") })
                {
                    if (v != Math.Floor(v))
                    {
                        throw new SweepGridException($"monte_carlo.{n}", v.ToString("R", CultureInfo.InvariantCulture), "must be a whole number");
                    }
                }

                mc = new SweepMonteCarlo((int)draws, (ulong)seed, (int)year);
            }

            var grid = new SweepGrid(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))), scenarios, rates, exemptions, scales, dates, sigma, mc);
            if (grid.PointCount > MaxPoints)
            {
                throw new SweepGridException("$", grid.PointCount.ToString(CultureInfo.InvariantCulture), $"points: a grid may have at most {MaxPoints:N0} (split it into several grids)");
            }

            grid.CheckRates();
            return grid;
        }
    }

    /// <summary>The scenario of a point: the base with Vietnam's reciprocal rate set and the extra exemptions added.</summary>
    public Scenario ScenarioOf(SweepPoint point)
    {
        var scenario = Scenarios[point.Scenario].Scenario;
        var codes = Exemptions[point.Exemptions].Codes;
        if (point.VietnamRate is { } rate)
        {
            scenario = new Scenario(scenario.Name, scenario.Description, scenario.Sources,
                [.. scenario.Measures.Select(m => IsVietnamReciprocal(m) ? m.WithRate(rate) : m)], scenario.Commitments, scenario.Concessions, scenario.Assumptions);
        }

        if (codes.Length > 0)
        {
            scenario = ScenarioBuilder.From(scenario).Exempt(codes).Build();
        }

        return scenario;
    }

    /// <summary>The measures the rate dimension sets: reciprocal (country-rate) measures that cover Vietnam.</summary>
    public static bool IsVietnamReciprocal(TariffMeasure measure) => measure.Kind == MeasureKind.Reciprocal && measure.CoversSupplier(Presets.Vietnam);

    private void CheckRates()
    {
        if (Rates[0] is null)
        {
            return;
        }

        // A rate that sets no measure in force would repeat the scenario's own result under a rate it does not have.
        foreach (var (label, scenario) in Scenarios)
        {
            foreach (var date in Dates)
            {
                if (!scenario.Measures.Any(m => IsVietnamReciprocal(m) && m.ActiveOn(date)))
                {
                    throw new SweepGridException("vietnam_rates", string.Join(", ", Rates.Select(r => r!.Value.ToString("R", CultureInfo.InvariantCulture))),
                        $"scenario {label} has no reciprocal measure on Vietnam in force on {date:yyyy-MM-dd} for the rate to set (drop vietnam_rates, or that date)");
                }
            }
        }
    }

    private static void CheckKeys(JsonElement obj, string path, string[] known)
    {
        CheckDuplicates(obj, path);
        foreach (var p in obj.EnumerateObject())
        {
            if (!known.Contains(p.Name, StringComparer.Ordinal))
            {
                throw new SweepGridException(path.Length == 0 ? p.Name : $"{path}.{p.Name}", Raw(p.Value), $"unknown key (expected: {string.Join(", ", known)})");
            }
        }
    }

    private static void CheckDuplicates(JsonElement obj, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
        {
            if (!seen.Add(p.Name))
            {
                throw new SweepGridException(path.Length == 0 ? p.Name : $"{path}.{p.Name}", Raw(p.Value), "duplicate key: a key may appear once");
            }
        }
    }

    private static void Distinct(IEnumerable<string> values, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            if (!seen.Add(v))
            {
                throw new SweepGridException(path, v, "is listed twice (every grid value must be distinct)");
            }
        }
    }

    private static JsonElement[] Array(JsonElement el, string path, bool allowEmpty = false)
    {
        if (el.ValueKind != JsonValueKind.Array)
        {
            throw new SweepGridException(path, Raw(el), "must be a list");
        }

        var items = el.EnumerateArray().ToArray();
        return items.Length == 0 && !allowEmpty ? throw new SweepGridException(path, "[]", "must not be empty") : items;
    }

    private static string String(JsonElement el, string path) =>
        el.ValueKind == JsonValueKind.String && el.GetString() is { Length: > 0 } s ? s : throw new SweepGridException(path, Raw(el), "must be a non-empty string");

    private static double Number(JsonElement el, string path, double min, double max, string rule) =>
        el.ValueKind == JsonValueKind.Number && el.TryGetDouble(out var v) && double.IsFinite(v) && v >= min && v <= max ? v : throw new SweepGridException(path, Raw(el), rule);

    private static string Raw(JsonElement el)
    {
        var raw = el.GetRawText();
        return raw.Length > 80 ? raw[..77] + "..." : raw;
    }
}

/// <summary>One point of a sweep grid: indices into the grid's dimensions and the values they stand for.</summary>
/// <param name="Index">0-based point index (the order of <see cref="SweepGrid.Point"/>).</param>
/// <param name="Scenario">Index into <see cref="SweepGrid.Scenarios"/>.</param>
/// <param name="VietnamRate">Vietnam's reciprocal rate, or null for the scenario's own rates.</param>
/// <param name="Exemptions">Index into <see cref="SweepGrid.Exemptions"/>.</param>
/// <param name="ElasticityScale">Multiplier of every σ and ε.</param>
/// <param name="Date">The entry date.</param>
internal sealed record SweepPoint(int Index, int Scenario, double? VietnamRate, int Exemptions, double ElasticityScale, DateOnly Date);

/// <summary>The Monte Carlo projection asked for each point.</summary>
/// <param name="Draws">Draws per point.</param>
/// <param name="Seed">Seed (the same for every point: common random numbers across the grid).</param>
/// <param name="Year">The calendar year whose balance and imports are reported.</param>
internal sealed record SweepMonteCarlo(int Draws, ulong Seed, int Year);

/// <summary>A grid file that cannot be used: the key path, the value and the reason (exit 2).</summary>
internal sealed class SweepGridException(string path, string value, string reason) : Exception($"grid {path} = {value}: {reason}");
