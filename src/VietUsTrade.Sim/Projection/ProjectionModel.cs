using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Policy;

namespace VietUsTrade.Sim.Projection;

/// <summary>
/// A scenario prepared for projection: the monthly no-policy paths, the tariff regimes of the scenario's dated
/// timeline, and the PE response of each regime tabulated over the elasticity scale. <see cref="Deterministic"/> gives
/// the central monthly path; <see cref="MonteCarlo"/> draws the uncertain inputs through the same function.
/// </summary>
/// <remarks>
/// <para><b>Method</b> (docs/models/projection.md). Months run from January of the year after the baseline to the
/// horizon. The rate of every (line, supplier) cell in month m is the day-weighted mean of the scenario's rates over the
/// month (<see cref="TariffSchedule.RatesOn"/> on each piece between change dates). Consecutive months with identical
/// rates form a regime; regime j starts in month m_j with rates R_j (R_0 = the 2024 applied rates).</para>
/// <para>For each regime the exact CES PE model (<see cref="PeSolver"/>, all 7,272 lines and every supplier) is solved with
/// every line's σ and ε multiplied by a scale a on a grid of ln a (and, when the scenario has a transshipment measure, on
/// a grid of its share), giving L_j(a) = ln(imports from each supplier / 2024) and Vietnam's realised duty rate. Between
/// nodes the tables are interpolated (cubic in ln a, linear in the share).</para>
/// <para><b>Adjustment</b>: each regime change is phased in at its own age. With κ the adjustment kernel and S the
/// elasticity level (1 in the central path), ln Y(m) = Σ_{j: m_j ≤ m} [L_j(κ(m − m_j + ½)·S) − L_{j−1}(κ(m − m_j + ½)·S)]:
/// when all changes have the same age this telescopes to the response of the regime in force; it never resets the
/// response to old changes when a small new one arrives. Imports from supplier k in month m are the no-policy path
/// times Y_k(m). Vietnam's realised ETR in month m is the tabulated duty/value of the regime in force at its own age;
/// tariff revenue = imports × ETR.</para>
/// <para><b>Export side</b>: Vietnam's concessions in force on the 15th of the month, through
/// <see cref="ScenarioModel.ExportSide"/> with Vietnam's elasticities × κ (no S), phased in the same way; commitments add
/// amount × fulfilment × the share of their period that falls in the month (<see cref="PurchaseCommitment.ShareIn"/>).</para>
/// <para>Pure: the model holds only immutable arrays; evaluations allocate their own scratch space and are thread-safe.</para>
/// </remarks>
public sealed partial class ProjectionModel
{
    /// <summary>ln of the smallest elasticity scale on the grid (0.01: the response is then negligible); smaller scales are clamped to it.</summary>
    internal const double MinLogScale = -4.605170185988091;

    /// <summary>ln of the largest elasticity scale on the grid (4× the long-run values); larger scales are clamped to it.</summary>
    internal const double MaxLogScale = 1.3862943611198906;

    /// <summary>Default log growth of the no-policy export path: OLS slope of ln(annual US exports to Vietnam) on the year, 2013–2024 (Census total exports, FAS; +7.1%/yr).</summary>
    internal const double ExportLongRunLogGrowth = 0.06896;

    /// <summary>Standard error of <see cref="ExportLongRunLogGrowth"/> (OLS, 12 annual observations).</summary>
    internal const double ExportLongRunLogGrowthStdError = 0.01263;

    /// <summary>Default upper end of the transshipment-share grid when the scenario's own share is smaller.</summary>
    internal const double DefaultTransshipmentGridMax = 0.25;

    private readonly double[] _bWorldIndex;      // all-country imports path / 2024 annual total, per month
    private readonly double[] _supplierBase;     // 2024 imports of Vietnam's lines by partner
    private readonly int[] _regimeStart;         // month index of regime j = 1..J (array index j − 1)
    private readonly ResponseTable[] _diff;      // D_j = L_j − L_{j−1}
    private readonly ResponseTable[] _level;     // L_j (for the realised ETR)
    private readonly int[] _regimeOfMonth;       // j in force in month m (0 = 2024 rates)
    private readonly double[] _etrFixed0;        // fixed-weight ETR per month at share 0
    private readonly double[] _etrFixed1;        // … at share 1
    private readonly int[] _exportStart;
    private readonly ResponseTable[] _exportDiff;
    private readonly double[][] _commitmentShare; // [c][m]
    private readonly PurchaseCommitment[] _commitments;
    private readonly double _baseEtr;
    private readonly TableSet _allTables;
    private readonly int _rateDates;
    private readonly int _vn;
    private readonly int _cn;

    // Nowcast (ProjectionOptions.AsOf): set once by AttachNowcast inside Create, never after the model is returned.
    private StructuralTrend? _importNowcast;
    private StructuralTrend? _exportNowcast;
    private double[] _observedImports = [];    // months 0 … n−1 of the window observed up to the as-of month
    private double[] _observedExports = [];
    private double _importCentralGrowth;
    private double _exportCentralGrowth;
    private double[] _observedDuty = [];
    private double _collectedBaseRate;   // c₀·b: the 2024 statutory ETR times its 2024 collection ratio
    private double _collectionWedge = 1; // w = 1 − η on the policy increment
    private EntryLag _entryLag = EntryLag.Prior; // how collected duty trails a rise of the statutory rate
    private double[]? _fulfilmentMode;   // per commitment: the mode of fulfilment after the observed months (null = the scenario's)
    private Dictionary<string, (double Basket, double[] Rate)> _sectorCollectedRate = new(StringComparer.Ordinal); // τₛ(m) and basket hₛ by NAICS-3
    private string[] _sectorCodes = [];      // NAICS-3 sectors of the bundled lines
    private double[][] _sectorEtr0 = [];     // [m][s] statutory ETR of the sector's 2024 Vietnam basket, share 0
    private double[][] _sectorEtr1 = [];     // … share 1
    private double[] _sectorBaseEtr = [];    // [s] at 2024 rates
    private double[] _collectedRate = [];    // [m] the collected-rate layer per month (nowcast)

    private ProjectionModel(BaselineDataset baseline, Scenario scenario, ProjectionOptions options, BaselineTrend imports, BaselineTrend exports, BaselineTrend world,
        DateOnly first, int months, double[] worldIndex, double[] supplierBase, int[] regimeStart, ResponseTable[] diff, ResponseTable[] level, int[] regimeOfMonth,
        double[] etr0, double[] etr1, int[] exportStart, ResponseTable[] exportDiff, double[][] commitmentShare, double baseEtr, bool hasTransshipment,
        double centralShare, double shareGridMax, double hauk, int rateDates)
    {
        _rateDates = rateDates;
        Scenario = scenario;
        Options = options;
        ImportTrend = imports;
        ExportTrend = exports;
        WorldTrend = world;
        FirstMonth = first;
        MonthCount = months;
        _bWorldIndex = worldIndex;
        _supplierBase = supplierBase;
        _regimeStart = regimeStart;
        _diff = diff;
        _level = level;
        _regimeOfMonth = regimeOfMonth;
        _etrFixed0 = etr0;
        _etrFixed1 = etr1;
        _exportStart = exportStart;
        _exportDiff = exportDiff;
        _commitmentShare = commitmentShare;
        _commitments = scenario.Commitments.ToArray();
        _baseEtr = baseEtr;
        HasTransshipment = hasTransshipment;
        CentralTransshipmentShare = centralShare;
        TransshipmentGridMax = shareGridMax;
        HaukElasticityLogSd = hauk;
        Suppliers = baseline.PartnersArray.Select(p => p.Name).ToArray();
        Partners = baseline.PartnersArray;
        _vn = baseline.IndexOfPartner(baseline.Vietnam);
        VietnamSupplierIndex = _vn;
        _cn = baseline.PartnersArray.Select((p, i) => (p, i)).Where(x => x.p.CensusCode == Products.Partner.ChinaCode).Select(x => x.i).DefaultIfEmpty(-1).First();
        _allTables = new TableSet(diff, level, Enumerable.Range(0, Suppliers.Count).ToArray());
    }

    /// <summary>The scenario.</summary>
    internal Scenario Scenario { get; }

    /// <summary>The options.</summary>
    internal ProjectionOptions Options { get; private set; }

    /// <summary>The no-policy path of US imports from Vietnam.</summary>
    internal BaselineTrend ImportTrend { get; }

    /// <summary>The no-policy path of US exports to Vietnam.</summary>
    internal BaselineTrend ExportTrend { get; }

    /// <summary>The no-policy path of US imports from all countries (it scales the competitors' baseline).</summary>
    internal BaselineTrend WorldTrend { get; }

    /// <summary>The first projected month (January after the baseline year).</summary>
    public DateOnly FirstMonth { get; }

    /// <summary>Number of projected months.</summary>
    public int MonthCount { get; }

    /// <summary>The months, in order.</summary>
    internal IEnumerable<DateOnly> Months => Enumerable.Range(0, MonthCount).Select(FirstMonth.AddMonths);

    /// <summary>Supplier names (the dataset's partners, by index).</summary>
    public IReadOnlyList<string> Suppliers { get; }

    /// <summary>Index of Vietnam in <see cref="Suppliers"/>.</summary>
    public int VietnamSupplierIndex { get; }

    /// <summary>2024 US imports of Vietnam's lines from each supplier, US dollars.</summary>
    internal IReadOnlyList<double> SupplierBaselineUsd => _supplierBase;

    /// <summary>Number of tariff regimes after the 2024 rates within the horizon.</summary>
    internal int RegimeCount => _regimeStart.Length;

    /// <summary>The first month of each regime (after the 2024 rates).</summary>
    internal IReadOnlyList<DateOnly> RegimeStarts => _regimeStart.Select(FirstMonth.AddMonths).ToArray();

    /// <summary>Diagnostics of the preparation: the PE evaluations tabulated (regimes × share nodes × elasticity nodes) and the dates on which the rate schedule was evaluated.</summary>
    internal (int PeEvaluations, int RateDates) PreparationDiagnostics => (_level.Sum(t => t.SNodes * t.XNodes), _rateDates);

    /// <summary>True when the scenario has a transshipment measure (its share is then an uncertain input).</summary>
    internal bool HasTransshipment { get; }

    /// <summary>The scenario's transshipment share (the first transshipment measure's), 0 when none.</summary>
    internal double CentralTransshipmentShare { get; }

    /// <summary>The upper end of the share grid: max(the scenario's share, 0.25). Drawn shares are clamped to it.</summary>
    internal double TransshipmentGridMax { get; }

    /// <summary>The value-weighted mean relative standard error of ε over Vietnam's lines with a Hauk (2012) standard error: the default λ of the elasticity level.</summary>
    internal double HaukElasticityLogSd { get; }

    /// <summary>Prepares a scenario for projection.</summary>
    /// <param name="baseline">The baseline dataset.</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">Options (default <see cref="ProjectionOptions.Default"/>).</param>
    /// <param name="library">The policy library (default: embedded).</param>
    /// <param name="cancellationToken">Cancels the table building.</param>
    /// <returns>The prepared model.</returns>
    /// <exception cref="ArgumentException">Invalid options (named).</exception>
    /// <exception cref="ScenarioValidationException">The scenario references an unknown list or supplier.</exception>
    public static ProjectionModel Create(BaselineDataset baseline, Scenario scenario, ProjectionOptions? options = null, PolicyLibrary? library = null, CancellationToken cancellationToken = default) =>
        Create(baseline, scenario, options, library, null, cancellationToken);

    /// <summary>Prepares a projection, as of <see cref="ProjectionOptions.AsOf"/> when set, with the observed data given.</summary>
    /// <param name="baseline">The baseline dataset (2024 calibration year).</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">Options (default <see cref="ProjectionOptions.Default"/>).</param>
    /// <param name="library">The policy library (default: embedded).</param>
    /// <param name="observed">The observed months (default: the embedded data). Only the months up to the as-of month are read (the copy is cut with <see cref="ObservedTrade.AsOf"/> first); ignored without an as-of month.</param>
    /// <param name="cancellationToken">Cancels the table building.</param>
    /// <returns>The prepared model.</returns>
    /// <exception cref="ArgumentException">Invalid options, or an as-of month after the observed data (named).</exception>
    /// <exception cref="ScenarioValidationException">The scenario references an unknown list or supplier.</exception>
    public static ProjectionModel Create(BaselineDataset baseline, Scenario scenario, ProjectionOptions? options, PolicyLibrary? library, ObservedTrade? observed, CancellationToken cancellationToken = default) =>
        CreateCore(baseline, scenario, options, library, observed, null, cancellationToken);

    /// <summary>
    /// A projection in which only the suppliers accepted by <paramref name="ratesFollowScenario"/> face the scenario's
    /// rates (every other cell keeps its 2024 applied rate): the building block of the ex-post attribution (own tariffs,
    /// then China's, then everyone's).
    /// </summary>
    internal static ProjectionModel CreateWithRatesOf(BaselineDataset baseline, Scenario scenario, ProjectionOptions? options, PolicyLibrary? library, Func<int, bool> ratesFollowScenario,
        CancellationToken cancellationToken = default) =>
        CreateCore(baseline, scenario, options, library, null, ratesFollowScenario, cancellationToken);

    /// <summary>The central inputs: elasticity level 1, the options' kernel, the scenario's transshipment share, central fulfilment and additionality, estimated (or given) growth.</summary>
    internal ProjectionInputs CentralInputs => _importNowcast is null
        ? new(1.0, Options.KernelOrDefault, CentralTransshipmentShare, null, null, ImportTrend.LogGrowthPerYear, ExportTrend.LogGrowthPerYear, null, CentralRelocationShare)
        : new(1.0, Options.KernelOrDefault, CentralTransshipmentShare, null, null, _importCentralGrowth, _exportCentralGrowth, null, CentralRelocationShare);

    /// <summary>The central relocation share ρ (<see cref="ProjectionOptions.RelocationShareOrDefault"/>); 0 when the baseline has no China.</summary>
    internal double CentralRelocationShare => _cn >= 0 ? Options.RelocationShareOrDefault : 0.0;

    /// <summary>The suppliers as partners (Census code and name), in <see cref="Suppliers"/> order.</summary>
    public IReadOnlyList<Products.Partner> Partners { get; }

    /// <summary>
    /// The no-policy US imports of Vietnam's lines from a competitor in a month of the window: its 2024 imports of those
    /// lines × the all-country index of the month. A competitor's projected imports are this plus its diversion
    /// (<see cref="MonteCarloResult.DivertedToMonthly"/>); 0 for Vietnam (use the imports path).
    /// </summary>
    /// <param name="supplier">Index in <see cref="Suppliers"/>.</param>
    /// <param name="month">Month index from <see cref="FirstMonth"/>.</param>
    /// <returns>US dollars.</returns>
    public double CompetitorNoPolicyImportsUsd(int supplier, int month)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(supplier);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(supplier, Suppliers.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(month);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(month, MonthCount);
        return supplier == _vn ? 0.0 : _supplierBase[supplier] * _bWorldIndex[month];
    }

    /// <summary>China's index in <see cref="Suppliers"/> (the source of relocation), or −1.</summary>
    internal int ChinaSupplierIndex => _cn;

    /// <summary>The as-of month of a nowcast (<see cref="ProjectionOptions.AsOf"/>), or null.</summary>
    public DateOnly? AsOf => Options.AsOfMonth;

    /// <summary>The vintage of the observed data a nowcast used (with its as-of month), or null without one.</summary>
    internal string? ObservedVintage { get; private set; }

    /// <summary>The state-space no-policy model of imports from Vietnam fitted up to the as-of month, or null without a nowcast.</summary>
    internal StructuralTrend? ImportNowcast => _importNowcast;

    /// <summary>The state-space no-policy model of US exports to Vietnam fitted up to the as-of month, or null without a nowcast.</summary>
    internal StructuralTrend? ExportNowcast => _exportNowcast;

    /// <summary>How many months at the start of the window hold observed imports from Vietnam (reported as observed; 0 without a nowcast).</summary>
    public int ObservedImportMonths => _observedImports.Length;

    /// <summary>How many months at the start of the window hold observed US exports to Vietnam.</summary>
    internal int ObservedExportMonths => _observedExports.Length;

    /// <summary>Yale Budget Lab's compliance effect c = 0.10 (config/global_assumptions.yaml): the prior collection ratio of a policy increment, 1 − c, before any month under higher rates is observed.</summary>
    internal const double PriorCollectionWedge = 0.90;

    /// <summary>
    /// The pooled calibration of the collected-rate layer of a nowcast: c₀·b + w·(ETR − b), b = the 2024 statutory ETR, c₀ its
    /// collection ratio in the observed 2024 months, w the collection ratio of the policy increment (Yale Budget Lab's
    /// 1 − η, applied to the increment only). Projected months use the same rule by NAICS-3 sector on the observed basket
    /// (<see cref="CollectedRatePath"/>), with this w for sectors that have no month of their own to estimate it. w is estimated on the last three observed months up to as-of with ETR − b ≥ 1 pp, leaving out
    /// the month of a rise of the statutory ETR by 1 pp or more and the month after it (goods in transit enter at the old
    /// rates) (<see cref="PriorCollectionWedge"/> when there is none). Observed months carry Census calculated duty.
    /// (1, 1) without a nowcast: revenue is imports × the statutory ETR.
    /// </summary>
    internal (double CalibrationRatio, double IncrementRatio) CollectionRatios => (_baseEtr > 0 ? _collectedBaseRate / _baseEtr : 1.0, _collectionWedge);

    /// <summary>The collected rate the layer projects for each month of the window (empty without a nowcast or sector data): revenue of a projected month = imports × this rate.</summary>
    internal IReadOnlyList<double> CollectedRatePath => _collectedRate;

    /// <summary>How the collected-rate layer was calibrated (null without a nowcast).</summary>
    internal string? CollectedRateMethod { get; private set; }

    /// <summary>The central annual log growth of the no-policy imports path (estimated or given) and its standard error, whichever baseline is in use.</summary>
    internal (double LogGrowthPerYear, double StdError) ImportGrowth => _importNowcast is { } n ? (_importCentralGrowth, n.LogGrowthStdError) : (ImportTrend.LogGrowthPerYear, ImportTrend.LogGrowthStdError);

    /// <summary>The central annual log growth of the no-policy exports path and its standard error.</summary>
    internal (double LogGrowthPerYear, double StdError) ExportGrowth => _exportNowcast is { } n ? (_exportCentralGrowth, n.LogGrowthStdError) : (ExportTrend.LogGrowthPerYear, ExportTrend.LogGrowthStdError);

    /// <summary>The deterministic projection (central inputs).</summary>
    /// <returns>The monthly path with its baseline.</returns>
    public ProjectionPath Deterministic() => Project(CentralInputs);

    /// <summary>The projection for given inputs.</summary>
    /// <param name="inputs">The inputs.</param>
    /// <returns>The monthly path.</returns>
    /// <exception cref="ArgumentException">An input is out of range (named with its value).</exception>
    internal ProjectionPath Project(ProjectionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        inputs.Validate();
        var m = MonthCount;
        var p = Suppliers.Count;
        var buffers = new EvaluationBuffers(m, p);
        Evaluate(inputs, buffers);
        var rows = new ProjectionMonth[m];
        for (var i = 0; i < m; i++)
        {
            var diverted = new double[p];
            for (var k = 0; k < p; k++)
            {
                diverted[k] = buffers.Diversion[(i * p) + k];
            }

            rows[i] = new ProjectionMonth(FirstMonth.AddMonths(i), buffers.BaseImports[i], buffers.Imports[i], buffers.BaseExports[i], buffers.Exports[i],
                buffers.BaseImports[i] * _baseEtr, buffers.Revenue[i], _baseEtr, buffers.Etr[i], buffers.EtrFixed[i], buffers.CommitmentExports[i],
                buffers.AdditionalExports[i], diverted);
        }

        return new ProjectionPath(Scenario.Name, Suppliers, VietnamSupplierIndex, rows, Describe(inputs));
    }

    /// <summary>A statement of the assumptions behind a path (baseline method, kernel, inputs).</summary>
    /// <param name="inputs">The inputs.</param>
    /// <returns>Lines of text.</returns>
    internal IReadOnlyList<string> Describe(ProjectionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var ic = CultureInfo.InvariantCulture;
        string[] baselines = _importNowcast is { } ni && _exportNowcast is { } ne
            ?
            [
                $"observed data: {ObservedVintage}; months up to the as-of month are observed values, later months are projected",
                string.Create(ic, $"baseline imports from Vietnam (imports for consumption): {ni.Method}; net of the model's own policy effect in {ObservedImportMonths} observed projection month(s); central slope {Math.Exp(_importCentralGrowth) - 1:+0.0%;-0.0%}/yr"),
                string.Create(ic, $"baseline exports to Vietnam (total exports, FAS): {ne.Method}; net of the model's concessions and commitments in {ObservedExportMonths} observed projection month(s); central slope {Math.Exp(_exportCentralGrowth) - 1:+0.0%;-0.0%}/yr"),
            ]
            :
            [
                $"baseline imports from Vietnam (imports for consumption): {ImportTrend.Method}; anchored to the {ImportTrend.BaselineYear} total",
                $"baseline exports to Vietnam (total exports, FAS): {ExportTrend.Method}; anchored to the {ExportTrend.BaselineYear} total",
            ];
        return
        [
            .. baselines,
            $"competitors' baseline: {WorldTrend.Method}",
            .. (CollectedRateMethod is { } crm ? new[] { crm } : ["tariff revenue: imports × the model's realised statutory ETR (no collected-rate layer without an as-of month)"]),
            .. (CommitmentMethod is { } cmm ? new[] { cmm } : []),
            string.Create(ic, $"adjustment kernel: {inputs.Kernel}; elasticity level S = {inputs.ElasticityScale:0.###} × the dataset's long-run σ and ε ({Options.Sigma})"),
            string.Create(ic, $"tariff regimes: {RegimeCount} within the horizon; transshipment share {inputs.TransshipmentShare:0.###}"),
            inputs.RelocationShare > 0
                ? string.Create(ic, $"relocation: Vietnam gains ρ = {inputs.RelocationShare:0.###} of China's projected loss of US imports of Vietnam's lines on top of CES substitution (default 0.075: CES ≈ 0.08 + ρ ≈ Vietnam's gain over China's loss 2018–19; docs/models/projection.md)")
                : "relocation: off (CES substitution only)",
            Options.AnticipationMonths > 0
                ? string.Create(ic, $"anticipation: front-loading over {Options.AnticipationMonths} months before each rise of the fixed-weight ETR (φ = {Options.AnticipationElasticity}), drawn down over the same number of months after")
                : "anticipation: off",
        ];
    }

    /// <summary>The response tables restricted to Vietnam, the given suppliers and the duty rate (outputs 0, 1..n, n+1).</summary>
    internal TableSet Tables(int[] suppliers)
    {
        int[] outputs = [0, .. suppliers.Select(k => 1 + k), Suppliers.Count + 1];
        return new TableSet(_diff.Select(t => t.Select(outputs)).ToArray(), _level.Select(t => t.Select(outputs)).ToArray(), suppliers);
    }

    internal void Evaluate(ProjectionInputs inputs, EvaluationBuffers b, TableSet? tables = null)
    {
        tables ??= _allTables;
        var months = MonthCount;
        var p = Suppliers.Count;
        var q = tables.Suppliers.Length + 2;
        var lnKappa = b.LnKappa;
        for (var age = 0; age < months; age++)
        {
            lnKappa[age] = Math.Log(Math.Max(inputs.Kernel.Scale(age + 0.5), 1e-300));
        }

        var nImp = _observedImports.Length;
        var nExp = _observedExports.Length;
        if (_importNowcast is { } ni && _exportNowcast is { } ne)
        {
            if (inputs.BaselinePathSeed is { } ps)
            {
                var rng = new DrawRandom(ps, 0);
                ni.Draw(FirstMonth.AddMonths(nImp), inputs.ImportLogGrowthPerYear, ref rng, b.BaseImports.AsSpan(nImp));
                ne.Draw(FirstMonth.AddMonths(nExp), inputs.ExportLogGrowthPerYear, ref rng, b.BaseExports.AsSpan(nExp));
            }
            else
            {
                ni.Fill(FirstMonth.AddMonths(nImp), inputs.ImportLogGrowthPerYear, b.BaseImports.AsSpan(nImp));
                ne.Fill(FirstMonth.AddMonths(nExp), inputs.ExportLogGrowthPerYear, b.BaseExports.AsSpan(nExp));
            }
        }
        else
        {
            ImportTrend.Fill(FirstMonth, inputs.ImportLogGrowthPerYear, b.BaseImports);
            ExportTrend.Fill(FirstMonth, inputs.ExportLogGrowthPerYear, b.BaseExports);
        }
        var lnS = Math.Log(inputs.ElasticityScale);
        var share = inputs.TransshipmentShare;
        var acc = b.Accumulator;
        var cnAt = _cn >= 0 ? Array.IndexOf(tables.Suppliers, _cn) : -1;
        var fulfil = new double[_commitments.Length];
        var additional = new double[_commitments.Length];
        for (var c = 0; c < _commitments.Length; c++)
        {
            var cm = _commitments[c];
            var mode = _fulfilmentMode?[c] ?? cm.Fulfilment;
            fulfil[c] = inputs.FulfilmentQuantile is { } uf ? Distributions.Triangular(uf, cm.FulfilmentLow, mode, cm.FulfilmentHigh) : mode;
            additional[c] = inputs.AdditionalityQuantile is { } ua ? Distributions.Triangular(ua, cm.AdditionalityLow, cm.Additionality, cm.AdditionalityHigh) : cm.Additionality;
        }

        for (var m = 0; m < months; m++)
        {
            acc.AsSpan(0, q).Clear();
            var current = _regimeOfMonth[m];
            var xCurrent = 0.0;
            for (var j = 0; j < current; j++)
            {
                var x = lnKappa[m - _regimeStart[j]] + lnS;
                tables.Diff[j].AddTo(x, share, acc.AsSpan(0, q));
                xCurrent = x;
            }

            // Relocation: ρ × China's projected loss (of Vietnam's lines) moves to Vietnam on top of CES substitution.
            var relocated = 0.0;
            if (cnAt >= 0 && inputs.RelocationShare > 0)
            {
                relocated = inputs.RelocationShare * Math.Max(-_supplierBase[_cn] * _bWorldIndex[m] * (Math.Exp(acc[1 + cnAt]) - 1.0), 0.0);
            }

            b.Relocated[m] = relocated;
            double imports;
            if (m < nImp)
            {
                // Observed month: the data are the outcome; the no-policy counterfactual is what the model's policy effect implies.
                imports = _observedImports[m];
                b.BaseImports[m] = Math.Max(imports - relocated, 0.05 * imports) / Math.Exp(acc[0]);
            }
            else
            {
                imports = (b.BaseImports[m] * Math.Exp(acc[0])) + relocated;
            }

            b.Imports[m] = imports;
            var etr = current == 0 ? _baseEtr : tables.Level[current - 1].Value(xCurrent, share, q - 1);
            b.Etr[m] = etr;
            var tk = tables.Suppliers;
            for (var i = 0; i < tk.Length; i++)
            {
                var k = tk[i];
                b.Diversion[(m * p) + k] = k == _vn ? 0.0 : _supplierBase[k] * _bWorldIndex[m] * (Math.Exp(acc[1 + i]) - 1.0);
            }

            b.EtrFixed[m] = _etrFixed0[m] + (share * (_etrFixed1[m] - _etrFixed0[m]));

            double lnX = 0;
            for (var j = 0; j < _exportStart.Length && _exportStart[j] <= m; j++)
            {
                var x = lnKappa[m - _exportStart[j]];
                lnX += _exportDiff[j].Value(x, 0.0, 0);
            }

            double commit = 0, add = 0;
            for (var c = 0; c < _commitments.Length; c++)
            {
                var v = _commitments[c].AmountUsd * fulfil[c] * _commitmentShare[c][m];
                commit += v;
                add += v * additional[c];
            }

            b.CommitmentExports[m] = commit;
            b.AdditionalExports[m] = add;
            if (m < nExp)
            {
                b.Exports[m] = _observedExports[m];
                b.BaseExports[m] = Math.Max(_observedExports[m] - commit, 0.0) / Math.Exp(lnX);
            }
            else
            {
                b.Exports[m] = (b.BaseExports[m] * Math.Exp(lnX)) + commit;
            }
        }

        // Anticipation: front-load before each rise of the fixed-weight ETR, draw down after; nets to zero.
        var a = Options.AnticipationMonths;
        if (a > 0)
        {
            foreach (var start in _regimeStart)
            {
                var before = start == 0 ? _baseEtr : b.EtrFixed[start - 1];
                var rise = b.EtrFixed[start] - before;
                if (rise <= 0)
                {
                    continue;
                }

                if (start - a < nImp)
                {
                    continue; // the front-loading window lies (partly) in observed months: the data already hold it
                }

                double total = 0;
                for (var m = Math.Max(0, start - a); m < start; m++)
                {
                    var extra = Options.AnticipationElasticity * rise * b.BaseImports[m];
                    b.Imports[m] += extra;
                    total += extra;
                }

                var after = Math.Min(months, start + a) - start;
                for (var m = start; m < start + after; m++)
                {
                    b.Imports[m] -= total / after;
                }
            }
        }

        if (_importNowcast is null)
        {
            for (var m = 0; m < months; m++)
            {
                b.Revenue[m] = b.Imports[m] * b.Etr[m];
            }
        }
        else
        {
            var nDuty = _observedDuty.Length;
            for (var m = 0; m < months; m++)
            {
                b.Revenue[m] = m < nDuty ? _observedDuty[m]
                    : b.Imports[m] * (_collectedRate.Length == months ? _collectedRate[m] : _collectedBaseRate + (_collectionWedge * (_entryLag.Apply(b.Etr, m, _baseEtr) - _baseEtr)));
            }
        }
    }

    /// <summary>
    /// Fits the state-space no-policy paths on the observed histories <paramref name="seen"/> (cut at the as-of month by <see cref="ObservedTrade.AsOf"/>), net of
    /// the model's own central policy effect in the projected months, and keeps the observed months of the window.
    /// </summary>
    private void AttachNowcast(ObservedTrade seen)
    {
        // The one cut: every reader below uses these data whole, so nothing after the as-of month can reach the model.
        var asOf = seen.AsOfMonth ?? throw new InvalidOperationException("A nowcast needs observed data cut at its as-of month (ObservedTrade.AsOf).");
        UpdateFulfilment(seen);
        var legacy = new EvaluationBuffers(MonthCount, Suppliers.Count);
        Evaluate(CentralInputs, legacy);
        int Index(DateOnly month) => ((month.Year - FirstMonth.Year) * 12) + month.Month - FirstMonth.Month;

        var imports = Contiguous(seen.Get(ObservedTrade.VietnamImportsHistoryKey));
        var yi = new double[imports.Length];
        var obsImp = new List<double>();
        for (var i = 0; i < imports.Length; i++)
        {
            var k = Index(imports[i].Month);
            yi[i] = Math.Log(imports[i].ValueUsd);
            if (k >= 0)
            {
                // no-policy = (observed − relocated) / exp(own-tariff and CES response), at the central inputs
                var v = imports[i].ValueUsd;
                var response = (legacy.Imports[k] - legacy.Relocated[k]) / legacy.BaseImports[k];
                yi[i] = Math.Log(Math.Max(v - legacy.Relocated[k], 0.05 * v) / response);
                obsImp.Add(v);
            }
        }

        var exports = Contiguous(seen.Get(ObservedTrade.VietnamExportsKey));
        var ye = new double[exports.Length];
        var obsExp = new List<double>();
        for (var i = 0; i < exports.Length; i++)
        {
            var k = Index(exports[i].Month);
            var v = exports[i].ValueUsd;
            if (k >= 0)
            {
                obsExp.Add(v);
                var lnX = Math.Log((legacy.Exports[k] - legacy.CommitmentExports[k]) / legacy.BaseExports[k]);
                v = Math.Max(v - legacy.CommitmentExports[k], 0.05 * v) / Math.Exp(lnX);
            }

            ye[i] = Math.Log(v);
        }

        // The two fits are independent (each maximises its own likelihood from fixed starts): on two threads, same results.
        StructuralTrend? importFit = null, exportFit = null;
        Parallel.Invoke(
            () => importFit = StructuralTrend.Fit("US imports for consumption from Vietnam, no policy", $"{ObservedTrade.VietnamImportsHistoryKey}", imports[0].Month, yi),
            () => exportFit = StructuralTrend.Fit("US total exports to Vietnam, no policy", $"{ObservedTrade.VietnamExportsKey}", exports[0].Month, ye));
        _importNowcast = importFit!;
        _exportNowcast = exportFit!;
        _observedImports = obsImp.ToArray();
        _observedExports = obsExp.ToArray();
        _importCentralGrowth = Options.ImportGrowthPerYear is { } gi ? Math.Log(1 + gi) : _importNowcast.LogGrowthPerYear;
        _exportCentralGrowth = Options.ExportGrowthPerYear is { } ge ? Math.Log(1 + ge) : _exportNowcast.LogGrowthPerYear;
        ObservedVintage = string.Create(CultureInfo.InvariantCulture, $"{seen.Vintage}; as of {asOf:yyyy-MM} (imports to {imports[^1].Month:yyyy-MM}, exports to {exports[^1].Month:yyyy-MM})");
        CalibrateCollectedRate(seen, asOf, legacy, Index);
    }

    /// <summary>The commitments' fulfilment after the observed months: how each was drawn (null without a nowcast or commitments).</summary>
    public string? CommitmentMethod { get; private set; }

    /// <summary>
    /// Conditions each commitment's fulfilment on the observed months up to as-of: r = (US exports to Vietnam of its HS
    /// headings − the same months a year earlier) / the amount committed in those months; with three or more such months
    /// the mode of the fulfilment distribution becomes r clamped to the scenario's [low, high] (r bounds fulfilment ×
    /// additionality from above only if nothing else moved those exports).
    /// </summary>
    private void UpdateFulfilment(ObservedTrade seen)
    {
        if (_commitments.Length == 0)
        {
            return;
        }

        const string Prefix = "exports/VIETNAM/hs4/";
        var ic = CultureInfo.InvariantCulture;
        var headings = seen.Series.Where(s => s.Key.StartsWith(Prefix, StringComparison.Ordinal)).ToArray();
        var modes = new double[_commitments.Length];
        var notes = new List<string>();
        for (var c = 0; c < _commitments.Length; c++)
        {
            var cm = _commitments[c];
            var cuts = cm.ObservedHeadings();
            var values = new Dictionary<DateOnly, double>();
            foreach (var s in headings.Where(s => cuts.Any(k => s.Key[Prefix.Length..].StartsWith(k, StringComparison.Ordinal))))
            {
                foreach (var p in s.Points)
                {
                    values[p.Month] = values.GetValueOrDefault(p.Month) + p.ValueUsd;
                }
            }

            var months = values.Keys.Where(m => cm.ShareIn(m, m.AddMonths(1)) > 0 && values.ContainsKey(m.AddYears(-1))).ToArray();
            var committed = months.Sum(m => cm.AmountUsd * cm.ShareIn(m, m.AddMonths(1)));
            modes[c] = cm.Fulfilment;
            if (months.Length >= 3 && committed > 0)
            {
                var r = months.Sum(m => values[m] - values[m.AddYears(-1)]) / committed;
                modes[c] = Math.Clamp(r, cm.FulfilmentLow, cm.FulfilmentHigh);
                notes.Add(string.Create(ic, $"{cm.Id} {modes[c]:0.00} (observed change / committed = {r:0.00} over {months.Length} months)"));
            }
            else
            {
                notes.Add(string.Create(ic, $"{cm.Id} {modes[c]:0.00} (scenario; {months.Length} observed months)"));
            }
        }

        _fulfilmentMode = modes;
        CommitmentMethod = "commitments' fulfilment mode after the observed months (observed change of US exports of the HS headings / amount committed, clamped to the scenario's range): " + string.Join("; ", notes);
    }

    private void CalibrateCollectedRate(ObservedTrade seen, DateOnly asOf, EvaluationBuffers legacy, Func<DateOnly, int> index)
    {
        var ic = CultureInfo.InvariantCulture;
        var duty = seen.Find(ObservedTrade.VietnamImportsKey)?.Points.ToArray() ?? [];
        double d0 = 0, v0 = 0;
        foreach (var p in duty.Where(p => p.Month < FirstMonth && p.Month >= FirstMonth.AddMonths(-12)))
        {
            d0 += p.DutyUsd;
            v0 += p.ValueUsd;
        }

        var c0 = v0 > 0 && _baseEtr > 0 ? d0 / (v0 * _baseEtr) : 1.0;
        _collectedBaseRate = c0 * _baseEtr;
        var inWindow = duty.Where(p => index(p.Month) >= 0).ToArray();
        _observedDuty = inWindow.Select(p => p.DutyUsd).ToArray();
        double num = 0, den = 0;
        var used = new List<string>();
        foreach (var p in inWindow.Reverse())
        {
            var k = index(p.Month);
            var increment = legacy.Etr[k] - _baseEtr;
            if (increment < 0.01 || Rose(k) || Rose(k - 1))
            {
                continue; // no policy increment, or a month of a rate rise or the one after it (goods in transit enter at the old rates)
            }

            num += p.DutyUsd - (_collectedBaseRate * p.ValueUsd);
            den += increment * p.ValueUsd;
            used.Add(p.Month.ToString("yyyy-MM", ic));
            if (used.Count == 3)
            {
                break;
            }
        }

        _collectionWedge = den > 0 ? Math.Clamp(num / den, 0.0, 1.2) : PriorCollectionWedge;
        var lagMonths = new List<(double E0, double E1, double E2, double Y)>();
        if (_collectionWedge >= 0.05)
        {
            foreach (var p in inWindow)
            {
                var k = index(p.Month);
                if (p.ValueUsd > 0 && EntryLag.Binds(legacy.Etr, k, _baseEtr))
                {
                    var y = (((p.DutyUsd / p.ValueUsd) - _collectedBaseRate) / _collectionWedge) + _baseEtr;
                    lagMonths.Add((legacy.Etr[k], k >= 1 ? legacy.Etr[k - 1] : _baseEtr, k >= 2 ? legacy.Etr[k - 2] : _baseEtr, y));
                }
            }
        }

        _entryLag = EntryLag.Estimate(lagMonths);

        bool Rose(int k) => k >= 0 && legacy.Etr[k] - (k == 0 ? _baseEtr : legacy.Etr[k - 1]) >= 0.01;
        CollectedRateMethod = string.Create(ic,
            $"collected-rate layer (Yale Budget Lab's η on the policy increment): duty = imports × ({c0:0.000} × {_baseEtr:P2} + {_collectionWedge:0.000} × (statutory ETR − {_baseEtr:P2})); {c0:0.000} = Census calculated duty / statutory duty on the {v0 / 1e9:0.0} bn imported in the 12 observed months before {FirstMonth:yyyy-MM}; {_collectionWedge:0.000} = ") +
            (used.Count > 0 ? $"collected / statutory policy increment in {string.Join(", ", used.Order(StringComparer.Ordinal))}" : string.Create(ic, $"the prior 1 − c, c = 0.10 (no observed month under higher rates up to {asOf:yyyy-MM})")) +
            string.Create(ic, $"; observed months carry Census calculated duty ({_observedDuty.Length} in the window); projected months use the rate their entries pay, {_entryLag.Describe()}");
        CalibrateSectorCollectedRate(seen, index);
    }

    /// <summary>
    /// The collected-rate layer by NAICS-3 sector: τ(m) = Σ_s h_s·(c₀ₛ·bₛ + wₛ·(Eₛ(m) − bₛ)), h the observed basket of the
    /// last three months up to as-of, Eₛ the sector's statutory ETR on its 2024 lines, bₛ that at 2024 rates, c₀ₛ its 2024
    /// collection ratio and wₛ the collection ratio of its policy increment in its last three steady observed months (the
    /// pooled w when it has none). Observed sectors without a bundled line (special provisions) keep their 2024 collected rate.
    /// </summary>
    private void CalibrateSectorCollectedRate(ObservedTrade seen, Func<DateOnly, int> index)
    {
        const string Prefix = "imports/VIETNAM/";
        var ic = CultureInfo.InvariantCulture;
        var observedSectors = seen.Series.Where(x => x.Key.StartsWith(Prefix, StringComparison.Ordinal) && x.Key != ObservedTrade.VietnamImportsKey && x.Key != ObservedTrade.VietnamImportsHistoryKey)
            .ToDictionary(x => x.Key[Prefix.Length..], x => x.Points.ToDictionary(p => p.Month), StringComparer.Ordinal);
        var months = seen.Find(ObservedTrade.VietnamImportsKey)?.Points.Select(p => p.Month).ToArray() ?? [];
        if (observedSectors.Count == 0 || months.Length < 3)
        {
            return;
        }

        var basketMonths = months[^3..];
        var pre = months.Where(m => m < FirstMonth && m >= FirstMonth.AddMonths(-12)).ToArray();
        var share = CentralTransshipmentShare;
        double E(int m, int k) => _sectorEtr0[m][k] + (share * (_sectorEtr1[m][k] - _sectorEtr0[m][k]));
        var total = basketMonths.Sum(m => observedSectors.Values.Sum(d => d.TryGetValue(m, out var p) ? p.ValueUsd : 0.0));
        if (!(total > 0))
        {
            return;
        }

        var rate = new double[MonthCount];
        var bySector = new Dictionary<string, (double Basket, double[] Rate)>(StringComparer.Ordinal);
        int own = 0, pooled = 0;
        foreach (var (code, data) in observedSectors)
        {
            var h = basketMonths.Sum(m => data.TryGetValue(m, out var p) ? p.ValueUsd : 0.0) / total;
            if (h <= 0)
            {
                continue;
            }

            double d0 = pre.Sum(m => data.TryGetValue(m, out var p) ? p.DutyUsd : 0.0), v0 = pre.Sum(m => data.TryGetValue(m, out var p) ? p.ValueUsd : 0.0);
            var k = Array.BinarySearch(_sectorCodes, code, StringComparer.Ordinal);
            if (k < 0 || !(_sectorBaseEtr[k] > 0))
            {
                // No bundled line (or no duty at 2024 rates): the sector's 2024 collected rate throughout.
                var c = v0 > 0 ? d0 / v0 : 0.0;
                var flat = new double[MonthCount];
                for (var m = 0; m < MonthCount; m++)
                {
                    rate[m] += h * c;
                    flat[m] = c;
                }

                bySector[code] = (h, flat);
                continue;
            }

            var b = _sectorBaseEtr[k];
            var c0 = v0 > 0 ? d0 / (v0 * b) : 1.0;
            double num = 0, den = 0;
            var used = 0;
            foreach (var month in months.Reverse().Where(x => index(x) >= 0))
            {
                var j = index(month);
                var increment = E(j, k) - b;
                if (increment < 0.01 || Rose(j) || Rose(j - 1) || !data.TryGetValue(month, out var p))
                {
                    continue;
                }

                num += p.DutyUsd - (c0 * b * p.ValueUsd);
                den += increment * p.ValueUsd;
                if (++used == 3)
                {
                    break;
                }
            }

            bool Rose(int j) => j >= 0 && E(j, k) - (j == 0 ? b : E(j - 1, k)) >= 0.01;
            var w = den > 0 ? Math.Clamp(num / den, 0.0, 1.2) : _collectionWedge;
            _ = den > 0 ? own++ : pooled++;
            var sector = new double[MonthCount];
            for (var m = 0; m < MonthCount; m++)
            {
                sector[m] = (c0 * b) + (w * (_entryLag.Apply(x => E(x, k), m, b) - b));
                rate[m] += h * sector[m];
            }

            bySector[code] = (h, sector);
        }

        _collectedRate = rate;
        _sectorCollectedRate = bySector;
        CollectedRateMethod += string.Create(ic,
            $"; projected months use the layer by NAICS-3 sector: Σ_s h_s·(c₀ₛ·bₛ + wₛ·(Eₛ − bₛ)) with the observed basket h of {basketMonths[0]:yyyy-MM}..{basketMonths[^1]:yyyy-MM} ({observedSectors.Count} sectors; {own} with their own wₛ, {pooled} with the pooled w)");
    }

    /// <summary>
    /// The collected rate of the observed basket reweighted by sector: Σₛ hₛ·xₛ·τₛ(m) / Σₛ hₛ·xₛ over the sectors of the
    /// layer (xₛ = 1 where <paramref name="weight"/> has none), over the basket's own rate τ(m); 1 without a sector layer.
    /// The backtest's given market uses it so that duty follows the sectors the observed market moved.
    /// </summary>
    internal double CollectedRateFactor(IReadOnlyDictionary<string, double> weight, int month)
    {
        if (_sectorCollectedRate.Count == 0 || _collectedRate.Length != MonthCount || !(_collectedRate[month] > 0))
        {
            return 1.0;
        }

        double num = 0, den = 0;
        foreach (var (code, (h, rate)) in _sectorCollectedRate)
        {
            var x = weight.TryGetValue(code, out var v) ? v : 1.0;
            num += h * x * rate[month];
            den += h * x;
        }

        return den > 0 ? num / den / _collectedRate[month] : 1.0;
    }

    /// <summary>
    /// A copy of this nowcast model as of a later month (same window, tables and calibration; the state-space paths refitted
    /// on the data cut at <paramref name="asOf"/>). Used by the backtest so the PE tables are built once.
    /// </summary>
    internal ProjectionModel WithAsOf(DateOnly asOf, ObservedTrade observed)
    {
        asOf = new DateOnly(asOf.Year, asOf.Month, 1);
        if (Options.AsOfMonth is not { } own || asOf < own)
        {
            throw new ArgumentException($"asOf = {asOf:yyyy-MM} must not precede the as-of month the model was prepared for.", nameof(asOf));
        }

        var seen = observed.AsOf(asOf);
        if (seen.LatestImportMonth is not { } latest || latest < asOf)
        {
            throw new ArgumentException($"asOf = {asOf:yyyy-MM} is after the latest observed month of imports from Vietnam.", nameof(asOf));
        }

        var copy = (ProjectionModel)MemberwiseClone();
        copy.Options = Options with { AsOf = asOf };
        copy._importNowcast = null;
        copy._exportNowcast = null;
        copy._observedImports = [];
        copy._observedExports = [];
        copy.ObservedVintage = null;
        copy._fulfilmentMode = null;
        copy._collectedRate = [];
        copy._entryLag = EntryLag.Prior;
        copy._sectorCollectedRate = new(StringComparer.Ordinal);
        copy.CommitmentMethod = null;
        copy.AttachNowcast(seen);
        return copy;
    }

    /// <summary>The no-policy all-country index (path / baseline-year total) for any month, e.g. a year before the window.</summary>
    internal double WorldIndexAt(DateOnly month)
    {
        Span<double> one = stackalloc double[1];
        WorldTrend.Fill(month, WorldTrend.LogGrowthPerYear, one);
        return WorldTrend.BaselineYearTotalUsd > 0 ? one[0] / WorldTrend.BaselineYearTotalUsd : 0.0;
    }

    /// <summary>US imports from supplier k in month m of an evaluation: Vietnam's path, or the competitor's no-policy path plus its diversion.</summary>
    internal double SupplierImports(EvaluationBuffers b, int k, int m) =>
        k == _vn ? b.Imports[m] : (_supplierBase[k] * _bWorldIndex[m]) + b.Diversion[(m * Suppliers.Count) + k];

    private static MonthlyPoint[] Contiguous(MonthlySeries series)
    {
        var pts = series.Points.ToArray();
        for (var i = 0; i < pts.Length; i++)
        {
            if (!(pts[i].ValueUsd > 0) || (i > 0 && pts[i].Month != pts[i - 1].Month.AddMonths(1)))
            {
                throw new InvalidDataException($"The observed series {series.Key} must hold consecutive positive months (at {pts[i].Month:yyyy-MM}).");
            }
        }

        return pts;
    }

    private static MonthlySeries Series(BaselineDataset baseline, string key) =>
        baseline.FindMonthly(key) ?? throw new InvalidDataException($"The baseline has no monthly series '{key}'.");

    /// <summary>The day-weighted mean rate of every cell in each month from piecewise-constant rates starting on <paramref name="dates"/>.</summary>
    private static double[][] MonthlyRates(DateOnly[] dates, double[][] rates, DateOnly first, int months)
    {
        var pieces = new List<(DateOnly From, double[] Rates)>();
        for (var i = 0; i < dates.Length; i++)
        {
            if (pieces.Count == 0 || !pieces[^1].Rates.AsSpan().SequenceEqual(rates[i]))
            {
                pieces.Add((dates[i], rates[i]));
            }
        }
        var result = new double[months][];
        var pi = 0;
        for (var m = 0; m < months; m++)
        {
            var a = first.AddMonths(m);
            var z = a.AddMonths(1);
            while (pi + 1 < pieces.Count && pieces[pi + 1].From <= a)
            {
                pi++;
            }

            if (pi + 1 >= pieces.Count || pieces[pi + 1].From >= z)
            {
                result[m] = pieces[pi].Rates; // constant over the month (shared array: never mutated)
                continue;
            }

            // r = first piece + Σ w_k (piece_k − first piece): cells equal in every piece keep their rate exactly.
            var days = (double)(z.DayNumber - a.DayNumber);
            var firstRates = pieces[pi].Rates;
            var r = (double[])firstRates.Clone();
            var k = pi;
            var from = a;
            while (from < z)
            {
                var to = k + 1 < pieces.Count && pieces[k + 1].From < z ? pieces[k + 1].From : z;
                var w = (to.DayNumber - from.DayNumber) / days;
                var src = pieces[k].Rates;
                if (!ReferenceEquals(src, firstRates))
                {
                    for (var c = 0; c < r.Length; c++)
                    {
                        if (src[c] != firstRates[c])
                        {
                            r[c] += w * (src[c] - firstRates[c]);
                        }
                    }
                }

                from = to;
                k++;
            }

            result[m] = r;
            pi = k - 1;
        }

        return result;
    }
}
