using System.Security.Cryptography;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Data.Csv;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.DataBuild;

/// <summary>
/// A raw CSV file read strictly through the core's CSV reader (<see cref="StrictCsv.ReadRecords"/>: required columns,
/// as many fields as the header on every row, errors naming file, line, column and value): every value is validated
/// on access, and every row must end up either kept or rejected with a reason (nothing is dropped silently).
/// </summary>
public sealed class RawTable
{
    private readonly Dictionary<string, int> _columns;
    private readonly bool[] _decided;
    private readonly Dictionary<string, int> _rejections = new(StringComparer.Ordinal);
    private int _kept;

    private RawTable(string name, string sha256, string[] header, List<RawRow> rows)
    {
        Name = name;
        Sha256 = sha256;
        Header = header;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            _columns.TryAdd(header[i], i);
        }

        Rows = rows;
        _decided = new bool[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Table = this;
            rows[i].Index = i;
        }
    }

    /// <summary>The file's name relative to the raw folder (used in messages and provenance).</summary>
    public string Name { get; }

    /// <summary>SHA-256 of the file's bytes.</summary>
    public string Sha256 { get; }

    /// <summary>The header row.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The data rows.</summary>
    public IReadOnlyList<RawRow> Rows { get; }

    /// <summary>Reads a CSV file and checks that the required columns are present.</summary>
    /// <param name="rawDir">The raw data folder.</param>
    /// <param name="relativePath">The file under it.</param>
    /// <param name="requiredColumns">Columns that must be in the header.</param>
    /// <returns>The table.</returns>
    /// <exception cref="DataFileException">The file is missing, unreadable, has no header, a missing column, or a row with the wrong number of fields.</exception>
    public static RawTable Read(string rawDir, string relativePath, params string[] requiredColumns)
    {
        var path = Path.Combine(rawDir, relativePath);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(relativePath, 0, string.Empty, string.Empty, $"cannot read the file ({ex.Message})", ex);
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        using var reader = new StreamReader(new MemoryStream(bytes));
        var (header, records) = StrictCsv.ReadRecords(reader, relativePath, requiredColumns, otherColumnsAllowed: true);
        var rows = records.ConvertAll(r => new RawRow(r.Line, r.Fields));
        return new RawTable(relativePath, sha, header, rows);
    }

    internal int Column(string name, int line) =>
        _columns.TryGetValue(name, out var i) ? i : throw new DataFileException(Name, line, name, string.Empty, "column is not in the file");

    /// <summary>Marks a row as used.</summary>
    /// <param name="row">The row.</param>
    public void Keep(RawRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Decide(row);
        _kept++;
    }

    /// <summary>Marks a row as not used, with the reason (counted in the provenance).</summary>
    /// <param name="row">The row.</param>
    /// <param name="reason">Why it is not used.</param>
    public void Reject(RawRow row, string reason)
    {
        ArgumentNullException.ThrowIfNull(row);
        Decide(row);
        _rejections[reason] = _rejections.GetValueOrDefault(reason) + 1;
    }

    /// <summary>The provenance of the file; fails when a row was neither kept nor rejected.</summary>
    /// <returns>The provenance record.</returns>
    /// <exception cref="InvalidOperationException">A row was left undecided (a bug in the builder).</exception>
    public SourceFileInfo ToSourceInfo()
    {
        var undecided = Array.IndexOf(_decided, false);
        if (undecided >= 0)
        {
            throw new InvalidOperationException($"{Name}: row at line {Rows[undecided].Line} was neither kept nor rejected.");
        }

        return new SourceFileInfo(Name, Sha256, Rows.Count, _kept, new SortedDictionary<string, int>(_rejections, StringComparer.Ordinal));
    }

    private void Decide(RawRow row)
    {
        var index = row.Index;
        if (_decided[index])
        {
            throw new InvalidOperationException($"{Name}: row at line {row.Line} was decided twice.");
        }

        _decided[index] = true;
    }
}
