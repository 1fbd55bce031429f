namespace VietUsTrade.Sim.Data;

/// <summary>A monthly series with a label, e.g. US imports from Vietnam of NAICS 334.</summary>
public sealed class MonthlySeries
{
    internal string Key { get; }

    /// <summary>What the series is.</summary>
    public string Description { get; }

    /// <summary>The months in order.</summary>
    public IReadOnlyList<MonthlyPoint> Points { get; }

    internal MonthlySeries(string Key, string Description, IReadOnlyList<MonthlyPoint> Points)
    {
        this.Key = Key;
        this.Description = Description;
        this.Points = Points;
    }
}
