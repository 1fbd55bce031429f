using System.Globalization;
using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Schema;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Cli.Output;

/// <summary>
/// A tidy (long) table: named snake_case columns, one observation per row. A column whose non-empty values are all
/// numbers is numeric (CSV: invariant culture, no thousands separators, "R" round-trip digits; JSON numbers; Parquet
/// double); otherwise text. Null cells are empty in CSV, null in JSON and Parquet.
/// </summary>
internal sealed class TidyTable
{
    private readonly List<object?[]> _rows = [];

    public TidyTable(params string[] columns)
    {
        if (columns.Length == 0 || columns.Distinct(StringComparer.Ordinal).Count() != columns.Length || columns.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"columns ({string.Join(", ", columns)}) must be distinct, non-empty names.", nameof(columns));
        }

        Columns = columns;
    }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<object?[]> Rows => _rows;

    /// <summary>Adds a row: strings, numbers (double, int) or null, one per column; numbers must be finite.</summary>
    public void Add(params object?[] values)
    {
        if (values.Length != Columns.Count)
        {
            throw new ArgumentException($"row has {values.Length} values but the table has {Columns.Count} columns.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] = values[i] switch
            {
                null or string => values[i],
                double d when double.IsFinite(d) => d,
                double d => throw new ArgumentException($"column {Columns[i]}: {d.ToString(CultureInfo.InvariantCulture)} is not a finite number.", nameof(values)),
                int n => (double)n,
                var other => throw new ArgumentException($"column {Columns[i]}: values of type {other.GetType().Name} are not supported.", nameof(values)),
            };
        }

        _rows.Add(values);
    }

    public bool IsNumeric(int column) => _rows.Any(r => r[column] is double) && _rows.All(r => r[column] is null or double);
}

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

    public static string ToCsv(TidyTable table)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', table.Columns.Select(Quote)).Append('\n');
        foreach (var row in table.Rows)
        {
            sb.AppendJoin(',', row.Select(v => v switch
            {
                null => string.Empty,
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                _ => Quote((string)v),
            })).Append('\n');
        }

        return sb.ToString();
    }

    public static string ToJson(TidyTable table) =>
        JsonSerializer.Serialize(table.Rows.Select(r =>
        {
            var o = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                o[table.Columns[i]] = r[i];
            }

            return o;
        }), CliJson.Options);

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

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
