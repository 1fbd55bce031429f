namespace VietUsTrade.Sim.Reporting;

/// <summary>The ex-post attribution of a year's observed months (<see cref="ExPostAttribution.Explain"/>).</summary>
public sealed class AttributionResult
{
    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The months of the year compared with the same months a year earlier.</summary>
    public IReadOnlyList<DateOnly> Months { get; }

    /// <summary>The policy scenario whose effects the model attributes.</summary>
    public string Scenario { get; }

    /// <summary>The total row (all parts).</summary>
    public ImportAttributionRow Total { get; }

    /// <summary>One row per NAICS-3 sector, then "unallocated" when the sectors do not sum to the total.</summary>
    public IReadOnlyList<ImportAttributionRow> Sectors { get; }

    /// <summary>The duty split.</summary>
    public DutyAttribution Duty { get; }

    /// <summary>Method and data statements.</summary>
    public IReadOnlyList<string> Notes { get; }

    internal AttributionResult(int Year, IReadOnlyList<DateOnly> Months, string Scenario, ImportAttributionRow Total, IReadOnlyList<ImportAttributionRow> Sectors, DutyAttribution Duty, IReadOnlyList<string> Notes)
    {
        this.Year = Year;
        this.Months = Months;
        this.Scenario = Scenario;
        this.Total = Total;
        this.Sectors = Sectors;
        this.Duty = Duty;
        this.Notes = Notes;
    }

    /// <summary>The model's capture rate: Vietnam's gain from China's tariffs over China's loss from them, in the same months (null when China loses nothing).</summary>
    public double? CaptureRate { get; internal init; }

    /// <summary>China's loss of US imports of Vietnam's lines to its own tariffs in the model, US dollars.</summary>
    public double ChinaLossUsd { get; internal init; }
}
