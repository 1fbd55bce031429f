namespace VietUsTrade.Sim.Projection;

/// <summary>One month (or year) of a projection: the no-policy baseline and the scenario, US dollars.</summary>
public sealed class ProjectionMonth
{
    /// <summary>The first day of the month (of the year for annual rows).</summary>
    public DateOnly Period { get; }

    internal double BaselineImportsUsd { get; }

    internal double ImportsUsd { get; }

    internal double BaselineExportsUsd { get; }

    internal double ExportsUsd { get; }

    internal double BaselineRevenueUsd { get; }

    internal double RevenueUsd { get; }

    internal double BaselineEtr { get; }

    internal double Etr { get; }

    internal double EtrFixedWeights { get; }

    internal double CommitmentExportsUsd { get; }

    internal double AdditionalTotalExportsUsd { get; }

    internal IReadOnlyList<double> DivertedToUsd { get; }

    internal ProjectionMonth(DateOnly Period, double BaselineImportsUsd, double ImportsUsd, double BaselineExportsUsd, double ExportsUsd, double BaselineRevenueUsd, double RevenueUsd, double BaselineEtr, double Etr, double EtrFixedWeights, double CommitmentExportsUsd, double AdditionalTotalExportsUsd, IReadOnlyList<double> DivertedToUsd)
    {
        this.Period = Period;
        this.BaselineImportsUsd = BaselineImportsUsd;
        this.ImportsUsd = ImportsUsd;
        this.BaselineExportsUsd = BaselineExportsUsd;
        this.ExportsUsd = ExportsUsd;
        this.BaselineRevenueUsd = BaselineRevenueUsd;
        this.RevenueUsd = RevenueUsd;
        this.BaselineEtr = BaselineEtr;
        this.Etr = Etr;
        this.EtrFixedWeights = EtrFixedWeights;
        this.CommitmentExportsUsd = CommitmentExportsUsd;
        this.AdditionalTotalExportsUsd = AdditionalTotalExportsUsd;
        this.DivertedToUsd = DivertedToUsd;
    }

    /// <summary>No-policy balance: exports − imports (negative = US deficit).</summary>
    public double BaselineBalanceUsd => BaselineExportsUsd - BaselineImportsUsd;

    /// <summary>Scenario balance.</summary>
    public double BalanceUsd => ExportsUsd - ImportsUsd;

    /// <summary>The policy effect on the balance: scenario − baseline.</summary>
    internal double BalanceEffectUsd => BalanceUsd - BaselineBalanceUsd;

    /// <summary>The policy effect on imports from Vietnam.</summary>
    internal double ImportsEffectUsd => ImportsUsd - BaselineImportsUsd;
}
