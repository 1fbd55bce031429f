using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>Which published σ the import side uses.</summary>
public enum SigmaSet
{
    /// <summary>Broda–Weinstein (2006) with the documented fallbacks and cap (every line has one).</summary>
    BrodaWeinstein,

    /// <summary>Hauk (2012) where a valid estimate matches, else Broda–Weinstein.</summary>
    Hauk2012,
}

/// <summary>Parameters of a partial-equilibrium scenario run; defaults are documented in docs/models/partial-equilibrium.md.</summary>
/// <param name="Date">The entry date whose tariff regime is applied (default 2025-12-01: 20% with the farm list in the real timeline).</param>
/// <param name="Sigma">Which σ set to use.</param>
/// <param name="SigmaScale">Multiplier on every line's σ (1 = as published; the projection uses it for short-run elasticities). σ stays ≥ 1.01.</param>
/// <param name="EpsilonScale">Multiplier on every line's ε.</param>
/// <param name="ExportSupplyElasticity">ω of every foreign supplier; +∞ (default) = full pass-through.</param>
/// <param name="VietnamImportDemandElasticity">ε of Vietnam's import demand (export side) [assumption: 1.0].</param>
/// <param name="VietnamSubstitutionElasticity">σ between suppliers in Vietnam's imports [5: trade elasticity 4, Simonovska &amp; Waugh 2014].</param>
/// <param name="UsShareOfVietnamImports">The US share of Vietnam's imports of each line [0.033: OECD ICIO 2022, USA→VNM goods / VNM goods imports].</param>
/// <param name="CommitmentMonths">Length of the window over which purchase commitments are counted, from <paramref name="Date"/> (default 12).</param>
/// <param name="FulfilmentOverride">If set, every commitment's fulfilment (else its central value).</param>
/// <param name="AdditionalityOverride">If set, every commitment's additionality.</param>
/// <param name="TransshipmentShareOverride">If set, replaces the share of goods of every transshipment measure in the scenario.</param>
public sealed record PeRunOptions(
    DateOnly Date,
    SigmaSet Sigma = SigmaSet.BrodaWeinstein,
    double SigmaScale = 1.0,
    double EpsilonScale = 1.0,
    double ExportSupplyElasticity = double.PositiveInfinity,
    double VietnamImportDemandElasticity = 1.0,
    double VietnamSubstitutionElasticity = 5.0,
    double UsShareOfVietnamImports = 0.033,
    int CommitmentMonths = 12,
    double? FulfilmentOverride = null,
    double? AdditionalityOverride = null,
    double? TransshipmentShareOverride = null)
{
    // Every field is checked when set, by the constructor and by a `with` expression alike, so no instance holds an invalid
    // value (ranges in docs/input-limits.md); Validate(scenario) adds the rule that joins the options to a scenario.

    /// <summary>Which σ set to use (a defined <see cref="SigmaSet"/>).</summary>
    public SigmaSet Sigma { get; init => field = CheckSigmaSet(value); } = CheckSigmaSet(Sigma);

    /// <summary>Multiplier on every line's σ, in (0, 100].</summary>
    public double SigmaScale { get; init => field = Scale(value, nameof(SigmaScale)); } = Scale(SigmaScale, nameof(SigmaScale));

    /// <summary>Multiplier on every line's ε, in (0, 100].</summary>
    public double EpsilonScale { get; init => field = Scale(value, nameof(EpsilonScale)); } = Scale(EpsilonScale, nameof(EpsilonScale));

    /// <summary>ω of every foreign supplier, in (0, 1,000] or +∞ (full pass-through).</summary>
    public double ExportSupplyElasticity { get; init => field = Omega(value); } = Omega(ExportSupplyElasticity);

    /// <summary>ε of Vietnam's import demand, in [0, 50].</summary>
    public double VietnamImportDemandElasticity { get; init => field = DemandElasticity(value); } = DemandElasticity(VietnamImportDemandElasticity);

    /// <summary>σ between suppliers in Vietnam's imports, in (0, 1,000].</summary>
    public double VietnamSubstitutionElasticity { get; init => field = SubstitutionElasticity(value); } = SubstitutionElasticity(VietnamSubstitutionElasticity);

    /// <summary>The US share of Vietnam's imports of each line, in (0, 1).</summary>
    public double UsShareOfVietnamImports { get; init => field = UsShare(value); } = UsShare(UsShareOfVietnamImports);

    /// <summary>Length of the commitment window, 1–600 months.</summary>
    public int CommitmentMonths { get; init => field = Months(value); } = Months(CommitmentMonths);

    /// <summary>If set, every commitment's fulfilment, in [0, 1].</summary>
    public double? FulfilmentOverride { get; init => field = Share(value, nameof(FulfilmentOverride)); } = Share(FulfilmentOverride, nameof(FulfilmentOverride));

    /// <summary>If set, every commitment's additionality, in [0, 1].</summary>
    public double? AdditionalityOverride { get; init => field = Share(value, nameof(AdditionalityOverride)); } = Share(AdditionalityOverride, nameof(AdditionalityOverride));

    /// <summary>If set, the share of goods of every transshipment measure, in [0, 1].</summary>
    public double? TransshipmentShareOverride { get; init => field = Share(value, nameof(TransshipmentShareOverride)); } = Share(TransshipmentShareOverride, nameof(TransshipmentShareOverride));

    /// <summary>The defaults with the regime of 2025-12-01.</summary>
    public static PeRunOptions Default { get; } = new(new DateOnly(2025, 12, 1));

    private static SigmaSet CheckSigmaSet(SigmaSet v) => FieldRule.Check(v, Enum.IsDefined(v), nameof(Sigma), "is not a defined σ set");

    private static double Scale(double v, string field) => FieldRule.Check(v, v is > 0 and <= 100, field, "must be a positive multiplier in (0, 100]");

    private static double Omega(double v) => FieldRule.Check(v, v is (> 0 and <= ValueRanges.MaxElasticity) or double.PositiveInfinity, nameof(ExportSupplyElasticity), "must be in (0, 1000] or +∞");

    private static double DemandElasticity(double v) => FieldRule.Check(v, v is >= 0 and <= 50, nameof(VietnamImportDemandElasticity), "must be in [0, 50]");

    private static double SubstitutionElasticity(double v) => FieldRule.Check(v, v is > 0 and <= ValueRanges.MaxElasticity, nameof(VietnamSubstitutionElasticity), "must be in (0, 1000]");

    private static double UsShare(double v) => FieldRule.Check(v, v is > 0 and < 1, nameof(UsShareOfVietnamImports), "must be in (0, 1)");

    private static int Months(int v) => FieldRule.Check(v, v is >= 1 and <= 600, nameof(CommitmentMonths), "must be 1–600");

    private static double? Share(double? v, string field) => FieldRule.Check(v, v is null or (>= 0 and <= 1), field, "must be in [0, 1]");

    /// <summary>Checks every field; since each field is checked when set, an instance is always valid and this does nothing more (kept for callers).</summary>
    /// <exception cref="ArgumentException">Never: a field out of range is refused when set (named with its value).</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Public API kept for callers; every rule is checked when a field is set.")]
    public void Validate()
    {
    }

    /// <summary>Checks every field and that the options can act on <paramref name="scenario"/>: a transshipment share needs a transshipment measure (it would otherwise do nothing, silently).</summary>
    /// <param name="scenario">The scenario the options will be used with.</param>
    /// <exception cref="ArgumentException">A field is out of range, or does not apply to the scenario (named).</exception>
    public void Validate(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Validate();
        if (TransshipmentShareOverride is not null && !scenario.Measures.Any(m => m.Kind == MeasureKind.Transshipment))
        {
#pragma warning disable CA2208 // the offending value is this record's field, named as such (as in Validate())
            throw new ArgumentException(
                $"TransshipmentShareOverride = {TransshipmentShareOverride}: scenario {scenario.Name} has no transshipment measure to act on (use real-2025-2026, transshipment-enforced or a scenario with one).",
                nameof(TransshipmentShareOverride));
#pragma warning restore CA2208
        }
    }
}

/// <summary>
/// Runs a policy scenario through the exact partial-equilibrium model on the bundled baseline: US imports by HTS10
/// line and supplier (import side), US exports to Vietnam by HS6 (export side) with purchase commitments, the
/// bilateral balance, tariff revenue, prices and diversion.
/// </summary>
/// <remarks>
/// <para>Import side: <see cref="PeSolver"/> (nested CES, exact; docs/models/partial-equilibrium.md) with the 2024
/// applied rates as t0 and the scenario's rates on <see cref="PeRunOptions.Date"/> as t1, ε and σ of each line from
/// the dataset (their sources travel with the lines). Export side: <see cref="UsExportResponse.Ces"/> per HS6 line with
/// Vietnam's MFN before Decree 73 as τ0 and the concessions in force on the date as τ1; commitments add
/// amount × fulfilment × the share of their period inside the window to US exports to Vietnam, and × additionality to
/// total US exports. A pure function of its inputs; thread-safe.</para>
/// </remarks>
public static class ScenarioModel
{
    /// <summary>Runs a scenario.</summary>
    /// <param name="baseline">The baseline.</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">Parameters (default <see cref="PeRunOptions.Default"/>).</param>
    /// <param name="library">Policy library (default: embedded).</param>
    /// <returns>The run.</returns>
    /// <exception cref="ArgumentException">Invalid options (named).</exception>
    /// <exception cref="ScenarioValidationException">The scenario references an unknown list or supplier.</exception>
    public static ScenarioRun Run(BaselineDataset baseline, Scenario scenario, PeRunOptions? options = null, PolicyLibrary? library = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= PeRunOptions.Default;
        options.Validate(scenario);
        library ??= PolicyLibrary.LoadEmbedded();
        if (options.TransshipmentShareOverride is { } share)
        {
            scenario = new Scenario(scenario.Name, scenario.Description, scenario.Sources,
                scenario.Measures.Select(m => m.Kind == MeasureKind.Transshipment ? m.WithShare(share) : m).ToArray(),
                scenario.Commitments, scenario.Concessions, scenario.Assumptions);
        }

        var schedule = TariffSchedule.Compile(scenario, baseline, library);
        var rates = schedule.RatesOn(options.Date);
        var problem = BuildProblem(baseline, rates.BaseToArray(), rates.ToArray(), options);
        var imports = PeSolver.Solve(problem);
        var exports = ExportSide(baseline, scenario, library, options);
        return new ScenarioRun(baseline, scenario, options, rates.VietnamEtr(baseline), imports, exports);
    }

    /// <summary>The PE problem of a baseline with given cell tariffs (cells in the dataset's line/supplier order).</summary>
    /// <param name="baseline">The baseline.</param>
    /// <param name="tariffs0">Baseline tariffs per cell.</param>
    /// <param name="tariffs1">New tariffs per cell.</param>
    /// <param name="options">Elasticity choices.</param>
    /// <returns>The problem (suppliers are the dataset's partners, by index).</returns>
    internal static PeProblem BuildProblem(BaselineDataset baseline, ReadOnlySpan<double> tariffs0, ReadOnlySpan<double> tariffs1, PeRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(options);
        var lines = baseline.LinesArray;
        var partnerIndex = new Dictionary<Partner, int>(ReferenceEqualityComparer.Instance);
        for (var p = 0; p < baseline.PartnersArray.Length; p++)
        {
            partnerIndex[baseline.PartnersArray[p]] = p;
        }

        var offsets = new int[lines.Length + 1];
        for (var i = 0; i < lines.Length; i++)
        {
            offsets[i + 1] = offsets[i] + lines[i].SuppliersArray.Length;
        }

        var n = offsets[^1];
        var suppliers = new int[n];
        var values = new double[n];
        var omega = double.IsPositiveInfinity(options.ExportSupplyElasticity) ? [] : new double[n];
        var eps = new double[lines.Length];
        var sigma = new double[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var s = lines[i].SuppliersArray;
            for (var k = 0; k < s.Length; k++)
            {
                suppliers[offsets[i] + k] = partnerIndex[s[k].Partner];
                values[offsets[i] + k] = s[k].ValueUsd;
                if (omega.Length > 0)
                {
                    omega[offsets[i] + k] = options.ExportSupplyElasticity;
                }
            }

            var sig = options.Sigma == SigmaSet.Hauk2012 && lines[i].SigmaHauk is { } h ? h.Value : lines[i].Sigma.Value;
            sigma[i] = Math.Max(1.01, sig * options.SigmaScale);
            eps[i] = lines[i].Epsilon.Value * options.EpsilonScale;
        }

        return new PeProblem(baseline.PartnersArray.Select(p => p.Name).ToArray(), offsets, suppliers, values, tariffs0, tariffs1, omega, eps, sigma,
            lines.Select(l => (string?)l.Code.Digits).ToArray());
    }

    /// <summary>The export side of a scenario on <see cref="PeRunOptions.Date"/>.</summary>
    /// <param name="baseline">The baseline.</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="library">The policy library.</param>
    /// <param name="options">Parameters.</param>
    /// <returns>The export-side result.</returns>
    public static ExportSideResult ExportSide(BaselineDataset baseline, Scenario scenario, PolicyLibrary library, PeRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(options);
        var date = options.Date;
        var active = scenario.Concessions.Where(c => c.From <= date).ToArray();
        var decree73 = active.Any(c => c.Kind == ConcessionKind.Decree73);
        var lines = baseline.ExportsArray;
        var x1 = new double[lines.Length];
        var tau0 = new double[lines.Length];
        var tau1 = new double[lines.Length];
        double baseTotal = 0, newTotal = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var code = lines[i].Code;
            var before = library.VietnamMfn(code, afterDecree73: false) ?? 0.0;
            var mfn = decree73 ? library.VietnamMfn(code, afterDecree73: true) ?? 0.0 : before;
            var us = mfn;
            foreach (var c in active)
            {
                if (c.Kind == ConcessionKind.UniformRate || (c.Kind == ConcessionKind.ListedProducts && c.Products.Any(p => p.Contains(code) || code.Contains(p))))
                {
                    us = Math.Min(us, c.Rate);
                }
            }

            tau0[i] = before;
            tau1[i] = us;
            x1[i] = us == before && mfn == before
                ? lines[i].Value2024Usd
                : UsExportResponse.Ces(lines[i].Value2024Usd, before, us, options.UsShareOfVietnamImports, options.VietnamImportDemandElasticity, options.VietnamSubstitutionElasticity, before, mfn);
            baseTotal += lines[i].Value2024Usd;
            newTotal += x1[i];
        }

        var end = date.AddMonths(options.CommitmentMonths);
        var commitments = scenario.Commitments.Select(c => new CommitmentEffect(c.Id,
            c.BilateralExportsUsd(date, end, options.FulfilmentOverride),
            c.AdditionalTotalExportsUsd(date, end, options.FulfilmentOverride, options.AdditionalityOverride))).ToArray();
        return new ExportSideResult(baseTotal, newTotal, tau0, tau1, x1, commitments, date, end);
    }
}

/// <summary>The effect of one purchase commitment in a run's window.</summary>
/// <param name="Id">The commitment id.</param>
/// <param name="BilateralExportsUsd">Added US exports to Vietnam.</param>
/// <param name="TotalExportsUsd">Added total US exports (the additional part).</param>
public sealed record CommitmentEffect(string Id, double BilateralExportsUsd, double TotalExportsUsd);

/// <summary>US exports to Vietnam in a scenario: tariff response by line plus commitments.</summary>
/// <param name="BaselineUsd">2024 exports to Vietnam.</param>
/// <param name="AfterTariffResponseUsd">Exports after Vietnam's tariff changes (before commitments).</param>
/// <param name="VietnamTariff0">Vietnam's tariff on US goods per export line, 2024 (MFN before Decree 73).</param>
/// <param name="VietnamTariff1">Vietnam's tariff on US goods per export line on the run date.</param>
/// <param name="LineExports">Exports per export line after the tariff response.</param>
/// <param name="Commitments">Each commitment's effect in the window.</param>
/// <param name="WindowStart">Start of the commitment window.</param>
/// <param name="WindowEnd">End of the commitment window (exclusive).</param>
public sealed record ExportSideResult(double BaselineUsd, double AfterTariffResponseUsd, IReadOnlyList<double> VietnamTariff0, IReadOnlyList<double> VietnamTariff1,
    IReadOnlyList<double> LineExports, IReadOnlyList<CommitmentEffect> Commitments, DateOnly WindowStart, DateOnly WindowEnd)
{
    /// <summary>Exports to Vietnam in the scenario: tariff response plus commitments.</summary>
    public double ScenarioUsd => AfterTariffResponseUsd + Commitments.Sum(c => c.BilateralExportsUsd);

    /// <summary>Change of total US exports (tariff response + additional part of the commitments).</summary>
    public double TotalUsExportsChangeUsd => AfterTariffResponseUsd - BaselineUsd + Commitments.Sum(c => c.TotalExportsUsd);
}

/// <summary>Headline figures of one side of a comparison (baseline or scenario), US dollars.</summary>
/// <param name="ImportsFromVietnamUsd">US imports from Vietnam at world (customs) prices.</param>
/// <param name="ExportsToVietnamUsd">US exports to Vietnam.</param>
/// <param name="BalanceUsd">Exports − imports.</param>
/// <param name="TariffRevenueUsd">Tariff revenue on imports from Vietnam.</param>
/// <param name="TariffRevenueAllSuppliersUsd">Tariff revenue on all suppliers of Vietnam's lines.</param>
/// <param name="ImportPriceIndexChange">Change of the tariff-inclusive import price index of Vietnam's lines (expenditure-weighted; 0 for the baseline).</param>
/// <param name="DivertedTo">Change of US imports from each other supplier of these lines (0 for the baseline), by supplier name.</param>
public sealed record PeSideSummary(double ImportsFromVietnamUsd, double ExportsToVietnamUsd, double BalanceUsd, double TariffRevenueUsd,
    double TariffRevenueAllSuppliersUsd, double ImportPriceIndexChange, IReadOnlyDictionary<string, double> DivertedTo);

/// <summary>One row of a tidy table of results by HS chapter.</summary>
/// <param name="Chapter">HS chapter.</param>
/// <param name="BaselineImportsFromVietnamUsd">2024 imports from Vietnam.</param>
/// <param name="ScenarioImportsFromVietnamUsd">Scenario imports from Vietnam.</param>
/// <param name="BaselineImportsAllUsd">2024 imports from all suppliers of these lines.</param>
/// <param name="ScenarioImportsAllUsd">Scenario imports from all suppliers.</param>
/// <param name="PriceIndexChange">Expenditure-weighted change of the lines' import price index.</param>
public sealed record ChapterResult(int Chapter, double BaselineImportsFromVietnamUsd, double ScenarioImportsFromVietnamUsd, double BaselineImportsAllUsd, double ScenarioImportsAllUsd, double PriceIndexChange);

/// <summary>One line's result.</summary>
/// <param name="Code">HTS10.</param>
/// <param name="Description">Description.</param>
/// <param name="BaselineImportsFromVietnamUsd">2024 imports from Vietnam.</param>
/// <param name="ScenarioImportsFromVietnamUsd">Scenario imports from Vietnam.</param>
/// <param name="VietnamRate0">Vietnam's 2024 applied rate.</param>
/// <param name="VietnamRate1">Vietnam's rate in the scenario.</param>
/// <param name="Sigma">σ used and its source.</param>
/// <param name="Epsilon">ε used and its source.</param>
public sealed record LineResult(HtsCode Code, string Description, double BaselineImportsFromVietnamUsd, double ScenarioImportsFromVietnamUsd, double VietnamRate0, double VietnamRate1, Elasticity Sigma, Elasticity Epsilon)
{
    /// <summary>Change of imports from Vietnam.</summary>
    public double ChangeUsd => ScenarioImportsFromVietnamUsd - BaselineImportsFromVietnamUsd;
}

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
    public IReadOnlyList<ChapterResult> ByChapter()
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
