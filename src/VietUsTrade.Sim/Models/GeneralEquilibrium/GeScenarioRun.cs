using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>A policy scenario run through the ICIO structural gravity model (<see cref="GeScenarioModel.Run"/>). Money in USD (2022 basic prices). Immutable.</summary>
public sealed class GeScenarioRun
{
    internal GeScenarioRun(Scenario scenario, GeAggregatedShock aggregation, GeResult result, BaselineDataset baseline)
    {
        Scenario = scenario;
        Aggregation = aggregation;
        Result = result;
        Summary = GeUsVietnamSummary.From(result);
        Welfare = PartnerDictionary.ByIso3(result.Countries.ToDictionary(c => c.Country, c => c.RealExpenditureChangePct / 100, StringComparer.Ordinal), baseline);
    }

    /// <summary>The scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>The date whose rates were applied.</summary>
    public DateOnly Date => Aggregation.Date;

    /// <summary>The scenario's tariffs at the GE level and the rule that made them.</summary>
    public GeAggregatedShock Aggregation { get; }

    /// <summary>The full GE result (countries, bilateral flows, diagnostics).</summary>
    public GeResult Result { get; }

    /// <summary>The US–Vietnam headline figures.</summary>
    internal GeUsVietnamSummary Summary { get; }

    /// <summary>US imports from Vietnam in the counterfactual, USD.</summary>
    public double ImportsFromVietnamUsd => Summary.UsImportsFromVietnam.Counterfactual;

    /// <summary>US imports from Vietnam in the ICIO baseline (2022), USD.</summary>
    public double BaselineImportsFromVietnamUsd => Summary.UsImportsFromVietnam.Baseline;

    /// <summary>The US bilateral balance with Vietnam in the counterfactual, USD.</summary>
    public double BalanceUsd => Summary.UsVietnamBalance.Counterfactual;

    /// <summary>Welfare change (real expenditure, fraction: 0.01 = +1 %) of every economy, keyed by ISO3; Census codes and names are accepted (<c>Welfare["VNM"]</c>, <c>Welfare["vietnam"]</c>).</summary>
    public IReadOnlyDictionary<string, double> Welfare { get; }

    /// <summary>
    /// The run as a tidy table (columns scenario, date, metric, partner, unit, baseline, value, change): US imports from
    /// Vietnam, the bilateral and aggregate US balances, Vietnam's exports, then the welfare change of every economy.
    /// </summary>
    /// <returns>The table.</returns>
    public TidyTable ToTable()
    {
        var t = new TidyTable("scenario", "date", "metric", "partner", "unit", "baseline", "value", "change");
        var date = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        void Row(string metric, string unit, GeBalance b, string partner = "") => t.Add(Scenario.Name, date, metric, partner, unit, b.Baseline, b.Counterfactual, b.Change);
        Row("imports_from_vietnam", "usd", Summary.UsImportsFromVietnam);
        Row("balance", "usd", Summary.UsVietnamBalance);
        Row("us_aggregate_balance", "usd", Summary.UsAggregateBalance);
        Row("vietnam_exports_to_others", "usd", Summary.VietnamExportsToOthers);
        Row("us_imports_from_others", "usd", Summary.UsImportsFromOthers);
        foreach (var (country, w) in Welfare)
        {
            Row("welfare_change", "fraction", new GeBalance(0, w), country);
        }

        return t;
    }
}
