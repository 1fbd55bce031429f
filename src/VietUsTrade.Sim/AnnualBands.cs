using VietUsTrade.Sim.Projection;

namespace VietUsTrade.Sim;

/// <summary>The Monte Carlo bands of one calendar year of a projection (<see cref="ProjectionBands.Annual"/>), US dollars unless stated.</summary>
public sealed class AnnualBands
{
    /// <summary>The year.</summary>
    public int Year { get; }

    internal Quantiles ImportsUsd { get; }

    internal Quantiles ExportsUsd { get; }

    /// <summary>US bilateral balance, exports − imports.</summary>
    public Quantiles BalanceUsd { get; }

    /// <summary>Tariff revenue on imports from Vietnam.</summary>
    public Quantiles TariffRevenueUsd { get; }

    internal Quantiles Etr { get; }

    internal Quantiles BalanceEffectUsd { get; }

    internal AnnualBands(int Year, Quantiles ImportsUsd, Quantiles ExportsUsd, Quantiles BalanceUsd, Quantiles TariffRevenueUsd, Quantiles Etr, Quantiles BalanceEffectUsd)
    {
        this.Year = Year;
        this.ImportsUsd = ImportsUsd;
        this.ExportsUsd = ExportsUsd;
        this.BalanceUsd = BalanceUsd;
        this.TariffRevenueUsd = TariffRevenueUsd;
        this.Etr = Etr;
        this.BalanceEffectUsd = BalanceEffectUsd;
    }
}
