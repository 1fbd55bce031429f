using System.Globalization;

namespace VietUsTrade.Sim.Data.Csv;

/// <summary>One data row of a <see cref="StrictCsv"/> file; every accessor names the file, line, column and value when it fails.</summary>
internal sealed class CsvRow(string file, int line, IReadOnlyList<string> columns, string[] fields)
{
    /// <summary>The file's name.</summary>
    public string File { get; } = file;

    /// <summary>The 1-based line number (1 = header).</summary>
    public int Line { get; } = line;

    /// <summary>The number of fields.</summary>
    public int Count => fields.Length;

    /// <summary>The text of a field.</summary>
    /// <param name="k">The column index.</param>
    /// <returns>The text as written.</returns>
    public string Text(int k) => fields[k];

    /// <summary>A field as a number (invariant culture, <see cref="NumberStyles.Float"/>).</summary>
    /// <param name="k">The column index.</param>
    /// <param name="emptyIs">The value of an empty field, or null if an empty field is an error.</param>
    /// <returns>The number.</returns>
    /// <exception cref="DataFileException">The field is not a number.</exception>
    public double Number(int k, double? emptyIs = null)
    {
        var text = fields[k];
        if (text.Length == 0 && emptyIs is { } empty)
        {
            return empty;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Fail(k, "is not a number");
    }

    /// <summary>A field as a non-negative number.</summary>
    /// <param name="k">The column index.</param>
    /// <returns>The number.</returns>
    /// <exception cref="DataFileException">The field is not a number or is negative.</exception>
    public double NonNegative(int k)
    {
        var v = Number(k);
        return v >= 0 ? v : throw Fail(k, "must be non-negative");
    }

    /// <summary>A field as an integer.</summary>
    /// <param name="k">The column index.</param>
    /// <returns>The integer.</returns>
    /// <exception cref="DataFileException">The field is not an integer.</exception>
    public int Integer(int k) =>
        int.TryParse(fields[k], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Fail(k, "is not an integer");

    /// <summary>An error about one field.</summary>
    /// <param name="k">The column index.</param>
    /// <param name="reason">What is wrong.</param>
    /// <returns>The exception to throw.</returns>
    public DataFileException Fail(int k, string reason) => new(File, Line, columns[k], fields[k], reason);
}
