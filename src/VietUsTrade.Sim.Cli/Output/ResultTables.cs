using VietUsTrade.Sim.Reporting;
using System.Globalization;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Plotting;
using VietUsTrade.Sim.Policy;

namespace VietUsTrade.Sim.Cli.Output;

/// <summary>The tidy tables written by --out: one row per scenario × metric (PE runs) or per date (ETR paths).</summary>
internal static class ResultTables
{
    /// <summary>Rows of one or more PE runs: headline metrics, the balance decomposition if given, then the change of imports from each other supplier.</summary>
    public static TidyTable Runs(IEnumerable<ScenarioRun> runs, IReadOnlyDictionary<ScenarioRun, BalanceDecomposition>? decompositions = null) =>
        ScenarioRun.Table(runs, r => decompositions is not null && decompositions.TryGetValue(r, out var d)
            ?
            [
                new("balance_change_import_tariff_effect", d.ImportTariffEffectUsd),
                new("balance_change_diversion_other", d.DiversionOtherUsd),
                new("balance_change_concessions", d.ConcessionsUsd),
                new("balance_change_commitments", d.CommitmentsUsd),
            ]
            : []);

    /// <summary>One row per date where Vietnam's ETR changes.</summary>
    public static TidyTable Etr(Scenario scenario, IReadOnlyList<EtrPoint> path) => EtrPoint.Table(scenario.Name, path);
}
