using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>A scenario run of the partial-equilibrium model: baseline versus scenario, with the full solver result.</summary>
public sealed class ScenarioRun
{
    private readonly BaselineDataset _baseline;

    internal ScenarioRun(BaselineDataset baseline, Scenario scenario, PeRunOptions options, EtrPoint etr, PeResult imports, ExportSideResult exports)
    {
        _baseline = baseline;
        Scenario = scenario;
        Options = options;
        VietnamEtr = etr;
        Imports = imports;
        Exports = exports;
        var vn = imports.SupplierTotals[baseline.IndexOfPartner(baseline.Vietnam)];
        double e0 = 0, e1 = 0;
        var lines = imports.Problem.LineCount;
        for (var i = 0; i < lines; i++)
        {
            var w = imports.Problem.LineBaselineImportsTariffInclusive[i];
            e0 += w;
            e1 += w * imports.LinePriceIndexRatio[i];
        }

        var priceChange = e0 > 0 ? e1 / e0 - 1 : 0;
        var diverted = imports.SupplierTotals.Where(s => s.Supplier != baseline.Vietnam.Name)
            .ToDictionary(s => s.Supplier, s => s.ImportChange, StringComparer.Ordinal);
        Baseline = new PeSideSummary(vn.BaselineImports, exports.BaselineUsd, exports.BaselineUsd - vn.BaselineImports, vn.BaselineRevenue, imports.Totals.BaselineRevenue, 0,
            PartnerDictionary.ByCensusName(diverted.ToDictionary(kv => kv.Key, _ => 0.0, StringComparer.Ordinal), baseline));
        Result = new PeSideSummary(vn.NewImports, exports.ScenarioUsd, exports.ScenarioUsd - vn.NewImports, vn.NewRevenue, imports.Totals.NewRevenue, priceChange,
            PartnerDictionary.ByCensusName(diverted, baseline));
    }

    /// <summary>The scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>The parameters used.</summary>
    public PeRunOptions Options { get; }

    /// <summary>Vietnam's fixed-weight ETR on the run date.</summary>
    public EtrPoint VietnamEtr { get; }

    /// <summary>The import-side solver result (cells in the dataset's order; suppliers = the dataset's partners).</summary>
    internal PeResult Imports { get; }

    /// <summary>Change of US consumer surplus on Vietnam's lines (the import side's exact CES measure), USD.</summary>
    public double ConsumerSurplusChangeUsd => Imports.Totals.ConsumerSurplusChange;

    /// <summary>The export side.</summary>
    public ExportSideResult Exports { get; }

    /// <summary>Baseline headline figures.</summary>
    public PeSideSummary Baseline { get; }

    /// <summary>Scenario headline figures.</summary>
    public PeSideSummary Result { get; }

    /// <summary>US imports from Vietnam in the scenario (<see cref="PeSideSummary.ImportsFromVietnamUsd"/> of <see cref="Result"/>).</summary>
    public double ImportsFromVietnamUsd => Result.ImportsFromVietnamUsd;

    /// <summary>The US bilateral balance with Vietnam in the scenario, exports − imports.</summary>
    public double BalanceUsd => Result.BalanceUsd;

    /// <summary>
    /// Change of US imports from each other supplier of Vietnam's lines; keyed by Census name, and any partner name is
    /// accepted: <c>DivertedTo["CHN"]</c>, <c>DivertedTo["china"]</c>, <c>DivertedTo["5700"]</c>.
    /// </summary>
    public IReadOnlyDictionary<string, double> DivertedTo => Result.DivertedTo;

    /// <summary>
    /// The run as a tidy table, one row per metric (columns scenario, date, metric, partner, unit, baseline, value,
    /// change): Vietnam's ETR, imports, exports, balance, tariff revenue, price index, consumer surplus, total US exports,
    /// then the change of imports from each other supplier (largest first). The same rows as <c>vietus-sim run --out</c>.
    /// </summary>
    /// <returns>The table.</returns>
    public TidyTable ToTable() => Table([this]);

    /// <summary>The tidy table of several runs (see <see cref="ToTable()"/>), with optional extra metrics per run.</summary>
    /// <param name="runs">The runs, in row order.</param>
    /// <param name="extraChanges">Metrics (USD, baseline 0) to add after a run's headline rows, e.g. a balance decomposition; null for none.</param>
    /// <returns>The table.</returns>
    public static TidyTable Table(IEnumerable<ScenarioRun> runs, Func<ScenarioRun, IEnumerable<KeyValuePair<string, double>>>? extraChanges = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var t = new TidyTable("scenario", "date", "metric", "partner", "unit", "baseline", "value", "change");
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
            Row("consumer_surplus_change", "usd", 0, r.ConsumerSurplusChangeUsd);
            Row("total_us_exports_change", "usd", 0, r.Exports.TotalUsExportsChangeUsd);
            foreach (var (metric, v) in extraChanges?.Invoke(r) ?? [])
            {
                Row(metric, "usd", 0, v);
            }

            foreach (var (partner, v) in r.Result.DivertedTo.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
            {
                Row("import_change_from_partner", "usd", r.Baseline.DivertedTo.GetValueOrDefault(partner), v, partner);
            }
        }

        return t;
    }

    /// <summary>Results by HS chapter (tidy rows, chapters with imports from Vietnam).</summary>
    /// <returns>The rows.</returns>
    internal IReadOnlyList<ChapterResult> ByChapter()
    {
        var p = Imports.Problem;
        var rows = new SortedDictionary<int, double[]>();
        var vnIndex = _baseline.IndexOfPartner(_baseline.Vietnam);
        for (var i = 0; i < p.LineCount; i++)
        {
            var ch = _baseline.LinesArray[i].Chapter;
            if (!rows.TryGetValue(ch, out var r))
            {
                rows[ch] = r = new double[6];
            }

            for (var c = p.LineOffsets[i]; c < p.LineOffsets[i + 1]; c++)
            {
                if (p.CellSuppliers[c] == vnIndex)
                {
                    r[0] += p.BaselineValues[c];
                    r[1] += Imports.CellNewImports[c];
                }
            }

            r[2] += p.LineBaselineImports[i];
            r[3] += Imports.LineNewImports[i];
            r[4] += p.LineBaselineImportsTariffInclusive[i];
            r[5] += p.LineBaselineImportsTariffInclusive[i] * Imports.LinePriceIndexRatio[i];
        }

        return rows.Select(kv => new ChapterResult(kv.Key, kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3], kv.Value[4] > 0 ? kv.Value[5] / kv.Value[4] - 1 : 0)).ToArray();
    }

    /// <summary>The lines with the largest change (absolute) of imports from Vietnam.</summary>
    /// <param name="count">How many.</param>
    /// <returns>The lines, largest change first.</returns>
    public IReadOnlyList<LineResult> TopLines(int count = 15)
    {
        var p = Imports.Problem;
        var lines = _baseline.LinesArray;
        return Enumerable.Range(0, p.LineCount)
            .Select(i =>
            {
                var c = p.LineOffsets[i];
                return new LineResult(lines[i].Code, lines[i].Description, p.BaselineValues[c], Imports.CellNewImports[c], p.Tariffs0[c], p.Tariffs1[c], lines[i].Sigma, lines[i].Epsilon);
            })
            .OrderByDescending(l => Math.Abs(l.ChangeUsd)).ThenBy(l => l.Code).Take(count).ToArray();
    }
}
