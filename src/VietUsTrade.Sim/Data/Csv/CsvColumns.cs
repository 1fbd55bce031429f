namespace VietUsTrade.Sim.Data.Csv;

/// <summary>The checked header of a user CSV file: the column names in file order and the position of each, shared by every row's <see cref="CsvCells"/>.</summary>
internal sealed class CsvColumns
{
    /// <summary>Indexes the names (distinct, already checked by the reader).</summary>
    /// <param name="names">The lower-case column names in file order.</param>
    public CsvColumns(string[] names)
    {
        Names = names;
        Index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            Index.Add(names[i], i);
        }
    }

    /// <summary>The column names in file order.</summary>
    public string[] Names { get; }

    /// <summary>The position of each column.</summary>
    public Dictionary<string, int> Index { get; }
}
