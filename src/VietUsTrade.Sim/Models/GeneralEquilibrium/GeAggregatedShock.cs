namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>
/// A policy <see cref="Policy.Scenario"/> on a date, aggregated to the partner × sector tariffs of a GE baseline by
/// <see cref="GeScenarioModel.AggregationRule"/>. Immutable.
/// </summary>
/// <param name="ScenarioName">The scenario.</param>
/// <param name="Date">The date whose rates were aggregated.</param>
/// <param name="Shock">The US tariff changes, one per exporter × goods sector with a non-zero change.</param>
/// <param name="Rule">The aggregation rule, stated in words (the same as <see cref="GeScenarioModel.AggregationRule"/>).</param>
/// <param name="Omitted">What of the scenario the GE shock leaves out (commitments, Vietnam's concessions), one sentence each.</param>
public sealed record GeAggregatedShock(string ScenarioName, DateOnly Date, GeShock Shock, string Rule, IReadOnlyList<string> Omitted)
{
    /// <summary>The trade-weighted additional US tariff on an exporter's goods in a sector (0 if unchanged).</summary>
    /// <param name="exporter">ISO3 code of the exporter.</param>
    /// <param name="sector">The GE sector.</param>
    /// <returns>New rate − baseline rate of the listed change.</returns>
    public double AdditionalRate(string exporter, string sector) =>
        Shock.TariffChanges.Where(t => t.Exporter == exporter && t.Sector == sector).Select(t => t.NewRate - t.BaselineRate).FirstOrDefault();
}
