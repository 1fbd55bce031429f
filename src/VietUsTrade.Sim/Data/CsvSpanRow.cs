using VietUsTrade.Sim.Data.Csv;

namespace VietUsTrade.Sim.Data;

/// <summary>
/// One data row of a user CSV file read by <see cref="CsvInput.ForEachRow"/>, as spans: a cell is trimmed and unquoted,
/// and a string is made only for a quoted cell. Valid only during the call it is passed to.
/// </summary>
public readonly ref struct CsvSpanRow
{
    private readonly string[] _columns;
    private readonly CsvRecordReader _reader;

    internal CsvSpanRow(int line, string[] columns, CsvRecordReader reader)
    {
        Line = line;
        _columns = columns;
        _reader = reader;
    }

    /// <summary>The row's line in the file (1 = the header; the last physical line of a record that spans several).</summary>
    public int Line { get; }

    /// <summary>The position of a column (lower case, as in the header), or −1 when the file has no such column.</summary>
    /// <param name="column">The column name.</param>
    /// <returns>Its position, or −1.</returns>
    public int IndexOf(string column) => _columns is null ? -1 : Array.IndexOf(_columns, column);

    /// <summary>The cell at a column position, trimmed and unquoted.</summary>
    /// <param name="index">The position (<see cref="IndexOf"/>).</param>
    /// <returns>The cell's characters.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No column at that position.</exception>
    /// <exception cref="DataFileException">A misplaced quote in the cell.</exception>
    public ReadOnlySpan<char> this[int index] =>
        _columns is not null && (uint)index < (uint)_columns.Length
            ? _reader.CurrentField(index).Trim()
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"The row has {_columns?.Length ?? 0} columns.");
}
