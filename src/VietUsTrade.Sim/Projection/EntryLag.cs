using System.Globalization;

namespace VietUsTrade.Sim.Projection;

/// <summary>
/// How far the duty collected in a month lags a rise of the statutory rate: the rate that goods entering in month m pay is
/// Ẽ(m) = min(E(m), a₀·E(m) + a₁·E(m−1) + a₂·E(m−2)), with E the monthly statutory ETR (already weighted by the days of the
/// month under each regime), a ≥ 0 and a₀ + a₁ + a₂ = 1. A rise reaches the entries over three months because goods shipped
/// before it are still entering (ocean transit from Vietnam takes three to five weeks, and the 2025 orders let goods loaded
/// before the effective date enter at the old rate until a stated day: EO 14257 §3(b) to 2025-05-28, EO 14326 §4 to
/// 2025-10-05); a fall applies to every entry from its effective date (the min), which the day weighting of E already holds.
/// </summary>
/// <remarks>
/// This is a finite distributed lag (Almon 1965; Greene 2018, <i>Econometric Analysis</i> 8th ed., §21.2) on the statutory
/// rate, the timing part of the gap between statutory and collected rates that the Yale Budget Lab separates from
/// compliance (its effective rate "as collected" trails the statutory rate after each rise). Estimation: with w the
/// collection ratio of the policy increment and c₀·b the collected base rate, an observed month implies the statutory rate
/// its entries paid, y = (duty / value − c₀·b) / w + b. On the observed months up to as-of in which the lag binds (a rise
/// of 1 pp or more in the month or the month before), a₀ and a₁ are the least-squares solution of
/// y − E(m−2) = a₀·(E(m) − E(m−2)) + a₁·(E(m−1) − E(m−2)) within the simplex; when only months of a rise are observed (no
/// month after one), a₁ is not identified and takes (1 − a₀)/2. Before any such month is observed the prior is a₀ = a₁ =
/// a₂ = 1/3 (entries spread evenly over the month of the rise and the two after it). Immutable.
/// </remarks>
internal readonly record struct EntryLag(double A0, double A1, double A2, int MonthsUsed)
{
    /// <summary>The prior, a₀ = a₁ = a₂ = 1/3.</summary>
    public static EntryLag Prior { get; } = new(1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0, 0);

    /// <summary>A month is used in the estimate when E(m) exceeds min(E(m−1), E(m−2)) by at least this much.</summary>
    public const double RiseThreshold = 0.01;

    /// <summary>Ẽ(m) for month <paramref name="m"/> of a monthly path <paramref name="etr"/>; months before the path have <paramref name="before"/>.</summary>
    public double Apply(ReadOnlySpan<double> etr, int m, double before) =>
        Lagged(etr[m], m >= 1 ? etr[m - 1] : before, m >= 2 ? etr[m - 2] : before);

    /// <summary>Ẽ(m) for a path given by a function of the month (see <see cref="Apply(ReadOnlySpan{double}, int, double)"/>).</summary>
    public double Apply(Func<int, double> etr, int m, double before) =>
        Lagged(etr(m), m >= 1 ? etr(m - 1) : before, m >= 2 ? etr(m - 2) : before);

    private double Lagged(double e0, double e1, double e2) => Math.Min(e0, (A0 * e0) + (A1 * e1) + (A2 * e2));

    /// <summary>Whether month <paramref name="m"/> of <paramref name="etr"/> follows a rise by at most two months (the lag binds).</summary>
    public static bool Binds(ReadOnlySpan<double> etr, int m, double before)
    {
        var e1 = m >= 1 ? etr[m - 1] : before;
        var e2 = m >= 2 ? etr[m - 2] : before;
        return etr[m] - Math.Min(e1, e2) >= RiseThreshold;
    }

    /// <summary>
    /// Estimates a₀, a₁ (see the remarks) from observed months: for each, the statutory ETR of the month and the two before
    /// and the implied statutory rate of its entries y. Falls back to <see cref="Prior"/> without a usable month.
    /// </summary>
    /// <param name="months">(E(m), E(m−1), E(m−2), y) of the observed months in which the lag binds.</param>
    public static EntryLag Estimate(IReadOnlyList<(double E0, double E1, double E2, double Y)> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        double s00 = 0, s01 = 0, s11 = 0, t0 = 0, t1 = 0;
        var n = 0;
        foreach (var (e0, e1, e2, y) in months)
        {
            if (!double.IsFinite(y))
            {
                continue;
            }

            var x0 = e0 - e2;
            var x1 = e1 - e2;
            var t = y - e2;
            s00 += x0 * x0;
            s01 += x0 * x1;
            s11 += x1 * x1;
            t0 += x0 * t;
            t1 += x1 * t;
            n++;
        }

        if (n == 0 || !(s00 > 1e-12))
        {
            return Prior;
        }

        // Identified jointly only when the regressors are not collinear (a month after a rise has been observed).
        var det = (s00 * s11) - (s01 * s01);
        double a0, a1;
        if (s11 > 1e-12 && det > 1e-6 * s00 * s11)
        {
            a0 = ((s11 * t0) - (s01 * t1)) / det;
            a1 = ((s00 * t1) - (s01 * t0)) / det;
            if (a0 < 0 || a1 < 0 || a0 + a1 > 1)
            {
                // The least-squares point lies outside the simplex: the best point on its boundary (the objective is a
                // convex quadratic, so the constrained optimum is on one of the three edges).
                (a0, a1) = BestOnEdges(s00, s01, s11, t0, t1);
            }
        }
        else
        {
            // Only the rise months: a₁'s regressor is absent or collinear, so a₁ = (1 − a₀)/2 and
            // t − x₁/2 = a₀·(x₀ − x₁/2) gives a₀ by least squares.
            var sxx = s00 - s01 + (s11 / 4);
            var sxt = t0 - (s01 / 2) - (t1 / 2) + (s11 / 4);
            a0 = sxx > 1e-12 ? Math.Clamp(sxt / sxx, 0.0, 1.0) : Math.Clamp(t0 / s00, 0.0, 1.0);
            a1 = (1 - a0) / 2;
        }

        return new EntryLag(a0, a1, Math.Max(1 - a0 - a1, 0.0), n);
    }

    private static (double A0, double A1) BestOnEdges(double s00, double s01, double s11, double t0, double t1)
    {
        // Q(a0, a1) = a'Sa − 2 t'a (up to a constant).
        double Q(double a0, double a1) => (s00 * a0 * a0) + (2 * s01 * a0 * a1) + (s11 * a1 * a1) - (2 * ((t0 * a0) + (t1 * a1)));
        var best = (A0: 0.0, A1: 0.0);
        var bestQ = double.PositiveInfinity;
        void Try(double a0, double a1)
        {
            var q = Q(a0, a1);
            if (q < bestQ)
            {
                bestQ = q;
                best = (a0, a1);
            }
        }

        // a1 = 0: a0 = t0 / s00; a0 = 0: a1 = t1 / s11; a0 + a1 = 1: a0 = u, a1 = 1 − u.
        Try(Math.Clamp(t0 / s00, 0.0, 1.0), 0.0);
        Try(0.0, s11 > 0 ? Math.Clamp(t1 / s11, 0.0, 1.0) : 0.0);
        var denom = s00 - (2 * s01) + s11;
        var u = denom > 0 ? Math.Clamp((t0 - t1 - s01 + s11) / denom, 0.0, 1.0) : 0.0;
        Try(u, 1 - u);
        return best;
    }

    /// <summary>A statement of the lag for the method text.</summary>
    public string Describe() => MonthsUsed > 0
        ? string.Create(CultureInfo.InvariantCulture, $"entry lag Ẽ(m) = min(E(m), {A0:0.00}·E(m) + {A1:0.00}·E(m−1) + {A2:0.00}·E(m−2)) estimated on {MonthsUsed} observed month(s) after a rise")
        : string.Create(CultureInfo.InvariantCulture, $"entry lag Ẽ(m) = min(E(m), {A0:0.00}·E(m) + {A1:0.00}·E(m−1) + {A2:0.00}·E(m−2)) (prior: no observed month after a rise up to as-of)");
}
