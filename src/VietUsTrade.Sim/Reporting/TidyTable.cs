using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VietUsTrade.Sim.Reporting;

/// <summary>
/// A tidy (long) table: named snake_case columns, one observation per row, as returned by the results' <c>ToTable()</c>.
/// A column whose non-empty values are all numbers is numeric (CSV: invariant culture, no thousands separators, "R"
/// round-trip digits; JSON numbers); otherwise text. Null cells are empty in CSV and null in JSON.
/// </summary>
/// <remarks>Rows are added by the code that builds the table and cannot be changed once added; the table is not thread-safe while it is being filled.</remarks>
public sealed class TidyTable
{
    private readonly List<object?[]> _rows = [];

    /// <summary>Starts an empty table.</summary>
    /// <param name="columns">Distinct, non-empty column names.</param>
    /// <exception cref="ArgumentException">A name is empty or repeated.</exception>
    public TidyTable(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0 || columns.Distinct(StringComparer.Ordinal).Count() != columns.Length || columns.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"columns ({string.Join(", ", columns)}) must be distinct, non-empty names.", nameof(columns));
        }

        Columns = [.. columns];
    }

    /// <summary>
    /// The JSON settings of <see cref="ToJson"/> and of the vietus-sim tool: snake_case names, indented, non-ASCII text
    /// unescaped. Read-only. Its resolver is source-generated (Native-AOT-safe) and knows a table's rows
    /// (<see cref="Rows"/>, or a list of dictionaries of column name to cell) and cells only; to serialize other types with
    /// these settings, copy it with another resolver, e.g. <c>new JsonSerializerOptions(TidyTable.JsonOptions) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() }</c>.
    /// </summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows: each a string, a finite double or null per column.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows => _rows;

    /// <summary>Adds a row: strings, numbers (double, int) or null, one per column; numbers must be finite.</summary>
    /// <param name="values">The values in column order.</param>
    /// <exception cref="ArgumentException">Wrong count, a non-finite number or an unsupported type (named with its column).</exception>
    public void Add(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Columns.Count)
        {
            throw new ArgumentException($"row has {values.Length} values but the table has {Columns.Count} columns.", nameof(values));
        }

        var row = new object?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            row[i] = values[i] switch
            {
                null or string => values[i],
                double d when double.IsFinite(d) => d,
                double d => throw new ArgumentException($"column {Columns[i]}: {d.ToString(CultureInfo.InvariantCulture)} is not a finite number.", nameof(values)),
                int n => (double)n,
                var other => throw new ArgumentException($"column {Columns[i]}: values of type {other.GetType().Name} are not supported.", nameof(values)),
            };
        }

        _rows.Add(row);
    }

    /// <summary>Whether a column holds numbers only (and at least one).</summary>
    /// <param name="column">Column index.</param>
    /// <returns>True for a numeric column.</returns>
    public bool IsNumeric(int column) => _rows.Any(r => r[column] is double) && _rows.All(r => r[column] is null or double);

    /// <summary>The table as CSV (RFC 4180): a header row, "\n" line ends, fields quoted only when they hold a comma, a quote or a line break.</summary>
    /// <returns>The text.</returns>
    public string ToCsv()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(text);
        return text.ToString();
    }

    /// <summary>Writes the table as CSV (see <see cref="ToCsv()"/>).</summary>
    /// <param name="writer">The destination (left open; flushed).</param>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteCsvRecord(writer, Columns);
        var fields = new string[Columns.Count];
        foreach (var row in _rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                fields[i] = row[i] switch
                {
                    null => string.Empty,
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    var v => (string)v,
                };
            }

            WriteCsvRecord(writer, fields);
        }

        writer.Flush();
    }

    /// <summary>Writes the table as a CSV file, atomically (see <see cref="AtomicFile"/>).</summary>
    /// <param name="path">The file (replaced if it exists).</param>
    /// <returns>The full path written.</returns>
    public string WriteCsv(string path) => AtomicFile.WriteAllText(path, ToCsv());

    /// <summary>The table as a JSON array of objects, one per row, keyed by column name.</summary>
    /// <param name="options">
    /// Serializer settings (default <see cref="JsonOptions"/>). The text is written without reflection (trimming- and
    /// Native-AOT-safe), so only the settings that apply to such a table are read: the writer's (<see cref="JsonSerializerOptions.WriteIndented"/>,
    /// <see cref="JsonSerializerOptions.IndentCharacter"/>, <see cref="JsonSerializerOptions.IndentSize"/>, <see cref="JsonSerializerOptions.NewLine"/>,
    /// <see cref="JsonSerializerOptions.Encoder"/>, <see cref="JsonSerializerOptions.MaxDepth"/>), <see cref="JsonSerializerOptions.DictionaryKeyPolicy"/>
    /// (the column names are the keys) and <see cref="JsonNumberHandling.WriteAsString"/> of <see cref="JsonSerializerOptions.NumberHandling"/>; converters are not used.
    /// </param>
    /// <returns>The text.</returns>
    public string ToJson(JsonSerializerOptions? options = null)
    {
        options ??= JsonOptions;
        var writerOptions = new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = options.WriteIndented,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
            MaxDepth = options.MaxDepth == 0 ? JsonGraphWriter.DefaultMaxDepth : options.MaxDepth,
        };
        var rows = _rows.Select(r =>
        {
            var o = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < Columns.Count; i++)
            {
                o[Columns[i]] = r[i];
            }

            return o;
        });
        return JsonGraphWriter.Serialize(rows, writerOptions, options.DictionaryKeyPolicy, (options.NumberHandling & JsonNumberHandling.WriteAsString) != 0);
    }

    /// <summary>One CSV record and its "\n": a field that holds a comma, a quote or a line break is quoted, its quotes doubled.</summary>
    private static void WriteCsvRecord(TextWriter writer, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\n\r") >= 0)
            {
                writer.Write('"');
                writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(field);
            }
        }

        writer.Write('\n');
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        // No reflection-based resolver (it cannot be trimmed or compiled ahead of time): the source-generated metadata of a
        // table's rows and cells. ToJson does not use it.
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = TidyTableJsonContext.Default,
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Writes the table as a JSON file, atomically.</summary>
    /// <param name="path">The file (replaced if it exists).</param>
    /// <returns>The full path written.</returns>
    internal string WriteJson(string path) => AtomicFile.WriteAllText(path, ToJson());
}
