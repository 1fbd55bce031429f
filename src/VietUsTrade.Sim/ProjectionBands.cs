using VietUsTrade.Sim.Projection;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim;

/// <summary>A Monte Carlo projection of a scenario (<see cref="Simulator.Project"/>): quantile bands by year and month. Immutable.</summary>
public sealed class ProjectionBands
{
    internal ProjectionBands(string scenarioName, MonteCarloResult monteCarlo)
    {
        ScenarioName = scenarioName;
        MonteCarlo = monteCarlo;
    }

    /// <summary>The scenario.</summary>
    internal string ScenarioName { get; }

    /// <summary>The full Monte Carlo result (monthly bands, diversion, sensitivity).</summary>
    public MonteCarloResult MonteCarlo { get; }

    /// <summary>The calendar years covered.</summary>
    internal IReadOnlyList<int> Years => MonteCarlo.Years;

    /// <summary>The bands of one calendar year.</summary>
    /// <param name="year">A year of <see cref="Years"/>.</param>
    /// <returns>The bands.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The projection does not cover the year.</exception>
    public AnnualBands Annual(int year)
    {
        var row = MonteCarlo.Annual.FirstOrDefault(r => r.Year == year)
            ?? throw new ArgumentOutOfRangeException(nameof(year), year, $"The projection covers {string.Join(", ", Years)}.");
        var m = row.Metrics;
        return new AnnualBands(year, m[ProjectionMetrics.Imports], m[ProjectionMetrics.Exports], m[ProjectionMetrics.Balance], m[ProjectionMetrics.Revenue],
            m[ProjectionMetrics.Etr], m[ProjectionMetrics.BalanceEffect]);
    }

    /// <summary>The bands as a tidy table (columns scenario, period, metric, p5, p25, p50, p75, p95): the annual rows, then the monthly rows.</summary>
    /// <returns>The table.</returns>
    public TidyTable ToTable()
    {
        var t = new TidyTable("scenario", "period", "metric", "p5", "p25", "p50", "p75", "p95");
        foreach (var row in MonteCarlo.Annual.Concat(MonteCarlo.Monthly))
        {
            foreach (var (metric, q) in row.Metrics)
            {
                t.Add(ScenarioName, row.Period, metric, q.P5, q.P25, q.P50, q.P75, q.P95);
            }
        }

        return t;
    }
}
