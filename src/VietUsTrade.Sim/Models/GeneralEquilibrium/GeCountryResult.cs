using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>Country-level results. Hats are counterfactual/baseline ratios; the percentage properties are 100(hat − 1).</summary>
/// <param name="Country">Country code.</param>
/// <param name="FactoryGatePriceHat">p̂_i (= ŵ_i): the change of the factory-gate price (wage, output price).</param>
/// <param name="PriceIndexHat">P̂_j: the consumer price index (inward multilateral resistance), tariffs included.</param>
/// <param name="OutputBaseline">Y_i.</param>
/// <param name="OutputCounterfactual">Y′_i.</param>
/// <param name="ExpenditureBaseline">E_j, tariff revenue included.</param>
/// <param name="ExpenditureCounterfactual">E′_j, tariff revenue included.</param>
/// <param name="ExportsBaseline">Foreign exports (off-diagonal row sum) at producer prices.</param>
/// <param name="ExportsCounterfactual">Counterfactual foreign exports.</param>
/// <param name="ImportsBaseline">Foreign imports (off-diagonal column sum) at producer prices.</param>
/// <param name="ImportsCounterfactual">Counterfactual foreign imports.</param>
/// <param name="TariffRevenueBaseline">Tariff revenue in the baseline (0 in the iceberg treatment).</param>
/// <param name="TariffRevenueCounterfactual">Counterfactual tariff revenue (0 in the iceberg treatment).</param>
public sealed record GeCountryResult(
    string Country,
    double FactoryGatePriceHat,
    double PriceIndexHat,
    double OutputBaseline,
    double OutputCounterfactual,
    double ExpenditureBaseline,
    double ExpenditureCounterfactual,
    double ExportsBaseline,
    double ExportsCounterfactual,
    double ImportsBaseline,
    double ImportsCounterfactual,
    double TariffRevenueBaseline,
    double TariffRevenueCounterfactual)
{
    /// <summary>Ê_j.</summary>
    public double ExpenditureHat => ExpenditureCounterfactual / ExpenditureBaseline;

    /// <summary>Real expenditure change Ê/P̂: the welfare change (equals ge_gravity's "welfare" under the additive closure; its inverse is gegravity's welfare statistic).</summary>
    public double RealExpenditureHat => ExpenditureHat / PriceIndexHat;

    /// <summary>100(p̂ − 1).</summary>
    public double FactoryGatePriceChangePct => 100 * (FactoryGatePriceHat - 1);

    /// <summary>100(P̂ − 1).</summary>
    public double PriceIndexChangePct => 100 * (PriceIndexHat - 1);

    /// <summary>100(Ê − 1).</summary>
    public double ExpenditureChangePct => 100 * (ExpenditureHat - 1);

    /// <summary>100(Ê/P̂ − 1): welfare.</summary>
    public double RealExpenditureChangePct => 100 * (RealExpenditureHat - 1);

    /// <summary>100(p̂/P̂ − 1): the real factory-gate price (real wage); gegravity's "terms of trade" and "GDP" change.</summary>
    public double RealWageChangePct => 100 * (FactoryGatePriceHat / PriceIndexHat - 1);

    /// <summary>% change of foreign exports.</summary>
    public double ExportsChangePct => Pct(ExportsCounterfactual, ExportsBaseline);

    /// <summary>% change of foreign imports.</summary>
    public double ImportsChangePct => Pct(ImportsCounterfactual, ImportsBaseline);

    /// <summary>Baseline trade balance = exports − imports.</summary>
    public double TradeBalanceBaseline => ExportsBaseline - ImportsBaseline;

    /// <summary>Counterfactual trade balance = exports − imports.</summary>
    public double TradeBalanceCounterfactual => ExportsCounterfactual - ImportsCounterfactual;

    internal static double Pct(double counterfactual, double baseline) => baseline > 0 ? 100 * (counterfactual / baseline - 1) : 0.0;
}
