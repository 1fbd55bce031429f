namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>One supplier of a single-line partial-equilibrium problem.</summary>
/// <param name="Name">Supplier name (unique within the line).</param>
/// <param name="BaselineValue">Baseline US imports from the supplier at world (customs) prices, US dollars, ≥ 0.</param>
/// <param name="Tariff0">Baseline ad valorem tariff (fraction, 0.20 = 20%).</param>
/// <param name="Tariff1">New ad valorem tariff (fraction).</param>
/// <param name="ExportSupplyElasticity">Export supply elasticity ω &gt; 0; +∞ (default) = fixed world price.</param>
internal sealed record PeSupplierInput(string Name, double BaselineValue, double Tariff0, double Tariff1, double ExportSupplyElasticity = double.PositiveInfinity);

/// <summary>A single product line: its elasticities and suppliers (validated when solved).</summary>
/// <param name="ImportDemandElasticity">ε ≥ 0, elasticity of composite import demand to the import price index (positive magnitude).</param>
/// <param name="SubstitutionElasticity">σ &gt; 0, Armington elasticity between suppliers (1 = Cobb–Douglas).</param>
/// <param name="Suppliers">The suppliers.</param>
/// <param name="Label">Optional label (e.g. an HTS10 code) quoted in error messages.</param>
internal sealed record PeLineInput(double ImportDemandElasticity, double SubstitutionElasticity, IReadOnlyList<PeSupplierInput> Suppliers, string? Label = null);

/// <summary>Exact results for one supplier of a line (US dollars unless stated).</summary>
/// <param name="Name">Supplier name.</param>
/// <param name="BaselineImports">Baseline imports at world prices, v.</param>
/// <param name="NewImports">New imports at world prices, m1 = v m̂ π*.</param>
/// <param name="BaselineImportsTariffInclusive">(1 + t0) v.</param>
/// <param name="NewImportsTariffInclusive">(1 + t1) m1.</param>
/// <param name="QuantityRatio">m̂ = new/baseline quantity.</param>
/// <param name="ExporterPriceChange">π* − 1, the change of the exporter's (world) price.</param>
/// <param name="BaselineRevenue">t0 v.</param>
/// <param name="NewRevenue">t1 m1.</param>
/// <param name="TradeCreation">(v/M0) ΔM, the supplier's share of the line's total import change.</param>
/// <param name="TradeDiversion">Δm − TradeCreation (sums to zero over the line).</param>
/// <param name="ExporterSurplusChange">v ((π*)^(1+ω) − 1)/(1+ω); 0 for ω = ∞.</param>
internal sealed record PeSupplierOutcome(
    string Name,
    double BaselineImports,
    double NewImports,
    double BaselineImportsTariffInclusive,
    double NewImportsTariffInclusive,
    double QuantityRatio,
    double ExporterPriceChange,
    double BaselineRevenue,
    double NewRevenue,
    double TradeCreation,
    double TradeDiversion,
    double ExporterSurplusChange)
{
    /// <summary>NewImports − BaselineImports.</summary>
    public double ImportChange => NewImports - BaselineImports;
}

/// <summary>Exact results for one line.</summary>
/// <param name="Label">The line's label.</param>
/// <param name="Suppliers">Per-supplier outcomes, in input order.</param>
/// <param name="PriceIndexRatio">P̂ = P1/P0 of the tariff-inclusive import composite.</param>
/// <param name="BaselineImports">M0 = Σ v.</param>
/// <param name="NewImports">M1 = Σ m1.</param>
/// <param name="BaselineRevenue">Σ t0 v.</param>
/// <param name="NewRevenue">Σ t1 m1.</param>
/// <param name="ConsumerSurplusChange">Exact ΔCS = −E0 (P̂^(1−ε) − 1)/(1−ε).</param>
/// <param name="Iterations">Solver iterations (0 = closed form).</param>
/// <param name="Residual">Final residual of the price-index equation.</param>
internal sealed record PeLineResult(
    string? Label,
    IReadOnlyList<PeSupplierOutcome> Suppliers,
    double PriceIndexRatio,
    double BaselineImports,
    double NewImports,
    double BaselineRevenue,
    double NewRevenue,
    double ConsumerSurplusChange,
    int Iterations,
    double Residual)
{
    /// <summary>P̂ − 1.</summary>
    public double PriceIndexChange => PriceIndexRatio - 1.0;

    /// <summary>NewRevenue − BaselineRevenue.</summary>
    public double RevenueChange => NewRevenue - BaselineRevenue;

    /// <summary>ΔCS + ΔTR, the importer's net welfare change.</summary>
    public double ImporterNetWelfareChange => ConsumerSurplusChange + RevenueChange;

    /// <summary>The outcome of a supplier by name.</summary>
    /// <param name="name">Supplier name.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="KeyNotFoundException">No supplier of that name.</exception>
    public PeSupplierOutcome this[string name] =>
        Suppliers.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No supplier '{name}' in line '{Label}'.");
}

/// <summary>
/// Convenience front end of <see cref="PeSolver"/> for one product line (the same kernel, a one-line batch).
/// See <see cref="PeSolver"/> for the equations and sources.
/// </summary>
internal static class ExactCesModel
{
    /// <summary>Solves one line exactly.</summary>
    /// <param name="line">The line.</param>
    /// <param name="options">Solver settings; null = defaults.</param>
    /// <returns>The line's results.</returns>
    /// <exception cref="ArgumentException">Invalid input (names the parameter, line label and value).</exception>
    /// <exception cref="PartialEquilibriumException">The finite-supply solver did not converge.</exception>
    public static PeLineResult SolveLine(PeLineInput line, PeSolverOptions? options = null)
    {
        var problem = ToProblem(line);
        var r = PeSolver.Solve(problem, options);
        var outcomes = new PeSupplierOutcome[problem.CellCount];
        for (var k = 0; k < outcomes.Length; k++)
        {
            outcomes[k] = new PeSupplierOutcome(problem.SupplierNames[k], problem.Values[k], r.CellNewImports[k],
                r.CellBaselineImportsTariffInclusive(k), r.CellNewImportsTariffInclusive(k), r.CellQuantityRatio(k),
                r.CellExporterPriceChange(k), r.CellBaselineRevenue(k), r.CellNewRevenue(k), r.CellTradeCreation(k),
                r.CellTradeDiversion(k), r.CellExporterSurplusChange(k));
        }

        return new PeLineResult(line.Label, outcomes, r.LinePriceIndexRatio[0], problem.LineM0[0], r.LineNewImports[0],
            problem.LineR0[0], r.LineNewRevenue[0], r.LineConsumerSurplusChange[0], r.LineIterations[0], r.LineResiduals[0]);
    }

    internal static PeProblem ToProblem(PeLineInput line)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(line.Suppliers);
        var n = line.Suppliers.Count;
        var names = new string[n];
        var idx = new int[n];
        var v = new double[n];
        var t0 = new double[n];
        var t1 = new double[n];
        var w = new double[n];
        for (var k = 0; k < n; k++)
        {
            var s = line.Suppliers[k] ?? throw new ArgumentException($"Suppliers[{k}] is null.", nameof(line));
            names[k] = s.Name;
            idx[k] = k;
            v[k] = s.BaselineValue;
            t0[k] = s.Tariff0;
            t1[k] = s.Tariff1;
            w[k] = s.ExportSupplyElasticity;
        }

        if (names.Distinct(StringComparer.Ordinal).Count() != n)
        {
            throw new ArgumentException($"Supplier names in {PeValidation.Where(0, line.Label, null)} must be unique.", nameof(line));
        }

        return new PeProblem(names, new[] { 0, n }, idx, v, t0, t1, w, new[] { line.ImportDemandElasticity }, new[] { line.SubstitutionElasticity }, new[] { line.Label });
    }
}
