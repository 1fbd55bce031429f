namespace VietUsTrade.Sim.Data;

/// <summary>A monthly series with a label, e.g. US imports from Vietnam of NAICS 334.</summary>
/// <param name="Key">A stable key, e.g. "imports/VIETNAM/334", "imports/TOTAL FOR ALL COUNTRIES/00" or "exports/VIETNAM/total".</param>
/// <param name="Description">What the series is.</param>
/// <param name="Points">The months in order.</param>
public sealed record MonthlySeries(string Key, string Description, IReadOnlyList<MonthlyPoint> Points);
