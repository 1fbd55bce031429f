using VietUsTrade.Sim.Models.PartialEquilibrium;
using Xunit;

namespace VietUsTrade.Sim.Tests.Models.PartialEquilibrium;

public class PeModelTests
{
    private static PeLineInput Line(double eps, double sigma, params PeSupplierInput[] s) => new(eps, sigma, s, "0901110015");

    [Fact]
    public void Cross_effect_sign_depends_on_sigma_minus_epsilon()
    {
        // pe-methods §6.6: with η = σ the cross effect is exactly zero; σ > η raises the others, σ < η lowers them.
        PeSupplierInput[] S(double tv) => [new("Vietnam", 100, 0.2, tv), new("Rest", 300, 0.1, 0.1)];
        var equal = ExactCesModel.SolveLine(Line(2.0, 2.0, S(0.46)));
        Assert.Equal(300.0, equal["Rest"].NewImports, 9);
        Assert.True(ExactCesModel.SolveLine(Line(1.0, 3.0, S(0.46)))["Rest"].NewImports > 300);
        Assert.True(ExactCesModel.SolveLine(Line(3.0, 1.0, S(0.46)))["Rest"].NewImports < 300);
    }

    [Fact]
    public void Consumer_surplus_handles_epsilon_zero_and_one()
    {
        PeSupplierInput[] S = [new("Vietnam", 100, 0.2, 0.46), new("Rest", 300, 0.1, 0.1)];
        var e0 = ExactCesModel.SolveLine(Line(0.0, 1.5, S));
        Assert.Equal(-450 * (e0.PriceIndexRatio - 1), e0.ConsumerSurplusChange, 10);
        var e1 = ExactCesModel.SolveLine(Line(1.0, 1.5, S));
        Assert.Equal(-450 * Math.Log(e1.PriceIndexRatio), e1.ConsumerSurplusChange, 10);
        var near = ExactCesModel.SolveLine(Line(1.0 + 1e-10, 1.5, S));
        Assert.Equal(e1.ConsumerSurplusChange, near.ConsumerSurplusChange, 7);
        // ε = 0: total composite quantity unchanged, so spending rises with the price index.
        Assert.Equal(450 * e0.PriceIndexRatio, e0["Vietnam"].NewImportsTariffInclusive + e0["Rest"].NewImportsTariffInclusive, 9);
    }

    [Fact]
    public void Lines_and_cells_with_zero_imports_give_finite_zero_results()
    {
        var b = new PeProblemBuilder(["Vietnam", "China", "Rest"]);
        b.AddLine(1.2, 3, "empty").AddSupplier(0, 0, 0.1, 0.46).AddSupplier(1, 0, 0.25, 0.5, 2.0);
        b.AddLine(1.2, 3, "no suppliers");
        b.AddLine(1.2, 3, "partial").AddSupplier(0, 0, 0.1, 0.46, 1.0).AddSupplier(1, 50, 0.25, 0.5, 2.0).AddSupplier(2, 10, 0, 0);
        var r = PeSolver.Solve(b.Build());
        Assert.Equal(1.0, r.LinePriceIndexRatio[0]);
        Assert.Equal(0.0, r.LineNewImports[0]);
        Assert.Equal(1.0, r.LinePriceIndexRatio[1]);
        Assert.Equal(0.0, r.CellNewImports[2]);
        Assert.Equal(1.0, r.CellWorldPriceRatio(2));
        Assert.True(r.CellNewImports[3] < 50 && r.CellNewImports[4] > 10);
        Assert.Equal(2, r.LineOf(4));
        Assert.Equal(0, r.LineOf(0));
        Assert.Equal(0.0, r.SupplierTotals[0].TradeDiversion);
        Assert.True(double.IsFinite(r.Totals.ImporterNetWelfareChange));
    }

    [Fact]
    public void Extreme_but_valid_inputs_stay_finite()
    {
        var b = new PeProblemBuilder(["A", "B", "C"]);
        b.AddLine(50, 1000, "huge σ, cut").AddSupplier(0, 1e-6, 100, 0).AddSupplier(1, 1e12, 0, 100).AddSupplier(2, 1, 0, 0);
        b.AddLine(0, 0.01, "tiny σ").AddSupplier(0, 1, 0, 100).AddSupplier(1, 1e15, 100, 0);
        b.AddLine(50, 1000, "finite ω").AddSupplier(0, 5, 100, 0, 0.01).AddSupplier(1, 5, 0, 100, 1e300).AddSupplier(2, 5, 0, 0, 0.5);
        var r = PeSolver.Solve(b.Build());
        for (var k = 0; k < r.Problem.CellCount; k++)
        {
            Assert.True(double.IsFinite(r.CellNewImports[k]) && r.CellNewImports[k] >= 0, $"cell {k}: {r.CellNewImports[k]}");
            Assert.True(double.IsFinite(r.CellWorldPriceRatio(k)));
        }

        Assert.True(double.IsFinite(r.Totals.ConsumerSurplusChange));
        Assert.True(r.Totals.MaxResidual <= 1e-12);
    }

    [Fact]
    public void Non_convergence_throws_with_diagnostics()
    {
        var line = Line(1.5, 4, new("Vietnam", 100, 0.2, 0.46, 0.5), new("China", 200, 0.25, 0.1, 3), new("Rest", 300, 0.1, 0.1, 1));
        var ok = ExactCesModel.SolveLine(line);
        Assert.InRange(ok.Iterations, 1, 20);
        Assert.True(ok.Residual <= 1e-13);
        var ex = Assert.Throws<PartialEquilibriumException>(() => ExactCesModel.SolveLine(line, new PeSolverOptions { MaxIterations = 1, Tolerance = 1e-300 }));
        Assert.Equal(0, ex.LineIndex);
        Assert.Equal("0901110015", ex.LineLabel);
        Assert.True(ex.Iterations >= 1);
        Assert.False(double.IsNaN(ex.Residual));
        Assert.Contains("0901110015", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ExactCesModel.SolveLine(line, new PeSolverOptions { Tolerance = 0 }));
    }

    [Fact]
    public void Finite_supply_exporter_bears_part_of_the_tariff()
    {
        var line = Line(1.5, 4, new("Vietnam", 100, 0.2, 0.46, 2), new("Rest", 300, 0.1, 0.1, 2));
        var r = ExactCesModel.SolveLine(line);
        Assert.True(r["Vietnam"].ExporterPriceChange < 0);
        Assert.True(r["Rest"].ExporterPriceChange > 0); // σ > ε: demand shifts to the rest, whose price rises
        Assert.True(r["Vietnam"].ExporterSurplusChange < 0);
        // Market clearing per exporter: m̂ = (π*)^ω.
        var vn = r["Vietnam"];
        Assert.Equal(Math.Pow(1 + vn.ExporterPriceChange, 2), vn.QuantityRatio, 12);
        var inf = ExactCesModel.SolveLine(Line(1.5, 4, new("Vietnam", 100, 0.2, 0.46), new("Rest", 300, 0.1, 0.1)));
        Assert.True(r.PriceIndexRatio < inf.PriceIndexRatio);
    }

    public static TheoryData<string, double, string> InvalidCases => new()
    {
        { "sigma0", 0.0, "substitutionElasticities" },
        { "sigmaNeg", -1.0, "substitutionElasticities" },
        { "sigmaNaN", double.NaN, "substitutionElasticities" },
        { "eps", -0.5, "importDemandElasticities" },
        { "epsNaN", double.NaN, "importDemandElasticities" },
        { "omega0", 0.0, "exportSupplyElasticities" },
        { "omegaNeg", -2.0, "exportSupplyElasticities" },
        { "omegaNaN", double.NaN, "exportSupplyElasticities" },
        { "value", -1.0, "baselineValues" },
        { "valueNaN", double.NaN, "baselineValues" },
        { "valueInf", double.PositiveInfinity, "baselineValues" },
        { "t0", -0.1, "tariffs0" },
        { "t1NaN", double.NaN, "tariffs1" },
        { "t1Inf", double.PositiveInfinity, "tariffs1" },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_parameters_raise_ArgumentException_naming_parameter_line_and_value(string which, double bad, string param)
    {
        var b = new PeProblemBuilder(["Vietnam", "Rest"]);
        b.AddLine(1, 2, "first").AddSupplier(0, 1, 0.1, 0.2).AddSupplier(1, 1, 0, 0);
        b.AddLine(which.StartsWith("eps", StringComparison.Ordinal) ? bad : 1.2, which.StartsWith("sigma", StringComparison.Ordinal) ? bad : 2.5, "6404110000")
            .AddSupplier(0, 1, 0.1, 0.46)
            .AddSupplier(1,
                which.StartsWith("value", StringComparison.Ordinal) ? bad : 10,
                which == "t0" ? bad : 0.05,
                which.StartsWith("t1", StringComparison.Ordinal) ? bad : 0.05,
                which.StartsWith("omega", StringComparison.Ordinal) ? bad : double.PositiveInfinity);
        var ex = Assert.Throws<ArgumentException>(() => b.Build());
        Assert.Equal(param, ex.ParamName);
        Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("6404110000", ex.Message, StringComparison.Ordinal);
        Assert.Contains(bad.ToString("R", System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        if (!which.StartsWith("eps", StringComparison.Ordinal) && !which.StartsWith("sigma", StringComparison.Ordinal))
        {
            Assert.Contains("Rest", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Structural_errors_are_reported()
    {
        var b = new PeProblemBuilder(["Vietnam", "Rest"]);
        b.AddLine(1, 2, "dup").AddSupplier(0, 1, 0, 0).AddSupplier(0, 2, 0, 0);
        Assert.Equal("cellSuppliers", Assert.Throws<ArgumentException>(() => b.Build()).ParamName);
        Assert.Throws<ArgumentException>(() => new PeProblem(["A"], new[] { 0, 1 }, new[] { 1 }, new[] { 1.0 }, new[] { 0.0 }, new[] { 0.0 }, [], new[] { 1.0 }, new[] { 2.0 }));
        Assert.Throws<ArgumentException>(() => new PeProblem(["A"], new[] { 0, 2 }, new[] { 0 }, new[] { 1.0 }, new[] { 0.0 }, new[] { 0.0 }, [], new[] { 1.0 }, new[] { 2.0 }));
        var p = new PeProblem(["A"], new[] { 0, 1 }, new[] { 0 }, new[] { 1.0 }, new[] { 0.0 }, new[] { 0.0 }, [], new[] { 1.0 }, new[] { 2.0 });
        Assert.Equal("tariffs1", Assert.Throws<ArgumentException>(() => p.WithTariffs1([-1.0])).ParamName);
        Assert.Equal("substitutionElasticities", Assert.Throws<ArgumentException>(() => p.WithElasticities([1.0], [0.0])).ParamName);
        Assert.Equal(0.5, PeSolver.Solve(p.WithTariffs1([0.5])).LineNewRevenue[0] / PeSolver.Solve(p.WithTariffs1([0.5])).LineNewImports[0], 12);
    }

    [Fact]
    public void Several_beneficiaries_are_rejected_by_SMART_but_solved_exactly()
    {
        var line = Line(1, 1.5, new("Vietnam", 100, 0.2, 0.46), new("China", 100, 0.25, 0.5), new("Rest", 100, 0.1, 0.1));
        var p = ExactCesModel.ToProblem(line);
        var ex = Assert.Throws<PartialEquilibriumException>(() => SmartModel.Solve(p));
        Assert.Contains("China", ex.Message, StringComparison.Ordinal);
        Assert.True(PeSolver.Solve(p).CellNewImports[2] > 100);
    }
}
