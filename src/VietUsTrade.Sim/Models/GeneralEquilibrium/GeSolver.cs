using System.Diagnostics;
using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>
/// Structural gravity general equilibrium solved by exact hat algebra.
/// </summary>
/// <remarks>
/// <para>
/// <b>Model.</b> N countries, S sectors, one factor per country mobile across sectors (price ŵ_i, the factory-gate
/// price), CES demand within a sector with trade elasticity θ_s = σ_s − 1, Cobb–Douglas shares α_j,s across sectors
/// fixed at their baseline values, no input–output links (a first version; Caliendo &amp; Parro 2015, eq. 8–12 with
/// γ = 1). With one sector this is the Armington/Anderson–van Wincoop (2003) endowment model of ge_gravity and of the
/// fixture README §3.3. In changes (Dekle, Eaton &amp; Kortum 2008, eq. 9–11; Head &amp; Mayer 2014, eq. 28–31;
/// Yotov et al. 2016, ch. 2 §B):
/// </para>
/// <list type="bullet">
/// <item>P̂_j,s^(−θ_s) = Φ_j,s = Σ_i λ_ij,s · B_ij,s · T_ij,s · ŵ_i^(−θ_s), with λ the baseline share in tariff-inclusive spending,
/// B = t̂^(1−σ) the non-tariff cost change and T = ((1+τ′)/(1+τ))^(−θ) the tariff change;</item>
/// <item>λ′_ij,s = λ_ij,s · B · T · ŵ_i^(−θ_s) / Φ_j,s;</item>
/// <item>E′_j = (Y_j ŵ_j + D_j) / (1 − Σ_s α_j,s Σ_i λ′_ij,s τ′/(1+τ′)) (additive) or φ_j Y_j ŵ_j / (…) (multiplicative);
/// the denominator is 1 in the iceberg treatment, where tariffs only enter B;</item>
/// <item>X′_ij,s = λ′_ij,s α_j,s E′_j / (1 + τ′_ij,s) (producer prices; the division is omitted in the iceberg treatment);</item>
/// <item>market clearing Y_i ŵ_i = Σ_s Σ_j X′_ij,s (up to a common factor κ under the multiplicative closure);</item>
/// <item>P̂_j = Π_s Φ_j,s^(−α_j,s/θ_s); normalisation Σ Y_i ŵ_i = Σ Y_i or P̂_ref = 1.</item>
/// </list>
/// <para>
/// <b>Algorithm.</b> A damped fixed point on ln ŵ with a diagonal-Newton step: with the excess-demand ratio
/// G_i = ln(Σ_s Σ_j X′_ij,s / (κ Y_i ŵ_i)) and its exact own derivative
/// ∂G_i/∂ln ŵ_i = [−Σ_s θ_s Σ_j X′_ij,s (1 − λ′_ij,s) + (∂ln I_i/∂ln ŵ_i) Σ_s X′_ii,s] / Σ_s Σ_j X′_ij,s − 1,
/// the update is ln ŵ_i ← ln ŵ_i − μ ω_i G_i / (∂G_i/∂ln ŵ_i), renormalised after each step. Replacing the derivative by
/// −σ̄_i gives the classic tâtonnement ŵ_i ← ŵ_i (demand/supply)^(1/σ̄_i) of Alvarez &amp; Lucas (2007) and of the fixture
/// README §3.3, which is used as the fallback; the exact derivative accounts for home bias (a country with a large
/// domestic share barely moves its own excess demand) and cuts the iterations from 100–900 to 20–30. The relaxation
/// ω_i is halved when a country's step reverses sign (an oscillating coupled pair) and recovers by 25 % per step; μ is
/// halved when the residual stalls. It stops when the largest relative market-clearing residual is below the
/// tolerance. Each step costs O(S·N²).
/// </para>
/// <para>
/// <b>gegravity-compatible mode</b> (one sector, iceberg): gegravity v0.3's counterfactual as in the fixture README §3.2:
/// the hat MR system â_j = Σ_i π_ij B_ij / b̂_i, b̂_i = Σ_j ρ_ij B_ij / â_j (solved as a matrix balancing, â_ref = 1),
/// p̂_i = b̂_i^(−1/(1−σ)), P̂_j = â_j^(1/(1−σ)), X′_ij = X_ij p̂_j (p̂_i/Ŷ_w) B_ij / (â_j b̂_i). Its flows do not clear markets.
/// </para>
/// All functions are pure and thread-safe.
/// </remarks>
public static class GeSolver
{
    /// <summary>Solves a counterfactual.</summary>
    /// <param name="baseline">The baseline flows (domestic flows included).</param>
    /// <param name="shock">The cost and tariff changes.</param>
    /// <param name="options">Elasticities, closure, normalisation, tariff treatment, mode and solver settings.</param>
    /// <returns>The result with diagnostics.</returns>
    /// <exception cref="ArgumentException">A code in the shock or options is not in the baseline, or a sector lacks σ.</exception>
    /// <exception cref="ConvergenceException">The solver did not converge; carries iterations and the last residual.</exception>
    public static GeResult Solve(GeBaseline baseline, GeShock shock, GeOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(shock);
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        var p = Prepared.Create(baseline, shock, options);
        return options.Mode == GeSolutionMode.Exact ? SolveExact(p, watch) : SolveGegravity(p, watch);
    }

    private const string ExactModel = "GE exact hat algebra (structural gravity)";

    private static string Settings(GeOptions o, double damping) => string.Create(CultureInfo.InvariantCulture,
        $"tolerance {o.Tolerance:G3}, max iterations {o.MaxIterations}, damping {(double.IsNaN(damping) ? o.Damping : damping):G3}, closure {o.Closure}, tariff treatment {o.TariffTreatment}");

    private static GeResult SolveExact(Prepared p, Stopwatch watch)
    {
        int n = p.N, sCount = p.S;
        var o = p.Options;
        var lnW = new double[n];
        var w = new double[n];
        var c = new double[sCount * n];
        var eval = new Evaluation(n, sCount);
        var prevLnW = new double[n];
        var mu = o.Damping;
        var lastResidual = double.PositiveInfinity;
        var best = double.PositiveInfinity;
        var stall = 0;
        var relax = Enumerable.Repeat(1.0, n).ToArray();
        var lastStep = new double[n];
        var iterations = 0;
        while (true)
        {
            Normalize(p, lnW, w, c);
            var ok = p.Evaluate(w, c, eval);
            if (!ok)
            {
                var bad = p.Baseline.Countries[eval.BadCountry];
                if (iterations == 0)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Country '{bad}': expenditure is not positive at unchanged prices (deficit {p.Deficit[eval.BadCountry]} against output {p.Y[eval.BadCountry]}); the model cannot be solved."));
                }

                // Backtrack half way and damp harder.
                for (var i = 0; i < n; i++)
                {
                    lnW[i] = 0.5 * (lnW[i] + prevLnW[i]);
                }

                mu *= 0.5;
                if (mu < 1e-8)
                {
                    throw new ConvergenceException(
                        ExactModel, string.Create(CultureInfo.InvariantCulture, $"the expenditure of '{bad}' became non-positive and damping could not restore it; under the additive closure its fixed surplus ({-p.Deficit[eval.BadCountry]:G6} against output {p.Y[eval.BadCountry]:G6}) may exceed its income in every equilibrium (try the multiplicative closure)"),
                        iterations,
                        lastResidual,
                        Settings(o, mu));
                }

                continue;
            }

            var residual = eval.MaxResidual;
            if (residual <= o.Tolerance)
            {
                break;
            }

            if (iterations >= o.MaxIterations)
            {
                throw new ConvergenceException(ExactModel, "did not converge within the iteration cap", iterations, residual, Settings(o, mu));
            }

            // Safeguard: halve the step when the best residual has not improved for a while (oscillation or
            // divergence); with μ ≤ 1/2 the damped Jacobi step cannot amplify a weakly diagonally dominant system.
            if (residual < best * 0.999)
            {
                best = residual;
                stall = 0;
            }
            else if (++stall >= 8)
            {
                mu *= 0.5;
                stall = 0;
                best = residual;
                if (mu < 1e-6)
                {
                    throw new ConvergenceException(ExactModel, "diverged: damping exhausted", iterations, residual, Settings(o, mu));
                }
            }

            lastResidual = residual;
            Array.Copy(lnW, prevLnW, n);
            for (var i = 0; i < n; i++)
            {
                // Diagonal Newton step on G_i = ln(demand_i / (κ Y_i ŵ_i)): Δ ln ŵ_i = −G_i / (∂G_i/∂ ln ŵ_i), with the
                // exact own derivative; the classic step 1/σ̄_i (Alvarez–Lucas) when the derivative is not safely negative.
                var g = Math.Log(eval.Demand[i] / (eval.Kappa * p.Y[i] * w[i]));
                var jii = eval.OwnDerivative[i] / eval.Demand[i] - 1;
                var step = (jii < -0.05 ? -1 / jii : p.StepScale[i]) * g;

                // Per-country relaxation: a step that reverses the previous one signals an oscillating mode (the
                // Jacobi iteration of a coupled pair), so that country's weight is halved; it recovers slowly.
                if (step * lastStep[i] < 0)
                {
                    relax[i] = Math.Max(relax[i] * 0.5, 1.0 / 64);
                }
                else
                {
                    relax[i] = Math.Min(relax[i] * 1.25, 1.0);
                }

                lastStep[i] = step;
                lnW[i] += mu * relax[i] * step;
            }

            iterations++;
        }

        watch.Stop();
        var flows = p.CounterfactualFlows(c, eval);
        var diagnostics = new GeSolverDiagnostics("damped diagonal-Newton fixed point (exact hat algebra)", iterations, eval.MaxResidual, eval.MaxResidual, eval.Kappa, watch.Elapsed);
        return p.BuildResult(w, eval, flows, diagnostics);
    }

    private static void Normalize(Prepared p, double[] lnW, double[] w, double[] c)
    {
        int n = p.N;
        if (p.RefIndex < 0)
        {
            double num = 0, den = 0;
            for (var i = 0; i < n; i++)
            {
                num += p.Y[i] * Math.Exp(lnW[i]);
                den += p.Y[i];
            }

            var shift = Math.Log(den / num);
            for (var i = 0; i < n; i++)
            {
                lnW[i] += shift;
            }

            p.FillCosts(lnW, w, c);
        }
        else
        {
            p.FillCosts(lnW, w, c);
            var lnP = p.LogPriceIndex(p.RefIndex, c);
            for (var i = 0; i < n; i++)
            {
                lnW[i] -= lnP;
            }

            p.FillCosts(lnW, w, c);
        }
    }

    private static GeResult SolveGegravity(Prepared p, Stopwatch watch)
    {
        if (p.S != 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"mode = GegravityCompatible needs a one-sector baseline; this one has {p.S} sectors (aggregate it first)."));
        }

        int n = p.N;
        var x = p.Baseline.SectorFlows(0);
        var m = new double[n * n];
        for (var k = 0; k < m.Length; k++)
        {
            m[k] = x[k] * p.Shift[0][k];
        }

        // Matrix balancing: v_i = 1/b̂_i, u_j = 1/â_j with Σ_j M_ij u_j v_i = Y_i and Σ_i M_ij u_j v_i = E_j.
        var u = Enumerable.Repeat(1.0, n).ToArray();
        var v = Enumerable.Repeat(1.0, n).ToArray();
        var rowTmp = new double[n];
        var colTmp = new double[n];
        var iterations = 0;
        double residual;
        while (true)
        {
            Array.Clear(rowTmp);
            for (var i = 0; i < n; i++)
            {
                double sum = 0;
                for (var j = 0; j < n; j++)
                {
                    sum += m[i * n + j] * u[j];
                }

                rowTmp[i] = sum;
            }

            residual = 0;
            for (var i = 0; i < n; i++)
            {
                residual = Math.Max(residual, Math.Abs(rowTmp[i] * v[i] / p.Y[i] - 1));
            }

            if (residual <= Math.Max(p.Options.Tolerance, 1e-14) && iterations > 0)
            {
                break;
            }

            if (iterations >= p.Options.MaxIterations)
            {
                throw new ConvergenceException("GE gegravity-compatible multilateral-resistance system", "did not converge within the iteration cap", iterations, residual, Settings(p.Options, double.NaN));
            }

            for (var i = 0; i < n; i++)
            {
                v[i] = p.Y[i] / rowTmp[i];
            }

            Array.Clear(colTmp);
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    colTmp[j] += m[i * n + j] * v[i];
                }
            }

            for (var j = 0; j < n; j++)
            {
                u[j] = p.ExpenditureNet[j] / colTmp[j];
            }

            iterations++;
        }

        var r = p.RefIndex;
        var scale = u[r];
        for (var j = 0; j < n; j++)
        {
            u[j] /= scale;
            v[j] *= scale;
        }

        var oneMinusSigma = 1 - p.Sigma[0];
        var pHat = new double[n];
        var bigPHat = new double[n];
        double yNew = 0, yOld = 0;
        for (var i = 0; i < n; i++)
        {
            pHat[i] = Math.Pow(v[i], 1 / oneMinusSigma);
            bigPHat[i] = Math.Pow(u[i], -1 / oneMinusSigma);
            yNew += p.Y[i] * pHat[i];
            yOld += p.Y[i];
        }

        var yw = yNew / yOld;
        var flows = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                flows[i * n + j] = m[i * n + j] * pHat[j] * (pHat[i] / yw) * u[j] * v[i];
            }
        }

        double clearing = 0;
        for (var i = 0; i < n; i++)
        {
            double sum = 0;
            for (var j = 0; j < n; j++)
            {
                sum += flows[i * n + j];
            }

            clearing = Math.Max(clearing, Math.Abs(sum / (p.Y[i] * pHat[i]) - 1));
        }

        watch.Stop();
        var countries = new GeCountryResult[n];
        for (var i = 0; i < n; i++)
        {
            double ex0 = 0, ex1 = 0, im0 = 0, im1 = 0;
            for (var j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }

                ex0 += x[i * n + j];
                ex1 += flows[i * n + j];
                im0 += x[j * n + i];
                im1 += flows[j * n + i];
            }

            countries[i] = new GeCountryResult(
                p.Baseline.Countries[i], pHat[i], bigPHat[i], p.Y[i], p.Y[i] * pHat[i], p.ExpenditureNet[i], p.ExpenditureNet[i] * pHat[i],
                ex0, ex1, im0, im1, 0, 0);
        }

        var diagnostics = new GeSolverDiagnostics("gegravity v0.3-compatible (conditional MR hat system, matrix balancing)", iterations, residual, clearing, 1.0, watch.Elapsed);
        return new GeResult(p.Baseline, p.Options, [flows], countries, diagnostics);
    }

    /// <summary>Work arrays of one evaluation of the excess-demand system.</summary>
    private sealed class Evaluation(int n, int s)
    {
        public double[] Phi { get; } = new double[s * n];

        public double[] K { get; } = new double[s * n];

        public double[] ExpenditureGross { get; } = new double[n];

        public double[] Demand { get; } = new double[n];

        public double[] OwnDerivative { get; } = new double[n];

        public double[] KOverPhi { get; } = new double[s * n];

        public double Kappa { get; set; }

        public double MaxResidual { get; set; }

        public int BadCountry { get; set; } = -1;
    }

    /// <summary>Baseline shares and shock factors in the solver's layout.</summary>
    private sealed class Prepared
    {
        public required GeBaseline Baseline { get; init; }

        public required GeOptions Options { get; init; }

        public int N { get; init; }

        public int S { get; init; }

        public required double[] Sigma { get; init; }

        public required double[] Theta { get; init; }

        public required double[] Y { get; init; }

        /// <summary>Σ_i X_ij at producer prices.</summary>
        public required double[] ExpenditureNet { get; init; }

        /// <summary>Baseline gross expenditure (tariff-inclusive).</summary>
        public required double[] ExpenditureGross { get; init; }

        public required double[] RevenueBaseline { get; init; }

        public required double[] Deficit { get; init; }

        public required double[] Phi0 { get; init; }

        /// <summary>α_j,s at [s*n + j].</summary>
        public required double[] Alpha { get; init; }

        /// <summary>λ·B·T at [s][i*n+j].</summary>
        public required double[][] W { get; init; }

        /// <summary>λ·B·T/(1+τ′) at [s][i*n+j].</summary>
        public required double[][] WNet { get; init; }

        /// <summary>(λ·B·T)²/(1+τ′) at [s][i*n+j]: the own-price feedback through the importer's price index.</summary>
        public required double[][] WNetW { get; init; }

        /// <summary>λ·B·T·τ′/(1+τ′), or null when the sector has no tariff in the revenue treatment.</summary>
        public required double[]?[] WTax { get; init; }

        /// <summary>B·T (the iceberg-equivalent shift) at [s][i*n+j].</summary>
        public required double[][] Shift { get; init; }

        /// <summary>1/(1+τ′) at [s][i*n+j], or null when 1.</summary>
        public required double[]?[] InvOnePlusTau { get; init; }

        public required double[] StepScale { get; init; }

        public int RefIndex { get; init; }

        public bool Revenue { get; init; }

        public static Prepared Create(GeBaseline b, GeShock shock, GeOptions o)
        {
            int n = b.CountryCount, sCount = b.SectorCount;
            var sigma = new double[sCount];
            var theta = new double[sCount];
            for (var s = 0; s < sCount; s++)
            {
                sigma[s] = o.Elasticities.SigmaOf(b.Sectors[s]);
                theta[s] = sigma[s] - 1;
            }

            var refIndex = o.Normalization.IsWorldOutput ? -1 : IndexOr(b, o.Normalization.ReferenceCountry!, "normalization");
            var revenue = o.TariffTreatment == GeTariffTreatment.Revenue;

            var lnB = new double[sCount][];
            var tau0 = new double[sCount][];
            var tau1 = new double[sCount][];
            var hasTax = new bool[sCount];
            for (var s = 0; s < sCount; s++)
            {
                lnB[s] = new double[n * n];
                tau0[s] = new double[n * n];
                tau1[s] = new double[n * n];
            }

            foreach (var cc in shock.CostChanges)
            {
                var k = IndexOr(b, cc.Exporter, "shock exporter") * n + IndexOr(b, cc.Importer, "shock importer");
                foreach (var s in SectorsOf(b, cc.Sector))
                {
                    lnB[s][k] += cc.DeltaLogCost;
                }
            }

            var tariffSet = new bool[sCount][];
            for (var s = 0; s < sCount; s++)
            {
                tariffSet[s] = new bool[n * n];
            }

            foreach (var t in shock.TariffChanges)
            {
                var k = IndexOr(b, t.Exporter, "tariff exporter") * n + IndexOr(b, t.Importer, "tariff importer");
                foreach (var s in SectorsOf(b, t.Sector))
                {
                    // A sector-specific entry overrides an all-sector entry for the same pair.
                    if (tariffSet[s][k] && t.Sector is null)
                    {
                        continue;
                    }

                    tariffSet[s][k] = true;
                    tau0[s][k] = t.BaselineRate;
                    tau1[s][k] = t.NewRate;
                    if (t.NewRate > 0)
                    {
                        hasTax[s] = true;
                    }
                }
            }

            var y = b.Output.ToArray();
            var eNet = b.Expenditure.ToArray();
            var eGross = new double[n];
            var rev0 = new double[n];
            var alpha = new double[sCount * n];
            var phi0 = new double[n];
            var w = new double[sCount][];
            var wNet = new double[sCount][];
            var wTax = new double[]?[sCount];
            var shift = new double[sCount][];
            var inv = new double[]?[sCount];
            var colGross = new double[sCount * n];
            var outputShare = new double[sCount * n];
            for (var s = 0; s < sCount; s++)
            {
                var x = b.SectorFlows(s);
                for (var i = 0; i < n; i++)
                {
                    for (var j = 0; j < n; j++)
                    {
                        var k = i * n + j;
                        var g = revenue ? x[k] * (1 + tau0[s][k]) : x[k];
                        colGross[s * n + j] += g;
                        rev0[j] += g - x[k];
                        outputShare[s * n + i] += x[k];
                    }
                }
            }

            for (var s = 0; s < sCount; s++)
            {
                for (var j = 0; j < n; j++)
                {
                    eGross[j] += colGross[s * n + j];
                }
            }

            for (var s = 0; s < sCount; s++)
            {
                var x = b.SectorFlows(s);
                w[s] = new double[n * n];
                shift[s] = new double[n * n];
                wNet[s] = w[s];
                var taxed = revenue && hasTax[s];
                if (taxed)
                {
                    wNet[s] = new double[n * n];
                    wTax[s] = new double[n * n];
                    inv[s] = new double[n * n];
                }

                for (var j = 0; j < n; j++)
                {
                    alpha[s * n + j] = colGross[s * n + j] / eGross[j];
                }

                for (var i = 0; i < n; i++)
                {
                    for (var j = 0; j < n; j++)
                    {
                        var k = i * n + j;
                        var col = colGross[s * n + j];
                        var lambda = col > 0 ? (revenue ? x[k] * (1 + tau0[s][k]) : x[k]) / col : 0.0;
                        var tFactor = tariffSet[s][k] ? Math.Pow((1 + tau1[s][k]) / (1 + tau0[s][k]), -theta[s]) : 1.0;
                        var f = lnB[s][k] == 0 ? tFactor : Math.Exp(lnB[s][k]) * tFactor;
                        shift[s][k] = f;
                        w[s][k] = lambda * f;
                        if (taxed)
                        {
                            var iv = 1 / (1 + tau1[s][k]);
                            inv[s]![k] = iv;
                            wNet[s][k] = w[s][k] * iv;
                            wTax[s]![k] = w[s][k] * (1 - iv);
                        }
                    }
                }
            }

            var deficit = new double[n];
            var stepScale = new double[n];
            for (var i = 0; i < n; i++)
            {
                deficit[i] = eNet[i] - y[i];
                phi0[i] = eNet[i] / y[i];
                var sbar = 1.0;
                for (var s = 0; s < sCount; s++)
                {
                    sbar += outputShare[s * n + i] / y[i] * theta[s];
                }

                stepScale[i] = 1 / sbar;
            }

            return new Prepared
            {
                Baseline = b,
                Options = o,
                N = n,
                S = sCount,
                Sigma = sigma,
                Theta = theta,
                Y = y,
                ExpenditureNet = eNet,
                ExpenditureGross = eGross,
                RevenueBaseline = rev0,
                Deficit = deficit,
                Phi0 = phi0,
                Alpha = alpha,
                W = w,
                WNet = wNet,
                WNetW = [.. Enumerable.Range(0, sCount).Select(q => w[q].Zip(wNet[q], (a, b) => a * b).ToArray())],
                WTax = wTax,
                Shift = shift,
                InvOnePlusTau = inv,
                StepScale = stepScale,
                RefIndex = refIndex,
                Revenue = revenue,
            };
        }

        public void FillCosts(double[] lnW, double[] w, double[] c)
        {
            for (var i = 0; i < N; i++)
            {
                w[i] = Math.Exp(lnW[i]);
            }

            for (var s = 0; s < S; s++)
            {
                var th = Theta[s];
                for (var i = 0; i < N; i++)
                {
                    c[s * N + i] = Math.Exp(-th * lnW[i]);
                }
            }
        }

        /// <summary>ln P̂_j = Σ_s α_j,s · ln(Φ_j,s) / (−θ_s).</summary>
        public double LogPriceIndex(int j, double[] c)
        {
            double lnP = 0;
            for (var s = 0; s < S; s++)
            {
                var a = Alpha[s * N + j];
                if (a <= 0)
                {
                    continue;
                }

                var ws = W[s];
                double phi = 0;
                for (var i = 0; i < N; i++)
                {
                    phi += ws[i * N + j] * c[s * N + i];
                }

                lnP += a * Math.Log(phi) / -Theta[s];
            }

            return lnP;
        }

        /// <summary>Computes Φ, expenditure, demand and the residual at ŵ; false when some expenditure is not positive.</summary>
        public bool Evaluate(double[] w, double[] c, Evaluation e)
        {
            int n = N;
            var phi = e.Phi;
            Array.Clear(phi);
            var taxShare = Revenue ? new double[n] : null;
            var taxAcc = Revenue ? new double[n] : null;
            for (var s = 0; s < S; s++)
            {
                var ws = W[s];
                var wt = WTax[s];
                var row = s * n;
                if (wt is not null)
                {
                    Array.Clear(taxAcc!);
                }

                for (var i = 0; i < n; i++)
                {
                    var ci = c[row + i];
                    var baseK = i * n;
                    for (var j = 0; j < n; j++)
                    {
                        phi[row + j] += ws[baseK + j] * ci;
                    }

                    if (wt is not null)
                    {
                        for (var j = 0; j < n; j++)
                        {
                            taxAcc![j] += wt[baseK + j] * ci;
                        }
                    }
                }

                if (wt is not null)
                {
                    for (var j = 0; j < n; j++)
                    {
                        var a = Alpha[row + j];
                        if (a > 0)
                        {
                            taxShare![j] += a * taxAcc![j] / phi[row + j];
                        }
                    }
                }
            }

            var eg = e.ExpenditureGross;
            var additive = Options.Closure == GeClosure.Additive;
            for (var j = 0; j < n; j++)
            {
                var income = additive ? Y[j] * w[j] + Deficit[j] : Phi0[j] * Y[j] * w[j];
                var denom = taxShare is null ? 1.0 : 1 - taxShare[j];
                eg[j] = income / denom;
                if (!(eg[j] > 0) || !double.IsFinite(eg[j]))
                {
                    e.BadCountry = j;
                    return false;
                }
            }

            var k = e.K;
            for (var s = 0; s < S; s++)
            {
                var row = s * n;
                for (var j = 0; j < n; j++)
                {
                    var a = Alpha[row + j];
                    k[row + j] = a > 0 ? a * eg[j] / phi[row + j] : 0.0;
                }
            }

            // kp = k/Φ gives the price-index feedback Σ_j X′_ij λ′_ij of the own-price derivative.
            var kp = e.KOverPhi;
            for (var q = 0; q < kp.Length; q++)
            {
                kp[q] = k[q] > 0 ? k[q] / phi[q] : 0.0;
            }

            var demand = e.Demand;
            var own = e.OwnDerivative;
            double totalDemand = 0, totalSupply = 0;
            for (var i = 0; i < n; i++)
            {
                double d = 0, dOwn = 0, domestic = 0;
                var baseK = i * n;
                for (var s = 0; s < S; s++)
                {
                    var wn = WNet[s];
                    var wnw = WNetW[s];
                    var row = s * n;
                    double acc = 0, acc2 = 0;
                    for (var j = 0; j < n; j++)
                    {
                        acc += wn[baseK + j] * k[row + j];
                        acc2 += wnw[baseK + j] * kp[row + j];
                    }

                    var ci = c[row + i];
                    d += ci * acc;
                    dOwn -= Theta[s] * (ci * acc - ci * ci * acc2);
                    domestic += wn[baseK + i] * ci * k[row + i];
                }

                // ∂ demand_i / ∂ ln ŵ_i = −Σ_s θ_s Σ_j X′_ij,s (1 − λ′_ij,s) + (∂ ln I_i / ∂ ln ŵ_i) Σ_s X′_ii,s.
                var incomeElasticity = additive ? Y[i] * w[i] / (Y[i] * w[i] + Deficit[i]) : 1.0;
                own[i] = dOwn + incomeElasticity * domestic;
                demand[i] = d;
                totalDemand += d;
                totalSupply += Y[i] * w[i];
            }

            e.Kappa = additive ? 1.0 : totalDemand / totalSupply;
            double maxRes = 0;
            for (var i = 0; i < n; i++)
            {
                var r = Math.Abs(demand[i] / (e.Kappa * Y[i] * w[i]) - 1);
                if (!(r <= maxRes))
                {
                    maxRes = double.IsNaN(r) ? double.PositiveInfinity : r;
                }
            }

            e.MaxResidual = maxRes;
            e.BadCountry = 0;
            return double.IsFinite(maxRes);
        }

        public double[][] CounterfactualFlows(double[] c, Evaluation e)
        {
            int n = N;
            var result = new double[S][];
            for (var s = 0; s < S; s++)
            {
                var wn = WNet[s];
                var x = new double[n * n];
                var row = s * n;
                for (var i = 0; i < n; i++)
                {
                    var ci = c[row + i];
                    for (var j = 0; j < n; j++)
                    {
                        x[i * n + j] = wn[i * n + j] * ci * e.K[row + j];
                    }
                }

                result[s] = x;
            }

            return result;
        }

        public GeResult BuildResult(double[] w, Evaluation e, double[][] flows, GeSolverDiagnostics diagnostics)
        {
            int n = N;
            var countries = new GeCountryResult[n];
            var rev1 = new double[n];
            if (Revenue)
            {
                for (var s = 0; s < S; s++)
                {
                    var inv = InvOnePlusTau[s];
                    if (inv is null)
                    {
                        continue;
                    }

                    for (var k = 0; k < n * n; k++)
                    {
                        // τ′ X′ with X′ at producer prices: τ′ = 1/inv − 1.
                        rev1[k % n] += flows[s][k] * (1 / inv[k] - 1);
                    }
                }
            }

            for (var i = 0; i < n; i++)
            {
                double ex0 = 0, ex1 = 0, im0 = 0, im1 = 0;
                for (var s = 0; s < S; s++)
                {
                    var x0 = Baseline.SectorFlows(s);
                    var x1 = flows[s];
                    for (var j = 0; j < n; j++)
                    {
                        if (j == i)
                        {
                            continue;
                        }

                        ex0 += x0[i * n + j];
                        ex1 += x1[i * n + j];
                        im0 += x0[j * n + i];
                        im1 += x1[j * n + i];
                    }
                }

                var lnP = 0.0;
                for (var s = 0; s < S; s++)
                {
                    var a = Alpha[s * n + i];
                    if (a > 0)
                    {
                        lnP += a * Math.Log(e.Phi[s * n + i]) / -Theta[s];
                    }
                }

                countries[i] = new GeCountryResult(
                    Baseline.Countries[i], w[i], Math.Exp(lnP), Y[i], Y[i] * w[i], ExpenditureGross[i], e.ExpenditureGross[i],
                    ex0, ex1, im0, im1, RevenueBaseline[i], rev1[i]);
            }

            return new GeResult(Baseline, Options, flows, countries, diagnostics);
        }

        private static int IndexOr(GeBaseline b, string code, string field) =>
            b.ContainsCountry(code) ? b.IndexOfCountry(code) : throw new ArgumentException($"{field}: country '{code}' is not in the baseline.", field);

        private static IEnumerable<int> SectorsOf(GeBaseline b, string? sector)
        {
            if (sector is null)
            {
                return Enumerable.Range(0, b.SectorCount);
            }

            try
            {
                return [b.IndexOfSector(sector)];
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"shock sector: '{sector}' is not in the baseline.", nameof(sector), ex);
            }
        }
    }
}
