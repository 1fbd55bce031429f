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

/// <summary>A deterministic monthly projection with its assumptions; <see cref="Annual"/> sums it by calendar year.</summary>
/// <param name="ScenarioName">The scenario.</param>
/// <param name="Suppliers">Supplier names (index of <see cref="ProjectionMonth.DivertedToUsd"/>).</param>
/// <param name="VietnamIndex">Vietnam's index in <paramref name="Suppliers"/>.</param>
/// <param name="Monthly">The months in order.</param>
/// <param name="Assumptions">What the path assumes (baseline method, kernel, inputs), one statement per entry.</param>
public sealed record ProjectionPath(string ScenarioName, IReadOnlyList<string> Suppliers, int VietnamIndex, IReadOnlyList<ProjectionMonth> Monthly, IReadOnlyList<string> Assumptions)
{
    /// <summary>Calendar-year rows: flows summed over the months of the year; ETR = revenue / imports; the fixed-weight ETR is the mean of the months weighted by the no-policy imports.</summary>
    /// <returns>One row per year (Period = 1 January).</returns>
    public IReadOnlyList<ProjectionMonth> Annual() =>
        Monthly.GroupBy(r => r.Period.Year).Select(g =>
        {
            var rows = g.ToArray();
            var p = Suppliers.Count;
            var div = new double[p];
            foreach (var r in rows)
            {
                for (var k = 0; k < p; k++)
                {
                    div[k] += r.DivertedToUsd[k];
                }
            }

            double bi = 0, im = 0, be = 0, ex = 0, br = 0, rv = 0, ce = 0, ae = 0;
            foreach (var r in rows)
            {
                bi += r.BaselineImportsUsd;
                im += r.ImportsUsd;
                be += r.BaselineExportsUsd;
                ex += r.ExportsUsd;
                br += r.BaselineRevenueUsd;
                rv += r.RevenueUsd;
                ce += r.CommitmentExportsUsd;
                ae += r.AdditionalTotalExportsUsd;
            }

            return new ProjectionMonth(new DateOnly(g.Key, 1, 1), bi, im, be, ex, br, rv, bi > 0 ? br / bi : 0, im > 0 ? rv / im : 0,
                bi > 0 ? rows.Sum(r => r.BaselineImportsUsd * r.EtrFixedWeights) / bi : rows.Average(r => r.EtrFixedWeights), ce, ae, div);
        }).ToArray();
}

/// <summary>Inverse CDFs used by the Monte Carlo (pure functions).</summary>
internal static class Distributions
{
    /// <summary>The quantile u of the triangular distribution on [low, high] with the given mode (low = high gives the mode).</summary>
    public static double Triangular(double u, double low, double mode, double high)
    {
        if (high <= low)
        {
            return mode;
        }

        var fc = (mode - low) / (high - low);
        return u < fc ? low + Math.Sqrt(u * (high - low) * (mode - low)) : high - Math.Sqrt((1 - u) * (high - low) * (high - mode));
    }

    /// <summary>The standard normal quantile, truncated to ±4.</summary>
    public static double Normal(double u) => Math.Clamp(MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, u), -4, 4);
}
