using VietUsTrade.Sim.Reporting;
using System.Globalization;
using VietUsTrade.Sim.Cli.Output;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Projection;

namespace VietUsTrade.Sim.Cli.Sweep;

/// <summary>
/// Evaluates the points of a sweep grid (one shard of them) through the exact PE model, and the Monte Carlo projection
/// per point when the grid asks for it; one row per point with the grid coordinates as columns.
/// </summary>
internal static class SweepRunner
{
    /// <summary>The columns of a sweep table, in order (the Monte Carlo ones only when the grid asks for them).</summary>
    public static string[] Columns(SweepGrid grid)
    {
        string[] pe =
        [
            "point", "scenario", "vietnam_rate", "exemptions", "exempt_codes", "elasticity_scale", "date",
            "vietnam_etr", "imports_from_vietnam_baseline_usd", "imports_from_vietnam_usd", "exports_to_vietnam_usd", "balance_usd",
            "balance_change_usd", "tariff_revenue_usd", "import_price_index_change", "diverted_to_china_usd", "diverted_to_others_usd",
        ];
        return grid.MonteCarlo is null
            ? pe
            : [.. pe, "mc_year", "mc_draws", "mc_seed", "mc_balance_p5_usd", "mc_balance_p50_usd", "mc_balance_p95_usd", "mc_imports_p50_usd"];
    }

    /// <summary>The indices of the points of shard <paramref name="shard"/> of <paramref name="shards"/>: every N-th point from K (round robin, so shards get similar work).</summary>
    public static IEnumerable<int> ShardPoints(SweepGrid grid, int shard, int shards)
    {
        for (long i = shard; i < grid.PointCount; i += shards)
        {
            yield return (int)i;
        }
    }

    /// <summary>Evaluates the points, in order, into a table.</summary>
    public static TidyTable Evaluate(SweepGrid grid, IEnumerable<int> points, BaselineDataset data, ObservedTrade? observed = null)
    {
        var table = new TidyTable(Columns(grid));
        var ic = CultureInfo.InvariantCulture;
        var monteCarloCache = new Dictionary<(int, double?, int), Quantiles[]>();
        foreach (var index in points)
        {
            var point = grid.Point(index);
            var scenario = grid.ScenarioOf(point);
            var options = new PeRunOptions(point.Date, grid.Sigma, SigmaScale: point.ElasticityScale, EpsilonScale: point.ElasticityScale);
            var run = ScenarioModel.Run(data, scenario, options);
            var china = run.Result.DivertedTo.GetValueOrDefault("CHINA");
            var (exName, codes) = grid.Exemptions[point.Exemptions];
            var row = new List<object?>
            {
                index, grid.Scenarios[point.Scenario].Label, point.VietnamRate, exName, string.Join(' ', codes), point.ElasticityScale, point.Date.ToString("yyyy-MM-dd", ic),
                run.VietnamEtr.EtrTotal, run.Baseline.ImportsFromVietnamUsd, run.Result.ImportsFromVietnamUsd, run.Result.ExportsToVietnamUsd, run.Result.BalanceUsd,
                run.Result.BalanceUsd - run.Baseline.BalanceUsd, run.Result.TariffRevenueUsd, run.Result.ImportPriceIndexChange, china,
                run.Result.DivertedTo.Sum(kv => kv.Value) - china,
            };
            if (grid.MonteCarlo is { } mc)
            {
                // The projection depends on the scenario only (its elasticities are drawn by its own uncertainty
                // spec, and it covers every month), so points that differ in scale or date share one run.
                var key = (point.Scenario, point.VietnamRate, point.Exemptions);
                if (!monteCarloCache.TryGetValue(key, out var q))
                {
                    q = Project(scenario, mc, data, observed ?? ObservedTrade.LoadEmbedded());
                    monteCarloCache[key] = q;
                }

                row.AddRange([mc.Year, mc.Draws, (double)mc.Seed, q[0].P5, q[0].P50, q[0].P95, q[1].P50]);
            }

            table.Add([.. row]);
        }

        return table;
    }

    private static Quantiles[] Project(Scenario scenario, SweepMonteCarlo mc, BaselineDataset data, ObservedTrade observed)
    {
        var asOf = observed.LatestImportMonth;
        var horizon = new DateOnly(mc.Year, 12, 1);
        var model = ProjectionModel.Create(data, scenario, new ProjectionOptions(horizon, AsOf: asOf < horizon ? asOf : null), null, observed);
        var result = model.MonteCarlo(new MonteCarloOptions(mc.Draws, mc.Seed, UncertaintySpec.Default));
        var annual = result.Annual.Single(r => r.Year == mc.Year);
        return [annual.Metrics[ProjectionMetrics.Balance], annual.Metrics[ProjectionMetrics.Imports]];
    }
}
