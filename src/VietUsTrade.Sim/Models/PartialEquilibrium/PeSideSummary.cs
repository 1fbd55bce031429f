using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>Headline figures of one side of a comparison (baseline or scenario), US dollars.</summary>
public sealed class PeSideSummary
{
    /// <summary>US imports from Vietnam at world (customs) prices.</summary>
    public double ImportsFromVietnamUsd { get; }

    /// <summary>US exports to Vietnam.</summary>
    public double ExportsToVietnamUsd { get; }

    /// <summary>Exports − imports.</summary>
    public double BalanceUsd { get; }

    /// <summary>Tariff revenue on imports from Vietnam.</summary>
    public double TariffRevenueUsd { get; }

    /// <summary>Tariff revenue on all suppliers of Vietnam's lines.</summary>
    public double TariffRevenueAllSuppliersUsd { get; }

    /// <summary>Change of the tariff-inclusive import price index of Vietnam's lines (expenditure-weighted; 0 for the baseline).</summary>
    public double ImportPriceIndexChange { get; }

    /// <summary>Change of US imports from each other supplier of these lines (0 for the baseline), by supplier name.</summary>
    public IReadOnlyDictionary<string, double> DivertedTo { get; }

    internal PeSideSummary(double ImportsFromVietnamUsd, double ExportsToVietnamUsd, double BalanceUsd, double TariffRevenueUsd, double TariffRevenueAllSuppliersUsd, double ImportPriceIndexChange, IReadOnlyDictionary<string, double> DivertedTo)
    {
        this.ImportsFromVietnamUsd = ImportsFromVietnamUsd;
        this.ExportsToVietnamUsd = ExportsToVietnamUsd;
        this.BalanceUsd = BalanceUsd;
        this.TariffRevenueUsd = TariffRevenueUsd;
        this.TariffRevenueAllSuppliersUsd = TariffRevenueAllSuppliersUsd;
        this.ImportPriceIndexChange = ImportPriceIndexChange;
        this.DivertedTo = DivertedTo;
    }
}
