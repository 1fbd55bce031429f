namespace VietUsTrade.Sim.Projection;

/// <summary>A deterministic monthly projection with its assumptions; <see cref="Annual"/> sums it by calendar year.</summary>
public sealed class ProjectionPath
{
    internal string ScenarioName { get; }

    internal IReadOnlyList<string> Suppliers { get; }

    internal int VietnamIndex { get; }

    internal IReadOnlyList<ProjectionMonth> Monthly { get; }

    /// <summary>What the path assumes (baseline method, kernel, inputs), one statement per entry.</summary>
    public IReadOnlyList<string> Assumptions { get; }

    internal ProjectionPath(string ScenarioName, IReadOnlyList<string> Suppliers, int VietnamIndex, IReadOnlyList<ProjectionMonth> Monthly, IReadOnlyList<string> Assumptions)
    {
        this.ScenarioName = ScenarioName;
        this.Suppliers = Suppliers;
        this.VietnamIndex = VietnamIndex;
        this.Monthly = Monthly;
        this.Assumptions = Assumptions;
    }

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
