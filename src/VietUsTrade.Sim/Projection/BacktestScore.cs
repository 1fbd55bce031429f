namespace VietUsTrade.Sim.Projection;

/// <summary>How a band did against the observed months: coverage of the 50 % and 90 % bands, bias and error of the median.</summary>
public sealed class BacktestScore
{
    /// <summary>Observed months scored.</summary>
    public int Months { get; }

    /// <summary>Share of months with p25 ≤ observed ≤ p75.</summary>
    public double Coverage50 { get; }

    /// <summary>Share of months with p5 ≤ observed ≤ p95.</summary>
    public double Coverage90 { get; }

    /// <summary>Mean of (p50 − observed) / observed, in percent (negative = the projection was too low).</summary>
    public double BiasPct { get; }

    /// <summary>Mean of |p50 − observed| / observed, in percent.</summary>
    public double MapePct { get; }

    internal BacktestScore(int Months, double Coverage50, double Coverage90, double BiasPct, double MapePct)
    {
        this.Months = Months;
        this.Coverage50 = Coverage50;
        this.Coverage90 = Coverage90;
        this.BiasPct = BiasPct;
        this.MapePct = MapePct;
    }

    /// <summary>Scores (band, observation) pairs; null when there is none.</summary>
    /// <param name="pairs">The monthly quantiles and the observed values.</param>
    /// <returns>The score or null.</returns>
    internal static BacktestScore? Of(IEnumerable<(Quantiles Band, double Observed)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        int n = 0, in50 = 0, in90 = 0;
        double bias = 0, ape = 0;
        foreach (var (q, o) in pairs)
        {
            if (!(o > 0))
            {
                continue;
            }

            n++;
            in50 += q.P25 <= o && o <= q.P75 ? 1 : 0;
            in90 += q.P5 <= o && o <= q.P95 ? 1 : 0;
            bias += (q.P50 - o) / o;
            ape += Math.Abs(q.P50 - o) / o;
        }

        return n == 0 ? null : new BacktestScore(n, in50 / (double)n, in90 / (double)n, 100 * bias / n, 100 * ape / n);
    }
}
