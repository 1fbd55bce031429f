namespace VietUsTrade.Sim.Reporting;

/// <summary>
/// One row of the ex-post attribution of the observed change in US imports from Vietnam (a NAICS-3 sector or the total):
/// the parts add up to <see cref="ChangeUsd"/> exactly.
/// </summary>
public sealed class ImportAttributionRow
{
    /// <summary>NAICS-3 code, "unallocated" (total minus the sum of the sectors) or "total".</summary>
    public string Sector { get; }

    /// <summary>Imports in the same months a year earlier (US dollars).</summary>
    public double BeforeUsd { get; }

    /// <summary>Imports in the months of the year.</summary>
    public double AfterUsd { get; }

    /// <summary>Vietnam's earlier share × the change of US imports of the sector from all countries.</summary>
    public double MarketGrowthUsd { get; }

    /// <summary>The sector's imports × the pre-existing trend of Vietnam's share (the change from three years to one year earlier, halved).</summary>
    public double ShareTrendUsd { get; }

    /// <summary>The model's effect of the US tariffs on Vietnam alone; for a sector, the total's part allocated by the sector pattern of the exact long-run PE (see <see cref="ExPostAttribution"/>).</summary>
    public double? OwnTariffUsd { get; }

    /// <summary>The model's effect of adding China's tariffs (CES diversion and relocation), allocated the same way for sectors.</summary>
    public double? DiversionFromChinaUsd { get; }

    /// <summary>The model's effect of adding every other supplier's tariffs, allocated the same way for sectors.</summary>
    public double? DiversionFromOthersUsd { get; }

    /// <summary>What the parts leave: the change no part explains (reported, not hidden).</summary>
    public double ResidualUsd { get; }

    internal ImportAttributionRow(string Sector, double BeforeUsd, double AfterUsd, double MarketGrowthUsd, double ShareTrendUsd, double? OwnTariffUsd, double? DiversionFromChinaUsd, double? DiversionFromOthersUsd, double ResidualUsd)
    {
        this.Sector = Sector;
        this.BeforeUsd = BeforeUsd;
        this.AfterUsd = AfterUsd;
        this.MarketGrowthUsd = MarketGrowthUsd;
        this.ShareTrendUsd = ShareTrendUsd;
        this.OwnTariffUsd = OwnTariffUsd;
        this.DiversionFromChinaUsd = DiversionFromChinaUsd;
        this.DiversionFromOthersUsd = DiversionFromOthersUsd;
        this.ResidualUsd = ResidualUsd;
    }

    /// <summary>The observed change, <see cref="AfterUsd"/> − <see cref="BeforeUsd"/>.</summary>
    public double ChangeUsd => AfterUsd - BeforeUsd;

    /// <summary>The same row with the model's three parts and the residual replaced (the sector allocation of
    /// <see cref="ExPostAttribution"/>).</summary>
    /// <param name="ownTariffUsd">The own-tariff part.</param>
    /// <param name="diversionFromChinaUsd">The diversion-from-China part.</param>
    /// <param name="diversionFromOthersUsd">The diversion-from-others part.</param>
    /// <param name="residualUsd">The residual.</param>
    /// <returns>The new row.</returns>
    internal ImportAttributionRow WithModelParts(double? ownTariffUsd, double? diversionFromChinaUsd, double? diversionFromOthersUsd, double residualUsd)
        => new(Sector, BeforeUsd, AfterUsd, MarketGrowthUsd, ShareTrendUsd, ownTariffUsd, diversionFromChinaUsd, diversionFromOthersUsd, residualUsd);
}
