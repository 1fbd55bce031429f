using VietUsTrade.Sim.Data.Csv;

namespace VietUsTrade.Sim.Data;

/// <summary>
/// Reads a user's CSV input (the <c>vietus-sim ge solve</c> flow and shock files) through the core's one CSV reader
/// (<see cref="StrictCsv.ReadUserFile"/>, on Sep): header names trimmed and matched without case, required columns
/// present, no unknown or repeated column, as many fields as the header on every row, cells trimmed, blank lines skipped,
/// a quote only around a whole field (RFC 4180).
/// </summary>
public static class CsvInput
{
    /// <summary>Reads every data row of a CSV file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="required">Columns that must be present (lower case).</param>
    /// <param name="allowed">Every column the file may have (lower case), the required ones included.</param>
    /// <param name="maxBytes">The largest file read, enforced while reading (<see cref="BoundedInput"/>).</param>
    /// <param name="what">The file's role, named in the size message (e.g. "ge solve file").</param>
    /// <returns>The rows in file order: line number (1 = header) and cells by lower-case column name.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFileException">The header or a row does not match (file, line, column and value named).</exception>
    /// <exception cref="InvalidDataException">The file is longer than <paramref name="maxBytes"/>.</exception>
    public static IReadOnlyList<(int Line, IReadOnlyDictionary<string, string> Cells)> ReadFile(string path, IReadOnlyList<string> required, IReadOnlyList<string> allowed, long maxBytes, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(allowed);
        return StrictCsv.ReadUserFile(path, required, allowed, maxBytes, what);
    }

    /// <summary>
    /// As <see cref="ReadFile"/>, with the same checks and errors, but the rows come one at a time and are not kept: the
    /// whole file is checked before this method returns (so a malformed line or the size limit is reported before any
    /// row's own error), then read again as the rows are enumerated. For large inputs whose rows are used once (a
    /// 240-country flow matrix is 57,600 rows).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="required">Columns that must be present (lower case).</param>
    /// <param name="allowed">Every column the file may have (lower case), the required ones included.</param>
    /// <param name="maxBytes">The largest file read, enforced while reading (<see cref="BoundedInput"/>).</param>
    /// <param name="what">The file's role, named in the size message (e.g. "ge solve file").</param>
    /// <returns>The rows in file order, lazily: line number (1 = header) and cells by lower-case column name.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFileException">The header or a row does not match (file, line, column and value named).</exception>
    /// <exception cref="InvalidDataException">The file is longer than <paramref name="maxBytes"/>.</exception>
    public static IEnumerable<(int Line, IReadOnlyDictionary<string, string> Cells)> EnumerateFile(string path, IReadOnlyList<string> required, IReadOnlyList<string> allowed, long maxBytes, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(allowed);
        return StrictCsv.EnumerateUserFile(path, required, allowed, maxBytes, what);
    }

    /// <summary>
    /// As <see cref="EnumerateFile"/>, with the same checks and errors (the whole file is checked before the first row is
    /// handed on), but each row is passed to <paramref name="each"/> as spans (<see cref="CsvSpanRow"/>): no string is made
    /// for an unquoted cell. For large inputs read once (a 240-country flow matrix is 57,600 rows).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="required">Columns that must be present (lower case).</param>
    /// <param name="allowed">Every column the file may have (lower case), the required ones included.</param>
    /// <param name="maxBytes">The largest file read, enforced while reading (<see cref="BoundedInput"/>).</param>
    /// <param name="what">The file's role, named in the size message (e.g. "ge solve file").</param>
    /// <param name="each">Called once per data row, in file order; the row is valid only during the call.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFileException">The header or a row does not match (file, line, column and value named).</exception>
    /// <exception cref="InvalidDataException">The file is longer than <paramref name="maxBytes"/>.</exception>
    public static void ForEachRow(string path, IReadOnlyList<string> required, IReadOnlyList<string> allowed, long maxBytes, string what, Action<CsvSpanRow> each)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(allowed);
        ArgumentNullException.ThrowIfNull(each);
        StrictCsv.ForEachUserRow(path, required, allowed, maxBytes, what, each);
    }
}
