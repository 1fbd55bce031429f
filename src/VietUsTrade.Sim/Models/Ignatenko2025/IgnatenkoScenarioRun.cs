using VietUsTrade.Sim.Policy;

namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>
/// A policy <see cref="Scenario"/> run through the Ignatenko et al. (2025) model by
/// <see cref="IgnatenkoScenarioModel.Run"/>: the solved counterfactual, the rule that aggregated the scenario's line
/// rates to the model's one rate per exporter, and what the model leaves out of the scenario.
/// </summary>
public sealed class IgnatenkoScenarioRun
{
    internal IgnatenkoScenarioRun(Scenario scenario, DateOnly date, IgnatenkoResult result, IReadOnlyList<string> omitted)
    {
        Scenario = scenario;
        Date = date;
        Result = result;
        Omitted = omitted;
    }

    /// <summary>The policy scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>The date whose rates apply.</summary>
    public DateOnly Date { get; }

    /// <summary>The solved counterfactual (its <see cref="IgnatenkoResult.Scenario"/> holds the aggregated tariffs).</summary>
    public IgnatenkoResult Result { get; }

    /// <summary>The aggregation rule (<see cref="IgnatenkoScenarioModel.AggregationRule"/>).</summary>
    public string AggregationRule { get; } = IgnatenkoScenarioModel.AggregationRule;

    /// <summary>What the model leaves out of the scenario (purchase commitments, Vietnam's concessions), one sentence each.</summary>
    public IReadOnlyList<string> Omitted { get; }

    /// <summary>The aggregated US tariff on an exporter (fraction).</summary>
    /// <param name="iso3">The exporter's ISO3 code, e.g. "VNM".</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentException">The country is not in the model.</exception>
    public double UsTariffOn(string iso3) => Result.Scenario.Tariffs[Result.Baseline.Data.IndexOf(iso3), Result.Baseline.UsIndex];
}
