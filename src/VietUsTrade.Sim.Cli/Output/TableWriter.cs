using System.Globalization;
using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Schema;
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
                AtomicFile.Write(full, temp => WriteParquetAsync(table, temp).GetAwaiter().GetResult());
                break;
        }

        return full;
    }

    public static string ToCsv(TidyTable table) => table.ToCsv();

    public static string ToJson(TidyTable table) => table.ToJson(CliJson.Options);

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
    private static string? TextOf(object? value) => value as string ?? (value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : null);

    private static async Task WriteParquetAsync(TidyTable table, string path)
    {
        var fields = table.Columns.Select((c, i) => table.IsNumeric(i) ? (DataField)new DataField<double?>(c) : new DataField<string>(c)).ToArray();
        var schema = new ParquetSchema(fields);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream).ConfigureAwait(false);
        using var group = writer.CreateRowGroup();
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i] is DataField<double?>)
            {
                var values = table.Rows.Select(r => (double?)r[i]).ToArray();
                await group.WriteAsync<double>(fields[i], values.AsMemory()).ConfigureAwait(false);
            }
            else
            {
                await group.WriteAsync(fields[i], table.Rows.Select(r => TextOf(r[i])).ToArray()!).ConfigureAwait(false);
            }
        }
    }
}
