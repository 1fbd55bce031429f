using System.Text.Encodings.Web;
using System.Text.Json;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Cli;

/// <summary>
/// The commands' JSON text: that of the core's tidy tables (indented, keys as given, non-ASCII text unescaped, numbers in
/// shortest round-trip form), written without reflection (<see cref="JsonGraphWriter"/>: Native-AOT-safe).
/// </summary>
internal static class CliJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = JsonGraphWriter.DefaultMaxDepth,
    };

    /// <summary>The JSON text of a payload: string-keyed dictionaries, sequences, strings, booleans, numbers and null.</summary>
    /// <exception cref="NotSupportedException">The payload holds a value of another type (an enum or a record, for instance).</exception>
    public static string Serialize(object? value) => JsonGraphWriter.Serialize(value, WriterOptions);
}
