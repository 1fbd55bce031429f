using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>
/// Runs a policy <see cref="Scenario"/> (the same objects and presets as the PE model) through the ICIO structural
/// gravity model: the scenario's US tariffs on the date are aggregated to exporter × ICIO goods sector by
/// <see cref="AggregationRule"/> and solved by <see cref="GeSolver"/>. A pure function of its inputs; thread-safe.
/// </summary>
public static class GeScenarioModel
{
    /// <summary>The rule that aggregates line × supplier rates to the GE's exporter × sector level (docs/models/general-equilibrium.md).</summary>
    public const string AggregationRule =
        "US tariff of exporter c on ICIO goods sector s = the 2024-import-weighted mean over the bundled HTS10 lines of s of (rate on the date − 2024 applied rate) " +
        "of c's Census partner, weights = c's 2024 customs value on each line; lines map to sectors by HS chapter (headings for 84-85, 87, 90, 94); " +
        "EU members take the EU-27 partner, economies outside the 50 detailed partners the rest of the world; a sector with no line of the partner takes the partner's mean over all its lines in goods sectors (chapters 98-99 map to none). " +
        "The ICIO baseline carries no 2025 duties, so the change enters as the new rate with a baseline rate of 0 (a cut as a baseline rate with new rate 0).";

    /// <summary>The ICIO options of <c>vietus-sim ge icio</c>: elasticity set BSY, additive closure, world-output numeraire, tariffs as revenue.</summary>
    /// <param name="data">The ICIO dataset.</param>
    /// <returns>The options.</returns>
    internal static GeOptions DefaultOptions(IcioDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new GeOptions(data.Elasticities().ToElasticities(), GeClosure.Additive, GeNormalization.WorldOutput, GeTariffTreatment.Revenue);
    }

    /// <summary>Aggregates a scenario's US tariffs on a date to the exporter × sector tariffs of a GE baseline (see <see cref="AggregationRule"/>).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="date">The date whose rates apply.</param>
    /// <param name="baseline">The PE baseline whose 2024 line values weight the rates.</param>
    /// <param name="ge">The GE baseline (ISO3 countries including USA).</param>
    /// <param name="goodsSectors">The GE sectors tariffs apply to (the ICIO goods sectors).</param>
    /// <param name="library">Policy library (default: embedded).</param>
    /// <returns>The shock with its rule.</returns>
    /// <exception cref="ArgumentException">The GE baseline has no USA.</exception>
    /// <exception cref="ScenarioValidationException">The scenario references an unknown list or supplier.</exception>
    public static GeAggregatedShock Aggregate(Scenario scenario, DateOnly date, BaselineDataset baseline, GeBaseline ge, IEnumerable<string> goodsSectors, PolicyLibrary? library = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(ge);
        ArgumentNullException.ThrowIfNull(goodsSectors);
        if (!ge.ContainsCountry("USA"))
        {
            throw new ArgumentException("ge: the GE baseline needs the importer 'USA'.", nameof(ge));
        }

        var sectors = goodsSectors.ToArray();
        var sectorIndex = sectors.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
        var sums = TradeWeightedTariffs.Compute(
            scenario, date, baseline, sectors.Length, code => IcioSectorMap.Of(code) is { } c && sectorIndex.TryGetValue(c, out var si) ? si : -1, library ?? PolicyLibrary.LoadEmbedded());
        var changes = new List<GeTariffChange>();
        foreach (var country in ge.Countries)
        {
            if (country == "USA")
            {
                continue;
            }

            var p = sums.PartnerOf(country);
            for (var s = 0; s < sectors.Length; s++)
            {
                var rate = sums.Sector(p, s);
                if (Math.Abs(rate) > 1e-12)
                {
                    var sector = ge.SectorCount == 1 ? null : sectors[s];
                    changes.Add(rate > 0 ? new GeTariffChange(country, "USA", rate, 0.0, sector) : new GeTariffChange(country, "USA", 0.0, -rate, sector));
                }
            }
        }

        var omitted = TradeWeightedTariffs.Omitted(scenario);
        return new GeAggregatedShock(scenario.Name, date, GeShock.FromTariffs(changes), AggregationRule, omitted);
    }

    /// <summary>Runs a scenario on a date through the ICIO model (bundled OECD ICIO 2022, 81 economies × 28 sectors).</summary>
    /// <param name="data">The ICIO dataset.</param>
    /// <param name="baseline">The PE baseline whose line values weight the rates.</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="date">The date whose rates apply.</param>
    /// <param name="options">GE options (default <see cref="DefaultOptions"/>).</param>
    /// <param name="library">Policy library (default: embedded).</param>
    /// <returns>The run.</returns>
    /// <exception cref="ConvergenceException">The solver did not converge.</exception>
    public static GeScenarioRun Run(IcioDataset data, BaselineDataset baseline, Scenario scenario, DateOnly date, GeOptions? options = null, PolicyLibrary? library = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var shock = Aggregate(scenario, date, baseline, data.Baseline, data.GoodsSectors, library);
        var result = GeSolver.Solve(data.Baseline, shock.Shock, options ?? DefaultOptions(data));
        return new GeScenarioRun(scenario, shock, result, baseline);
    }
}
