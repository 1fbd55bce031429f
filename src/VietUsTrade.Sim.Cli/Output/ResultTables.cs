using System.Globalization;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Plotting;
using VietUsTrade.Sim.Policy;

namespace VietUsTrade.Sim.Cli.Output;

/// <summary>The tidy tables written by --out: one row per scenario × metric (PE runs) or per date (ETR paths).</summary>
internal static class ResultTables
{
    private static readonly string[] RunColumns = ["scenario", "date", "metric", "partner", "unit", "baseline", "value", "change"];

    /// <summary>Rows of one or more PE runs: headline metrics, then the change of imports from each other supplier.</summary>
    public static TidyTable Runs(IEnumerable<ScenarioRun> runs, IReadOnlyDictionary<ScenarioRun, BalanceDecomposition>? decompositions = null)
    {
        var t = new TidyTable(RunColumns);
        foreach (var r in runs)
        {
            var name = r.Scenario.Name;
            var date = r.Options.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            void Row(string metric, string unit, double b, double v, string partner = "") => t.Add(name, date, metric, partner, unit, b, v, v - b);
            Row("vietnam_etr", "fraction", r.VietnamEtr.EtrTotal - r.VietnamEtr.EtrAddedVs2024, r.VietnamEtr.EtrTotal);
            Row("imports_from_vietnam", "usd", r.Baseline.ImportsFromVietnamUsd, r.Result.ImportsFromVietnamUsd);
            Row("exports_to_vietnam", "usd", r.Baseline.ExportsToVietnamUsd, r.Result.ExportsToVietnamUsd);
            Row("balance", "usd", r.Baseline.BalanceUsd, r.Result.BalanceUsd);
            Row("tariff_revenue_from_vietnam", "usd", r.Baseline.TariffRevenueUsd, r.Result.TariffRevenueUsd);
            Row("tariff_revenue_all_suppliers", "usd", r.Baseline.TariffRevenueAllSuppliersUsd, r.Result.TariffRevenueAllSuppliersUsd);
            Row("import_price_index_change", "fraction", 0, r.Result.ImportPriceIndexChange);
            Row("consumer_surplus_change", "usd", 0, r.Imports.Totals.ConsumerSurplusChange);
            Row("total_us_exports_change", "usd", 0, r.Exports.TotalUsExportsChangeUsd);
            if (decompositions is not null && decompositions.TryGetValue(r, out var d))
            {
                Row("balance_change_import_tariff_effect", "usd", 0, d.ImportTariffEffectUsd);
                Row("balance_change_diversion_other", "usd", 0, d.DiversionOtherUsd);
                Row("balance_change_concessions", "usd", 0, d.ConcessionsUsd);
                Row("balance_change_commitments", "usd", 0, d.CommitmentsUsd);
            }

            foreach (var (partner, v) in r.Result.DivertedTo.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var b = r.Baseline.DivertedTo.GetValueOrDefault(partner);
                Row("import_change_from_partner", "usd", b, v, partner);
            }
        }

        return t;
    }

    /// <summary>One row per date where Vietnam's ETR changes.</summary>
    public static TidyTable Etr(Scenario scenario, IReadOnlyList<EtrPoint> path)
    {
        var kinds = Enum.GetValues<MeasureKind>();
        var t = new TidyTable(["scenario", "date", "etr_total", "etr_added_vs_2024", .. kinds.Select(k => $"share_under_{ScenarioJson.KindName(k).Replace('-', '_')}")]);
        foreach (var p in path)
        {
            t.Add([scenario.Name, p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.EtrTotal, p.EtrAddedVs2024, .. kinds.Select(k => (object?)p.ValueShareUnderLayer[k])]);
        }

        return t;
    }
}
