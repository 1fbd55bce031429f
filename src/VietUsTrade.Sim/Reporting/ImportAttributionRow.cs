namespace VietUsTrade.Sim.Reporting;

/// <summary>
/// One row of the ex-post attribution of the observed change in US imports from Vietnam (a NAICS-3 sector or the total):
/// the parts add up to <see cref="ChangeUsd"/> exactly.
/// </summary>
/// <param name="Sector">NAICS-3 code, "unallocated" (total minus the sum of the sectors) or "total".</param>
/// <param name="BeforeUsd">Imports in the same months a year earlier (US dollars).</param>
/// <param name="AfterUsd">Imports in the months of the year.</param>
/// <param name="MarketGrowthUsd">Vietnam's earlier share × the change of US imports of the sector from all countries.</param>
/// <param name="ShareTrendUsd">The sector's imports × the pre-existing trend of Vietnam's share (the change from three years to one year earlier, halved).</param>
/// <param name="OwnTariffUsd">The model's effect of the US tariffs on Vietnam alone; for a sector, the total's part allocated by the sector pattern of the exact long-run PE (see <see cref="ExPostAttribution"/>).</param>
/// <param name="DiversionFromChinaUsd">The model's effect of adding China's tariffs (CES diversion and relocation), allocated the same way for sectors.</param>
/// <param name="DiversionFromOthersUsd">The model's effect of adding every other supplier's tariffs, allocated the same way for sectors.</param>
/// <param name="ResidualUsd">What the parts leave: the change no part explains (reported, not hidden).</param>
public sealed record ImportAttributionRow(string Sector, double BeforeUsd, double AfterUsd, double MarketGrowthUsd, double ShareTrendUsd, double? OwnTariffUsd,
    double? DiversionFromChinaUsd, double? DiversionFromOthersUsd, double ResidualUsd)
{
    /// <summary>The observed change, <see cref="AfterUsd"/> − <see cref="BeforeUsd"/>.</summary>
    public double ChangeUsd => AfterUsd - BeforeUsd;
}
