using VietUsTrade.Sim.Models.PartialEquilibrium;
using Xunit;

namespace VietUsTrade.Sim.Tests.Models.PartialEquilibrium;

public class ComparisonAndExportTests
{
    private readonly ITestOutputHelper _output;

    public ComparisonAndExportTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Comparison_on_Example_A_shows_SMART_overstates_Vietnam_loss()
    {
        var line = new PeLineInput(1.0, 1.5, [new PeSupplierInput("Vietnam", 100, 0.20, 0.46), new PeSupplierInput("Rest", 300, 0.10, 0.10)], "Example A");
        var c = PeComparison.Compare(ExactCesModel.ToProblem(line));
        var vn = c.Rows[0];
        Assert.Equal(76.418195 - 100, vn.ExactChange, 6);
        Assert.Equal(56.865443 - 100, vn.SmartChange, 6);
        Assert.Equal(56.865443 - 76.418195, vn.Difference, 5);
        Assert.Equal(vn.Difference / Math.Abs(vn.ExactChange), vn.RelativeDifference, 12);
        Assert.Equal(7.663123, c.Rows[1].ExactChange, 6);
        Assert.Equal(21.467890, c.Rows[1].SmartChange, 6);
        var text = c.ToText();
        _output.WriteLine(text);
        Assert.Contains("Vietnam", text, StringComparison.Ordinal);
        Assert.Contains("-23.582", text, StringComparison.Ordinal);
        Assert.Contains("-43.135", text, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => c.ToText(0));
    }

    [Fact]
    public void Exact_and_SMART_agree_in_total_for_a_small_shock_but_not_in_allocation()
    {
        // 1% tariff change: totals agree to first order (θ vs s aside), allocation does not (pe-methods §2.9).
        var line = new PeLineInput(1.0, 1.5, [new PeSupplierInput("Vietnam", 100, 0.0, 0.01), new PeSupplierInput("Rest", 300, 0.0, 0.0)]);
        var c = PeComparison.Compare(ExactCesModel.ToProblem(line));
        var exactTotal = c.Exact.Totals.ImportChange;
        var smartTotal = c.Smart.Totals.ImportChange;
        Assert.True(Math.Abs(exactTotal - smartTotal) <= 0.02 * Math.Abs(smartTotal), $"{exactTotal} vs {smartTotal}");
        // SMART own response ≈ −(η + (1 − s)σ) = −2.125 per unit t̂; CES ≈ −(θη + (1−θ)σ) = −1.375.
        Assert.Equal(-2.125, c.Rows[0].SmartChange / 100 / 0.01, 1);
        Assert.Equal(-1.375, c.Rows[0].ExactChange / 100 / 0.01, 1);
    }

    [Fact]
    public void Export_constant_elasticity_is_exact()
    {
        Assert.Equal(100 * Math.Pow(1.1, 2), UsExportResponse.ConstantElasticity(100, 0.10, 0.0, 2.0), 10);
        Assert.Equal(100, UsExportResponse.ConstantElasticity(100, 0.10, 0.10, 5.0));
        Assert.Equal(100 * Math.Pow(1.3 / 1.05, -1.5), UsExportResponse.ConstantElasticity(100, 0.05, 0.30, 1.5), 10);
        double[] x0 = [100, 0, 50], t0 = [0.1, 0.2, 0.05], t1 = [0, 0, 0.05], e = [2, 1, 3];
        var x1 = new double[3];
        UsExportResponse.ConstantElasticity(x0, t0, t1, e, x1);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(UsExportResponse.ConstantElasticity(x0[i], t0[i], t1[i], e[i]), x1[i], 12);
        }

        var ex = Assert.Throws<ArgumentException>(() => UsExportResponse.ConstantElasticity([1.0, 2.0], [0.0, double.NaN], [0.0, 0.0], [1.0, 1.0], new double[2]));
        Assert.Equal("tariffs0", ex.ParamName);
        Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);
        Assert.Equal("elasticity", Assert.Throws<ArgumentException>(() => UsExportResponse.ConstantElasticity(1, 0, 0, -1)).ParamName);
    }

    [Fact]
    public void Export_CES_limits_and_MFN_cut()
    {
        const double x0 = 1000, eps = 1.2, sigma = 4;
        var pi = 1.0 / 1.15;
        // θ = 1: only supplier ⇒ constant elasticity ε.
        Assert.Equal(UsExportResponse.ConstantElasticity(x0, 0.15, 0, eps), UsExportResponse.Ces(x0, 0.15, 0, 1.0, eps, sigma), 9);
        // θ → 0: own-price elasticity σ.
        Assert.Equal(x0 * Math.Pow(pi, -sigma), UsExportResponse.Ces(x0, 0.15, 0, 0.0, eps, sigma), 9);
        Assert.Equal(x0 * Math.Pow(pi, -sigma), UsExportResponse.Ces(x0, 0.15, 0, 1e-12, eps, sigma), 6);
        // Intermediate share lies between the limits.
        var mid = UsExportResponse.Ces(x0, 0.15, 0, 0.2, eps, sigma);
        Assert.InRange(mid, x0 * Math.Pow(pi, -eps), x0 * Math.Pow(pi, -sigma));
        // The same cut for every supplier: P̂ = π, x̂ = π^(−ε) whatever the share.
        Assert.Equal(x0 * Math.Pow(pi, -eps), UsExportResponse.Ces(x0, 0.15, 0, 0.3, eps, sigma, 0.15, 0), 9);
        Assert.Equal(0.0, UsExportResponse.Ces(0, 0.15, 0, 0.3, eps, sigma));
        Assert.Equal("usShare", Assert.Throws<ArgumentException>(() => UsExportResponse.Ces(x0, 0.15, 0, 1.5, eps, sigma)).ParamName);
    }
}
