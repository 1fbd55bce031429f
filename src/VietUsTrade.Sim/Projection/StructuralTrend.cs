using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace VietUsTrade.Sim.Projection;

/// <summary>
/// The no-policy path of a monthly series as a basic structural model (local linear trend + dummy seasonal + irregular),
/// estimated by maximum likelihood with the Kalman filter on the log of the series up to an as-of month, and projected
/// from the filtered state at that month (a nowcast: the last observed months set the level, the slope and the season).
/// </summary>
/// <remarks>
/// <para><b>Model</b> (Harvey 1989, <i>Forecasting, Structural Time Series Models and the Kalman Filter</i>, §2.3.4 and
/// §4.1; Durbin &amp; Koopman 2012, <i>Time Series Analysis by State Space Methods</i>, 2nd ed., §3.2.1–3.2.2), on
/// y_t = ln x_t with t in months:
/// y_t = μ_t + γ_t + ε_t, ε_t ~ N(0, σ²_ε);
/// μ_{t+1} = μ_t + β_t + η_t, η_t ~ N(0, σ²_η);
/// β_{t+1} = β_t + ζ_t, ζ_t ~ N(0, σ²_ζ);
/// γ_{t+1} = −Σ_{j=0}^{10} γ_{t−j} + ω_t, ω_t ~ N(0, σ²_ω).
/// The state (μ, β, γ_t, …, γ_{t−10}) has 13 elements. The slope β_t is the local growth (×12 = annual log growth) and
/// is itself a random walk: this is what puts the year-to-year variation of growth into the band, which a fixed
/// trend with only the standard error of its slope leaves out.</para>
/// <para><b>Estimation</b>: the Kalman filter (Durbin &amp; Koopman 2012, eq. 4.24) with an approximately diffuse
/// initial state (P₁ = 10⁴·I, with a₁ = (y₁, 0, …, 0); the states are log levels, monthly log growth and seasonal log deviations, all far below 100 in size), the Gaussian log-likelihood of the one-step prediction errors from the 14th month on
/// (the first 13 are used up by the 13 diffuse states; Harvey 1989 §3.4.1, eq. 3.4.6), maximised over the four log
/// variances by Nelder–Mead from two starting points (the better optimum is kept). Deterministic.</para>
/// <para><b>Projection</b>: from the filtered state a_{T|T} and its covariance P_{T|T} at the last month T, the state is
/// carried forward by the transition. The central path uses the mean state and no disturbances (the median of the
/// monthly log values). A draw takes the initial state from N(a_{T|T}, P_{T|T}) (Cholesky with the slope first, so a
/// drawn slope determines the conditional draw of the rest) and draws every later η, ζ, ω and ε, so a band from
/// draws holds the uncertainty of the current state, of future growth and of the month-to-month noise.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class StructuralTrend
{
    /// <summary>Number of state elements: level, slope and 11 seasonal lags.</summary>
    internal const int StateCount = 13;

    private const double DiffuseVariance = 1e4;
    private const double MinLogVariance = -20.72; // ≈ ln 1e-9
    private const double MaxLogVariance = 2.3;   // ≈ ln 10

    private readonly double[] _a;      // a_{T|T}
    private readonly double[] _chol;   // lower Cholesky of P_{T|T}, state order permuted slope-first (row-major 13×13)
    private readonly double[] _fitted; // exp(filtered signal μ + γ) for the sample months (one-sided)

    private StructuralTrend(string label, string source, DateOnly first, DateOnly last, double[] variances, double logLikelihood, double[] a, double[] p, double[] fitted)
    {
        Label = label;
        Source = source;
        SampleStart = first;
        SampleEnd = last;
        IrregularVariance = variances[0];
        LevelVariance = variances[1];
        SlopeVariance = variances[2];
        SeasonalVariance = variances[3];
        LogLikelihood = logLikelihood;
        _a = a;
        _fitted = fitted;
        SlopeStdError = Math.Sqrt(Math.Max(p[(1 * StateCount) + 1], 0));
        _chol = CholeskySlopeFirst(p);
    }

    /// <summary>What the series is.</summary>
    internal string Label { get; }

    /// <summary>Where the series comes from (key and vintage).</summary>
    internal string Source { get; }

    /// <summary>The first month of the estimation sample (day 1).</summary>
    internal DateOnly SampleStart { get; }

    /// <summary>The last month of the estimation sample, the as-of month (day 1).</summary>
    internal DateOnly SampleEnd { get; }

    /// <summary>σ²_ε, the variance of the irregular (log points²).</summary>
    internal double IrregularVariance { get; }

    /// <summary>σ²_η, the variance of the level disturbance per month.</summary>
    internal double LevelVariance { get; }

    /// <summary>σ²_ζ, the variance of the slope disturbance per month (monthly log growth²).</summary>
    internal double SlopeVariance { get; }

    /// <summary>σ²_ω, the variance of the seasonal disturbance per month.</summary>
    internal double SeasonalVariance { get; }

    /// <summary>The maximised log-likelihood (months 14 … T).</summary>
    internal double LogLikelihood { get; }

    /// <summary>The filtered slope at the last month, as annual log growth (12 β_{T|T}).</summary>
    internal double LogGrowthPerYear => 12 * _a[1];

    /// <summary>The growth rate exp(12 β_{T|T}) − 1 per year.</summary>
    internal double GrowthPerYear => Math.Exp(LogGrowthPerYear) - 1;

    /// <summary>Standard error of the filtered monthly slope β_{T|T} (√P_{ββ}).</summary>
    internal double SlopeStdError { get; }

    /// <summary>Standard error of <see cref="LogGrowthPerYear"/> (12 √P_{ββ}).</summary>
    internal double LogGrowthStdError => 12 * SlopeStdError;

    /// <summary>The standard deviation of the change in annual log growth over twelve months implied by σ²_ζ: 12 √(12 σ²_ζ).</summary>
    internal double GrowthDriftPerYear => 12 * Math.Sqrt(12 * SlopeVariance);

    /// <summary>
    /// The standard deviation of a 12-month log change around the filtered slope implied by the disturbances (without
    /// the irregular): √(12 σ²_η + 506 σ²_ζ), 506 = Σ_{k=1}^{11} k². This is the year-to-year variation of growth the band carries.
    /// </summary>
    internal double TwelveMonthGrowthStdDev => Math.Sqrt((12 * LevelVariance) + (506 * SlopeVariance));

    /// <summary>The filtered level, slope and seasonal state at the last month (13 values, see the remarks).</summary>
    internal IReadOnlyList<double> FinalState => _a;

    /// <summary>The one-sided filtered fit exp(μ_{t|t} + γ_{t|t}) for each sample month (in the units of the series).</summary>
    internal IReadOnlyList<double> Filtered => _fitted;

    /// <summary>How the trend was obtained (stated in every result).</summary>
    public string Method => string.Create(CultureInfo.InvariantCulture,
        $"local linear trend + dummy seasonal state-space model (Harvey 1989; Durbin & Koopman 2012 §3.2), ML by Kalman filter on ln {Source} {SampleStart:yyyy-MM}..{SampleEnd:yyyy-MM} ({_fitted.Length} months): slope at {SampleEnd:yyyy-MM} {GrowthPerYear:+0.0%;-0.0%}/yr (se of log growth {LogGrowthStdError:0.000}), sd of 12-month log growth around it {TwelveMonthGrowthStdDev:0.000} (level sd {Math.Sqrt(LevelVariance):0.0000}/month, slope sd {Math.Sqrt(SlopeVariance):0.00000}/month), irregular sd {Math.Sqrt(IrregularVariance):0.000}");

    /// <summary>Estimates the model on a monthly series (see the type's remarks).</summary>
    /// <param name="label">What the series is.</param>
    /// <param name="source">Where it comes from (key and vintage; stated in the method).</param>
    /// <param name="first">The month of the first value (any day of it).</param>
    /// <param name="logValues">ln of the series, one per consecutive month (at least 48, all finite).</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException">Too few or non-finite values.</exception>
    internal static StructuralTrend Fit(string label, string source, DateOnly first, IReadOnlyList<double> logValues)
    {
        ArgumentNullException.ThrowIfNull(logValues);
        if (logValues.Count < 48)
        {
            throw new ArgumentException($"logValues: the structural model of '{label}' needs at least 48 months (got {logValues.Count}).", nameof(logValues));
        }

        for (var i = 0; i < logValues.Count; i++)
        {
            if (!double.IsFinite(logValues[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"logValues[{i}] = {logValues[i]} of '{label}' is not a finite log value."), nameof(logValues));
            }
        }

        var y = logValues.ToArray();
        first = new DateOnly(first.Year, first.Month, 1);
        double v = 0;
        for (var i = 1; i < y.Length; i++)
        {
            v += (y[i] - y[i - 1]) * (y[i] - y[i - 1]);
        }

        v = Math.Max(v / (y.Length - 1), 1e-8);
        var lv = Math.Log(v);
        double[][] starts =
        [
            [lv - 0.7, lv - 2.3, lv - 9.2, lv - 4.6],
            [lv - 2.3, lv - 0.7, lv - 6.9, lv - 6.9],
        ];
        double[]? best = null;
        var bestValue = double.PositiveInfinity;
        var scratch = new Kalman(y.Length);

        // The best point evaluated is kept, so a simplex that stalls on the bounds (a noiseless series drives variances to
        // the floor) still returns its optimum instead of failing.
        double Objective(Vector<double> theta)
        {
            var t = Clamp(theta);
            var value = -scratch.LogLikelihood(y, t);
            if (value < bestValue)
            {
                bestValue = value;
                best = t;
            }

            return double.IsFinite(value) ? value : double.MaxValue;
        }

        foreach (var s in starts)
        {
            try
            {
                NelderMeadSimplex.Minimum(ObjectiveFunction.Value(Objective), Vector<double>.Build.DenseOfArray(s), Vector<double>.Build.Dense(4, 1.0), 1e-10, 20000);
            }
            catch (MaximumIterationsException)
            {
                // keep the best point seen
            }
        }

        if (best is null || !double.IsFinite(bestValue))
        {
            throw new ArgumentException($"logValues: the likelihood of the structural model of '{label}' could not be maximised.", nameof(logValues));
        }

        var variances = best.Select(Math.Exp).ToArray();
        var final = new Kalman(y.Length);
        var ll = final.LogLikelihood(y, best);
        return new StructuralTrend(label, source, first, first.AddMonths(y.Length - 1), variances, ll, final.A, final.P, final.Fitted);
    }

    /// <summary>The central (median) path for consecutive months from <paramref name="first"/>, with a given slope.</summary>
    /// <param name="first">The first month; must be after <see cref="SampleEnd"/>.</param>
    /// <param name="logGrowthPerYear">The slope to use, as annual log growth (<see cref="LogGrowthPerYear"/> or a user value).</param>
    /// <param name="path">Receives exp(μ_t + γ_t) per month.</param>
    /// <exception cref="ArgumentException"><paramref name="first"/> is not after the sample.</exception>
    internal void Fill(DateOnly first, double logGrowthPerYear, Span<double> path)
    {
        var state = _a.ToArray();
        state[1] = logGrowthPerYear / 12.0;
        DrawRandom none = default;
        Run(first, state, path, false, ref none);
    }

    /// <summary>One draw of the path: the initial state from N(a, P) with its slope fixed by <paramref name="logGrowthPerYear"/> (the rest conditional on it), then every disturbance drawn.</summary>
    internal void Draw(DateOnly first, double logGrowthPerYear, ref DrawRandom rng, Span<double> path)
    {
        Span<double> z = stackalloc double[StateCount];
        z[0] = SlopeStdError > 0 ? ((logGrowthPerYear / 12.0) - _a[1]) / SlopeStdError : 0.0;
        for (var i = 1; i < StateCount; i++)
        {
            z[i] = Distributions.Normal(rng.NextOpen());
        }

        var state = _a.ToArray();
        for (var r = 0; r < StateCount; r++)
        {
            double s = 0;
            for (var c = 0; c <= r; c++)
            {
                s += _chol[(r * StateCount) + c] * z[c];
            }

            state[Unpermute(r)] += s;
        }

        state[1] = logGrowthPerYear / 12.0;
        Run(first, state, path, true, ref rng);
    }

    private void Run(DateOnly first, double[] state, Span<double> path, bool noise, ref DrawRandom rng)
    {
        first = new DateOnly(first.Year, first.Month, 1);
        if (first <= SampleEnd)
        {
            throw new ArgumentException($"first = {first:yyyy-MM} must be after the sample's last month {SampleEnd:yyyy-MM}.", nameof(first));
        }

        var steps = ((first.Year - SampleEnd.Year) * 12) + first.Month - SampleEnd.Month;
        var sdE = Math.Sqrt(IrregularVariance);
        var sdL = Math.Sqrt(LevelVariance);
        var sdS = Math.Sqrt(SlopeVariance);
        var sdW = Math.Sqrt(SeasonalVariance);
        var total = steps - 1 + path.Length;
        for (var i = 0; i < total + 1; i++)
        {
            if (i > 0)
            {
                // α_{t+1} = T α_t + R η_t
                var seasonalNext = 0.0;
                for (var j = 2; j < StateCount; j++)
                {
                    seasonalNext -= state[j];
                }

                for (var j = StateCount - 1; j > 2; j--)
                {
                    state[j] = state[j - 1];
                }

                state[0] += state[1];
                state[2] = seasonalNext;
                if (noise)
                {
                    state[0] += sdL * Distributions.Normal(rng.NextOpen());
                    state[1] += sdS * Distributions.Normal(rng.NextOpen());
                    state[2] += sdW * Distributions.Normal(rng.NextOpen());
                }
            }

            var k = i - steps;
            if (k >= 0 && k < path.Length)
            {
                var e = noise ? sdE * Distributions.Normal(rng.NextOpen()) : 0.0;
                path[k] = Math.Exp(state[0] + state[2] + e);
            }
        }
    }

    private static double[] Clamp(Vector<double> theta) => theta.Select(t => Math.Clamp(t, MinLogVariance, MaxLogVariance)).ToArray();

    // Slope first, then level, then the seasonals.
    private static int Unpermute(int r) => r switch { 0 => 1, 1 => 0, _ => r };

    private static double[] CholeskySlopeFirst(double[] p)
    {
        const int n = StateCount;
        var m = Matrix<double>.Build.Dense(n, n, (r, c) => p[(Unpermute(r) * n) + Unpermute(c)]);
        m = (m + m.Transpose()) * 0.5;

        // P_{T|T} is positive semi-definite (the seasonal block can be near-singular): a tiny ridge keeps Cholesky defined.
        var ridge = 1e-14 * Math.Max(1.0, m.Diagonal().Maximum());
        for (var attempt = 0; attempt < 8; attempt++)
        {
            try
            {
                var l = (m + Matrix<double>.Build.DenseIdentity(n) * ridge).Cholesky().Factor;
                return Enumerable.Range(0, n * n).Select(i => l[i / n, i % n]).ToArray();
            }
            catch (ArgumentException)
            {
                ridge *= 100;
            }
        }

        // Fall back to the diagonal (never reached for a filtered covariance, kept so a draw is always defined).
        return Enumerable.Range(0, n * n).Select(i => i / n == i % n ? Math.Sqrt(Math.Max(m[i / n, i / n], 0)) : 0.0).ToArray();
    }

    /// <summary>The univariate Kalman filter of the model, with scratch space (not thread-safe; one per fit).</summary>
    private sealed class Kalman
    {
        private const int N = StateCount;
        private readonly double[] _tp = new double[N * N];
        private readonly double[] _pz = new double[N];

        public Kalman(int months)
        {
            Fitted = new double[months];
        }

        public double[] A { get; } = new double[N];

        public double[] P { get; } = new double[N * N];

        public double[] Fitted { get; }

        /// <summary>Runs the filter with log variances θ; leaves a_{T|T}, P_{T|T} and the filtered fit.</summary>
        public double LogLikelihood(double[] y, double[] theta)
        {
            var h = Math.Exp(theta[0]);
            var qLevel = Math.Exp(theta[1]);
            var qSlope = Math.Exp(theta[2]);
            var qSeason = Math.Exp(theta[3]);
            var a = A;
            var p = P;
            Array.Clear(a);
            Array.Clear(p);
            a[0] = y[0];
            for (var i = 0; i < N; i++)
            {
                p[(i * N) + i] = DiffuseVariance;
            }

            double ll = 0;
            for (var t = 0; t < y.Length; t++)
            {
                if (t > 0)
                {
                    Predict(a, p, qLevel, qSlope, qSeason);
                }

                // v = y − Z a, Z = e_0 + e_2; F = Z P Z' + H; update with K = P Z' / F.
                var v = y[t] - a[0] - a[2];
                for (var i = 0; i < N; i++)
                {
                    _pz[i] = p[(i * N) + 0] + p[(i * N) + 2];
                }

                var f = _pz[0] + _pz[2] + h;
                if (!(f > 0) || !double.IsFinite(f))
                {
                    return double.NegativeInfinity;
                }

                for (var i = 0; i < N; i++)
                {
                    a[i] += _pz[i] * v / f;
                }

                for (var i = 0; i < N; i++)
                {
                    for (var j = 0; j < N; j++)
                    {
                        p[(i * N) + j] -= _pz[i] * _pz[j] / f;
                    }
                }

                Fitted[t] = Math.Exp(a[0] + a[2]);
                if (t >= N)
                {
                    ll -= 0.5 * (Math.Log(2 * Math.PI) + Math.Log(f) + (v * v / f));
                }
            }

            return double.IsFinite(ll) ? ll : double.NegativeInfinity;
        }

        // a ← T a; P ← T P T' + R Q R', with T the transition of the remarks (applied row- then column-wise).
        private void Predict(double[] a, double[] p, double qLevel, double qSlope, double qSeason)
        {
            ApplyT(a, 1, 0);
            for (var c = 0; c < N; c++)
            {
                ApplyTColumn(p, c, _tp);
            }

            // _tp = T P; now P = (T P) T' = T (T P)' …: apply T to the rows of (T P)'.
            for (var r = 0; r < N; r++)
            {
                for (var c = 0; c < N; c++)
                {
                    p[(c * N) + r] = _tp[(r * N) + c];
                }
            }

            for (var c = 0; c < N; c++)
            {
                ApplyTColumn(p, c, _tp);
            }

            Array.Copy(_tp, p, N * N);
            p[0] += qLevel;
            p[(1 * N) + 1] += qSlope;
            p[(2 * N) + 2] += qSeason;
        }

        // Column c of T·M into column c of dst.
        private static void ApplyTColumn(double[] m, int c, double[] dst)
        {
            double seasonal = 0;
            for (var j = 2; j < N; j++)
            {
                seasonal -= m[(j * N) + c];
            }

            for (var r = N - 1; r > 2; r--)
            {
                dst[(r * N) + c] = m[((r - 1) * N) + c];
            }

            dst[(0 * N) + c] = m[(0 * N) + c] + m[(1 * N) + c];
            dst[(1 * N) + c] = m[(1 * N) + c];
            dst[(2 * N) + c] = seasonal;
        }

        private static void ApplyT(double[] x, int stride, int offset)
        {
            double seasonal = 0;
            for (var j = 2; j < N; j++)
            {
                seasonal -= x[offset + (j * stride)];
            }

            for (var r = N - 1; r > 2; r--)
            {
                x[offset + (r * stride)] = x[offset + ((r - 1) * stride)];
            }

            x[offset] += x[offset + stride];
            x[offset + (2 * stride)] = seasonal;
        }
    }
}
