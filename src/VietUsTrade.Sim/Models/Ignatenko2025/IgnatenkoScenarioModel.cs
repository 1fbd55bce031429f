using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.GeneralEquilibrium;
using VietUsTrade.Sim.Policy;

namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>
/// Runs a policy <see cref="Scenario"/> (the same objects and presets as the PE and ICIO GE models) through the
/// Ignatenko et al. (2025) model: the scenario's US tariffs on the date are aggregated to one rate per exporter by
/// <see cref="AggregationRule"/> (the all-goods mean of <see cref="GeScenarioModel.AggregationRule"/>, the model having
/// one sector) and solved by <see cref="IgnatenkoModel.Solve"/>. A pure function of its inputs; thread-safe.
/// </summary>
public static class IgnatenkoScenarioModel
{
    /// <summary>The rule that aggregates line × supplier rates to the model's one rate per exporter (docs/models/ignatenko2025.md §4a).</summary>
    public const string AggregationRule =
        "US tariff on exporter c = the 2024-import-weighted mean over the bundled HTS10 lines in the ICIO goods sectors (chapters 98-99 map to none) of (rate on the date − 2024 applied rate) " +
        "of c's Census partner, weights = c's 2024 customs value on each line (the ICIO rule's all-goods mean: the model has one sector); " +
        "EU members take the EU-27 partner, economies outside the 50 detailed partners the rest of the world. " +
        "The change is added to the model's baseline US tariff on c (zero unless IgnatenkoOptions.BaselineUsTariffs is set) and a net rate below 0 enters as 0; " +
        "tariffs of other importers are zero, as in the model's baseline.";

    /// <summary>Aggregates a scenario's US tariffs on a date to the model's scenario (see <see cref="AggregationRule"/>).</summary>
    /// <param name="scenario">The policy scenario.</param>
    /// <param name="date">The date whose rates apply.</param>
    /// <param name="baseline">The PE baseline whose 2024 line values weight the rates.</param>
    /// <param name="model">The calibrated Ignatenko baseline.</param>
    /// <param name="revenueUse">How US tariff revenue is used.</param>
    /// <param name="library">Policy library (default: embedded).</param>
    /// <returns>The model's scenario, named after the policy scenario and the date.</returns>
    /// <exception cref="ScenarioValidationException">The scenario references an unknown list or supplier.</exception>
    public static IgnatenkoScenario Aggregate(Scenario scenario, DateOnly date, BaselineDataset baseline, IgnatenkoBaseline model, RevenueUse revenueUse = RevenueUse.IncomeTaxRelief, PolicyLibrary? library = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(model);
        var sums = TradeWeightedTariffs.Compute(scenario, date, baseline, 1, code => IcioSectorMap.Of(code) is null ? -1 : 0, library ?? PolicyLibrary.LoadEmbedded());
        var data = model.Data;
        var rates = new double[model.Count];
        for (var j = 0; j < model.Count; j++)
        {
            if (j != model.UsIndex)
            {
                rates[j] = Math.Max(0.0, model.BaselineTariff(j, model.UsIndex) + sums.AllSectors(sums.PartnerOf(data.Iso3[j])));
            }
        }

        var tariffs = TariffMatrix.Zero(model.Count).WithImporterRates(model.UsIndex, rates);
        return new IgnatenkoScenario($"{scenario.Name} on {date:yyyy-MM-dd}", tariffs, revenueUse);
    }

    /// <summary>Runs a scenario on a date through the Ignatenko et al. (2025) model.</summary>
    /// <param name="model">The calibrated Ignatenko baseline.</param>
    /// <param name="baseline">The PE baseline whose 2024 line values weight the rates.</param>
    /// <param name="scenario">The policy scenario.</param>
    /// <param name="date">The date whose rates apply.</param>
    /// <param name="revenueUse">How US tariff revenue is used.</param>
    /// <param name="settings">Solver settings (default <see cref="IgnatenkoSolverSettings.Default"/>).</param>
    /// <param name="library">Policy library (default: embedded).</param>
    /// <returns>The run, with the rule it aggregated by.</returns>
    /// <exception cref="ConvergenceException">The solver did not converge.</exception>
    public static IgnatenkoScenarioRun Run(IgnatenkoBaseline model, BaselineDataset baseline, Scenario scenario, DateOnly date, RevenueUse revenueUse = RevenueUse.IncomeTaxRelief, IgnatenkoSolverSettings? settings = null, PolicyLibrary? library = null)
    {
        var aggregated = Aggregate(scenario, date, baseline, model, revenueUse, library);
        var result = IgnatenkoModel.Solve(model, aggregated, settings);
        return new IgnatenkoScenarioRun(scenario, date, result, TradeWeightedTariffs.Omitted(scenario));
    }
}
