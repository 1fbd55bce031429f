using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace VietUsTrade.Sim.Data.Csv;

/// <summary>
/// The one CSV reader of the data layer (CsvHelper): the header must hold exactly the expected columns in order, every
/// row as many fields as the header, blank lines are skipped; anything else is a <see cref="DataFileException"/> naming
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
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, DetectColumnCountChanges = false, IgnoreBlankLines = true };
        using var csv = new CsvReader(reader, config);
        var rows = new List<CsvRow>();
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
            {
                throw new DataFileException(file, 1, string.Empty, string.Empty, $"the file has no header row; expected {string.Join(',', columns)}");
            }

            CheckHeader(file, header, columns);
            while (csv.Read())
            {
                var fields = csv.Parser.Record ?? [];
                var line = csv.Parser.RawRow;
                if (fields.Length != columns.Count)
                {
                    throw new DataFileException(file, line, string.Empty, string.Join(',', fields), $"expected {columns.Count} fields ({string.Join(',', columns)}), found {fields.Length}");
                }

                rows.Add(new CsvRow(file, line, columns, fields));
            }
        }
        catch (CsvHelperException ex)
        {
            throw new DataFileException(file, csv.Parser.RawRow, string.Empty, string.Empty, $"malformed CSV ({ex.Message})", ex);
        }

        return rows;
    }

    private static void CheckHeader(string file, string[] header, IReadOnlyList<string> columns)
    {
        foreach (var column in columns)
        {
            if (!header.Contains(column, StringComparer.Ordinal))
            {
                throw new DataFileException(file, 1, column, string.Join(',', header), "required column is missing");
            }
        }

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
