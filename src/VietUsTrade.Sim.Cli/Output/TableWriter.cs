using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Cli.Output;

/// <summary>Writes a <see cref="TidyTable"/> as CSV, JSON or Parquet, chosen by the file extension.</summary>
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
                AtomicFile.Write(full, temp => WriteXlsx(table, temp));
                break;
            default:
                AtomicFile.Write(full, temp => WriteParquetAsync(table, temp).GetAwaiter().GetResult());
                break;
        }

        return full;
    }

    public static string ToCsv(TidyTable table) => table.ToCsv();

    public static string ToJson(TidyTable table) => table.ToJson();

    /// <summary>One worksheet "data": a header row with the column names, then one row per observation; numeric columns as numbers, empty cells empty (MiniExcel).</summary>
    private static void WriteXlsx(TidyTable table, string path)
    {
        using var data = new System.Data.DataTable("data") { Locale = CultureInfo.InvariantCulture };
        for (var i = 0; i < table.Columns.Count; i++)
        {
            data.Columns.Add(table.Columns[i], table.IsNumeric(i) ? typeof(double) : typeof(string));
        }

        foreach (var row in table.Rows)
        {
            data.Rows.Add(row.Select(v => v ?? DBNull.Value).ToArray());
        }

        MiniExcelLibs.MiniExcel.SaveAs(path, data, sheetName: "data", excelType: MiniExcelLibs.ExcelType.XLSX, overwriteFile: true);
    }

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
                await group.WriteAsync(fields[i], table.Rows.Select(r => r[i] as string ?? (r[i] is double d ? d.ToString("R", CultureInfo.InvariantCulture) : null)).ToArray()!).ConfigureAwait(false);
            }
        }
    }
}
