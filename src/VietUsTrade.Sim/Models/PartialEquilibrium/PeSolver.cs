namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>
/// Exact (non-linear) Armington CES partial-equilibrium model of US import demand, solved line by line
/// for a batch of product lines (<see cref="PeProblem"/>). Pure and thread-safe.
/// </summary>
/// <remarks>
/// <para><b>Model</b> (Armington 1969; the CES-nested import demand of WITS-SMART, Laird &amp; Yeats 1986 and
/// Jammes &amp; Olarreaga 2005, and of GSIM, Francois &amp; Hall 2003, but solved without linearisation;
/// pe-methods.md §2.10 and §3.6). For one line with suppliers s, baseline imports v_s at world prices (world
/// price normalised to 1, so v_s is also the quantity), tariff factors T = 1 + t:</para>
/// <list type="number">
/// <item>θ_s = T0_s v_s / E0, E0 = Σ T0_s v_s (shares at tariff-inclusive prices); τ_s = T1_s/T0_s.</item>
/// <item>Internal price ratio π_s = τ_s π*_s, with π*_s the exporter (world) price ratio.</item>
/// <item>Price index P̂ = (Σ θ_s π_s^(1−σ))^(1/(1−σ)); σ = 1: P̂ = Π π_s^θ_s.</item>
/// <item>Composite quantity Q̂ = P̂^(−ε); supplier quantity m̂_s = Q̂ (π_s/P̂)^(−σ).</item>
/// <item>Finite supply (Francois &amp; Hall 2003): m̂_s = (π*_s)^ω_s, which gives in closed form for a given P̂
/// ln π*_s = ((σ−ε) ln P̂ − σ ln τ_s)/(ω_s + σ), so the whole line reduces to one equation in x = ln P̂,
/// F(x) = G(x) − x = 0 with G the CES mean of ln π_s(x). F is strictly decreasing (F′ = Σ w_s (σ−ε)/(ω_s+σ) − 1 &lt; 0
/// for ε ≥ 0) and its root lies in [min(0, min ln τ), max(0, max ln τ)]; it is solved by Newton's method safeguarded by
/// bisection on that bracket. ω = ∞ everywhere: π* = 1 and P̂ is in closed form (one log and one exp per changed cell).</item>
/// <item>Outputs: new imports at world prices m1_s = v_s m̂_s π*_s; tariff-inclusive T1_s m1_s; revenue t1_s m1_s;
/// consumer surplus, exactly the area under the constant-elasticity composite demand between the two price indices,
/// ΔCS = −E0 (P̂^(1−ε) − 1)/(1−ε), = −E0 ln P̂ at ε = 1 (ε = 0: −E0 (P̂ − 1));
/// exporter surplus ΔPS_s = v_s ((π*_s)^(1+ω) − 1)/(1+ω).</item>
/// </list>
/// <para>Worked example (pe-methods.md §6.3): Vietnam v = 100 at 20% → 46%, the rest v = 300 at 10%, ε = 1, σ = 1.5:
/// P̂ = 1.0517400, Vietnam 100 → 76.418195, rest 300 → 307.663123, revenue 50 → 65.918682, ΔCS = −22.700658.</para>
/// <para><b>Trade creation and diversion</b> (exact mode): creation is the change of the line's total imports at
/// world prices, ΔM, allocated to suppliers in proportion to their baseline world-price shares, TC_s = (v_s/M0) ΔM;
/// diversion is the rest, TD_s = Δm_s − TC_s, which sums to zero over the suppliers of a line (the SMART convention
/// that diversion nets to zero on the market side).</para>
/// <para>Cells with zero baseline imports stay at zero (no extensive margin) and report no price change. A line with no
/// imports reports P̂ = 1.</para>
/// </remarks>
internal static class PeSolver
{
    private const double LargeExponent = 690.0;
    private const double NearOne = 1e-3;

    /// <summary>Solves every line of the problem exactly and aggregates by supplier and in total.</summary>
    /// <param name="problem">The lines.</param>
    /// <param name="options">Solver settings (finite supply only); null = <see cref="PeSolverOptions.Default"/>.</param>
    /// <returns>Per-cell, per-line, per-supplier and total results, indexed like the input.</returns>
    /// <exception cref="PartialEquilibriumException">A finite-supply line did not converge (carries line, iterations and residual).</exception>
    public static PeResult Solve(PeProblem problem, PeSolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= PeSolverOptions.Default;

        var lines = problem.LineCount;
        var cells = problem.CellCount;
        var sCount = problem.SupplierCount;
        var newWorld = GC.AllocateUninitializedArray<double>(cells);
        var worldPrice = problem.AllInfiniteSupply ? null : GC.AllocateUninitializedArray<double>(cells);
        var priceIndex = new double[lines];
        var lineNew = new double[lines];
        var lineNewRev = new double[lines];
        var lineCs = new double[lines];
        var iterations = new int[lines];
        var residuals = new double[lines];
        var supNew = new double[sCount];
        var supRev = new double[sCount];
        var supTc = new double[sCount];
        var supPs = new double[sCount];
        var scratchL = new double[Math.Max(1, problem.MaxLineCells)];
        var scratchY = new double[scratchL.Length];

        var offsets = problem.Offsets;
        var values = problem.Values;
        var t0 = problem.T0;
        var t1 = problem.T1;
        var sup = problem.Suppliers;

        for (var i = 0; i < lines; i++)
        {
            var a = offsets[i];
            var b = offsets[i + 1];
            var e0 = problem.LineE0[i];
            var sigma = problem.Sigma[i];
            var eps = problem.Epsilon[i];
            double x;

            if (e0 <= 0.0)
            {
                // No imports: nothing to move.
                x = 0.0;
                for (var k = a; k < b; k++)
                {
                    newWorld[k] = 0.0;
                    if (worldPrice is not null)
                    {
                        worldPrice[k] = 1.0;
                    }
                }
            }
            else if (!problem.LineHasFiniteSupply[i] && TryClosedForm(problem, i, newWorld, out x))
            {
                // newWorld[k] holds r_k = τ_k^(1−σ) from the first pass; turn it into m1 = v P̂^(σ−ε) r/τ and sum (fused).
                var pq = Math.Exp((sigma - eps) * x);
                double m1Sum = 0, r1Sum = 0;
                for (var k = a; k < b; k++)
                {
                    var v = values[k];
                    var T0 = 1.0 + t0[k];
                    var T1 = 1.0 + t1[k];
                    var nv = v == 0.0 ? 0.0 : T1 == T0 ? v * pq : v * pq * newWorld[k] * T0 / T1;
                    newWorld[k] = nv;
                    var rev = t1[k] * nv;
                    m1Sum += nv;
                    r1Sum += rev;
                    var s = sup[k];
                    supNew[s] += nv;
                    supRev[s] += rev;
                }

                if (worldPrice is not null)
                {
                    Array.Fill(worldPrice, 1.0, a, b - a);
                }

                FinishLine(problem, i, x, m1Sum, r1Sum, priceIndex, lineNew, lineNewRev, lineCs, iterations, residuals, supTc);
                continue;
            }
            else
            {
                x = SolveGeneral(problem, i, options, scratchL, scratchY, out iterations[i], out residuals[i]);
                var omega = problem.Omega;
                for (var k = a; k < b; k++)
                {
                    var v = values[k];
                    if (v == 0.0)
                    {
                        newWorld[k] = 0.0;
                        if (worldPrice is not null)
                        {
                            worldPrice[k] = 1.0;
                        }

                        continue;
                    }

                    var l = scratchL[k - a];
                    var w = omega[k];
                    var (lp, _) = LogInternalPrice(x, l, w, sigma, eps);
                    var lnStar = lp - l;
                    newWorld[k] = v * Math.Exp((sigma - eps) * x + (1.0 - sigma) * lp - l);
                    if (worldPrice is not null)
                    {
                        worldPrice[k] = Math.Exp(lnStar);
                    }

                    if (!double.IsPositiveInfinity(w))
                    {
                        supPs[sup[k]] += v * PeMath.Expm1Over(1.0 + w, lnStar);
                    }
                }
            }

            // Line and supplier sums.
            double m1 = 0, r1 = 0;
            for (var k = a; k < b; k++)
            {
                var nv = newWorld[k];
                var rev = t1[k] * nv;
                m1 += nv;
                r1 += rev;
                var s = sup[k];
                supNew[s] += nv;
                supRev[s] += rev;
            }

            FinishLine(problem, i, x, m1, r1, priceIndex, lineNew, lineNewRev, lineCs, iterations, residuals, supTc);
        }

        return new PeResult(problem, newWorld, worldPrice, priceIndex, lineNew, lineNewRev, lineCs, iterations, residuals, supNew, supRev, supTc, supPs);
    }

    private static void FinishLine(PeProblem problem, int i, double x, double m1, double r1, double[] priceIndex, double[] lineNew,
        double[] lineNewRev, double[] lineCs, int[] iterations, double[] residuals, double[] supTc)
    {
        var a = problem.Offsets[i];
        var b = problem.Offsets[i + 1];
        var m0 = problem.LineM0[i];
        var eps = problem.Epsilon[i];
        if (m0 > 0.0)
        {
            var g = (m1 - m0) / m0;
            var values = problem.Values;
            var sup = problem.Suppliers;
            for (var k = a; k < b; k++)
            {
                supTc[sup[k]] += values[k] * g;
            }
        }

        priceIndex[i] = Math.Exp(x);
        lineNew[i] = m1;
        lineNewRev[i] = r1;
        lineCs[i] = -problem.LineE0[i] * PeMath.Expm1Over(1.0 - eps, x);
        if (!double.IsFinite(m1) || !double.IsFinite(lineCs[i]) || !double.IsFinite(r1))
        {
            throw new PartialEquilibriumException(
                $"The solution of {PeValidation.Where(i, problem.Labels?[i], null)} overflowed (new imports {PeValidation.Fmt(m1)}); the inputs are at the edge of the accepted range (ε = {PeValidation.Fmt(eps)}, σ = {PeValidation.Fmt(problem.Sigma[i])}).",
                i, problem.Labels?[i], iterations[i], residuals[i]);
        }
    }

    /// <summary>
    /// Closed form for a line with ω = ∞ on every cell. First pass writes r_k = τ_k^(1−σ) into <paramref name="r"/>
    /// and returns x = ln P̂. Returns false (caller falls back to the general solver) when an exponent is so large
    /// that the plain sum could overflow or underflow.
    /// </summary>
    private static bool TryClosedForm(PeProblem problem, int i, double[] r, out double x)
    {
        var a = problem.Offsets[i];
        var b = problem.Offsets[i + 1];
        var values = problem.Values;
        var t0 = problem.T0;
        var t1 = problem.T1;
        var sigma = problem.Sigma[i];
        var oms = 1.0 - sigma;
        var e0 = problem.LineE0[i];
        x = 0.0;

        if (sigma == 1.0)
        {
            // Cobb–Douglas: ln P̂ = Σ θ ln τ; r = 1.
            double accL = 0;
            for (var k = a; k < b; k++)
            {
                r[k] = 1.0;
                var T0 = 1.0 + t0[k];
                var T1 = 1.0 + t1[k];
                var v = values[k];
                if (T1 != T0 && v != 0.0)
                {
                    accL += T0 * v * Math.Log(T1 / T0);
                }
            }

            x = accL / e0;
            return true;
        }

        if (Math.Abs(oms) < NearOne)
        {
            // σ close to 1: accumulate Σ θ (r − 1) with an accurate expm1 to avoid cancellation.
            double acc1 = 0;
            for (var k = a; k < b; k++)
            {
                var T0 = 1.0 + t0[k];
                var T1 = 1.0 + t1[k];
                var v = values[k];
                if (T1 == T0 || v == 0.0)
                {
                    r[k] = 1.0;
                    continue;
                }

                var em1 = PeMath.Expm1(oms * Math.Log(T1 / T0));
                r[k] = 1.0 + em1;
                acc1 += T0 * v * em1;
            }

            x = PeMath.Log1p(acc1 / e0) / oms;
            return true;
        }

        double acc = 0, yMax = 0, yMin = 0;
        for (var k = a; k < b; k++)
        {
            var T0 = 1.0 + t0[k];
            var T1 = 1.0 + t1[k];
            var v = values[k];
            if (T1 == T0 || v == 0.0)
            {
                r[k] = 1.0;
                acc += T0 * v;
                continue;
            }

            var y = oms * Math.Log(T1 / T0);
            yMax = Math.Max(yMax, y);
            yMin = Math.Min(yMin, y);
            var rk = Math.Exp(y);
            r[k] = rk;
            acc += T0 * v * rk;
        }

        if (yMax > LargeExponent || yMin < -LargeExponent)
        {
            return false;
        }

        x = Math.Log(acc / e0) / oms;
        return true;
    }

    /// <summary>
    /// Safeguarded Newton on F(x) = G(x) − x for one line (any mix of finite and infinite ω, any σ), with the CES
    /// mean evaluated by a shifted log-sum-exp. Leaves ln τ of each cell in <paramref name="scratchL"/>.
    /// </summary>
    private static double SolveGeneral(PeProblem problem, int i, PeSolverOptions options, double[] scratchL, double[] scratchY, out int iterations, out double residual)
    {
        var a = problem.Offsets[i];
        var b = problem.Offsets[i + 1];
        var n = b - a;
        var values = problem.Values.AsSpan(a, n);
        var omega = problem.Omega.AsSpan(a, n);
        var t0 = problem.T0.AsSpan(a, n);
        var t1 = problem.T1.AsSpan(a, n);
        var sigma = problem.Sigma[i];
        var eps = problem.Epsilon[i];
        var e0 = problem.LineE0[i];
        var l = scratchL.AsSpan(0, n);
        var y = scratchY.AsSpan(0, n);

        double lo = 0, hi = 0, num = 0, den = 0;
        for (var j = 0; j < n; j++)
        {
            l[j] = Math.Log((1.0 + t1[j]) / (1.0 + t0[j]));
            if (values[j] == 0.0)
            {
                continue;
            }

            lo = Math.Min(lo, l[j]);
            hi = Math.Max(hi, l[j]);
            var th = (1.0 + t0[j]) * values[j] / e0;
            var w = omega[j];
            if (double.IsPositiveInfinity(w))
            {
                num += th * l[j];
            }
            else
            {
                num += th * (w / (w + sigma)) * l[j];
                den += th * (sigma - eps) / (w + sigma);
            }
        }

        // First-order (GSIM-type) guess, kept inside the bracket.
        var x = Math.Clamp(num / (1.0 - den), lo, hi);
        iterations = 0;
        residual = double.PositiveInfinity;
        while (true)
        {
            var (f, df) = Evaluate(x, sigma, eps, e0, values, omega, t0, l, y);
            residual = Math.Abs(f);
            if (!double.IsFinite(f) || !double.IsFinite(df))
            {
                throw new PartialEquilibriumException(
                    $"The price-index equation of {PeValidation.Where(i, problem.Labels?[i], null)} could not be evaluated at ln P = {PeValidation.Fmt(x)} (iteration {iterations}).",
                    i, problem.Labels?[i], iterations, residual);
            }

            if (residual <= options.Tolerance)
            {
                return x;
            }

            if (iterations >= options.MaxIterations)
            {
                throw new PartialEquilibriumException(
                    $"The finite-supply solver did not converge on {PeValidation.Where(i, problem.Labels?[i], null)}: {iterations} iterations, residual {PeValidation.Fmt(residual)} > tolerance {PeValidation.Fmt(options.Tolerance)} (ln P = {PeValidation.Fmt(x)}, bracket [{PeValidation.Fmt(lo)}, {PeValidation.Fmt(hi)}]).",
                    i, problem.Labels?[i], iterations, residual);
            }

            iterations++;
            if (f > 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            var xn = x - f / df;
            if (!(xn > lo && xn < hi))
            {
                xn = 0.5 * (lo + hi);
            }

            if (xn == x)
            {
                // Bracket exhausted at double precision: accept if the residual is at rounding level.
                if (residual <= 1e3 * options.Tolerance)
                {
                    return x;
                }

                throw new PartialEquilibriumException(
                    $"The finite-supply solver stalled on {PeValidation.Where(i, problem.Labels?[i], null)}: {iterations} iterations, residual {PeValidation.Fmt(residual)}.",
                    i, problem.Labels?[i], iterations, residual);
            }

            x = xn;
        }
    }

    private static (double F, double DF) Evaluate(double x, double sigma, double eps, double e0,
        ReadOnlySpan<double> values, ReadOnlySpan<double> omega, ReadOnlySpan<double> t0, ReadOnlySpan<double> l, Span<double> y)
    {
        var oms = 1.0 - sigma;
        var n = values.Length;
        double g, dg;
        if (sigma == 1.0)
        {
            double sx = 0, sd = 0;
            for (var j = 0; j < n; j++)
            {
                if (values[j] == 0.0)
                {
                    continue;
                }

                var th = (1.0 + t0[j]) * values[j] / e0;
                var (lp, slope) = LogInternalPrice(x, l[j], omega[j], sigma, eps);
                sx += th * lp;
                sd += th * slope;
            }

            g = sx;
            dg = sd;
        }
        else if (Math.Abs(oms) < NearOne)
        {
            double s = 0, sw = 0;
            for (var j = 0; j < n; j++)
            {
                if (values[j] == 0.0)
                {
                    continue;
                }

                var th = (1.0 + t0[j]) * values[j] / e0;
                var (lp, slope) = LogInternalPrice(x, l[j], omega[j], sigma, eps);
                var em1 = PeMath.Expm1(oms * lp);
                s += th * em1;
                sw += th * (1.0 + em1) * slope;
            }

            g = PeMath.Log1p(s) / oms;
            dg = sw / (1.0 + s);
        }
        else
        {
            var yMax = double.NegativeInfinity;
            for (var j = 0; j < n; j++)
            {
                if (values[j] == 0.0)
                {
                    continue;
                }

                var (lp, _) = LogInternalPrice(x, l[j], omega[j], sigma, eps);
                y[j] = oms * lp;
                yMax = Math.Max(yMax, y[j]);
            }

            double z = 0, zw = 0;
            for (var j = 0; j < n; j++)
            {
                if (values[j] == 0.0)
                {
                    continue;
                }

                var th = (1.0 + t0[j]) * values[j] / e0;
                var (_, slope) = LogInternalPrice(x, l[j], omega[j], sigma, eps);
                var ez = th * Math.Exp(y[j] - yMax);
                z += ez;
                zw += ez * slope;
            }

            g = (yMax + Math.Log(z)) / oms;
            dg = zw / z;
        }

        return (g - x, dg - 1.0);
    }

    /// <summary>ln π_s(x) = (ω ln τ + (σ−ε) x)/(ω+σ) and its slope in x; ω = ∞ gives ln τ and 0.</summary>
    private static (double Lp, double Slope) LogInternalPrice(double x, double l, double w, double sigma, double eps)
    {
        if (double.IsPositiveInfinity(w))
        {
            return (l, 0.0);
        }

        var slope = (sigma - eps) / (w + sigma);
        return (w / (w + sigma) * l + slope * x, slope);
    }
}
