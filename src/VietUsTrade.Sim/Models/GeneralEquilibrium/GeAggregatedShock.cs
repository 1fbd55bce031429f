namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>
/// A policy <see cref="Policy.Scenario"/> on a date, aggregated to the partner × sector tariffs of a GE baseline by
/// <see cref="GeScenarioModel.AggregationRule"/>. Immutable.
/// </summary>
public sealed class GeAggregatedShock
{
    internal string ScenarioName { get; }

    /// <summary>The date whose rates were aggregated.</summary>
    public DateOnly Date { get; }

    internal GeShock Shock { get; }

    /// <summary>The aggregation rule, stated in words (the same as <see cref="GeScenarioModel.AggregationRule"/>).</summary>
    public string Rule { get; }

    /// <summary>What of the scenario the GE shock leaves out (commitments, Vietnam's concessions), one sentence each.</summary>
    public IReadOnlyList<string> Omitted { get; }

    internal GeAggregatedShock(string ScenarioName, DateOnly Date, GeShock Shock, string Rule, IReadOnlyList<string> Omitted)
    {
        this.ScenarioName = ScenarioName;
        this.Date = Date;
        this.Shock = Shock;
        this.Rule = Rule;
        this.Omitted = Omitted;
    }

    /// <summary>The trade-weighted additional US tariff on an exporter's goods in a sector (0 if unchanged).</summary>
    /// <param name="exporter">ISO3 code of the exporter.</param>
    /// <param name="sector">The GE sector.</param>
    /// <returns>New rate − baseline rate of the listed change.</returns>
    internal double AdditionalRate(string exporter, string sector) =>
        Shock.TariffChanges.Where(t => t.Exporter == exporter && t.Sector == sector).Select(t => t.NewRate - t.BaselineRate).FirstOrDefault();
}
