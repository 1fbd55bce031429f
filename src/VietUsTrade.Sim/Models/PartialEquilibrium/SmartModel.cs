namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>WITS-SMART default parameters (World Bank WITS online help, "Checking the Raw Data"; pe-methods.md §2.8).</summary>
internal static class SmartDefaults
{
    /// <summary>SMART's default substitution elasticity between partners, σ = 1.5, for all products.</summary>
    public const double SubstitutionElasticity = 1.5;

    /// <summary>SMART's default export supply elasticity, μ = 99 ("infinite"), for all products and partners.</summary>
    public const double ExportSupplyElasticity = 99.0;
}

/// <summary>How SMART's relative-price change x_c in the trade-diversion formula is formed (pe-methods.md §2.4).</summary>
internal enum SmartDiversionPriceForm
{
    /// <summary>Actual price ratio x_c = (1 + t_c0)/(1 + t_c1) − 1 (default; believed to be what WITS uses).</summary>
    PriceRatio,

    /// <summary>Linear form x_c = −(t_c1 − t_c0)/(1 + t_c0), found in some secondary sources.</summary>
    Linear,
}

/// <summary>Which import change enters SMART's welfare triangle ½ |Δt| |Δm| (pe-methods.md §2.7).</summary>
internal enum SmartWelfareFlow
{
    /// <summary>Trade creation of the beneficiary only (default; reproduces the §6.3 triangle 2.816667).</summary>
    TradeCreation,

    /// <summary>Trade creation plus trade diversion of the beneficiary.</summary>
    TradeCreationPlusDiversion,
}

/// <summary>What SMART mode does when its linear formulas imply a negative flow (pe-methods.md §2.3–2.4).</summary>
internal enum SmartNegativeFlowPolicy
{
    /// <summary>Throw a <see cref="PartialEquilibriumException"/> naming the line and supplier (default).</summary>
    Throw,

    /// <summary>Cap the diversion at all of the beneficiary's trade (σx ≥ −1) and its new flow at zero (reducing its trade creation); count the line in <see cref="SmartTotals.ClampedLines"/>.</summary>
    ClampAtZero,
}

/// <summary>Options of <see cref="SmartModel"/>.</summary>
internal sealed record SmartOptions
{
    /// <summary>Defaults: price-ratio diversion, creation-only welfare triangle, throw on negative flows, μ taken from the problem's ω of the beneficiary.</summary>
    public static SmartOptions Default { get; } = new();

    /// <summary>WITS defaults: as <see cref="Default"/> but with the export supply elasticity μ = 99 for every partner.</summary>
    public static SmartOptions Wits { get; } = new() { ExportSupplyElasticity = SmartDefaults.ExportSupplyElasticity };

    /// <summary>Common export supply elasticity μ &gt; 0 (may be +∞); null = use the beneficiary cell's ω from the problem (checked when set).</summary>
    public double? ExportSupplyElasticity { get; init => field = FieldRule.Check(value, value is null or > 0, nameof(ExportSupplyElasticity), "must be μ > 0 (or +∞, or null)"); }

    /// <summary>Form of the relative price change in trade diversion.</summary>
    public SmartDiversionPriceForm DiversionPriceForm { get; init => field = FieldRule.Check(value, Enum.IsDefined(value), nameof(DiversionPriceForm), "is not a defined value"); } = SmartDiversionPriceForm.PriceRatio;

    /// <summary>Flow used in the welfare triangle.</summary>
    public SmartWelfareFlow WelfareFlow { get; init => field = FieldRule.Check(value, Enum.IsDefined(value), nameof(WelfareFlow), "is not a defined value"); } = SmartWelfareFlow.TradeCreation;

    /// <summary>Behaviour on implied negative flows.</summary>
    public SmartNegativeFlowPolicy NegativeFlowPolicy { get; init => field = FieldRule.Check(value, Enum.IsDefined(value), nameof(NegativeFlowPolicy), "is not a defined value"); } = SmartNegativeFlowPolicy.Throw;
}

/// <summary>SMART totals of one supplier over all lines (US dollars).</summary>
/// <param name="Supplier">Supplier name.</param>
/// <param name="BaselineImports">Σ v at world prices.</param>
/// <param name="NewImports">Σ new imports at world prices.</param>
/// <param name="BaselineRevenue">Σ t0 v.</param>
/// <param name="NewRevenue">Σ t1 × new imports.</param>
/// <param name="TradeCreation">Σ TC (only beneficiaries have creation).</param>
/// <param name="TradeDiversion">Σ TD.</param>
/// <param name="PriceEffect">Σ price effect (finite μ only): new quantity × world price change.</param>
internal sealed record SmartSupplierTotals(string Supplier, double BaselineImports, double NewImports, double BaselineRevenue, double NewRevenue,
    double TradeCreation, double TradeDiversion, double PriceEffect)
{
    /// <summary>NewImports − BaselineImports (= TC + TD + price effect).</summary>
    public double ImportChange => NewImports - BaselineImports;
}

/// <summary>SMART grand totals (US dollars).</summary>
/// <param name="BaselineImports">Σ v.</param>
/// <param name="NewImports">Σ new imports at world prices.</param>
/// <param name="BaselineRevenue">Σ t0 v.</param>
/// <param name="NewRevenue">Σ t1 × new imports.</param>
/// <param name="WelfareChange">Σ of the SMART welfare triangles (negative = loss).</param>
/// <param name="ClampedLines">Lines whose negative flows were clamped (<see cref="SmartNegativeFlowPolicy.ClampAtZero"/>).</param>
internal sealed record SmartTotals(double BaselineImports, double NewImports, double BaselineRevenue, double NewRevenue, double WelfareChange, int ClampedLines)
{
    /// <summary>NewImports − BaselineImports.</summary>
    public double ImportChange => NewImports - BaselineImports;

    /// <summary>NewRevenue − BaselineRevenue.</summary>
    public double RevenueChange => NewRevenue - BaselineRevenue;
}

/// <summary>Result of <see cref="SmartModel.Solve"/>, indexed like the problem. Immutable.</summary>
internal sealed class SmartResult
{
    private readonly double[] _new;
    private readonly double[] _tc;
    private readonly double[] _td;
    private readonly double[] _pe;
    private readonly int[] _beneficiary;
    private readonly double[] _lineNew;
    private readonly double[] _lineRev;
    private readonly double[] _lineWelfare;
    private readonly bool[] _clamped;
    private readonly SmartSupplierTotals[] _suppliers;

    internal SmartResult(PeProblem problem, double[] newValues, double[] tc, double[] td, double[] pe, int[] beneficiary,
        double[] lineNew, double[] lineRev, double[] lineWelfare, bool[] clamped)
    {
        Problem = problem;
        _new = newValues;
        _tc = tc;
        _td = td;
        _pe = pe;
        _beneficiary = beneficiary;
        _lineNew = lineNew;
        _lineRev = lineRev;
        _lineWelfare = lineWelfare;
        _clamped = clamped;
        var sCount = problem.SupplierCount;
        var sNew = new double[sCount];
        var sRev = new double[sCount];
        var sTc = new double[sCount];
        var sTd = new double[sCount];
        var sPe = new double[sCount];
        for (var k = 0; k < newValues.Length; k++)
        {
            var s = problem.Suppliers[k];
            sNew[s] += newValues[k];
            sRev[s] += problem.T1[k] * newValues[k];
            sTc[s] += tc[k];
            sTd[s] += td[k];
            sPe[s] += pe[k];
        }

        _suppliers = new SmartSupplierTotals[sCount];
        for (var s = 0; s < sCount; s++)
        {
            _suppliers[s] = new SmartSupplierTotals(problem.SupplierNames[s], problem.SupplierM0[s], sNew[s], problem.SupplierR0[s], sRev[s], sTc[s], sTd[s], sPe[s]);
        }

        double b0 = 0, b1 = 0, r0 = 0, r1 = 0, w = 0;
        var nClamped = 0;
        for (var i = 0; i < lineNew.Length; i++)
        {
            b0 += problem.LineM0[i];
            b1 += lineNew[i];
            r0 += problem.LineR0[i];
            r1 += lineRev[i];
            w += lineWelfare[i];
            nClamped += clamped[i] ? 1 : 0;
        }

        Totals = new SmartTotals(b0, b1, r0, r1, w, nClamped);
    }

    /// <summary>The solved problem.</summary>
    public PeProblem Problem { get; }

    /// <summary>Totals by supplier, indexed like <see cref="PeProblem.SupplierNames"/>.</summary>
    public IReadOnlyList<SmartSupplierTotals> SupplierTotals => _suppliers;

    /// <summary>Grand totals.</summary>
    public SmartTotals Totals { get; }

    /// <summary>New imports of each cell at world prices.</summary>
    public ReadOnlySpan<double> CellNewImports => _new;

    /// <summary>SMART trade creation of each cell (non-zero only for the beneficiary).</summary>
    public ReadOnlySpan<double> CellTradeCreation => _tc;

    /// <summary>SMART trade diversion of each cell (sums to zero over a line).</summary>
    public ReadOnlySpan<double> CellTradeDiversion => _td;

    /// <summary>SMART price effect of each cell (finite μ; beneficiary only).</summary>
    public ReadOnlySpan<double> CellPriceEffect => _pe;

    /// <summary>Cell index of each line's beneficiary (the one supplier with imports whose tariff changed), or −1.</summary>
    public ReadOnlySpan<int> LineBeneficiaryCell => _beneficiary;

    /// <summary>New imports of each line at world prices.</summary>
    public ReadOnlySpan<double> LineNewImports => _lineNew;

    /// <summary>New tariff revenue of each line.</summary>
    public ReadOnlySpan<double> LineNewRevenue => _lineRev;

    /// <summary>SMART welfare triangle of each line (negative = loss for a tariff rise, positive = gain for a cut).</summary>
    public ReadOnlySpan<double> LineWelfareChange => _lineWelfare;

    /// <summary>Whether each line was clamped to avoid a negative flow.</summary>
    public ReadOnlySpan<bool> LineClamped => _clamped;
}

/// <summary>
/// WITS-SMART-compatible linear partial-equilibrium formulas (Laird &amp; Yeats 1986, 1990; Jammes &amp; Olarreaga 2005;
/// WITS online help), one beneficiary per line, as written in pe-methods.md §2.3–2.7.
/// </summary>
/// <remarks>
/// <para>For the one supplier c whose tariff changes (the beneficiary), with t̂ = (t1 − t0)/(1 + t0), η the import demand
/// elasticity (the problem's ε), σ the substitution elasticity, m_R the other suppliers' imports:</para>
/// <list type="bullet">
/// <item>Trade creation TC_c = −η m_c t̂ (finite μ: divided by 1 + η/μ), TC_k = 0 for the others (§2.3, §2.5).</item>
/// <item>Trade diversion, x_c = (1 + t0)/(1 + t1) − 1: TD_c = m_c m_R σ x_c / (m_c + m_R + m_c σ x_c), TD_k = −TD_c m_k/m_R (§2.4).</item>
/// <item>Finite μ: world price change p̂* = −η t̂/(μ + η); new value (m_c + TC_c + TD_c)(1 + p̂*), the difference being the price effect (§2.5).</item>
/// <item>Revenue TR = Σ t × imports at world prices (§2.6); welfare ½ |Δt| |TC_c|, a loss for a rise and a gain for a cut (§2.7).</item>
/// </list>
/// <para>Example (pe-methods.md §6.3): Vietnam 100 at 20% → 46%, rest 300 at 10%, η = 1, σ = 1.5: TC = −21.666667,
/// TD = −21.467890, Vietnam → 56.865443, rest → 321.467890, revenue 50 → 58.304893, welfare −2.816667. The exact CES model
/// gives Vietnam 76.418195: SMART books the whole demand contraction on the beneficiary.</para>
/// <para>Lines where more than one supplier with imports has a tariff change are outside SMART's documented scope and raise
/// <see cref="PartialEquilibriumException"/>. Negative implied flows follow <see cref="SmartOptions.NegativeFlowPolicy"/>.</para>
/// </remarks>
internal static class SmartModel
{
    /// <summary>Applies the SMART formulas to every line.</summary>
    /// <param name="problem">The lines (the per-line ε is SMART's import demand elasticity η).</param>
    /// <param name="options">Options; null = <see cref="SmartOptions.Default"/>.</param>
    /// <returns>The SMART results.</returns>
    /// <exception cref="PartialEquilibriumException">A line has several beneficiaries, or a negative flow with the Throw policy.</exception>
    public static SmartResult Solve(PeProblem problem, SmartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= SmartOptions.Default;
        var cells = problem.CellCount;
        var lines = problem.LineCount;
        var nv = new double[cells];
        var tc = new double[cells];
        var td = new double[cells];
        var pe = new double[cells];
        var ben = new int[lines];
        var lineNew = new double[lines];
        var lineRev = new double[lines];
        var lineW = new double[lines];
        var clamped = new bool[lines];
        var v = problem.Values;
        var t0 = problem.T0;
        var t1 = problem.T1;

        for (var i = 0; i < lines; i++)
        {
            var a = problem.Offsets[i];
            var b = problem.Offsets[i + 1];
            var label = problem.Labels?[i];
            var c = -1;
            for (var k = a; k < b; k++)
            {
                nv[k] = v[k];
                if (v[k] > 0 && t1[k] != t0[k])
                {
                    if (c >= 0)
                    {
                        throw new PartialEquilibriumException(
                            $"SMART mode handles one beneficiary per line, but {PeValidation.Where(i, label, null)} has tariff changes on '{problem.SupplierNames[problem.Suppliers[c]]}' and '{problem.SupplierNames[problem.Suppliers[k]]}'. Use the exact model (PeSolver) for several simultaneous changes.",
                            i, label, 0, double.NaN);
                    }

                    c = k;
                }
            }

            ben[i] = c;
            if (c >= 0)
            {
                var eta = problem.Epsilon[i];
                var sigma = problem.Sigma[i];
                var mu = options.ExportSupplyElasticity ?? problem.Omega[c];
                var mc = v[c];
                var mr = Math.Max(0.0, problem.LineM0[i] - mc);
                var that = (t1[c] - t0[c]) / (1.0 + t0[c]);
                var finite = !double.IsPositiveInfinity(mu);
                var pStar = finite ? -eta * that / (mu + eta) : 0.0;
                var tcc = -eta * mc * that / (finite ? 1.0 + eta / mu : 1.0);
                var x = options.DiversionPriceForm == SmartDiversionPriceForm.PriceRatio ? (1.0 + t0[c]) / (1.0 + t1[c]) - 1.0 : -that;
                var sx = sigma * x;
                var supplierName = problem.SupplierNames[problem.Suppliers[c]];
                if (sx < -1.0 && mr > 0)
                {
                    if (options.NegativeFlowPolicy == SmartNegativeFlowPolicy.Throw)
                    {
                        throw new PartialEquilibriumException(
                            $"SMART trade diversion at {PeValidation.Where(i, label, supplierName)} implies a negative relative quantity (σ·x = {PeValidation.Fmt(sx)} < −1, σ = {PeValidation.Fmt(sigma)}, t {PeValidation.Fmt(t0[c])} → {PeValidation.Fmt(t1[c])}).",
                            i, label, 0, double.NaN);
                    }

                    sx = -1.0;
                    clamped[i] = true;
                }

                var tdc = mr > 0 ? mc * mr * sx / (mc + mr + mc * sx) : 0.0;
                var q = mc + tcc + tdc;
                if (q < 0)
                {
                    if (options.NegativeFlowPolicy == SmartNegativeFlowPolicy.Throw)
                    {
                        throw new PartialEquilibriumException(
                            $"SMART formulas at {PeValidation.Where(i, label, supplierName)} imply negative imports {PeValidation.Fmt(q)} (baseline {PeValidation.Fmt(mc)}, creation {PeValidation.Fmt(tcc)}, diversion {PeValidation.Fmt(tdc)}; η = {PeValidation.Fmt(eta)}, t {PeValidation.Fmt(t0[c])} → {PeValidation.Fmt(t1[c])}).",
                            i, label, 0, double.NaN);
                    }

                    tcc = -mc - tdc;
                    q = 0;
                    clamped[i] = true;
                }

                tc[c] = tcc;
                td[c] = tdc;
                pe[c] = q * pStar;
                nv[c] = q * (1.0 + pStar);
                if (mr > 0)
                {
                    for (var k = a; k < b; k++)
                    {
                        if (k != c)
                        {
                            td[k] = -tdc * v[k] / mr;
                            nv[k] = v[k] + td[k];
                        }
                    }
                }

                var flow = options.WelfareFlow == SmartWelfareFlow.TradeCreation ? tcc : tcc + tdc;
                var dt = t1[c] - t0[c];
                lineW[i] = -0.5 * Math.Abs(dt) * Math.Abs(flow) * Math.Sign(dt);
            }

            double m1 = 0, r1 = 0;
            for (var k = a; k < b; k++)
            {
                m1 += nv[k];
                r1 += t1[k] * nv[k];
            }

            lineNew[i] = m1;
            lineRev[i] = r1;
        }

        return new SmartResult(problem, nv, tc, td, pe, ben, lineNew, lineRev, lineW, clamped);
    }
}
