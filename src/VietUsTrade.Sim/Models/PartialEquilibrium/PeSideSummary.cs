using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>Headline figures of one side of a comparison (baseline or scenario), US dollars.</summary>
/// <param name="ImportsFromVietnamUsd">US imports from Vietnam at world (customs) prices.</param>
/// <param name="ExportsToVietnamUsd">US exports to Vietnam.</param>
/// <param name="BalanceUsd">Exports − imports.</param>
/// <param name="TariffRevenueUsd">Tariff revenue on imports from Vietnam.</param>
/// <param name="TariffRevenueAllSuppliersUsd">Tariff revenue on all suppliers of Vietnam's lines.</param>
/// <param name="ImportPriceIndexChange">Change of the tariff-inclusive import price index of Vietnam's lines (expenditure-weighted; 0 for the baseline).</param>
/// <param name="DivertedTo">Change of US imports from each other supplier of these lines (0 for the baseline), by supplier name.</param>
public sealed record PeSideSummary(double ImportsFromVietnamUsd, double ExportsToVietnamUsd, double BalanceUsd, double TariffRevenueUsd,
    double TariffRevenueAllSuppliersUsd, double ImportPriceIndexChange, IReadOnlyDictionary<string, double> DivertedTo);
