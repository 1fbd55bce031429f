using System.Globalization;

namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>
/// The calibrated baseline economy of Ignatenko et al. (2025): the local share ν, domestic absorption, and the
/// model-consistent expenditure E, income Y, transfer T = E − Y and import shares λ (paper Section 3 and the
/// replication package's <c>main_baseline.m</c>; steps A–C of docs/models/ignatenko2025.md).
/// </summary>
/// <remarks>
/// <para>
/// Step A calibrates ν on a two-region (non-US, US) aggregate so that the sales-weighted averages of ν are 0.12 for
/// non-US producers and 0.26 for US producers. Step B places domestic absorption
/// X_ii = max(0, GDP_i/1000 + T⁰_i − M_i) with T⁰_i = (1−ν_i)[M_i − Σ_k X_ik(1−ν_k)]. Step C overwrites the data
/// with E_i = Σ_k X_ki, Y_i = Σ_k (1−ν_k) X_ik + ν_i E_i, T_i = E_i − Y_i and λ_ji = X_ji/E_i.
/// </para>
/// <para>Money is in thousands of US dollars. Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class IgnatenkoBaseline
{
    /// <summary>The target sales-weighted ν of non-US producers in the calibration (0.12).</summary>
    internal const double NonUsNuTarget = 0.12;

    /// <summary>The target sales-weighted ν of US producers in the calibration (0.26).</summary>
    internal const double UsNuTarget = 0.26;

    private readonly double[] x;      // baseline flows at producer prices, exporter-major: x[j*n+i]
    private readonly double[] lambda; // import shares, importer-major: lambda[i*n+j] = λ_ji
    private readonly double[] baseTariff; // pre-existing tariffs, importer-major: t0[i*n+j]
    private readonly double[] e;
    private readonly double[] y;
    private readonly double[] t;
    private readonly double[] r0;
    private readonly double[] nu;
    private readonly double[] phi;

    private IgnatenkoBaseline(
        IgnatenkoData data,
        IgnatenkoParameters parameters,
        IgnatenkoOptions options,
        bool eatonKortum,
        double nuNonUs,
        double nuUs,
        double[] x,
        double[] lambda,
        double[] baseTariff,
        double[] e,
        double[] y,
        double[] t,
        double[] r0,
        double[] nu,
        double[] phi)
    {
        Data = data;
        Parameters = parameters;
        Options = options;
        IsEatonKortum = eatonKortum;
        NuNonUs = nuNonUs;
        NuUs = nuUs;
        this.x = x;
        this.lambda = lambda;
        this.baseTariff = baseTariff;
        this.e = e;
        this.y = y;
        this.t = t;
        this.r0 = r0;
        this.nu = nu;
        this.phi = phi;
        UsIndex = data.IndexOf("USA");
        Expenditure = Array.AsReadOnly(e);
        Income = Array.AsReadOnly(y);
        Transfer = Array.AsReadOnly(t);
        Nu = Array.AsReadOnly(nu);
        Phi = Array.AsReadOnly(phi);
        BaselineRevenue = Array.AsReadOnly(r0);
    }

    /// <summary>Gets the raw data the baseline was built from.</summary>
    public IgnatenkoData Data { get; }

    /// <summary>Gets the structural parameters.</summary>
    internal IgnatenkoParameters Parameters { get; }

    /// <summary>Gets the quirk switches used to build the baseline.</summary>
    internal IgnatenkoOptions Options { get; }

    /// <summary>Gets a value indicating whether this is the Eaton–Kortum special case (ν = 0, φ = 1, Y = total sales).</summary>
    internal bool IsEatonKortum { get; }

    /// <summary>Gets the number of countries.</summary>
    public int Count => Data.Count;

    /// <summary>Gets the index of the United States.</summary>
    internal int UsIndex { get; }

    /// <summary>Gets ν of every non-US country (0.114335212816 in the paper).</summary>
    internal double NuNonUs { get; }

    /// <summary>Gets ν of the United States (0.270470982283 in the paper).</summary>
    internal double NuUs { get; }

    /// <summary>Gets E_i, model expenditure (column sums of X), thousands of USD.</summary>
    internal IReadOnlyList<double> Expenditure { get; }

    /// <summary>Gets Y_i, model income, thousands of USD.</summary>
    internal IReadOnlyList<double> Income { get; }

    /// <summary>Gets T_i = E_i − Y_i (less baseline tariff revenue), held fixed as a share of world income.</summary>
    internal IReadOnlyList<double> Transfer { get; }

    /// <summary>Gets ν_i, the share of sales in destination i that accrues to factors in i.</summary>
    internal IReadOnlyList<double> Nu { get; }

    /// <summary>Gets φ_i, the importer's tariff pass-through elasticity (trade elasticity to tariffs is εφ_i).</summary>
    internal IReadOnlyList<double> Phi { get; }

    /// <summary>Gets baseline tariff revenue (zero unless <see cref="IgnatenkoOptions.BaselineUsTariffs"/> is set).</summary>
    internal IReadOnlyList<double> BaselineRevenue { get; }

    /// <summary>Gets the baseline flow from <paramref name="exporter"/> to <paramref name="importer"/> at producer prices (thousands of USD), diagonal included.</summary>
    /// <param name="exporter">Exporter index.</param>
    /// <param name="importer">Importer index.</param>
    /// <returns>X_ji.</returns>
    internal double Flow(int exporter, int importer) => x[(exporter * Count) + importer];

    /// <summary>Gets the baseline import share λ_ji of <paramref name="exporter"/> in <paramref name="importer"/>'s expenditure.</summary>
    /// <param name="exporter">Exporter index.</param>
    /// <param name="importer">Importer index.</param>
    /// <returns>λ_ji.</returns>
    internal double ImportShare(int exporter, int importer) => lambda[(importer * Count) + exporter];

    /// <summary>Gets the pre-existing tariff of <paramref name="importer"/> on <paramref name="exporter"/> (zero in the paper).</summary>
    /// <param name="exporter">Exporter index.</param>
    /// <param name="importer">Importer index.</param>
    /// <returns>t⁰_ji.</returns>
    internal double BaselineTariff(int exporter, int importer) => baseTariff[(importer * Count) + exporter];

    internal ReadOnlySpan<double> LambdaImporterMajor => lambda;

    internal ReadOnlySpan<double> BaseTariffImporterMajor => baseTariff;

    internal ReadOnlySpan<double> E => e;

    internal ReadOnlySpan<double> Y => y;

    internal ReadOnlySpan<double> T => t;

    internal ReadOnlySpan<double> NuSpan => nu;

    internal ReadOnlySpan<double> PhiSpan => phi;

    /// <summary>Builds the paper's baseline from the bundled data.</summary>
    /// <returns>The baseline.</returns>
    public static IgnatenkoBaseline Paper() => Build(IgnatenkoData.LoadEmbedded());

    /// <summary>Builds the baseline (steps A–C) from data, parameters and quirk switches.</summary>
    /// <param name="data">The inputs; must contain "USA".</param>
    /// <param name="parameters">Structural parameters; the paper's by default.</param>
    /// <param name="options">Quirk switches; the paper's by default.</param>
    /// <returns>The baseline.</returns>
    /// <exception cref="ArgumentException">The data has no "USA", or a baseline tariff names an unknown country or is invalid.</exception>
    /// <exception cref="ConvergenceException">The ν calibration does not converge.</exception>
    public static IgnatenkoBaseline Build(IgnatenkoData data, IgnatenkoParameters? parameters = null, IgnatenkoOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        parameters ??= IgnatenkoParameters.Paper;
        options ??= IgnatenkoOptions.Paper;
        int n = data.Count;
        int us = data.IndexOf("USA");

        // Step A: two-region calibration of ν on the raw matrix (zero diagonal).
        double x11 = 0, x12 = 0, x21 = 0, y1 = 0;
        for (int j = 0; j < n; j++)
        {
            if (j != us)
            {
                y1 += data.GdpUsd[j] / 1000.0;
            }

            for (int i = 0; i < n; i++)
            {
                double v = data.Trade(j, i);
                if (j != us && i != us)
                {
                    x11 += v;
                }
                else if (j != us)
                {
                    x12 += v;
                }
                else if (i != us)
                {
                    x21 += v;
                }
            }
        }

        double y2 = data.GdpUsd[us] / 1000.0;
        var (nu1, nu2) = CalibrateNu(x11, x12, x21, y1, y2);

        var nu = new double[n];
        for (int i = 0; i < n; i++)
        {
            nu[i] = i == us ? nu2 : nu1;
        }

        // Step B: domestic absorption.
        var x = new double[n * n];
        var imports = new double[n];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                double v = data.Trade(j, i);
                x[(j * n) + i] = v;
                imports[i] += v;
            }
        }

        for (int i = 0; i < n; i++)
        {
            double gdp = data.GdpUsd[i] / 1000.0;
            double weightedExports = 0;
            for (int k = 0; k < n; k++)
            {
                weightedExports += x[(i * n) + k] * (1 - nu[k]);
            }

            double xii;
            if (options.MatchDataGdp)
            {
                xii = gdp - weightedExports - (nu[i] * imports[i]);
            }
            else
            {
                double t0 = (1 - nu[i]) * (imports[i] - weightedExports);
                xii = gdp + t0 - imports[i];
            }

            x[(i * n) + i] = Math.Max(0.0, xii);
        }

        var baseTariff = BaselineTariffMatrix(data, options, us);
        return Complete(data, parameters, options, eatonKortum: false, nu1, nu2, x, nu, baseTariff);
    }

    /// <summary>
    /// Returns the Eaton–Kortum special case used in the paper's Table 9 (Alt. 4): same flows X, E and λ, but
    /// ν = 0, φ = 1, Y = total sales (row sums of X) and T = E − Y.
    /// </summary>
    /// <returns>The special-case baseline.</returns>
    internal IgnatenkoBaseline EatonKortum()
    {
        int n = Count;
        var zeroNu = new double[n];
        return Complete(Data, Parameters, Options, eatonKortum: true, 0.0, 0.0, (double[])x.Clone(), zeroNu, (double[])baseTariff.Clone());
    }

    /// <summary>Returns the same baseline flows with other structural parameters (φ is recomputed from ν; ν is kept).</summary>
    /// <param name="parameters">The new parameters.</param>
    /// <returns>The baseline.</returns>
    internal IgnatenkoBaseline WithParameters(IgnatenkoParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Complete(Data, parameters, Options, IsEatonKortum, NuNonUs, NuUs, (double[])x.Clone(), (double[])nu.Clone(), (double[])baseTariff.Clone());
    }

    private static IgnatenkoBaseline Complete(
        IgnatenkoData data, IgnatenkoParameters parameters, IgnatenkoOptions options, bool eatonKortum,
        double nu1, double nu2, double[] x, double[] nu, double[] baseTariff)
    {
        int n = data.Count;

        // Step C: model-consistent baseline. Flows are at producer prices; expenditure adds any baseline tariffs.
        var e = new double[n];
        var r0 = new double[n];
        var lambda = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0, revenue = 0;
            for (int j = 0; j < n; j++)
            {
                double flow = x[(j * n) + i];
                double tariff = baseTariff[(i * n) + j];
                sum += flow * (1 + tariff);
                revenue += flow * tariff;
            }

            e[i] = sum;
            r0[i] = revenue;
            for (int j = 0; j < n; j++)
            {
                lambda[(i * n) + j] = sum > 0 ? x[(j * n) + i] * (1 + baseTariff[(i * n) + j]) / sum : 0.0;
            }
        }

        var y = new double[n];
        var t = new double[n];
        var phi = new double[n];
        for (int i = 0; i < n; i++)
        {
            double income = 0;
            if (eatonKortum)
            {
                for (int k = 0; k < n; k++)
                {
                    income += x[(i * n) + k];
                }
            }
            else
            {
                for (int k = 0; k < n; k++)
                {
                    income += (1 - nu[k]) * x[(i * n) + k];
                }

                income += nu[i] * (e[i] - r0[i]);
            }

            y[i] = income;
            t[i] = e[i] - y[i] - r0[i];
            phi[i] = eatonKortum ? 1.0 : parameters.Phi(nu[i]);
        }

        return new IgnatenkoBaseline(data, parameters, options, eatonKortum, nu1, nu2, x, lambda, baseTariff, e, y, t, r0, nu, phi);
    }

    private static double[] BaselineTariffMatrix(IgnatenkoData data, IgnatenkoOptions options, int us)
    {
        int n = data.Count;
        var t0 = new double[n * n];
        if (options.BaselineUsTariffs is null)
        {
            return t0;
        }

        foreach (var (iso, rate) in options.BaselineUsTariffs)
        {
            if (!data.TryIndexOf(iso, out int j))
            {
                throw new ArgumentException($"BaselineUsTariffs: country '{iso}' is not in the data.", nameof(options));
            }

            if (j == us || !double.IsFinite(rate) || rate < 0)
            {
                throw new ArgumentException($"BaselineUsTariffs[{iso}] = {rate.ToString(CultureInfo.InvariantCulture)} must be a finite non-negative rate on a partner other than USA.", nameof(options));
            }

            t0[(us * n) + j] = rate;
        }

        return t0;
    }

    /// <summary>
    /// Solves the two-region calibration of ν (step A) by Newton's method from (0.1, 0.24), then clips negative
    /// values to zero, as the authors' <c>solveNu</c> does.
    /// </summary>
    internal static (double NuNonUs, double NuUs) CalibrateNu(double x11, double x12, double x21, double y1, double y2)
    {
        double[] Residual(double n1, double n2)
        {
            // Region expenditure: Ē_k = Ȳ_k + (1−ν_k)[Σ_l X̄_lk − Σ_l X̄_kl(1−ν_l)], with X̄_22 = 0.
            double e1 = y1 + ((1 - n1) * ((x11 + x21) - ((x11 * (1 - n1)) + (x12 * (1 - n2)))));
            double e2 = y2 + ((1 - n2) * (x12 - (x21 * (1 - n1))));
            double r1 = (e1 - x21) / (e1 - x21 + x12);
            double r2 = (e2 - x12) / (e2 - x12 + x21);
            return [(r1 * n1) + ((1 - r1) * n2) - NonUsNuTarget, ((1 - r2) * n1) + (r2 * n2) - UsNuTarget];
        }

        double a = 0.1, b = 0.24;
        for (int iter = 0; iter < 100; iter++)
        {
            var f = Residual(a, b);
            if (Math.Max(Math.Abs(f[0]), Math.Abs(f[1])) < 1e-15)
            {
                return (Math.Max(0, a), Math.Max(0, b));
            }

            const double h = 1e-7;
            var fa = Residual(a + h, b);
            var fb = Residual(a, b + h);
            double j11 = (fa[0] - f[0]) / h, j21 = (fa[1] - f[1]) / h, j12 = (fb[0] - f[0]) / h, j22 = (fb[1] - f[1]) / h;
            double det = (j11 * j22) - (j12 * j21);
            double da = ((j22 * f[0]) - (j12 * f[1])) / det;
            double db = ((j11 * f[1]) - (j21 * f[0])) / det;
            a -= da;
            b -= db;
            if (Math.Max(Math.Abs(da), Math.Abs(db)) < 1e-16)
            {
                return (Math.Max(0, a), Math.Max(0, b));
            }
        }

        var last = Residual(a, b);
        throw new ConvergenceException("Ignatenko et al. (2025) calibration", "the two-region calibration of nu did not converge", 100, Math.Max(Math.Abs(last[0]), Math.Abs(last[1])), "Newton, 100 iterations, step tolerance 1e-16");
    }
}
