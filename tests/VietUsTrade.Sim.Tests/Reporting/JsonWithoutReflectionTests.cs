using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using VietUsTrade.Sim.Cli;
using VietUsTrade.Sim.Reporting;
using Xunit;

namespace VietUsTrade.Sim.Tests.Reporting;

/// <summary>
/// Issue 17 (Native AOT): the reflection-free JSON (the core's JsonGraphWriter through CliJson and TidyTable.ToJson) gives
/// the same text as System.Text.Json's reflection-based serializer with the settings the code used before.
/// </summary>
public sealed class JsonWithoutReflectionTests
{
    private static readonly string[] Texts =
    [
        "plain", "", "đồng Việt Nam", "quote \" backslash \\ slash /", "tab\tline\nreturn\r", "<b>&amp;</b> 'x' +1 `y`",
        "control \u0001\u001f del \u007f", "nbsp\u00a0 ellipsis … minus − em — §", "emoji 😀 and 𝔸", "lone \ud800 surrogate", "\u2028\u2029",
    ];

    private static readonly double[] Doubles =
    [
        0, -0.0, 1, -1, 0.1, 0.1 + 0.2, 1e-7, 1e-17, 1e15, 1e16, 1e20, 1e21, 123456789012345680, 2.5, -962.0082149020039,
        double.MaxValue, double.MinValue, double.Epsilon, 1.0 / 3, 100 * (57.58992650391646 / 103.8764409 - 1),
    ];

    private static Dictionary<string, object?> Graph() => new(StringComparer.Ordinal)
    {
        ["texts"] = Texts,
        ["doubles"] = Doubles.Select(d => (object)d).ToList(),
        ["numbers"] = new object[] { 0, -7, int.MaxValue, long.MinValue, 3.5f, 1.25m, (short)-3, (byte)200, uint.MaxValue, ulong.MaxValue },
        ["flags"] = new[] { true, false },
        ["nothing"] = null,
        ["date"] = new DateOnly(2025, 8, 7),
        ["char"] = 'é',
        ["nested"] = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["empty_object"] = new Dictionary<string, double>(),
            ["empty_array"] = Array.Empty<string>(),
            ["quantiles"] = new Dictionary<string, double>(StringComparer.Ordinal) { ["p5"] = -1.5, ["p50"] = 0.25, ["p95"] = 3e9 },
            ["lazy"] = Enumerable.Range(1, 3).Select(i => new Dictionary<string, object?> { ["i"] = i, ["half"] = i / 2.0, ["name"] = null }),
            ["Mixed Case Key é\"<"] = "keys are written as they are",
        },
        ["sorted"] = new SortedDictionary<string, int>(StringComparer.Ordinal) { ["b"] = 2, ["a"] = 1 },
    };

    private static readonly (JsonSerializerOptions Options, JsonSerializerOptions Reflection)[] Settings = new[]
    {
        TidyTable.JsonOptions,
        new JsonSerializerOptions(),
        new JsonSerializerOptions { WriteIndented = true, IndentCharacter = '\t', IndentSize = 1, NewLine = "\r\n" },
        new JsonSerializerOptions { DictionaryKeyPolicy = JsonNamingPolicy.KebabCaseUpper, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
        new JsonSerializerOptions { NumberHandling = JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString, WriteIndented = true },
    }.Select(o => (o, new JsonSerializerOptions(o) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() })).ToArray();

    private static readonly JsonSerializerOptions RelaxedReflection = Reflection(JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    private static JsonSerializerOptions Reflection(JavaScriptEncoder? encoder) => new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = encoder,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    [Fact]
    public void Cli_json_equals_the_reflection_serializer_with_the_tidy_table_settings()
    {
        var graph = Graph();
        Assert.Equal(JsonSerializer.Serialize(graph, RelaxedReflection), CliJson.Serialize(graph));
        Assert.Equal(JsonSerializer.Serialize(Doubles, RelaxedReflection), CliJson.Serialize(Doubles));
        Assert.Equal("null", CliJson.Serialize(null));
        Assert.Equal("\"x\"", CliJson.Serialize("x"));
    }

    [Fact]
    public void Types_the_writer_does_not_know_are_refused_with_their_name()
    {
        var record = Assert.Throws<NotSupportedException>(() => CliJson.Serialize(new Dictionary<string, object> { ["x"] = new Probe(1) }));
        Assert.Contains(typeof(Probe).FullName!, record.Message, StringComparison.Ordinal);
        var anonymous = Assert.Throws<NotSupportedException>(() => CliJson.Serialize(new[] { new { A = 1 } }));
        Assert.Contains("AnonymousType", anonymous.Message, StringComparison.Ordinal);

        // An enum would be a number in the reflection serializer's default: refused, to be written as its text.
        var kind = Assert.Throws<NotSupportedException>(() => CliJson.Serialize(new List<object> { DayOfWeek.Monday }));
        Assert.Contains("System.DayOfWeek", kind.Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => CliJson.Serialize(new Dictionary<int, string> { [1] = "x" }));
        Assert.ThrowsAny<ArgumentException>(() => CliJson.Serialize(new[] { double.NaN }));
    }

    [Fact]
    public void Tidy_table_json_honours_the_writer_key_and_number_settings_like_the_serializer()
    {
        var t = new TidyTable("scenario", "Value Usd", "note");
        foreach (var (d, i) in Doubles.Select((d, i) => (d, i)))
        {
            t.Add(Texts[i % Texts.Length], d, i % 3 == 0 ? null : "n");
        }

        object Rows() => t.Rows.Select(r => new Dictionary<string, object?> { ["scenario"] = r[0], ["Value Usd"] = r[1], ["note"] = r[2] }).ToList();
        foreach (var (options, reflection) in Settings)
        {
            Assert.Equal(JsonSerializer.Serialize(Rows(), reflection), t.ToJson(options));
        }
    }

    [Fact]
    public void Json_options_are_read_only_and_serialize_a_tables_rows_without_reflection()
    {
        var t = new TidyTable("name", "value");
        t.Add("đồng", 0.1);
        t.Add("x", null);
        Assert.True(TidyTable.JsonOptions.IsReadOnly);
        Assert.Equal("[\n  [\n    \"đồng\",\n    0.1\n  ],\n  [\n    \"x\",\n    null\n  ]\n]", JsonSerializer.Serialize(t.Rows, TidyTable.JsonOptions).ReplaceLineEndings("\n"));
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(new Probe(1), TidyTable.JsonOptions));
    }

    private sealed record Probe(int Value);
}
