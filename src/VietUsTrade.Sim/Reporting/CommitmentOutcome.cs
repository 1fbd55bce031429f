namespace VietUsTrade.Sim.Reporting;

/// <summary>A purchase commitment against what US exports to Vietnam of the committed goods did (observed months).</summary>
/// <param name="CommitmentId">The commitment's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Headings">The HS headings (or chapters) the observed exports are summed over: the commitment's codes cut to at most 4 digits (trailing zeros of chapter-level codes dropped).</param>
/// <param name="Year">The observed year.</param>
/// <param name="MonthsObserved">Months of that year in the data.</param>
/// <param name="ExportsUsd">Observed US total exports to Vietnam of those headings in the year's observed months, US dollars (FAS).</param>
/// <param name="ExportsPreviousYearUsd">The same calendar months a year earlier.</param>
/// <param name="CommittedUsd">The commitment's amount falling in those months at full fulfilment (its phase-in over its period), US dollars.</param>
public sealed record CommitmentOutcome(string CommitmentId, string Name, IReadOnlyList<string> Headings, int Year, int MonthsObserved, double ExportsUsd,
    double ExportsPreviousYearUsd, double CommittedUsd)
{
    /// <summary>Observed change on the year before, US dollars.</summary>
    public double ChangeUsd => ExportsUsd - ExportsPreviousYearUsd;

    /// <summary>The change over the committed amount: an upper bound on fulfilment-times-additionality if all the rise were the commitment's doing; null when nothing was committed in the months.</summary>
    public double? ChangeOverCommitted => CommittedUsd > 0 ? ChangeUsd / CommittedUsd : null;
}
