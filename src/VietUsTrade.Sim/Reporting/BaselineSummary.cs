using VietUsTrade.Sim.Data;

namespace VietUsTrade.Sim.Reporting;

/// <summary>Headline figures of a baseline dataset (what <c>vietus-sim data summary</c> prints).</summary>
/// <param name="Year">The baseline year.</param>
/// <param name="ImportConcept">The import concept (imports for consumption, customs value).</param>
/// <param name="ExportConcept">The export concept (total exports, FAS).</param>
/// <param name="ImportsFromVietnamUsd">US imports from Vietnam, US dollars.</param>
/// <param name="DutyOnVietnamUsd">Calculated duty on them, US dollars.</param>
/// <param name="ExportsToVietnamUsd">US exports to Vietnam, US dollars.</param>
/// <param name="BalanceUsd">Exports minus imports (negative = US deficit), US dollars.</param>
/// <param name="EffectiveTariffRate">Duty / imports from Vietnam (fraction).</param>
/// <param name="Lines">Number of HTS10 import lines.</param>
/// <param name="ExportLines">Number of export lines (HS6 + aircraft).</param>
/// <param name="SigmaCap">The cap on σ.</param>
/// <param name="ElasticityCoverage">Value-weighted share of Vietnam's imports by elasticity source and fallback level (σ and ε).</param>
/// <param name="TopChapters">The ten HS chapters with the largest imports from Vietnam, with Vietnam's share of US imports of each.</param>
public sealed record BaselineSummary(
    int Year,
    string ImportConcept,
    string ExportConcept,
    double ImportsFromVietnamUsd,
    double DutyOnVietnamUsd,
    double ExportsToVietnamUsd,
    double BalanceUsd,
    double EffectiveTariffRate,
    int Lines,
    int ExportLines,
    double SigmaCap,
    IReadOnlyList<ElasticityCoverage> ElasticityCoverage,
    IReadOnlyList<ChapterTotals> TopChapters)
{
    /// <summary>Summarises a dataset.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="topChapters">How many chapters to list (default 10).</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="topChapters"/> is negative.</exception>
    public static BaselineSummary From(BaselineDataset dataset, int topChapters = 10)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfNegative(topChapters);
        var imports = dataset.ImportsFromVietnamUsd;
        var duty = dataset.DutyOnVietnamUsd;
        var coverage = dataset.ElasticityCoverage("sigma").Concat(dataset.ElasticityCoverage("epsilon")).ToArray();
        var top = dataset.Chapters.OrderByDescending(c => c.VietnamValueUsd).ThenBy(c => c.Chapter).Take(topChapters).ToArray();
        return new BaselineSummary(dataset.Year, dataset.ImportConcept, dataset.ExportConcept, imports, duty, dataset.ExportsToVietnamUsd,
            dataset.BalanceUsd, imports > 0 ? duty / imports : 0, dataset.ImportLines.Count, dataset.ExportLines.Count, dataset.SigmaCap, coverage, top);
    }
}
