using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using VietUsTrade.Sim.Data;

namespace VietUsTrade.Sim.Projection;

/// <summary>
/// The no-policy path of one monthly series: a log-linear trend with month-of-year factors, anchored so that the
/// path's baseline-year total equals the dataset's annual total.
/// </summary>
/// <remarks>
/// <para>Estimation (<see cref="Estimate"/>): ordinary least squares of ln x_t = g·t/12 + Σ_k γ_k·[month(t) = k] + e_t
/// on the bundled monthly series (t in months), giving the annual log growth g with its standard error and the
/// seasonal factors exp(γ_k) (normalised to mean 1). The standard error of g is the larger of the OLS one and the
/// Newey–West (1987) HAC one (Bartlett weights, lag ⌊4(n/100)^(2/9)⌋), since monthly residuals are serially
/// correlated. The path is x(m) = C·exp(g·(t_m − t_ref)/12)·s(month(m)) with C
/// such that the twelve months of the baseline year sum to the annual total. With 36 months the standard error is itself
/// imprecise (docs/models/projection.md). A user growth
/// rate replaces g (and keeps the estimated seasonality). Immutable.</para>
/// </remarks>
internal sealed record BaselineTrend
{
    private readonly double[] _seasonal;

    /// <summary>Creates a trend.</summary>
    /// <param name="label">What the series is.</param>
    /// <param name="logGrowthPerYear">g: annual log growth.</param>
    /// <param name="logGrowthStdError">Standard error of g (≥ 0; 0 = known).</param>
    /// <param name="seasonalFactors">Twelve positive month-of-year factors (January first).</param>
    /// <param name="baselineYear">The anchor year.</param>
    /// <param name="baselineYearTotalUsd">The series' total in the anchor year, US dollars (≥ 0).</param>
    /// <param name="method">How g and the factors were obtained (stated in the output).</param>
    /// <exception cref="ArgumentException">A field is invalid.</exception>
    public BaselineTrend(string label, double logGrowthPerYear, double logGrowthStdError, IReadOnlyList<double> seasonalFactors, int baselineYear, double baselineYearTotalUsd, string method)
    {
        ArgumentNullException.ThrowIfNull(seasonalFactors);
        if (!double.IsFinite(logGrowthPerYear) || Math.Abs(logGrowthPerYear) > 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"logGrowthPerYear = {logGrowthPerYear} must be a finite log growth within ±2."), nameof(logGrowthPerYear));
        }

        if (!double.IsFinite(logGrowthStdError) || logGrowthStdError < 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"logGrowthStdError = {logGrowthStdError} must be ≥ 0."), nameof(logGrowthStdError));
        }

        if (seasonalFactors.Count != 12 || seasonalFactors.Any(f => !double.IsFinite(f) || f <= 0))
        {
            throw new ArgumentException($"seasonalFactors must be 12 positive numbers (got {seasonalFactors.Count}).", nameof(seasonalFactors));
        }

        if (!double.IsFinite(baselineYearTotalUsd) || baselineYearTotalUsd < 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"baselineYearTotalUsd = {baselineYearTotalUsd} must be ≥ 0."), nameof(baselineYearTotalUsd));
        }

        Label = label ?? string.Empty;
        LogGrowthPerYear = logGrowthPerYear;
        LogGrowthStdError = logGrowthStdError;
        _seasonal = seasonalFactors.ToArray();
        BaselineYear = baselineYear;
        BaselineYearTotalUsd = baselineYearTotalUsd;
        Method = method ?? string.Empty;
    }

    /// <summary>What the series is.</summary>
    public string Label { get; }

    /// <summary>g: annual log growth.</summary>
    public double LogGrowthPerYear { get; }

    /// <summary>The growth rate exp(g) − 1 per year.</summary>
    public double GrowthPerYear => Math.Exp(LogGrowthPerYear) - 1;

    /// <summary>Standard error of g.</summary>
    public double LogGrowthStdError { get; }

    /// <summary>Month-of-year factors, January first (mean 1).</summary>
    public IReadOnlyList<double> SeasonalFactors => _seasonal;

    /// <summary>The anchor year.</summary>
    public int BaselineYear { get; }

    /// <summary>The series' total in the anchor year, US dollars.</summary>
    public double BaselineYearTotalUsd { get; }

    /// <summary>How the trend was obtained.</summary>
    public string Method { get; }

    /// <summary>Estimates the trend and seasonality of a monthly series by OLS (see the type's remarks).</summary>
    /// <param name="series">The monthly series (at least 24 positive months).</param>
    /// <param name="baselineYear">The anchor year.</param>
    /// <param name="baselineYearTotalUsd">The anchor year's total.</param>
    /// <returns>The trend.</returns>
    /// <exception cref="ArgumentException">Too few or non-positive observations.</exception>
    public static BaselineTrend Estimate(MonthlySeries series, int baselineYear, double baselineYearTotalUsd)
    {
        ArgumentNullException.ThrowIfNull(series);
        var pts = series.Points;
        if (pts.Count < 24 || pts.Any(p => !(p.ValueUsd > 0)))
        {
            throw new ArgumentException($"Series {series.Key} needs at least 24 positive months (has {pts.Count}).", nameof(series));
        }

        var n = pts.Count;
        var x = Matrix<double>.Build.Dense(n, 13);
        var y = Vector<double>.Build.Dense(n);
        var t0 = (pts[0].Month.Year * 12) + pts[0].Month.Month;
        for (var i = 0; i < n; i++)
        {
            var t = (pts[i].Month.Year * 12) + pts[i].Month.Month - t0;
            x[i, 0] = t / 12.0;
            x[i, pts[i].Month.Month] = 1.0;
            y[i] = Math.Log(pts[i].ValueUsd);
        }

        var qr = x.QR();
        var beta = qr.Solve(y);
        var resid = y - (x * beta);
        var s2 = resid.DotProduct(resid) / (n - 13);
        var xtxInv = (x.TransposeThisAndMultiply(x)).Inverse();
        var seOls = Math.Sqrt(s2 * xtxInv[0, 0]);

        // Newey–West (1987) HAC variance with Bartlett weights, lag L = ⌊4 (n/100)^(2/9)⌋, small-sample factor n/(n − k).
        var lag = (int)Math.Floor(4 * Math.Pow(n / 100.0, 2.0 / 9.0));
        var meat = Matrix<double>.Build.Dense(13, 13);
        for (var l = 0; l <= lag; l++)
        {
            var w = l == 0 ? 1.0 : 1.0 - (l / (lag + 1.0));
            for (var t = l; t < n; t++)
            {
                var a = x.Row(t) * resid[t];
                var b = x.Row(t - l) * resid[t - l];
                var outer = a.OuterProduct(b);
                meat += l == 0 ? outer : w * (outer + outer.Transpose());
            }
        }

        var hac = xtxInv * meat * xtxInv * (n / (double)(n - 13));
        var se = Math.Max(seOls, Math.Sqrt(hac[0, 0]));
        var factors = Enumerable.Range(1, 12).Select(k => Math.Exp(beta[k])).ToArray();
        var mean = factors.Average();
        for (var k = 0; k < 12; k++)
        {
            factors[k] /= mean;
        }

        var method = string.Create(CultureInfo.InvariantCulture,
            $"OLS log-linear trend + month dummies on {series.Key} {pts[0].Month:yyyy-MM}..{pts[^1].Month:yyyy-MM} ({n} months): growth {Math.Exp(beta[0]) - 1:+0.0%;-0.0%}/yr (se of log growth {se:0.000}: the larger of OLS {seOls:0.000} and Newey–West HAC, lag {lag})");
        return new BaselineTrend(series.Description, beta[0], se, factors, baselineYear, baselineYearTotalUsd, method);
    }

    /// <summary>A copy with a user-given growth rate (the seasonality is kept; the standard error is kept unless given).</summary>
    /// <param name="growthPerYear">Growth per year as a fraction (e.g. 0.05), &gt; −1.</param>
    /// <param name="logGrowthStdError">Optional new standard error of the log growth.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentException">The growth is ≤ −1 or not finite.</exception>
    public BaselineTrend WithGrowth(double growthPerYear, double? logGrowthStdError = null)
    {
        if (!double.IsFinite(growthPerYear) || growthPerYear <= -1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"growthPerYear = {growthPerYear} must be a number > −1."), nameof(growthPerYear));
        }

        var se = logGrowthStdError ?? LogGrowthStdError;
        return new BaselineTrend(Label, Math.Log(1.0 + growthPerYear), se, _seasonal, BaselineYear, BaselineYearTotalUsd,
            string.Create(CultureInfo.InvariantCulture, $"user growth {growthPerYear:+0.0%;-0.0%}/yr (se of log growth {se:0.000}); seasonality from: {Method}"));
    }

    /// <summary>Fills the path for consecutive months from <paramref name="first"/> with a given log growth.</summary>
    /// <param name="first">The first month (day 1).</param>
    /// <param name="logGrowthPerYear">The log growth to use (a draw or <see cref="LogGrowthPerYear"/>).</param>
    /// <param name="path">Receives one value per month.</param>
    public void Fill(DateOnly first, double logGrowthPerYear, Span<double> path)
    {
        // Σ over the 12 anchor months of exp(g·(t − t_ref)/12)·s = 1/C·total, with t_ref = 0 at January of the anchor year.
        double anchor = 0;
        for (var k = 0; k < 12; k++)
        {
            anchor += Math.Exp(logGrowthPerYear * k / 12.0) * _seasonal[k];
        }

        var c = anchor > 0 ? BaselineYearTotalUsd / anchor : 0;
        var start = ((first.Year - BaselineYear) * 12) + first.Month - 1;
        for (var i = 0; i < path.Length; i++)
        {
            var t = start + i;
            var month = ((first.Month - 1 + i) % 12 + 12) % 12;
            path[i] = c * Math.Exp(logGrowthPerYear * t / 12.0) * _seasonal[month];
        }
    }
}
