using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace VietUsTrade.Sim.Reporting;

/// <summary>
/// Writes a JSON object graph without reflection (trimming- and Native-AOT-safe), with the same text as System.Text.Json's
/// reflection-based serializer gives for such a graph: string-keyed dictionaries (<see cref="IDictionary"/>, keys as they
/// are, in enumeration order) are objects, other sequences (<see cref="IEnumerable"/>) arrays; strings, booleans, numbers
/// (shortest round-trip text for doubles), <see cref="DateOnly"/> (yyyy-MM-dd) and null are values. Any other type, an
/// enum or a record for instance, is refused with a <see cref="NotSupportedException"/> naming it, never written some
/// other way.
/// </summary>
/// <remarks>
/// The core compiles this file for <see cref="TidyTable.ToJson"/>; the vietus-sim tool compiles its own copy (a linked
/// source file) for its --json payloads.
/// </remarks>
internal static class JsonGraphWriter
{
    /// <summary>The depth limit of System.Text.Json's serializer (a cycle ends here with an exception).</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>Serializes a graph as JSON text.</summary>
    /// <param name="value">The root: a dictionary, a sequence, a value or null.</param>
    /// <param name="options">The writer settings (indentation, new line, encoder); a <see cref="JsonWriterOptions.MaxDepth"/> of 0 means <see cref="DefaultMaxDepth"/>.</param>
    /// <param name="keyPolicy">Renames dictionary keys (like <see cref="JsonSerializerOptions.DictionaryKeyPolicy"/>); null keeps them.</param>
    /// <param name="numbersAsStrings">Writes numbers as JSON strings (like <see cref="System.Text.Json.Serialization.JsonNumberHandling.WriteAsString"/>).</param>
    /// <returns>The text (UTF-16 of the UTF-8 the writer produced).</returns>
    /// <exception cref="NotSupportedException">The graph holds a value of a type this writer does not support.</exception>
    public static string Serialize(object? value, JsonWriterOptions options, JsonNamingPolicy? keyPolicy = null, bool numbersAsStrings = false)
    {
        if (options.MaxDepth == 0)
        {
            options.MaxDepth = DefaultMaxDepth;
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            Write(writer, value, keyPolicy, numbersAsStrings);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes a graph (see <see cref="JsonGraphWriter"/>) to a writer.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="value">The root: a dictionary, a sequence, a value or null.</param>
    /// <param name="keyPolicy">Renames dictionary keys; null keeps them.</param>
    /// <param name="numbersAsStrings">Writes numbers as JSON strings.</param>
    /// <exception cref="NotSupportedException">The graph holds a value of a type this writer does not support.</exception>
    public static void Write(Utf8JsonWriter writer, object? value, JsonNamingPolicy? keyPolicy = null, bool numbersAsStrings = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case char c:
                writer.WriteStringValue(c.ToString());
                break;
            case DateOnly d:
                writer.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case Enum e:
                throw Unsupported(e);
            case double or float or decimal or int or long or short or sbyte or byte or uint or ulong or ushort when numbersAsStrings:
                WriteNumberAsString(writer, value);
                break;
            case double x:
                writer.WriteNumberValue(x);
                break;
            case float x:
                writer.WriteNumberValue(x);
                break;
            case decimal x:
                writer.WriteNumberValue(x);
                break;
            case int x:
                writer.WriteNumberValue(x);
                break;
            case long x:
                writer.WriteNumberValue(x);
                break;
            case short x:
                writer.WriteNumberValue(x);
                break;
            case sbyte x:
                writer.WriteNumberValue(x);
                break;
            case byte x:
                writer.WriteNumberValue(x);
                break;
            case uint x:
                writer.WriteNumberValue(x);
                break;
            case ulong x:
                writer.WriteNumberValue(x);
                break;
            case ushort x:
                writer.WriteNumberValue(x);
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                var entries = dictionary.GetEnumerator();
                try
                {
                    while (entries.MoveNext())
                    {
                        var key = entries.Key as string ?? throw new NotSupportedException($"JSON output: dictionary keys of type {entries.Key.GetType().FullName} are not supported (only string keys).");
                        writer.WritePropertyName(keyPolicy is null ? key : keyPolicy.ConvertName(key));
                        Write(writer, entries.Value, keyPolicy, numbersAsStrings);
                    }
                }
                finally
                {
                    (entries as IDisposable)?.Dispose();
                }

                writer.WriteEndObject();
                break;
            case IEnumerable sequence:
                writer.WriteStartArray();
                foreach (var item in sequence)
                {
                    Write(writer, item, keyPolicy, numbersAsStrings);
                }

                writer.WriteEndArray();
                break;
            default:
                throw Unsupported(value);
        }
    }

    private static void WriteNumberAsString(Utf8JsonWriter writer, object value)
    {
        // The serializer's WriteAsString text: the number's own JSON text inside quotes.
        var buffer = new ArrayBufferWriter<byte>(32);
        using (var number = new Utf8JsonWriter(buffer))
        {
            Write(number, value);
        }

        // Raw: the number's characters (digits, '.', 'E', '+', '-') are never escaped there, whatever the encoder.
        var quoted = new byte[buffer.WrittenCount + 2];
        quoted[0] = (byte)'"';
        buffer.WrittenSpan.CopyTo(quoted.AsSpan(1));
        quoted[^1] = (byte)'"';
        writer.WriteRawValue(quoted, skipInputValidation: true);
    }

    private static NotSupportedException Unsupported(object value) =>
        new($"JSON output: values of type {value.GetType().FullName} are not supported (only string-keyed dictionaries, sequences, strings, booleans, numbers, DateOnly and null; write an enum as its text).");
}
