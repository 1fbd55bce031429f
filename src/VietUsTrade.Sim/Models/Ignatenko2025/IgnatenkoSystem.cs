using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using MMatrix = MathNet.Numerics.LinearAlgebra.Matrix<double>;
using MVector = MathNet.Numerics.LinearAlgebra.Vector<double>;


namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>
/// The 3N equilibrium system of Ignatenko et al. (2025) in hat form for one baseline and one scenario, its scaled
/// residuals, analytic Jacobian, and the Newton solver (docs/models/ignatenko2025.md §5–6).
/// </summary>
/// <remarks>
/// Unknowns x = (ŵ_1..N, Ê_1..N, L̂_1..N). Equations: (1) factor-income clearing for every country except the
/// last one in data order, whose equation is replaced by the numeraire Σ_i E_i(P̂_i − 1) = 0; (2) the budget
/// Ê_iE_i = ŵ_iL̂_iY_i + R′_i + T_i·ΣY′/ΣY; (3) labour supply L̂_i = (τ̂_iŵ_i/P̂_i)^κ. The authors' absolute-value
/// guard is kept (every unknown enters through |x|). Each instance is used by one thread; it holds work arrays.
/// </remarks>
internal sealed class IgnatenkoSystem
{
    private const string ModelName = "Ignatenko et al. (2025) equilibrium (Newton)";

    private static string SettingsText(IgnatenkoSolverSettings s) => string.Create(CultureInfo.InvariantCulture,
        $"tolerance {s.Tolerance:G3}, max iterations {s.MaxIterations}, refresh ratio {s.RefreshRatio:G3}, continuation {s.Continuation}, finite-difference Jacobian {s.FiniteDifferenceJacobian}");

    private readonly int n;
    private readonly double eps;
    private readonly double psi;
    private readonly double kappa;
    private readonly bool taxRelief;
    private readonly double[] bShift; // importer-major λ_ji ((1+t′)/(1+t⁰))^(−εφ_i)
    private readonly double[] hInv;   // 1/(1+t′)
    private readonly double[] gRev;   // t′/(1+t′)
    private readonly double[] eBase, yBase, tBase, nuBase, phiBase, tau0;
    private readonly double sumE, sumY;

    // State of the last evaluation.
    private readonly double[] w, eh, l, c, s, lam, xp, imp, expW, rev, p, yp, tau, q;
    private double wIndex;

    public IgnatenkoSystem(IgnatenkoBaseline baseline, IgnatenkoScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(scenario);
        n = baseline.Count;
        if (scenario.Tariffs.Count != n)
        {
            throw new ArgumentException($"scenario.Tariffs has {scenario.Tariffs.Count} countries, the baseline {n}.", nameof(scenario));
        }

        var prm = baseline.Parameters;
        eps = prm.TradeElasticity;
        psi = prm.ScaleElasticity;
        kappa = prm.LaborSupplyElasticity;
        taxRelief = scenario.RevenueUse == RevenueUse.IncomeTaxRelief;
        eBase = baseline.E.ToArray();
        yBase = baseline.Y.ToArray();
        tBase = baseline.T.ToArray();
        nuBase = baseline.NuSpan.ToArray();
        phiBase = baseline.PhiSpan.ToArray();
        tau0 = new double[n];
        for (int i = 0; i < n; i++)
        {
            tau0[i] = baseline.BaselineRevenue[i] / yBase[i];
            sumE += eBase[i];
            sumY += yBase[i];
        }

        bShift = new double[n * n];
        hInv = new double[n * n];
        gRev = new double[n * n];
        var lambda0 = baseline.LambdaImporterMajor;
        var t1 = scenario.Tariffs.ImporterMajor;
        var t0 = baseline.BaseTariffImporterMajor;
        for (int i = 0; i < n; i++)
        {
            double expo = -eps * phiBase[i];
            for (int j = 0; j < n; j++)
            {
                int k = (i * n) + j;
                double ratio = (1 + t1[k]) / (1 + t0[k]);
                bShift[k] = lambda0[k] * (ratio == 1.0 ? 1.0 : Math.Pow(ratio, expo));
                hInv[k] = 1 / (1 + t1[k]);
                gRev[k] = t1[k] / (1 + t1[k]);
            }
        }

        w = new double[n]; eh = new double[n]; l = new double[n]; c = new double[n]; s = new double[n];
        lam = new double[n * n]; xp = new double[n * n];
        imp = new double[n]; expW = new double[n]; rev = new double[n]; p = new double[n]; yp = new double[n];
        tau = new double[n]; q = new double[n];
    }

    public int Count => n;

    public int Unknowns => 3 * n;

    // ---- accessors of the last evaluated state (hat values, levels) ----
    public ReadOnlySpan<double> WageHat => w;

    public ReadOnlySpan<double> ExpenditureHat => eh;

    public ReadOnlySpan<double> EmploymentHat => l;

    public ReadOnlySpan<double> PriceHat => p;

    public ReadOnlySpan<double> Revenue => rev;

    public ReadOnlySpan<double> IncomeNew => yp;

    public ReadOnlySpan<double> TaxRate => tau;

    /// <summary>Counterfactual flows X′_ji at producer prices, importer-major.</summary>
    public ReadOnlySpan<double> FlowsImporterMajor => xp;

    /// <summary>Evaluates the state at x and writes the scaled residuals into f.</summary>
    public void Residual(ReadOnlySpan<double> x, Span<double> f)
    {
        Evaluate(x);
        int last = n - 1;
        double numeraire = 0;
        for (int i = 0; i < n; i++)
        {
            numeraire += eBase[i] * (p[i] - 1);
        }

        for (int i = 0; i < n; i++)
        {
            f[i] = i == last
                ? numeraire / sumE
                : (expW[i] + (nuBase[i] * imp[i]) - yp[i]) / yBase[i];
            f[n + i] = ((eh[i] * eBase[i]) - yp[i] - rev[i] - (tBase[i] * wIndex)) / eBase[i];
            f[(2 * n) + i] = l[i] - q[i];
        }
    }

    private void Evaluate(ReadOnlySpan<double> x)
    {
        double scaleExp = eps * psi;
        for (int j = 0; j < n; j++)
        {
            w[j] = Math.Abs(x[j]);
            eh[j] = Math.Abs(x[n + j]);
            l[j] = Math.Abs(x[(2 * n) + j]);
            c[j] = (w[j] == 1.0 ? 1.0 : Math.Pow(w[j], -eps)) * (l[j] == 1.0 ? 1.0 : Math.Pow(l[j], scaleExp));
            expW[j] = 0;
        }

        for (int i = 0; i < n; i++)
        {
            var b = bShift.AsSpan(i * n, n);
            double sum = 0;
            for (int j = 0; j < n; j++)
            {
                sum += b[j] * c[j];
            }

            s[i] = sum;
            double inv = 1 / sum;
            double spend = eh[i] * eBase[i];
            double oneMinusNu = 1 - nuBase[i];
            var lrow = lam.AsSpan(i * n, n);
            var xrow = xp.AsSpan(i * n, n);
            var hrow = hInv.AsSpan(i * n, n);
            var grow = gRev.AsSpan(i * n, n);
            double importSum = 0, revenueShare = 0;
            for (int j = 0; j < n; j++)
            {
                double share = b[j] * c[j] * inv;
                lrow[j] = share;
                double flow = share * spend * hrow[j];
                xrow[j] = flow;
                importSum += flow;
                revenueShare += share * grow[j];
                expW[j] += oneMinusNu * flow;
            }

            imp[i] = importSum;
            rev[i] = revenueShare * spend;
        }

        wIndex = 0;
        for (int i = 0; i < n; i++)
        {
            yp[i] = w[i] * l[i] * yBase[i];
            wIndex += yp[i];
        }

        wIndex /= sumY;
        for (int i = 0; i < n; i++)
        {
            double ratio = eh[i] / w[i];
            p[i] = (ratio == 1.0 ? 1.0 : Math.Pow(ratio, 1 - phiBase[i])) * (s[i] == 1.0 ? 1.0 : Math.Pow(s[i], -1 / eps));
            tau[i] = rev[i] / yp[i];
            double tauHat = taxRelief ? (1 - tau0[i]) / (1 - tau[i]) : 1.0;
            double real = tauHat * w[i] / p[i];
            q[i] = real == 1.0 ? 1.0 : Math.Pow(real, kappa);
        }
    }

    /// <summary>
    /// The analytic Jacobian of the scaled residuals at x, in the block form used by <see cref="NewtonFactors"/>:
    /// rows (eq. 1 with the numeraire, eq. 2, eq. 3) × columns (ŵ, Ê, L̂). Dense N×N row-major blocks; eq. 2 in Ê and
    /// eq. 3 in Ê are diagonal.
    /// </summary>
    internal JacobianBlocks AnalyticJacobian(ReadOnlySpan<double> x)
    {
        Evaluate(x);
        var jb = new JacobianBlocks(n);
        int last = n - 1;
        double invEps = 1 / eps;
        double scaleExp = eps * psi;

        // dA_i/dz_m (exports weighted by the destination's 1−ν), via M[i,m] = Σ_k (1−ν_k) X′_ki... stored in J1w temporarily.
        var m1 = jb.W1;
        for (int k = 0; k < n; k++)
        {
            double oneMinusNu = 1 - nuBase[k];
            var lrow = lam.AsSpan(k * n, n);
            var xrow = xp.AsSpan(k * n, n);
            for (int i = 0; i < n; i++)
            {
                double coef = oneMinusNu * xrow[i];
                if (coef != 0)
                {
                    Axpy(-coef, lrow, m1.AsSpan(i * n, n));
                }
            }
        }

        // Eq. 1 z-derivatives (excluding the numeraire row), then chain to ŵ and L̂.
        var numZ = new double[n];
        for (int i = 0; i < n; i++)
        {
            var lrow = lam.AsSpan(i * n, n);
            double weight = eBase[i] * p[i] * invEps / sumE;
            for (int m = 0; m < n; m++)
            {
                numZ[m] -= weight * lrow[m];
            }
        }

        var dz = new double[n];
        for (int i = 0; i < n; i++)
        {
            var wRow = jb.W1.AsSpan(i * n, n);
            var lRow = jb.L1.AsSpan(i * n, n);
            var eRow = jb.E1.AsSpan(i * n, n);
            if (i == last)
            {
                for (int m = 0; m < n; m++)
                {
                    double pe = eBase[m] * p[m] * (1 - phiBase[m]) / sumE;
                    wRow[m] = (numZ[m] * -eps / w[m]) - (pe / w[m]);
                    lRow[m] = numZ[m] * scaleExp / l[m];
                    eRow[m] = pe / eh[m];
                }

                continue;
            }

            double invY = 1 / yBase[i];
            var lrow = lam.AsSpan(i * n, n);
            var xrow = xp.AsSpan(i * n, n);
            for (int m = 0; m < n; m++)
            {
                dz[m] = wRow[m] + (nuBase[i] * (xrow[m] - (lrow[m] * imp[i])));
            }

            dz[i] += expW[i];
            for (int m = 0; m < n; m++)
            {
                wRow[m] = dz[m] * (-eps / w[m]) * invY;
                lRow[m] = dz[m] * (scaleExp / l[m]) * invY;
            }

            wRow[i] -= l[i] * yBase[i] * invY;
            lRow[i] -= w[i] * yBase[i] * invY;
            for (int k = 0; k < n; k++)
            {
                eRow[k] = (1 - nuBase[k]) * xp[(k * n) + i] / eh[k] * invY;
            }

            eRow[i] += nuBase[i] * imp[i] / eh[i] * invY;
        }

        // Eq. 2 and eq. 3.
        for (int i = 0; i < n; i++)
        {
            double invE = 1 / eBase[i];
            double spend = eh[i] * eBase[i];
            double gBar = rev[i] / spend;
            var lrow = lam.AsSpan(i * n, n);
            var grow = gRev.AsSpan(i * n, n);
            var w2 = jb.W2.AsSpan(i * n, n);
            var l2 = jb.L2.AsSpan(i * n, n);
            var w3 = jb.W3.AsSpan(i * n, n);
            var l3 = jb.L3.AsSpan(i * n, n);
            double oneMinusTau = 1 - tau[i];
            double taxTerm = taxRelief ? 1 / (yp[i] * oneMinusTau) : 0.0;
            double kq = kappa * q[i];
            for (int m = 0; m < n; m++)
            {
                double rz = spend * lrow[m] * (grow[m] - gBar);
                double dz2 = -rz;
                double dz3 = -kq * ((rz * taxTerm) + (lrow[m] * invEps));
                double dw = -eps / w[m];
                double dl = scaleExp / l[m];
                double transferW = tBase[i] * l[m] * yBase[m] / sumY;
                double transferL = tBase[i] * w[m] * yBase[m] / sumY;
                w2[m] = ((dz2 * dw) - transferW) * invE;
                l2[m] = ((dz2 * dl) - transferL) * invE;
                w3[m] = dz3 * dw;
                l3[m] = dz3 * dl;
            }

            w2[i] -= l[i] * yBase[i] * invE;
            l2[i] -= w[i] * yBase[i] * invE;
            jb.E2[i] = (eBase[i] - (rev[i] / eh[i])) * invE;

            double s = taxRelief ? 1.0 : 0.0;
            jb.E3[i] = -kq * ((s * rev[i] / (eh[i] * yp[i] * oneMinusTau)) - ((1 - phiBase[i]) / eh[i]));
            w3[i] += -kq * ((-s * tau[i] / (w[i] * oneMinusTau)) + (1 / w[i]) + ((1 - phiBase[i]) / w[i]));
            l3[i] += 1 + (kq * s * tau[i] / (l[i] * oneMinusTau));
        }

        return jb;
    }

    /// <summary>The Jacobian by forward differences (h = 1e-7), in the same block layout; for checks.</summary>
    internal JacobianBlocks FiniteDifferenceJacobian(ReadOnlySpan<double> x)
    {
        int size = 3 * n;
        var f0 = new double[size];
        var f1 = new double[size];
        var xt = x.ToArray();
        Residual(x, f0);
        var full = new double[size * size]; // row-major
        for (int col = 0; col < size; col++)
        {
            double h = 1e-7 * Math.Max(1.0, Math.Abs(xt[col]));
            double keep = xt[col];
            xt[col] = keep + h;
            Residual(xt, f1);
            xt[col] = keep;
            for (int row = 0; row < size; row++)
            {
                full[(row * size) + col] = (f1[row] - f0[row]) / h;
            }
        }

        Evaluate(x);
        return JacobianBlocks.FromFull(n, full);
    }

    internal static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        int k = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var xv = MemoryMarshal.Cast<double, Vector<double>>(x);
            var yv = MemoryMarshal.Cast<double, Vector<double>>(y);
            var av = new Vector<double>(a);
            for (int v = 0; v < xv.Length; v++)
            {
                yv[v] += av * xv[v];
            }

            k = xv.Length * Vector<double>.Count;
        }

        for (; k < x.Length; k++)
        {
            y[k] += a * x[k];
        }
    }

    /// <summary>
    /// Solves the system by Newton's method from x (in place). The Jacobian's Ê-columns are eliminated by a Schur
    /// complement (eq. 2 is diagonal in Ê), the remaining 2N×2N system is LU-factorised with Math.NET, factors are
    /// reused while the residual contracts fast (chord steps), and a backtracking line search keeps every unknown
    /// positive and the residual norm decreasing.
    /// </summary>
    public IgnatenkoSolverDiagnostics Solve(double[] x, IgnatenkoSolverSettings settings)
    {
        int size = 3 * n;
        var f = new double[size];
        var ft = new double[size];
        var xt = new double[size];
        var dx = new double[size];
        var steps = new List<double>();
        int residuals = 1, factorizations = 0, iterations = 0;
        Residual(x, f);
        double norm = Norm2(f);
        NewtonFactors? factors = null;
        bool fresh = false;
        while (MaxAbs(f) > settings.Tolerance)
        {
            if (iterations >= settings.MaxIterations)
            {
                throw new ConvergenceException(ModelName, "the equilibrium did not converge within MaxIterations", iterations, MaxAbs(f), SettingsText(settings));
            }

            iterations++;
            if (factors is null || settings.RefreshRatio == 0)
            {
                var jac = settings.FiniteDifferenceJacobian ? FiniteDifferenceJacobian(x) : AnalyticJacobian(x);
                factors = new NewtonFactors(jac);
                factorizations++;
                fresh = true;
            }

            factors.Step(f, dx);
            double alpha = 1;
            bool accepted = false;
            double trialNorm = double.PositiveInfinity;
            for (int attempt = 0; attempt < 40; attempt++)
            {
                bool positive = true;
                for (int k = 0; k < size; k++)
                {
                    xt[k] = x[k] + (alpha * dx[k]);
                    positive &= xt[k] > 0;
                }

                if (positive)
                {
                    Residual(xt, ft);
                    residuals++;
                    trialNorm = Norm2(ft);
                    if (double.IsFinite(trialNorm) && trialNorm <= (1 - (1e-4 * alpha)) * norm)
                    {
                        accepted = true;
                        break;
                    }

                    if (!fresh)
                    {
                        break; // stale factors: refresh instead of shortening the chord step
                    }
                }

                alpha *= 0.5;
            }

            if (!accepted)
            {
                if (!fresh)
                {
                    factors = null;
                    continue;
                }

                // Even a fresh Newton direction, shortened 40 times, does not reduce the residual norm.
                Residual(x, f);
                throw new ConvergenceException(ModelName, "the line search failed to reduce the residual", iterations, MaxAbs(f), SettingsText(settings));
            }

            double stepMax = 0;
            for (int k = 0; k < size; k++)
            {
                stepMax = Math.Max(stepMax, Math.Abs(xt[k] - x[k]));
            }

            steps.Add(stepMax);
            double ratio = trialNorm / norm;
            Array.Copy(xt, x, size);
            Array.Copy(ft, f, size);
            norm = trialNorm;
            fresh = false;
            if (ratio > settings.RefreshRatio)
            {
                factors = null;
            }
        }

        // Leave the state evaluated at the solution.
        Residual(x, f);
        residuals++;
        return new IgnatenkoSolverDiagnostics(iterations, factorizations, residuals, MaxAbs(f), steps.AsReadOnly(), size);
    }

    internal static double MaxAbs(ReadOnlySpan<double> v)
    {
        double m = 0;
        foreach (double d in v)
        {
            m = Math.Max(m, Math.Abs(d));
            if (double.IsNaN(d))
            {
                return double.NaN;
            }
        }

        return m;
    }

    private static double Norm2(ReadOnlySpan<double> v)
    {
        double sum = 0;
        foreach (double d in v)
        {
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }
}

/// <summary>Jacobian blocks: dense row-major N×N blocks and two diagonals (see <see cref="IgnatenkoSystem.AnalyticJacobian"/>).</summary>
internal sealed class JacobianBlocks
{
    public JacobianBlocks(int n)
    {
        N = n;
        W1 = new double[n * n]; E1 = new double[n * n]; L1 = new double[n * n];
        W2 = new double[n * n]; E2 = new double[n]; L2 = new double[n * n];
        W3 = new double[n * n]; E3 = new double[n]; L3 = new double[n * n];
    }

    public int N { get; }

    public double[] W1 { get; }

    public double[] E1 { get; }

    public double[] L1 { get; }

    public double[] W2 { get; }

    public double[] E2 { get; }

    public double[] L2 { get; }

    public double[] W3 { get; }

    public double[] E3 { get; }

    public double[] L3 { get; }

    /// <summary>The full 3N×3N Jacobian, row-major.</summary>
    public double[] ToFull()
    {
        int n = N, size = 3 * n;
        var full = new double[size * size];
        for (int i = 0; i < n; i++)
        {
            for (int m = 0; m < n; m++)
            {
                full[(i * size) + m] = W1[(i * n) + m];
                full[(i * size) + n + m] = E1[(i * n) + m];
                full[(i * size) + (2 * n) + m] = L1[(i * n) + m];
                full[((n + i) * size) + m] = W2[(i * n) + m];
                full[((n + i) * size) + (2 * n) + m] = L2[(i * n) + m];
                full[(((2 * n) + i) * size) + m] = W3[(i * n) + m];
                full[(((2 * n) + i) * size) + (2 * n) + m] = L3[(i * n) + m];
            }

            full[((n + i) * size) + n + i] = E2[i];
            full[(((2 * n) + i) * size) + n + i] = E3[i];
        }

        return full;
    }

    public static JacobianBlocks FromFull(int n, double[] full)
    {
        int size = 3 * n;
        var jb = new JacobianBlocks(n);
        for (int i = 0; i < n; i++)
        {
            for (int m = 0; m < n; m++)
            {
                jb.W1[(i * n) + m] = full[(i * size) + m];
                jb.E1[(i * n) + m] = full[(i * size) + n + m];
                jb.L1[(i * n) + m] = full[(i * size) + (2 * n) + m];
                jb.W2[(i * n) + m] = full[((n + i) * size) + m];
                jb.L2[(i * n) + m] = full[((n + i) * size) + (2 * n) + m];
                jb.W3[(i * n) + m] = full[(((2 * n) + i) * size) + m];
                jb.L3[(i * n) + m] = full[(((2 * n) + i) * size) + (2 * n) + m];
            }

            jb.E2[i] = full[((n + i) * size) + n + i];
            jb.E3[i] = full[(((2 * n) + i) * size) + n + i];
        }

        return jb;
    }
}

/// <summary>LU factors of the Schur-reduced Newton system, reusable for chord steps.</summary>
internal sealed class NewtonFactors
{
    private readonly int n;
    private readonly double[] k1; // E1 · diag(1/E2), row-major N×N
    private readonly double[] k3; // E3 / E2
    private readonly double[] d;  // 1/E2
    private readonly double[] w2, l2;
    private readonly MathNet.Numerics.LinearAlgebra.Factorization.LU<double> lu;
    private readonly MVector rhs;

    public NewtonFactors(JacobianBlocks jb)
    {
        n = jb.N;
        int m2 = 2 * n;
        d = new double[n];
        k3 = new double[n];
        for (int i = 0; i < n; i++)
        {
            d[i] = 1 / jb.E2[i];
            k3[i] = jb.E3[i] * d[i];
        }

        k1 = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < n; k++)
            {
                k1[(i * n) + k] = jb.E1[(i * n) + k] * d[k];
            }
        }

        w2 = jb.W2;
        l2 = jb.L2;

        // Reduced rows: top = eq. 1 (and numeraire) minus K1·eq. 2; bottom = eq. 3 minus K3·eq. 2.
        var top = new double[n * m2];
        var bottom = new double[n * m2];
        for (int i = 0; i < n; i++)
        {
            var row = top.AsSpan(i * m2, m2);
            jb.W1.AsSpan(i * n, n).CopyTo(row[..n]);
            jb.L1.AsSpan(i * n, n).CopyTo(row[n..]);
            for (int k = 0; k < n; k++)
            {
                double coef = k1[(i * n) + k];
                if (coef != 0)
                {
                    IgnatenkoSystem.Axpy(-coef, w2.AsSpan(k * n, n), row[..n]);
                    IgnatenkoSystem.Axpy(-coef, l2.AsSpan(k * n, n), row[n..]);
                }
            }

            var brow = bottom.AsSpan(i * m2, m2);
            jb.W3.AsSpan(i * n, n).CopyTo(brow[..n]);
            jb.L3.AsSpan(i * n, n).CopyTo(brow[n..]);
            IgnatenkoSystem.Axpy(-k3[i], w2.AsSpan(i * n, n), brow[..n]);
            IgnatenkoSystem.Axpy(-k3[i], l2.AsSpan(i * n, n), brow[n..]);
        }

        // Math.NET dense storage is column-major.
        var columnMajor = new double[m2 * m2];
        for (int r = 0; r < n; r++)
        {
            for (int col = 0; col < m2; col++)
            {
                columnMajor[(col * m2) + r] = top[(r * m2) + col];
                columnMajor[(col * m2) + n + r] = bottom[(r * m2) + col];
            }
        }

        lu = MMatrix.Build.Dense(m2, m2, columnMajor).LU();
        rhs = MVector.Build.Dense(m2);
    }

    /// <summary>Computes the Newton step dx = −J⁻¹F.</summary>
    public void Step(ReadOnlySpan<double> f, Span<double> dx)
    {
        var f1 = f[..n];
        var f2 = f.Slice(n, n);
        var f3 = f.Slice(2 * n, n);
        for (int i = 0; i < n; i++)
        {
            double acc = f1[i];
            var krow = k1.AsSpan(i * n, n);
            for (int k = 0; k < n; k++)
            {
                acc -= krow[k] * f2[k];
            }

            rhs[i] = -acc;
            rhs[n + i] = -(f3[i] - (k3[i] * f2[i]));
        }

        var sol = lu.Solve(rhs);
        for (int i = 0; i < n; i++)
        {
            dx[i] = sol[i];
            dx[(2 * n) + i] = sol[n + i];
        }

        for (int i = 0; i < n; i++)
        {
            double acc = -f2[i];
            var wrow = w2.AsSpan(i * n, n);
            var lrow = l2.AsSpan(i * n, n);
            for (int m = 0; m < n; m++)
            {
                acc -= (wrow[m] * dx[m]) + (lrow[m] * dx[(2 * n) + m]);
            }

            dx[n + i] = d[i] * acc;
        }
    }
}
