using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>Country-level results. Hats are counterfactual/baseline ratios; the percentage properties are 100(hat − 1).</summary>
public sealed class GeCountryResult
{
    /// <summary>Country code.</summary>
    public string Country { get; }

    internal double FactoryGatePriceHat { get; }

    internal double PriceIndexHat { get; }

    internal double OutputBaseline { get; }

    internal double OutputCounterfactual { get; }

    internal double ExpenditureBaseline { get; }

    internal double ExpenditureCounterfactual { get; }

    internal double ExportsBaseline { get; }

    internal double ExportsCounterfactual { get; }

    internal double ImportsBaseline { get; }

    internal double ImportsCounterfactual { get; }

    internal double TariffRevenueBaseline { get; }

    internal double TariffRevenueCounterfactual { get; }

    internal GeCountryResult(string Country, double FactoryGatePriceHat, double PriceIndexHat, double OutputBaseline, double OutputCounterfactual, double ExpenditureBaseline, double ExpenditureCounterfactual, double ExportsBaseline, double ExportsCounterfactual, double ImportsBaseline, double ImportsCounterfactual, double TariffRevenueBaseline, double TariffRevenueCounterfactual)
    {
        this.Country = Country;
        this.FactoryGatePriceHat = FactoryGatePriceHat;
        this.PriceIndexHat = PriceIndexHat;
        this.OutputBaseline = OutputBaseline;
        this.OutputCounterfactual = OutputCounterfactual;
        this.ExpenditureBaseline = ExpenditureBaseline;
        this.ExpenditureCounterfactual = ExpenditureCounterfactual;
        this.ExportsBaseline = ExportsBaseline;
        this.ExportsCounterfactual = ExportsCounterfactual;
        this.ImportsBaseline = ImportsBaseline;
        this.ImportsCounterfactual = ImportsCounterfactual;
        this.TariffRevenueBaseline = TariffRevenueBaseline;
        this.TariffRevenueCounterfactual = TariffRevenueCounterfactual;
    }

    /// <summary>Ê_j.</summary>
    internal double ExpenditureHat => ExpenditureCounterfactual / ExpenditureBaseline;

    /// <summary>Real expenditure change Ê/P̂: the welfare change (equals ge_gravity's "welfare" under the additive closure; its inverse is gegravity's welfare statistic).</summary>
    internal double RealExpenditureHat => ExpenditureHat / PriceIndexHat;

    /// <summary>100(p̂ − 1).</summary>
    public double FactoryGatePriceChangePct => 100 * (FactoryGatePriceHat - 1);

    /// <summary>100(P̂ − 1).</summary>
    public double PriceIndexChangePct => 100 * (PriceIndexHat - 1);

    /// <summary>100(Ê − 1).</summary>
    public double ExpenditureChangePct => 100 * (ExpenditureHat - 1);

    /// <summary>100(Ê/P̂ − 1): welfare.</summary>
    public double RealExpenditureChangePct => 100 * (RealExpenditureHat - 1);

    /// <summary>100(p̂/P̂ − 1): the real factory-gate price (real wage); gegravity's "terms of trade" and "GDP" change.</summary>
    internal double RealWageChangePct => 100 * (FactoryGatePriceHat / PriceIndexHat - 1);

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
