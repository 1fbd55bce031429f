using System.Globalization;
using System.Text;
using System.Text.Json;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>
/// Reads and writes scenario files (JSON, snake_case; schema in docs/scenario-files.md). A file may start from a
/// preset with <c>"extends": "NAME"</c>; its measures, commitments and concessions are then added to the preset's.
/// </summary>
/// <remarks>Errors name the JSON path and the value (e.g. <c>measures[1].rate = -0.1: must be a finite fraction ≥ 0</c>). Thread-safe.</remarks>
public static class ScenarioJson
{
    /// <summary>Maximum size of a scenario file accepted by <see cref="Parse"/> (4 MiB).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Maximum JSON nesting depth accepted.</summary>
    internal const int MaxDepth = 16;

    // The parsers are the inverses of the writers' names, so the two cannot drift apart.
    private static readonly Dictionary<string, ConcessionKind> ConcessionKinds = Enum.GetValues<ConcessionKind>().ToDictionary(ConcessionKindName, StringComparer.Ordinal);

    private static readonly string[] TopLevel = ["name", "description", "extends", "sources", "assumptions", "measures", "commitments", "concessions"];
    private static readonly string[] MeasureFields = ["id", "kind", "rate", "from", "until", "suppliers", "products", "product_lists", "exemption_lists", "exempt_codes", "share_of_goods", "is_floor", "name", "source", "floor_usd_per_unit", "unit_value_usd_per_unit", "unit", "unit_value_source", "allow_high_rate"];
    private static readonly string[] CommitmentFields = ["id", "name", "products", "amount_usd", "start", "end", "phase_in", "fulfilment", "fulfilment_low", "fulfilment_high", "additionality", "additionality_low", "additionality_high", "source"];
    private static readonly string[] ConcessionFields = ["id", "kind", "from", "rate", "products", "name", "source"];

    /// <summary>Writes a scenario as indented JSON (deterministic: same scenario, same text).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("name", scenario.Name);
            w.WriteString("description", scenario.Description);
            Strings(w, "sources", scenario.Sources);
            Strings(w, "assumptions", scenario.Assumptions);
            w.WriteStartArray("measures");
            foreach (var m in scenario.Measures)
            {
                w.WriteStartObject();
                w.WriteString("id", m.Id);
                w.WriteString("kind", KindName(m.Kind));
                w.WriteNumber("rate", m.Rate);
                w.WriteString("from", Date(m.From));
                if (m.Until is { } u)
                {
                    w.WriteString("until", Date(u));
                }
                else
                {
                    w.WriteNull("until");
                }

                Strings(w, "suppliers", m.Suppliers);
                Strings(w, "products", m.Products.Select(p => p.Digits));
                Strings(w, "product_lists", m.ProductLists);
                Strings(w, "exemption_lists", m.ExemptionLists);
                Strings(w, "exempt_codes", m.ExemptCodes.Select(p => p.Digits));
                w.WriteNumber("share_of_goods", m.ShareOfGoods);
                w.WriteBoolean("is_floor", m.IsFloor);
                if (m.AllowHighRate)
                {
                    w.WriteBoolean("allow_high_rate", true);
                }

                w.WriteString("name", m.Name);
                w.WriteString("source", m.Source);
                if (m.MinimumPrice is { } mp)
                {
                    w.WriteNumber("floor_usd_per_unit", mp.FloorUsdPerUnit);
                    w.WriteNumber("unit_value_usd_per_unit", mp.UnitValueUsdPerUnit);
                    w.WriteString("unit", mp.Unit);
                    w.WriteString("unit_value_source", mp.UnitValueSource);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("commitments");
            foreach (var c in scenario.Commitments)
            {
                w.WriteStartObject();
                w.WriteString("id", c.Id);
                w.WriteString("name", c.Name);
                Strings(w, "products", c.Products.Select(p => p.Digits));
                w.WriteNumber("amount_usd", c.AmountUsd);
                w.WriteString("start", Date(c.Start));
                w.WriteString("end", Date(c.End));
                w.WriteString("phase_in", c.PhaseIn == PhaseIn.Even ? "even" : "linear-ramp");
                w.WriteNumber("fulfilment", c.Fulfilment);
                w.WriteNumber("fulfilment_low", c.FulfilmentLow);
                w.WriteNumber("fulfilment_high", c.FulfilmentHigh);
                w.WriteNumber("additionality", c.Additionality);
                w.WriteNumber("additionality_low", c.AdditionalityLow);
                w.WriteNumber("additionality_high", c.AdditionalityHigh);
                w.WriteString("source", c.Source);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("concessions");
            foreach (var c in scenario.Concessions)
            {
                w.WriteStartObject();
                w.WriteString("id", c.Id);
                w.WriteString("kind", ConcessionKindName(c.Kind));
                w.WriteString("from", Date(c.From));
                w.WriteNumber("rate", c.Rate);
                Strings(w, "products", c.Products.Select(p => p.Digits));
                w.WriteString("name", c.Name);
                w.WriteString("source", c.Source);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>Parses a scenario file's text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="presets">Resolves "extends" (default: <see cref="Presets.Get"/>).</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ScenarioValidationException">The text is not valid JSON, too large or too deep, or a field is missing or invalid; the message names the path and value.</exception>
    internal static Scenario Parse(string json, Func<string, Scenario>? presets = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Encoding.UTF8.GetByteCount(json) > MaxBytes)
        {
            throw new ScenarioValidationException("$", $"{json.Length} characters", $"scenario file exceeds {MaxBytes} bytes");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new ScenarioValidationException("$", ex.Path ?? "$", $"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}): {ex.Message.Split('.')[0]}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ScenarioValidationException("$", root.ValueKind.ToString(), "a scenario file is a JSON object");
            }

            CheckFields(root, "", TopLevel);
            Scenario? baseScenario = null;
            if (root.TryGetProperty("extends", out var ext) && ext.ValueKind != JsonValueKind.Null)
            {
                var presetName = Str(ext, "extends");
                try
                {
                    baseScenario = (presets ?? Presets.Get)(presetName);
                }
                catch (KeyNotFoundException)
                {
                    throw new ScenarioValidationException("extends", presetName, $"unknown preset (known: {string.Join(", ", Presets.Names)})");
                }
            }

            var name = root.TryGetProperty("name", out var n) ? Str(n, "name") : baseScenario?.Name ?? throw new ScenarioValidationException("name", "missing", "a scenario needs a name");
            var description = root.TryGetProperty("description", out var d) ? Str(d, "description") : baseScenario?.Description ?? string.Empty;
            var measures = List(root, "measures", ParseMeasure);
            var commitments = List(root, "commitments", ParseCommitment);
            var concessions = List(root, "concessions", ParseConcession);
            var sources = List(root, "sources", Str);
            var assumptions = List(root, "assumptions", Str);
            if (baseScenario is not null)
            {
                measures = [.. baseScenario.Measures, .. measures];
                commitments = [.. baseScenario.Commitments, .. commitments];
                concessions = [.. baseScenario.Concessions, .. concessions];
                sources = [.. baseScenario.Sources, .. sources];
                assumptions = [.. baseScenario.Assumptions, .. assumptions];
            }

            return new Scenario(name, description, sources, measures, commitments, concessions, assumptions);
        }
    }

    /// <summary>Reads and parses a scenario file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ScenarioValidationException">The file is invalid (path and value named).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Scenario Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new ScenarioValidationException("$", path, "is a folder, not a scenario file");
        }

        var info = new FileInfo(path);
        if (info.Exists && info.Length > MaxBytes)
        {
            throw new ScenarioValidationException("$", $"{info.Length} bytes", $"scenario file {path} exceeds {MaxBytes} bytes");
        }

        try
        {
            // Bounded while reading: a pipe or a device (/dev/zero) reports no length but is cut off at the limit.
            return Parse(Data.BoundedInput.ReadAllText(path, MaxBytes, "scenario file"));
        }
        catch (InvalidDataException ex)
        {
            throw new ScenarioValidationException("$", path, ex.Message);
        }
    }

    /// <summary>The scenario-file name of a measure kind ("reciprocal", "section-232", …).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string KindName(MeasureKind kind) => MeasureKinds.Of(kind).JsonName;

    private static string ConcessionKindName(ConcessionKind kind) => kind switch
    {
        ConcessionKind.Decree73 => "decree73",
        ConcessionKind.UniformRate => "uniform-rate",
        _ => "listed-products",
    };

    private static TariffMeasure ParseMeasure(JsonElement e, string path)
    {
        CheckFields(e, path, MeasureFields);
        try
        {
            var kindText = Str(Req(e, "kind", path), $"{path}.kind");
            var kind = MeasureKinds.TryParse(kindText, out var k) ? k.Kind
                : throw new ScenarioValidationException($"{path}.kind", kindText, $"unknown kind ({string.Join(", ", MeasureKinds.JsonNames)})");
            MinimumPrice? floor = null;
            if (kind == MeasureKind.MinimumImportPrice)
            {
                floor = new MinimumPrice(Num(Req(e, "floor_usd_per_unit", path), $"{path}.floor_usd_per_unit"), Num(Req(e, "unit_value_usd_per_unit", path), $"{path}.unit_value_usd_per_unit"),
                    Str(Req(e, "unit", path), $"{path}.unit"), e.TryGetProperty("unit_value_source", out var uvs) ? Str(uvs, $"{path}.unit_value_source") : string.Empty);
            }
            else
            {
                foreach (var field in (string[])["floor_usd_per_unit", "unit_value_usd_per_unit", "unit", "unit_value_source"])
                {
                    if (e.TryGetProperty(field, out _))
                    {
                        throw new ScenarioValidationException($"{path}.{field}", kindText, $"only a minimum-import-price measure has {field}");
                    }
                }
            }

            var rate = floor is not null && !e.TryGetProperty("rate", out _) ? 0.0 : Num(Req(e, "rate", path), $"{path}.rate");
            return new TariffMeasure(
                Str(Req(e, "id", path), $"{path}.id"), kind, rate, DateOf(Req(e, "from", path), $"{path}.from"),
                e.TryGetProperty("until", out var u) && u.ValueKind != JsonValueKind.Null ? DateOf(u, $"{path}.until") : null,
                List(e, "suppliers", Str, path), List(e, "products", Code, path), List(e, "product_lists", Str, path), List(e, "exemption_lists", Str, path),
                List(e, "exempt_codes", Code, path), e.TryGetProperty("share_of_goods", out var s) ? Num(s, $"{path}.share_of_goods") : 1.0,
                e.TryGetProperty("is_floor", out var f) && Bool(f, $"{path}.is_floor"),
                e.TryGetProperty("name", out var n) ? Str(n, $"{path}.name") : null, e.TryGetProperty("source", out var src) ? Str(src, $"{path}.source") : null, floor,
                e.TryGetProperty("allow_high_rate", out var high) && Bool(high, $"{path}.allow_high_rate"));
        }
        catch (ScenarioValidationException ex) when (!ex.Path.StartsWith(path, StringComparison.Ordinal))
        {
            throw ex.Under(path);
        }
    }

    private static PurchaseCommitment ParseCommitment(JsonElement e, string path)
    {
        CheckFields(e, path, CommitmentFields);
        try
        {
            var phase = e.TryGetProperty("phase_in", out var p) ? Str(p, $"{path}.phase_in") : "even";
            var fulfilment = Num(Req(e, "fulfilment", path), $"{path}.fulfilment");
            var additionality = Num(Req(e, "additionality", path), $"{path}.additionality");
            return new PurchaseCommitment(Str(Req(e, "id", path), $"{path}.id"), e.TryGetProperty("name", out var n) ? Str(n, $"{path}.name") : Str(Req(e, "id", path), $"{path}.id"),
                List(e, "products", Code, path), Num(Req(e, "amount_usd", path), $"{path}.amount_usd"), DateOf(Req(e, "start", path), $"{path}.start"), DateOf(Req(e, "end", path), $"{path}.end"),
                phase switch
                {
                    "even" => PhaseIn.Even,
                    "linear-ramp" => PhaseIn.LinearRamp,
                    _ => throw new ScenarioValidationException($"{path}.phase_in", phase, "unknown phase-in (even, linear-ramp)"),
                },
                fulfilment, e.TryGetProperty("fulfilment_low", out var fl) ? Num(fl, $"{path}.fulfilment_low") : fulfilment,
                e.TryGetProperty("fulfilment_high", out var fh) ? Num(fh, $"{path}.fulfilment_high") : fulfilment,
                additionality, e.TryGetProperty("additionality_low", out var al) ? Num(al, $"{path}.additionality_low") : additionality,
                e.TryGetProperty("additionality_high", out var ah) ? Num(ah, $"{path}.additionality_high") : additionality,
                e.TryGetProperty("source", out var src) ? Str(src, $"{path}.source") : string.Empty);
        }
        catch (ScenarioValidationException ex) when (!ex.Path.StartsWith(path, StringComparison.Ordinal))
        {
            throw ex.Under(path);
        }
    }

    private static MarketAccessConcession ParseConcession(JsonElement e, string path)
    {
        CheckFields(e, path, ConcessionFields);
        try
        {
            var kindText = Str(Req(e, "kind", path), $"{path}.kind");
            var kind = ConcessionKinds.TryGetValue(kindText, out var k) ? k
                : throw new ScenarioValidationException($"{path}.kind", kindText, $"unknown kind ({string.Join(", ", ConcessionKinds.Keys)})");
            return new MarketAccessConcession(Str(Req(e, "id", path), $"{path}.id"), kind, DateOf(Req(e, "from", path), $"{path}.from"),
                e.TryGetProperty("rate", out var r) ? Num(r, $"{path}.rate") : 0, List(e, "products", Code, path),
                e.TryGetProperty("name", out var n) ? Str(n, $"{path}.name") : null, e.TryGetProperty("source", out var src) ? Str(src, $"{path}.source") : null);
        }
        catch (ScenarioValidationException ex) when (!ex.Path.StartsWith(path, StringComparison.Ordinal))
        {
            throw ex.Under(path);
        }
    }

    private static void CheckFields(JsonElement e, string path, string[] allowed)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new ScenarioValidationException(path.Length == 0 ? "$" : path, e.ValueKind.ToString(), "expected a JSON object");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            if (!allowed.Contains(p.Name, StringComparer.Ordinal))
            {
                throw new ScenarioValidationException(path.Length == 0 ? p.Name : $"{path}.{p.Name}", p.Value.GetRawText(), $"unknown field (allowed: {string.Join(", ", allowed)})");
            }

            if (!seen.Add(p.Name))
            {
                // System.Text.Json keeps every duplicate and TryGetProperty would take one of them silently.
                throw new ScenarioValidationException(path.Length == 0 ? p.Name : $"{path}.{p.Name}", p.Value.GetRawText(), "duplicate key: a field may appear once");
            }
        }
    }

    private static JsonElement Req(JsonElement e, string field, string path) =>
        e.TryGetProperty(field, out var v) && v.ValueKind != JsonValueKind.Null ? v : throw new ScenarioValidationException($"{path}.{field}", "missing", "required field");

    private static List<T> List<T>(JsonElement e, string field, Func<JsonElement, string, T> item) => List(e, field, item, "");

    private static List<T> List<T>(JsonElement e, string field, Func<JsonElement, string, T> item, string parent)
    {
        var path = parent.Length == 0 ? field : $"{parent}.{field}";
        if (!e.TryGetProperty(field, out var arr) || arr.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (arr.ValueKind != JsonValueKind.Array)
        {
            throw new ScenarioValidationException(path, arr.GetRawText(), "expected an array");
        }

        var result = new List<T>();
        var i = 0;
        foreach (var x in arr.EnumerateArray())
        {
            result.Add(item(x, $"{path}[{i++}]"));
        }

        return result;
    }

    private static string Str(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new ScenarioValidationException(path, e.GetRawText(), "expected a string");

    private static double Num(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out var v))
        {
            throw new ScenarioValidationException(path, e.GetRawText(), "expected a number");
        }

        return v;
    }

    private static bool Bool(JsonElement e, string path) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new ScenarioValidationException(path, e.GetRawText(), "expected true or false"),
    };

    private static HtsCode Code(JsonElement e, string path)
    {
        var s = Str(e, path);
        return HtsCode.TryParse(s, out var c) ? c : throw new ScenarioValidationException(path, s, "not a valid HTS code (2, 4, 6, 8 or 10 digits)");
    }

    private static DateOnly DateOf(JsonElement e, string path)
    {
        var s = Str(e, path);
        return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw new ScenarioValidationException(path, s, "not a date (YYYY-MM-DD)");
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
