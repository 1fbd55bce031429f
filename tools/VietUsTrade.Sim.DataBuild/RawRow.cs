using System.Globalization;
using System.Security.Cryptography;
using CsvHelper;
using CsvHelper.Configuration;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.DataBuild;

/// <summary>One data row of a <see cref="RawTable"/> with validating accessors.</summary>
public sealed class RawRow
{
    private readonly string[] _fields;

    internal RawRow(int line, string[] fields)
    {
        Line = line;
        _fields = fields;
    }

    /// <summary>The 1-based line number in the file.</summary>
    public int Line { get; }

    internal int Index { get; set; }

    internal RawTable Table { get; set; } = null!;

    /// <summary>The raw text of a column.</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The text.</returns>
    public string Text(string column) => _fields[Table.Column(column, Line)];

    /// <summary>A non-empty text.</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The text.</returns>
    public string RequiredText(string column)
    {
        var s = Text(column);
        return string.IsNullOrWhiteSpace(s) ? throw Fail(column, s, "value is empty") : s;
    }

    /// <summary>An HTS/Schedule B code of one of the allowed lengths.</summary>
    /// <param name="column">The column name.</param>
    /// <param name="lengths">Allowed digit counts.</param>
    /// <returns>The code.</returns>
    public HtsCode Hts(string column, params int[] lengths)
    {
        var s = Text(column);
        if (!HtsCode.TryParse(s, out var code) || s.Contains('.', StringComparison.Ordinal) || (lengths.Length > 0 && !lengths.Contains(code.Length)))
        {
            throw Fail(column, s, $"malformed HTS code (expected {string.Join(" or ", lengths)} digits)");
        }

        return code;
    }

    /// <summary>A finite, non-negative amount of money.</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The amount.</returns>
    public double Money(string column)
    {
        var v = Number(column);
        return v < 0 ? throw Fail(column, Text(column), "negative amount") : v;
    }

    /// <summary>A finite number.</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The number.</returns>
    public double Number(string column)
    {
        var s = Text(column);
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            throw Fail(column, s, "not a number");
        }

        return double.IsFinite(v) ? v : throw Fail(column, s, "not a finite number (NaN or infinity)");
    }

    /// <summary>A finite number, or null when the field is empty or "NA".</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The number or null.</returns>
    public double? OptionalNumber(string column)
    {
        var s = Text(column);
        return s.Length == 0 || s == "NA" ? null : Number(column);
    }

    /// <summary>An exception naming the file, line, column and value.</summary>
    /// <param name="column">The column.</param>
    /// <param name="value">The value.</param>
    /// <param name="reason">What is wrong.</param>
    /// <returns>The exception to throw.</returns>
    public DataFileException Fail(string column, string value, string reason) => new(Table.Name, Line, column, value, reason);
}
