namespace VietUsTrade.Sim.Reporting;

/// <summary>The ex-post attribution of a year's observed months (<see cref="ExPostAttribution.Explain"/>).</summary>
/// <param name="Year">The year.</param>
/// <param name="Months">The months of the year compared with the same months a year earlier.</param>
/// <param name="Scenario">The policy scenario whose effects the model attributes.</param>
/// <param name="Total">The total row (all parts).</param>
/// <param name="Sectors">One row per NAICS-3 sector, then "unallocated" when the sectors do not sum to the total.</param>
/// <param name="Duty">The duty split.</param>
/// <param name="Notes">Method and data statements.</param>
public sealed record AttributionResult(int Year, IReadOnlyList<DateOnly> Months, string Scenario, ImportAttributionRow Total, IReadOnlyList<ImportAttributionRow> Sectors,
    DutyAttribution Duty, IReadOnlyList<string> Notes)
{
    /// <summary>The model's capture rate: Vietnam's gain from China's tariffs over China's loss from them, in the same months (null when China loses nothing).</summary>
    public double? CaptureRate { get; init; }

    /// <summary>China's loss of US imports of Vietnam's lines to its own tariffs in the model, US dollars.</summary>
    public double ChinaLossUsd { get; init; }
}
