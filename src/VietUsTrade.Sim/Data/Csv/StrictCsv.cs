namespace VietUsTrade.Sim.Data.Csv;

/// <summary>
/// The one CSV reader of the data layer (records split by <see cref="CsvRecordReader"/>, on Sep): the header must hold exactly the expected columns in order, every
/// row as many fields as the header, blank lines are skipped, a quote only around a whole field; anything else is a <see cref="DataFileException"/> naming
/// the file, the line (1 = header), the column and the value.
/// </summary>
internal static class StrictCsv
{
    /// <summary>The largest data file read: 256 MiB, enforced while reading (<see cref="BoundedInput"/>), as for <c>ge solve</c> inputs.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>Reads every data row of a CSV file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="columns">The header, exactly.</param>
    /// <returns>The rows, in file order.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFileException">The header or a row does not match.</exception>
    /// <exception cref="InvalidDataException">The file is longer than <see cref="MaxFileBytes"/>.</exception>
    public static List<CsvRow> ReadFile(string path, IReadOnlyList<string> columns)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{Path.GetFileName(path)}' is missing from '{Path.GetDirectoryName(path)}'.", path);
        }

        using var reader = BoundedInput.OpenText(path, MaxFileBytes, "data file");
        return Read(reader, path, columns);
    }

    /// <summary>Reads every data row of a CSV text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="file">The file's name, for messages.</param>
    /// <param name="columns">The header, exactly.</param>
    /// <returns>The rows, in file order.</returns>
    /// <exception cref="DataFileException">The header or a row does not match.</exception>
    public static List<CsvRow> Read(TextReader reader, string file, IReadOnlyList<string> columns)
    {
        var (_, records) = ReadRecords(reader, file, columns, otherColumnsAllowed: false);
        return records.ConvertAll(r => new CsvRow(file, r.Line, columns, r.Fields));
    }

    /// <summary>
    /// Reads the header and every data row of a CSV text: the header holds exactly <paramref name="columns"/> in order,
    /// or, with <paramref name="otherColumnsAllowed"/> (raw source files with more columns than a reader needs), at
    /// least them in any order; every row has as many fields as the header; blank lines are skipped.
    /// </summary>
    /// <param name="reader">The text.</param>
    /// <param name="file">The file's name, for messages.</param>
    /// <param name="columns">The columns required.</param>
    /// <param name="otherColumnsAllowed">Whether the header may hold other columns and another order.</param>
    /// <returns>The header and the rows (line number, 1 = header; fields), in file order.</returns>
    /// <exception cref="DataFileException">The header or a row does not match, or the CSV is malformed.</exception>
    public static (string[] Header, List<(int Line, string[] Fields)> Rows) ReadRecords(TextReader reader, string file, IReadOnlyList<string> columns, bool otherColumnsAllowed)
    {
        using var csv = new CsvRecordReader(reader, file);
        var rows = new List<(int Line, string[] Fields)>();
        if (!csv.TryRead(out _, out var header))
        {
            throw new DataFileException(file, 1, string.Empty, string.Empty, $"the file has no header row; expected {string.Join(',', columns)}");
        }

        if (otherColumnsAllowed)
        {
            CheckRequired(file, header, columns);
        }
        else
        {
            CheckHeader(file, header, columns);
        }

        while (csv.TryRead(out var line, out var fields))
        {
            if (fields.Length != header.Length)
            {
                throw new DataFileException(file, line, string.Empty, string.Join(',', fields), $"expected {header.Length} fields ({string.Join(',', header)}), found {fields.Length}");
            }

            rows.Add((line, fields));
        }

        return (header, rows);
    }

    /// <summary>
    /// Reads a user's CSV file (<c>vietus-sim ge solve</c> inputs, through <see cref="CsvInput.ReadFile"/>): the header
    /// names are trimmed and matched without case, must include <paramref name="required"/>, may include only
    /// <paramref name="allowed"/>, each once, in any order; cells are trimmed; blank lines are skipped. Errors are
    /// <see cref="DataFileException"/>s naming the file, line, column and value.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="required">Columns that must be present (lower case).</param>
    /// <param name="allowed">Every column the file may have (lower case).</param>
    /// <param name="maxBytes">The largest file read, enforced while reading.</param>
    /// <param name="what">The file's role, for the size message.</param>
    /// <returns>The rows: line number (1 = header) and cells by column.</returns>
    public static List<(int Line, IReadOnlyDictionary<string, string> Cells)> ReadUserFile(string path, IReadOnlyList<string> required, IReadOnlyList<string> allowed, long maxBytes, string what)
    {
        var rows = new List<(int Line, IReadOnlyDictionary<string, string> Cells)>();
        using var reader = OpenUserFile(path, maxBytes, what);
        using var csv = new CsvRecordReader(reader, path);
        var columns = ReadUserHeader(csv, path, required, allowed);
        while (TryReadUserRow(csv, path, columns, keep: true, out var row))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// As <see cref="ReadUserFile"/>, but the rows come one at a time and nothing is kept: the whole file is checked first
    /// (header, every row's field count, quoting, size: the errors <see cref="ReadUserFile"/> gives, before any row is
    /// returned), then read again row by row as the caller enumerates. For large inputs (a 240-country flow matrix is
    /// 57,600 rows), whose rows then die young instead of living until the last is read.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="required">Columns that must be present (lower case).</param>
    /// <param name="allowed">Every column the file may have (lower case).</param>
    /// <param name="maxBytes">The largest file read, enforced while reading.</param>
    /// <param name="what">The file's role, for the size message.</param>
    /// <returns>The rows, lazily: line number (1 = header) and cells by column.</returns>
    public static IEnumerable<(int Line, IReadOnlyDictionary<string, string> Cells)> EnumerateUserFile(string path, IReadOnlyList<string> required, IReadOnlyList<string> allowed, long maxBytes, string what)
    {
        CheckUserFile(path, required, allowed, maxBytes, what);

        return Rows();

        IEnumerable<(int Line, IReadOnlyDictionary<string, string> Cells)> Rows()
        {
            using var reader = OpenUserFile(path, maxBytes, what);
            using var csv = new CsvRecordReader(reader, path);
            var columns = ReadUserHeader(csv, path, required, allowed);
            while (TryReadUserRow(csv, path, columns, keep: true, out var row))
            {
                yield return row;
            }
        }
    }

    /// <summary>
    /// As <see cref="EnumerateUserFile"/> (the whole file checked first, with the same errors), then every row handed to
    /// <paramref name="each"/> as spans, making strings only for quoted cells.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="required">Columns that must be present (lower case).</param>
    /// <param name="allowed">Every column the file may have (lower case).</param>
    /// <param name="maxBytes">The largest file read, enforced while reading.</param>
    /// <param name="what">The file's role, for the size message.</param>
    /// <param name="each">Called once per data row, in file order.</param>
    public static void ForEachUserRow(string path, IReadOnlyList<string> required, IReadOnlyList<string> allowed, long maxBytes, string what, Action<CsvSpanRow> each)
    {
        CheckUserFile(path, required, allowed, maxBytes, what);

        using (var reader = OpenUserFile(path, maxBytes, what))
        using (var csv = new CsvRecordReader(reader, path))
        {
            var columns = ReadUserHeader(csv, path, required, allowed);
            while (csv.TryMove(out var line, out var count))
            {
                if (count != columns.Names.Length)
                {
                    var fields = csv.CurrentFields();
                    throw new DataFileException(path, line, string.Empty, string.Join(',', fields), $"{fields.Length} fields, the header has {columns.Names.Length}");
                }

                each(new CsvSpanRow(line, columns.Names, csv));
            }
        }
    }

    /// <summary>The checking pass over a whole user file (header, every row's field count and quoting, size), making no strings for the cells.</summary>
    private static void CheckUserFile(string path, IReadOnlyList<string> required, IReadOnlyList<string> allowed, long maxBytes, string what)
    {
        using var reader = OpenUserFile(path, maxBytes, what);
        using var csv = new CsvRecordReader(reader, path);
        var columns = ReadUserHeader(csv, path, required, allowed);
        while (TryReadUserRow(csv, path, columns, keep: false, out _))
        {
        }
    }

    private static TextReader OpenUserFile(string path, long maxBytes, string what) =>
        File.Exists(path) ? BoundedInput.OpenText(path, maxBytes, what) : throw new FileNotFoundException($"File '{path}' does not exist.", path);

    /// <summary>The header of a user file, checked: required columns present, no unknown or repeated column.</summary>
    private static CsvColumns ReadUserHeader(CsvRecordReader csv, string path, IReadOnlyList<string> required, IReadOnlyList<string> allowed)
    {
        if (!csv.TryRead(out _, out var read))
        {
            throw new DataFileException(path, 1, string.Empty, string.Empty, $"empty file, expected a header row with {string.Join(',', required)}");
        }

        var header = read.Select(h => h.TrimStart('\uFEFF').Trim().ToLowerInvariant()).ToArray();
        foreach (var column in required)
        {
            if (!header.Contains(column, StringComparer.Ordinal))
            {
                throw new DataFileException(path, 1, column, string.Join(',', header), $"missing column '{column}'");
            }
        }

        // A misspelt optional column (baseline_tarif, sectr) used to be ignored, silently dropping what it held.
        foreach (var column in header)
        {
            if (!allowed.Contains(column, StringComparer.Ordinal))
            {
                throw new DataFileException(path, 1, column, column, $"unknown column '{column}' (expected: {string.Join(", ", allowed)})");
            }
        }

        if (header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DataFileException(path, 1, twice.Key, string.Join(',', header), $"column '{twice.Key}' appears twice in the header");
        }

        return new CsvColumns(header);
    }

    /// <summary>Reads one data row (false at the end): field count checked, cells trimmed (and made and kept only when <paramref name="keep"/>).</summary>
    private static bool TryReadUserRow(CsvRecordReader csv, string path, CsvColumns columns, bool keep, out (int Line, IReadOnlyDictionary<string, string> Cells) row)
    {
        row = default;
        int line;
        string[]? fields = null;
        int count;
        if (keep)
        {
            if (!csv.TryRead(out line, out fields))
            {
                return false;
            }

            count = fields.Length;
        }
        else if (!csv.TrySkip(out line, out count))
        {
            return false;
        }

        if (count != columns.Names.Length)
        {
            fields ??= csv.CurrentFields();
            throw new DataFileException(path, line, string.Empty, string.Join(',', fields), $"{fields.Length} fields, the header has {columns.Names.Length}");
        }

        if (keep)
        {
            for (var c = 0; c < fields!.Length; c++)
            {
                fields[c] = fields[c].Trim();
            }

            row = (line, new CsvCells(columns, fields));
        }

        return true;
    }

    private static void CheckRequired(string file, string[] header, IReadOnlyList<string> columns)
    {
        foreach (var column in columns)
        {
            if (!header.Contains(column, StringComparer.Ordinal))
            {
                throw new DataFileException(file, 1, column, string.Join(',', header), "required column is missing");
            }
        }
    }

    private static void CheckHeader(string file, string[] header, IReadOnlyList<string> columns)
    {
        CheckRequired(file, header, columns);

        foreach (var column in header)
        {
            if (!columns.Contains(column, StringComparer.Ordinal))
            {
                throw new DataFileException(file, 1, column, column, $"unknown column; expected {string.Join(',', columns)}");
            }
        }

        if (!header.SequenceEqual(columns, StringComparer.Ordinal))
        {
            throw new DataFileException(file, 1, string.Empty, string.Join(',', header), $"columns are out of order or repeated; expected {string.Join(',', columns)}");
        }
    }
}
