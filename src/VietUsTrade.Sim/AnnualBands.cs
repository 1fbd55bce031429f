using VietUsTrade.Sim.Projection;

namespace VietUsTrade.Sim;

/// <summary>The Monte Carlo bands of one calendar year of a projection (<see cref="ProjectionBands.Annual"/>), US dollars unless stated.</summary>
/// <param name="Year">The year.</param>
/// <param name="ImportsUsd">US imports from Vietnam.</param>
/// <param name="ExportsUsd">US exports to Vietnam, commitments included.</param>
/// <param name="BalanceUsd">US bilateral balance, exports − imports.</param>
/// <param name="TariffRevenueUsd">Tariff revenue on imports from Vietnam.</param>
/// <param name="Etr">Vietnam's realised effective tariff rate (fraction).</param>
/// <param name="BalanceEffectUsd">The policy effect on the balance: scenario − no-policy path.</param>
public sealed record AnnualBands(int Year, Quantiles ImportsUsd, Quantiles ExportsUsd, Quantiles BalanceUsd, Quantiles TariffRevenueUsd, Quantiles Etr, Quantiles BalanceEffectUsd);
