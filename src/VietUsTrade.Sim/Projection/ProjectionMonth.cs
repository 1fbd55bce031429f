namespace VietUsTrade.Sim.Projection;

/// <summary>One month (or year) of a projection: the no-policy baseline and the scenario, US dollars.</summary>
/// <param name="Period">The first day of the month (of the year for annual rows).</param>
/// <param name="BaselineImportsUsd">No-policy US imports from Vietnam (imports for consumption, customs value).</param>
/// <param name="ImportsUsd">Scenario US imports from Vietnam.</param>
/// <param name="BaselineExportsUsd">No-policy US exports to Vietnam (total exports, FAS).</param>
/// <param name="ExportsUsd">Scenario US exports to Vietnam (tariff response + commitments).</param>
/// <param name="BaselineRevenueUsd">Tariff revenue on imports from Vietnam at 2024 applied rates.</param>
/// <param name="RevenueUsd">Scenario tariff revenue on imports from Vietnam.</param>
/// <param name="BaselineEtr">Vietnam's 2024 duty/value rate.</param>
/// <param name="Etr">Vietnam's realised ETR in the scenario: revenue / imports (post-response weights).</param>
/// <param name="EtrFixedWeights">Vietnam's ETR with 2024 import weights (as <c>vietus-sim etr</c>; for annual rows the months weighted by no-policy imports).</param>
/// <param name="CommitmentExportsUsd">US exports to Vietnam from purchase commitments (included in <paramref name="ExportsUsd"/>).</param>
/// <param name="AdditionalTotalExportsUsd">The additional part of the commitments: the increase of total US exports.</param>
/// <param name="DivertedToUsd">Change of US imports from each supplier of Vietnam's lines (by supplier index; 0 for Vietnam).</param>
public sealed record ProjectionMonth(DateOnly Period, double BaselineImportsUsd, double ImportsUsd, double BaselineExportsUsd, double ExportsUsd,
    double BaselineRevenueUsd, double RevenueUsd, double BaselineEtr, double Etr, double EtrFixedWeights, double CommitmentExportsUsd,
    double AdditionalTotalExportsUsd, IReadOnlyList<double> DivertedToUsd)
{
    /// <summary>No-policy balance: exports − imports (negative = US deficit).</summary>
    public double BaselineBalanceUsd => BaselineExportsUsd - BaselineImportsUsd;

    /// <summary>Scenario balance.</summary>
    public double BalanceUsd => ExportsUsd - ImportsUsd;

    /// <summary>The policy effect on the balance: scenario − baseline.</summary>
    public double BalanceEffectUsd => BalanceUsd - BaselineBalanceUsd;

    /// <summary>The policy effect on imports from Vietnam.</summary>
    public double ImportsEffectUsd => ImportsUsd - BaselineImportsUsd;
}
