namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>Totals of one supplier over all lines of an exact partial-equilibrium solve (US dollars).</summary>
/// <param name="Supplier">Supplier name.</param>
/// <param name="BaselineImports">Baseline US imports from the supplier at world (customs) prices, Σ v.</param>
/// <param name="NewImports">New imports at world prices, Σ m1 (includes the exporter's price change when ω is finite).</param>
/// <param name="BaselineRevenue">Baseline tariff revenue on the supplier's goods, Σ t0 v.</param>
/// <param name="NewRevenue">New tariff revenue, Σ t1 m1.</param>
/// <param name="TradeCreation">Supplier's share of the lines' total import changes, Σ (v/M0) ΔM.</param>
/// <param name="TradeDiversion">Imports gained (+) or lost (−) through reallocation between suppliers, ΔM_s − TradeCreation.</param>
/// <param name="ExporterSurplusChange">Change of the supplier's producer surplus on its US sales, Σ v ((π*)^(1+ω) − 1)/(1+ω) (0 when ω = ∞).</param>
internal sealed record PeSupplierTotals(
    string Supplier,
    double BaselineImports,
    double NewImports,
    double BaselineRevenue,
    double NewRevenue,
    double TradeCreation,
    double TradeDiversion,
    double ExporterSurplusChange)
{
    /// <summary>Change of imports at world prices, NewImports − BaselineImports.</summary>
    public double ImportChange => NewImports - BaselineImports;

    /// <summary>Baseline imports at tariff-inclusive prices, BaselineImports + BaselineRevenue.</summary>
    public double BaselineImportsTariffInclusive => BaselineImports + BaselineRevenue;

    /// <summary>New imports at tariff-inclusive prices, NewImports + NewRevenue.</summary>
    public double NewImportsTariffInclusive => NewImports + NewRevenue;
}

/// <summary>Grand totals of an exact partial-equilibrium solve over all lines (US dollars).</summary>
/// <param name="BaselineImports">Σ v at world prices.</param>
/// <param name="NewImports">Σ m1 at world prices.</param>
/// <param name="BaselineRevenue">Σ t0 v.</param>
/// <param name="NewRevenue">Σ t1 m1.</param>
/// <param name="ConsumerSurplusChange">Σ over lines of the exact CES consumer surplus change.</param>
/// <param name="ExporterSurplusChange">Σ over suppliers of the exporter producer surplus change.</param>
/// <param name="MaxIterations">Largest solver iteration count over the lines (0 when all were closed form).</param>
/// <param name="MaxResidual">Largest final residual of the price-index equation over the lines.</param>
internal sealed record PeTotals(
    double BaselineImports,
    double NewImports,
    double BaselineRevenue,
    double NewRevenue,
    double ConsumerSurplusChange,
    double ExporterSurplusChange,
    int MaxIterations,
    double MaxResidual)
{
    /// <summary>Change of total imports at world prices (= total trade creation; diversion nets to zero).</summary>
    public double ImportChange => NewImports - BaselineImports;

    /// <summary>Change of tariff revenue.</summary>
    public double RevenueChange => NewRevenue - BaselineRevenue;

    /// <summary>Importer (US) net welfare change, consumer surplus plus revenue (domestic producers are outside the model).</summary>
    public double ImporterNetWelfareChange => ConsumerSurplusChange + RevenueChange;
}

/// <summary>
/// Result of <see cref="PeSolver.Solve"/>: per cell (supplier of a line), per line, per supplier and in total.
/// Cell and line indices are those of the <see cref="Problem"/>, so callers can aggregate lines (e.g. by HS chapter)
/// with their own grouping. Immutable.
/// </summary>
internal sealed class PeResult
{
    private readonly double[] _newWorld;
    private readonly double[]? _worldPrice;
    private readonly double[] _priceIndex;
    private readonly double[] _lineNew;
    private readonly double[] _lineNewRevenue;
    private readonly double[] _lineCs;
    private readonly int[] _iterations;
    private readonly double[] _residuals;
    private readonly PeSupplierTotals[] _suppliers;

    internal PeResult(PeProblem problem, double[] newWorld, double[]? worldPrice, double[] priceIndex, double[] lineNew,
        double[] lineNewRevenue, double[] lineCs, int[] iterations, double[] residuals,
        double[] supNew, double[] supRevenue, double[] supCreation, double[] supExporterSurplus)
    {
        Problem = problem;
        _newWorld = newWorld;
        _worldPrice = worldPrice;
        _priceIndex = priceIndex;
        _lineNew = lineNew;
        _lineNewRevenue = lineNewRevenue;
        _lineCs = lineCs;
        _iterations = iterations;
        _residuals = residuals;
        _suppliers = new PeSupplierTotals[problem.SupplierCount];
        double ps = 0;
        for (var s = 0; s < _suppliers.Length; s++)
        {
            var m0 = problem.SupplierM0[s];
            _suppliers[s] = new PeSupplierTotals(problem.SupplierNames[s], m0, supNew[s], problem.SupplierR0[s], supRevenue[s],
                supCreation[s], supNew[s] - m0 - supCreation[s], supExporterSurplus[s]);
            ps += supExporterSurplus[s];
        }

        double b0 = 0, b1 = 0, r0 = 0, r1 = 0, cs = 0, maxRes = 0;
        var maxIt = 0;
        for (var i = 0; i < lineNew.Length; i++)
        {
            b0 += problem.LineM0[i];
            b1 += lineNew[i];
            r0 += problem.LineR0[i];
            r1 += lineNewRevenue[i];
            cs += lineCs[i];
            maxIt = Math.Max(maxIt, iterations[i]);
            maxRes = Math.Max(maxRes, residuals[i]);
        }

        Totals = new PeTotals(b0, b1, r0, r1, cs, ps, maxIt, maxRes);
    }

    /// <summary>The solved problem.</summary>
    public PeProblem Problem { get; }

    /// <summary>Totals by supplier, indexed like <see cref="PeProblem.SupplierNames"/>.</summary>
    public IReadOnlyList<PeSupplierTotals> SupplierTotals => _suppliers;

    /// <summary>Grand totals over all lines.</summary>
    public PeTotals Totals { get; }

    // ---- per cell ----

    /// <summary>New imports of each cell at world prices, m1 = v m̂ π* (US dollars).</summary>
    public ReadOnlySpan<double> CellNewImports => _newWorld;

    /// <summary>Exporter (world) price ratio π* = p*1/p*0 of a cell (1 when ω = ∞ or the cell has no imports).</summary>
    /// <param name="cell">Cell index.</param>
    /// <returns>π*.</returns>
    public double CellWorldPriceRatio(int cell) => _worldPrice is null ? CheckCell(cell, 1.0) : _worldPrice[cell];

    /// <summary>Exporter (world) price change π* − 1 of a cell (≤ 0 for a tariff rise).</summary>
    /// <param name="cell">Cell index.</param>
    /// <returns>The proportional change.</returns>
    public double CellExporterPriceChange(int cell) => CellWorldPriceRatio(cell) - 1.0;

    /// <summary>Quantity ratio m̂ = new/baseline quantity of a cell (1 for cells with no baseline imports).</summary>
    /// <param name="cell">Cell index.</param>
    /// <returns>m̂.</returns>
    public double CellQuantityRatio(int cell)
    {
        var v = Problem.Values[cell];
        return v == 0.0 ? 1.0 : _newWorld[cell] / (v * CellWorldPriceRatio(cell));
    }

    /// <summary>Baseline imports of a cell at tariff-inclusive prices, (1 + t0) v.</summary>
    /// <param name="cell">Cell index.</param>
    /// <returns>US dollars.</returns>
    public double CellBaselineImportsTariffInclusive(int cell) => (1.0 + Problem.T0[cell]) * Problem.Values[cell];

    /// <summary>New imports of a cell at tariff-inclusive prices, (1 + t1) m1.</summary>
    /// <param name="cell">Cell index.</param>
    /// <returns>US dollars.</returns>
    public double CellNewImportsTariffInclusive(int cell) => (1.0 + Problem.T1[cell]) * _newWorld[cell];

    /// <summary>Baseline tariff revenue of a cell, t0 v.</summary>
    /// <param name="cell">Cell index.</param>
    /// <returns>US dollars.</returns>
    public double CellBaselineRevenue(int cell) => Problem.T0[cell] * Problem.Values[cell];

    /// <summary>New tariff revenue of a cell, t1 m1.</summary>
    /// <param name="cell">Cell index.</param>
    /// <returns>US dollars.</returns>
    public double CellNewRevenue(int cell) => Problem.T1[cell] * _newWorld[cell];

    /// <summary>Trade creation of a cell: its baseline world-price share of its line's total import change, (v/M0) ΔM.</summary>
    /// <param name="cell">Cell index.</param>
    /// <returns>US dollars.</returns>
    public double CellTradeCreation(int cell)
    {
        var line = LineOf(cell);
        var m0 = Problem.LineM0[line];
        return m0 == 0.0 ? 0.0 : Problem.Values[cell] / m0 * (_lineNew[line] - m0);
    }

    /// <summary>Trade diversion of a cell: its import change less its trade creation (sums to zero over a line).</summary>
    /// <param name="cell">Cell index.</param>
    /// <returns>US dollars.</returns>
    public double CellTradeDiversion(int cell) => _newWorld[cell] - Problem.Values[cell] - CellTradeCreation(cell);

    /// <summary>Exporter producer-surplus change of a cell, v ((π*)^(1+ω) − 1)/(1+ω) (0 when ω = ∞).</summary>
    /// <param name="cell">Cell index.</param>
    /// <returns>US dollars.</returns>
    public double CellExporterSurplusChange(int cell)
    {
        var w = Problem.Omega[cell];
        return double.IsPositiveInfinity(w) ? CheckCell(cell, 0.0) : Problem.Values[cell] * PeMath.Expm1Over(1.0 + w, Math.Log(CellWorldPriceRatio(cell)));
    }

    /// <summary>The line a cell belongs to (binary search over the offsets).</summary>
    /// <param name="cell">Cell index.</param>
    /// <returns>Line index.</returns>
    public int LineOf(int cell)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cell);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cell, _newWorld.Length);
        var idx = Array.BinarySearch(Problem.Offsets, cell);
        if (idx < 0)
        {
            return ~idx - 1;
        }

        // Several empty lines can share an offset: the cell belongs to the last line starting there.
        while (idx + 1 < Problem.Offsets.Length - 1 && Problem.Offsets[idx + 1] == cell)
        {
            idx++;
        }

        return idx;
    }

    // ---- per line ----

    /// <summary>Import price index ratio P̂ = P1/P0 of each line (tariff-inclusive composite price).</summary>
    public ReadOnlySpan<double> LinePriceIndexRatio => _priceIndex;

    /// <summary>Import price index change P̂ − 1 of a line.</summary>
    /// <param name="line">Line index.</param>
    /// <returns>The proportional change.</returns>
    public double LinePriceIndexChange(int line) => _priceIndex[line] - 1.0;

    /// <summary>New imports of each line at world prices, M1 = Σ m1.</summary>
    public ReadOnlySpan<double> LineNewImports => _lineNew;

    /// <summary>Baseline imports of each line at world prices (from the problem).</summary>
    public ReadOnlySpan<double> LineBaselineImports => Problem.LineM0;

    /// <summary>New imports of a line at tariff-inclusive prices, M1 + new revenue (= E0 P̂^(1−ε)).</summary>
    /// <param name="line">Line index.</param>
    /// <returns>US dollars.</returns>
    public double LineNewImportsTariffInclusive(int line) => _lineNew[line] + _lineNewRevenue[line];

    /// <summary>Baseline tariff revenue of each line (from the problem).</summary>
    public ReadOnlySpan<double> LineBaselineRevenue => Problem.LineR0;

    /// <summary>New tariff revenue of each line, Σ t1 m1.</summary>
    public ReadOnlySpan<double> LineNewRevenue => _lineNewRevenue;

    /// <summary>Exact consumer surplus change of each line, −E0 (P̂^(1−ε) − 1)/(1−ε) (−E0 ln P̂ at ε = 1).</summary>
    public ReadOnlySpan<double> LineConsumerSurplusChange => _lineCs;

    /// <summary>Solver iterations of each line (0 = closed form).</summary>
    public ReadOnlySpan<int> LineIterations => _iterations;

    /// <summary>Final residual |G(ln P̂) − ln P̂| of each line (0 for closed form).</summary>
    public ReadOnlySpan<double> LineResiduals => _residuals;

    private double CheckCell(int cell, double value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cell);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cell, _newWorld.Length);
        return value;
    }
}
