using VietUsTrade.Sim.Models.PartialEquilibrium;
using Xunit;

namespace VietUsTrade.Sim.Tests.Models.PartialEquilibrium;

/// <summary>pe-methods.md §6.3 (Example A) and §6.4 (Example B).</summary>
public class WorkedExampleTests
{
    private static void Rel(double expected, double actual, double tol)
    {
        var err = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(err <= tol, $"expected {expected:R}, got {actual:R} (relative error {err:E3} > {tol:E1})");
    }

    private static PeLineInput ExampleA(double t0V = 0.20, double t1V = 0.46, double sigma = 1.5) =>
        new(1.0, sigma, [new PeSupplierInput("Vietnam", 100, t0V, t1V), new PeSupplierInput("Rest", 300, 0.10, 0.10)], "Example A");

    /// <summary>Equal to the printed value: within half a unit of its last printed decimal.</summary>
    private static void Dp(double printed, double actual, int decimals)
    {
        var tol = 0.5 * Math.Pow(10, -decimals) * (1 + 1e-9);
        Assert.True(Math.Abs(actual - printed) <= tol, $"expected {printed:R} to {decimals} dp, got {actual:R}");
    }

    [Fact]
    public void Example_A_exact_CES_matches_printed_values()
    {
        var r = ExactCesModel.SolveLine(ExampleA());
        Dp(1.0517400, r.PriceIndexRatio, 7);
        Dp(76.418195, r["Vietnam"].NewImports, 6);
        Dp(307.663123, r["Rest"].NewImports, 6);
        Dp(0.7641819, r["Vietnam"].QuantityRatio, 7);
        Dp(1.0255437, r["Rest"].QuantityRatio, 7);
        Rel(50, r.BaselineRevenue, 1e-15);
        Dp(65.918682, r.NewRevenue, 6);
        Dp(-22.700658, r.ConsumerSurplusChange, 6);
        Dp(-6.781976, r.ImporterNetWelfareChange, 6);
        Assert.Equal(0, r.Iterations);
        Assert.Equal(0.0, r["Vietnam"].ExporterPriceChange);
    }

    [Fact]
    public void Example_A_exact_matches_independent_closed_form_to_1e_9()
    {
        // Independent route: the formulas of §2.10 with Math.Pow.
        const double eps = 1.0, sigma = 1.5;
        var thetaV = 1.2 * 100 / 450.0;
        var piV = 1.46 / 1.20;
        var p = Math.Pow(thetaV * Math.Pow(piV, 1 - sigma) + (1 - thetaV), 1 / (1 - sigma));
        var q = Math.Pow(p, -eps);
        var mV = 100 * q * Math.Pow(piV / p, -sigma);
        var mR = 300 * q * Math.Pow(1 / p, -sigma);
        var r = ExactCesModel.SolveLine(ExampleA());
        Rel(p, r.PriceIndexRatio, 1e-12);
        Rel(mV, r["Vietnam"].NewImports, 1e-12);
        Rel(mR, r["Rest"].NewImports, 1e-12);
        Rel(0.46 * mV + 0.10 * mR, r.NewRevenue, 1e-12);
        Rel(-450 * Math.Log(p), r.ConsumerSurplusChange, 1e-12);
        Rel(1.46 * mV + 1.1 * mR, r["Vietnam"].NewImportsTariffInclusive + r["Rest"].NewImportsTariffInclusive, 1e-12);
        // Internal spending identity E1 = E0 P̂^(1−ε).
        Rel(450 * Math.Pow(p, 1 - eps), r["Vietnam"].NewImportsTariffInclusive + r["Rest"].NewImportsTariffInclusive, 1e-12);
    }

    [Fact]
    public void Example_A_trade_creation_and_diversion_definition()
    {
        var r = ExactCesModel.SolveLine(ExampleA());
        var dM = r.NewImports - r.BaselineImports;
        Rel(0.25 * dM, r["Vietnam"].TradeCreation, 1e-12);
        Rel(0.75 * dM, r["Rest"].TradeCreation, 1e-12);
        Assert.Equal(0.0, r["Vietnam"].TradeDiversion + r["Rest"].TradeDiversion, 10);
        Assert.True(r["Vietnam"].TradeDiversion < 0 && r["Rest"].TradeDiversion > 0);
        Rel(r["Vietnam"].ImportChange, r["Vietnam"].TradeCreation + r["Vietnam"].TradeDiversion, 1e-12);
    }

    [Fact]
    public void Cobb_Douglas_limit_is_continuous()
    {
        var cd = ExactCesModel.SolveLine(ExampleA(sigma: 1.0));
        // Closed form: P̂ = τ^θ.
        Rel(Math.Pow(1.46 / 1.2, 120 / 450.0), cd.PriceIndexRatio, 1e-13);
        foreach (var s in new[] { 1 + 1e-9, 1 - 1e-9, 1 + 1e-5, 1 - 1e-4, 1 + 2e-3 })
        {
            var near = ExactCesModel.SolveLine(ExampleA(sigma: s));
            var d = Math.Abs(s - 1);
            Rel(cd.PriceIndexRatio, near.PriceIndexRatio, 1e-12 + 0.1 * d);
            Rel(cd["Vietnam"].NewImports, near["Vietnam"].NewImports, 1e-12 + 0.5 * d);
        }
    }

    [Theory]
    [InlineData(2.0, 0.9193860, 1.1185863, 84.527060, 77.712995, 35.747978, -13.078056, 2.669922, -7.429002)]
    [InlineData(99.0, 0.9970772, 1.2131106, 74.842694, 74.623943, 34.327014, -22.098086, -7.771072, -0.253761)]
    [InlineData(double.PositiveInfinity, 1.0, 1.2166667, 74.514808, 74.514808, 34.276812, -22.416761, -8.139950, 0.0)]
    public void Example_B_finite_export_supply(double mu, double piStar, double consumerPrice, double quantity, double value,
        double tr1, double dcs, double net, double dps)
    {
        var line = new PeLineInput(1.5, 3.0, [new PeSupplierInput("Vietnam", 100, 0.20, 0.46, mu)], "Example B");
        var r = ExactCesModel.SolveLine(line);
        var vn = r["Vietnam"];
        Dp(piStar, 1 + vn.ExporterPriceChange, 7);
        Dp(consumerPrice, r.PriceIndexRatio, 7);
        Dp(quantity, 100 * vn.QuantityRatio, 6);
        Dp(value, vn.NewImports, 6);
        Dp(tr1, r.NewRevenue, 6);
        Dp(dcs, r.ConsumerSurplusChange, 6);
        Dp(net, r.ImporterNetWelfareChange, 6);
        if (dps == 0)
        {
            Assert.Equal(0.0, vn.ExporterSurplusChange);
            Assert.Equal(0, r.Iterations);
        }
        else
        {
            Dp(dps, vn.ExporterSurplusChange, 6);
            // One variety: the first-order start ωℓ/(ω+ε) is already the exact root, so 0 Newton steps are expected.
            Assert.InRange(r.Iterations, 0, 10);
            Assert.True(r.Residual <= 1e-13);
        }

        // Independent closed form π* = τ^(−η/(μ+η)) to 1e-12.
        var tau = 1.46 / 1.2;
        var exact = double.IsPositiveInfinity(mu) ? 1.0 : Math.Pow(tau, -1.5 / (mu + 1.5));
        Rel(exact, 1 + vn.ExporterPriceChange, 1e-12);
        Rel(100 * Math.Pow(tau * exact, -1.5) * exact, vn.NewImports, 1e-12);
        // Log pass-through μ/(μ+η).
        if (!double.IsPositiveInfinity(mu))
        {
            Rel(mu / (mu + 1.5), Math.Log(r.PriceIndexRatio) / Math.Log(tau), 1e-12);
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(99.0)]
    [InlineData(double.PositiveInfinity)]
    public void Example_B_unit_elasticity_revenue_is_independent_of_mu(double mu)
    {
        var line = new PeLineInput(1.0, 2.0, [new PeSupplierInput("Vietnam", 100, 0.20, 0.46, mu)]);
        Dp(37.808219, ExactCesModel.SolveLine(line).NewRevenue, 6);
        Rel(0.46 * 100 / (1.46 / 1.2), ExactCesModel.SolveLine(line).NewRevenue, 1e-12);
    }

    [Fact]
    public void Example_A_SMART_matches_printed_values()
    {
        var p = ExactCesModel.ToProblem(ExampleA());
        var r = SmartModel.Solve(p, SmartOptions.Default);
        Dp(-21.666667, r.CellTradeCreation[0], 6);
        Assert.Equal(0.0, r.CellTradeCreation[1]);
        Dp(-21.467890, r.CellTradeDiversion[0], 6);
        Dp(21.467890, r.CellTradeDiversion[1], 6);
        Dp(56.865443, r.CellNewImports[0], 6);
        Dp(321.467890, r.CellNewImports[1], 6);
        Dp(378.333333, r.LineNewImports[0], 6);
        Dp(58.304893, r.LineNewRevenue[0], 6);
        Dp(8.304893, r.Totals.RevenueChange, 6);
        Dp(-2.816667, r.LineWelfareChange[0], 6);
        Dp(-1.990826, (r.CellNewImports[0] / 100 - 1) / (0.26 / 1.2), 6);
        Assert.Equal(0, r.LineBeneficiaryCell[0]);
    }

    [Fact]
    public void Example_A_SMART_linear_price_variant()
    {
        var r = SmartModel.Solve(ExactCesModel.ToProblem(ExampleA()), SmartOptions.Default with { DiversionPriceForm = SmartDiversionPriceForm.Linear });
        Dp(-26.530612, r.CellTradeDiversion[0], 6);
    }

    [Fact]
    public void Example_A_SMART_reverse_deal()
    {
        var r = SmartModel.Solve(ExactCesModel.ToProblem(ExampleA(0.46, 0.20)));
        Dp(17.808219, r.CellTradeCreation[0], 6);
        Dp(22.543353, r.CellTradeDiversion[0], 6);
        Dp(140.351572, r.CellNewImports[0], 6);
        Dp(277.456647, r.CellNewImports[1], 6);
        Rel(76, r.Totals.BaselineRevenue, 1e-15);
        Dp(55.815979, r.Totals.NewRevenue, 6);
        Dp(-20.184021, r.Totals.RevenueChange, 6);
        Dp(2.315068, r.Totals.WelfareChange, 6);
    }

    [Theory]
    [InlineData(2.0, -0.0928571, -0.1857143)]
    [InlineData(99.0, -0.0032338, -0.3201493)]
    public void Example_B_SMART_linear_finite_supply(double mu, double pStar, double mHat)
    {
        var line = new PeLineInput(1.5, 1.5, [new PeSupplierInput("Vietnam", 100, 0.20, 0.46)]);
        var r = SmartModel.Solve(ExactCesModel.ToProblem(line), SmartOptions.Default with { ExportSupplyElasticity = mu });
        Dp(mHat, r.CellTradeCreation[0] / 100, 7);
        var q = 100 + r.CellTradeCreation[0];
        Dp(pStar, r.CellPriceEffect[0] / q, 7);
        Rel(q * (1 - 1.5 * (0.26 / 1.2) / (mu + 1.5)), r.CellNewImports[0], 1e-12);
    }

    [Fact]
    public void SMART_negative_flow_is_detected_or_clamped()
    {
        // η = 3, 0% → 46%: TC = −1.38 m (pe-methods §2.3).
        var line = new PeLineInput(3.0, 1.5, [new PeSupplierInput("Vietnam", 100, 0, 0.46), new PeSupplierInput("Rest", 300, 0.1, 0.1)], "8541");
        var p = ExactCesModel.ToProblem(line);
        var ex = Assert.Throws<PartialEquilibriumException>(() => SmartModel.Solve(p));
        Assert.Equal(0, ex.LineIndex);
        Assert.Contains("8541", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Vietnam", ex.Message, StringComparison.Ordinal);
        var c = SmartModel.Solve(p, SmartOptions.Default with { NegativeFlowPolicy = SmartNegativeFlowPolicy.ClampAtZero });
        Assert.Equal(0.0, c.CellNewImports[0]);
        Assert.Equal(1, c.Totals.ClampedLines);
        Assert.True(c.CellNewImports[1] > 300);
        // The exact model never produces negative flows.
        Assert.True(ExactCesModel.SolveLine(line)["Vietnam"].NewImports > 0);
    }
}
