using VietUsTrade.Sim.Data;

namespace VietUsTrade.Sim.Reporting;

/// <summary>Headline figures of a baseline dataset (what <c>vietus-sim data summary</c> prints).</summary>
public sealed class BaselineSummary
{
    /// <summary>The baseline year.</summary>
    public int Year { get; }

    /// <summary>The import concept (imports for consumption, customs value).</summary>
    public string ImportConcept { get; }

    /// <summary>The export concept (total exports, FAS).</summary>
    public string ExportConcept { get; }

    /// <summary>US imports from Vietnam, US dollars.</summary>
    public double ImportsFromVietnamUsd { get; }

    /// <summary>Calculated duty on them, US dollars.</summary>
    public double DutyOnVietnamUsd { get; }

    /// <summary>US exports to Vietnam, US dollars.</summary>
    public double ExportsToVietnamUsd { get; }

    /// <summary>Exports minus imports (negative = US deficit), US dollars.</summary>
    public double BalanceUsd { get; }

    /// <summary>Duty / imports from Vietnam (fraction).</summary>
    public double EffectiveTariffRate { get; }

    /// <summary>Number of HTS10 import lines.</summary>
    public int Lines { get; }

    /// <summary>Number of export lines (HS6 + aircraft).</summary>
    public int ExportLines { get; }

    /// <summary>The cap on σ.</summary>
    public double SigmaCap { get; }

    /// <summary>Value-weighted share of Vietnam's imports by elasticity source and fallback level (σ and ε).</summary>
    public IReadOnlyList<ElasticityCoverage> ElasticityCoverage { get; }

    /// <summary>The ten HS chapters with the largest imports from Vietnam, with Vietnam's share of US imports of each.</summary>
    public IReadOnlyList<ChapterTotals> TopChapters { get; }

    internal BaselineSummary(int Year, string ImportConcept, string ExportConcept, double ImportsFromVietnamUsd, double DutyOnVietnamUsd, double ExportsToVietnamUsd, double BalanceUsd, double EffectiveTariffRate, int Lines, int ExportLines, double SigmaCap, IReadOnlyList<ElasticityCoverage> ElasticityCoverage, IReadOnlyList<ChapterTotals> TopChapters)
    {
        this.Year = Year;
        this.ImportConcept = ImportConcept;
        this.ExportConcept = ExportConcept;
        this.ImportsFromVietnamUsd = ImportsFromVietnamUsd;
        this.DutyOnVietnamUsd = DutyOnVietnamUsd;
        this.ExportsToVietnamUsd = ExportsToVietnamUsd;
        this.BalanceUsd = BalanceUsd;
        this.EffectiveTariffRate = EffectiveTariffRate;
        this.Lines = Lines;
        this.ExportLines = ExportLines;
        this.SigmaCap = SigmaCap;
        this.ElasticityCoverage = ElasticityCoverage;
        this.TopChapters = TopChapters;
    }

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
