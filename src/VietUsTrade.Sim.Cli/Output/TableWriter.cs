using System.Globalization;
using System.Text;
using System.Text.Json;
using SpreadCheetah;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Cli.Output;

/// <summary>Writes a <see cref="TidyTable"/> as CSV, JSON, Parquet or xlsx, chosen by the file extension.</summary>
internal static class TableWriter
{
    public static readonly string[] Extensions = [".csv", ".json", ".parquet", ".xlsx"];

    /// <summary>The output format of <paramref name="path"/>; an unknown extension is a usage error (exit 2).</summary>
    public static string FormatOf(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return Extensions.Contains(ext)
            ? ext[1..]
            : throw new CliUsageException($"--out '{path}': unknown extension '{ext}' (use .csv, .json, .parquet or .xlsx)");
    }

    /// <summary>Writes the table to <paramref name="path"/> and returns the full path; an existing file is refused (exit 2) unless <paramref name="force"/>.</summary>
    public static string Write(TidyTable table, string path, bool force)
    {
        ArgumentNullException.ThrowIfNull(table);
        var format = FormatOf(path);
        var full = Path.GetFullPath(path);
        if (!force && (File.Exists(full) || Directory.Exists(full)))
        {
            throw new CliUsageException(Directory.Exists(full) ? $"--out '{path}' is a folder, not a file" : $"--out '{path}' exists: pass --force to replace it");
        }

        var dir = Path.GetDirectoryName(full);
        if (dir is not null && !Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException($"--out '{path}': folder '{dir}' does not exist");
        }

        switch (format)
        {
            case "csv":
                AtomicFile.WriteAllText(full, ToCsv(table));
                break;
            case "json":
                AtomicFile.WriteAllText(full, ToJson(table));
                break;
            case "xlsx":
                AtomicFile.Write(full, temp => WriteXlsxAsync(table, temp).GetAwaiter().GetResult());
                break;
            default:
                AtomicFile.Write(full, temp =>
                {
                    using var stream = File.Create(temp);
                    ParquetFile.Write(table, stream);
                });
                break;
        }

        return full;
    }

    public static string ToCsv(TidyTable table) => table.ToCsv();

    public static string ToJson(TidyTable table) => table.ToJson();

    /// <summary>One worksheet "data": a header row with the column names, then one row per observation; numeric columns as numbers (full double precision), empty cells empty (SpreadCheetah, no reflection).</summary>
    private static async Task WriteXlsxAsync(TidyTable table, string path)
    {
        var numeric = Enumerable.Range(0, table.Columns.Count).Select(table.IsNumeric).ToArray();
        await using var stream = File.Create(path);
        await using var book = await Spreadsheet.CreateNewAsync(stream).ConfigureAwait(false);
        await book.StartWorksheetAsync("data").ConfigureAwait(false);
        var cells = new DataCell[table.Columns.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = new DataCell(table.Columns[i]);
        }

        await book.AddRowAsync(cells).ConfigureAwait(false);
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = numeric[i] ? new DataCell((double?)row[i]) : new DataCell(TextOf(row[i]));
            }

            await book.AddRowAsync(cells).ConfigureAwait(false);
        }

        await book.FinishAsync().ConfigureAwait(false);
    }

    /// <summary>A cell of a text column: the text, a number in a column that also holds text as its round-trip invariant form, or null.</summary>
    internal static string? TextOf(object? value) => value as string ?? (value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : null);
}
