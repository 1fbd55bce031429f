namespace VietUsTrade.Sim.Reporting;

/// <summary>A purchase commitment against what US exports to Vietnam of the committed goods did (observed months).</summary>
public sealed class CommitmentOutcome
{
    /// <summary>The commitment's id.</summary>
    public string CommitmentId { get; }

    internal string Name { get; }

    /// <summary>The HS headings (or chapters) the observed exports are summed over: the commitment's codes cut to at most 4 digits (trailing zeros of chapter-level codes dropped).</summary>
    public IReadOnlyList<string> Headings { get; }

    /// <summary>The observed year.</summary>
    public int Year { get; }

    /// <summary>Months of that year in the data.</summary>
    public int MonthsObserved { get; }

    /// <summary>Observed US total exports to Vietnam of those headings in the year's observed months, US dollars (FAS).</summary>
    public double ExportsUsd { get; }

    /// <summary>The same calendar months a year earlier.</summary>
    public double ExportsPreviousYearUsd { get; }

    /// <summary>The commitment's amount falling in those months at full fulfilment (its phase-in over its period), US dollars.</summary>
    public double CommittedUsd { get; }

    internal CommitmentOutcome(string CommitmentId, string Name, IReadOnlyList<string> Headings, int Year, int MonthsObserved, double ExportsUsd, double ExportsPreviousYearUsd, double CommittedUsd)
    {
        this.CommitmentId = CommitmentId;
        this.Name = Name;
        this.Headings = Headings;
        this.Year = Year;
        this.MonthsObserved = MonthsObserved;
        this.ExportsUsd = ExportsUsd;
        this.ExportsPreviousYearUsd = ExportsPreviousYearUsd;
        this.CommittedUsd = CommittedUsd;
    }

    /// <summary>Observed change on the year before, US dollars.</summary>
    public double ChangeUsd => ExportsUsd - ExportsPreviousYearUsd;

    /// <summary>The change over the committed amount: an upper bound on fulfilment-times-additionality if all the rise were the commitment's doing; null when nothing was committed in the months.</summary>
    public double? ChangeOverCommitted => CommittedUsd > 0 ? ChangeUsd / CommittedUsd : null;
}
