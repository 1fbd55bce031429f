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
        GeResult result;
        using (var p = Prepared.Create(baseline, shock, options))
        {
            result = options.Mode == GeSolutionMode.Exact ? SolveExact(p, watch) : SolveGegravity(p, watch);
        }

        GeKernelsWide.Enable();
        return result;
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
        var relax = Ones(n);
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
            m[k] = x[k] * p.Shift![k];
        }

        // Matrix balancing: v_i = 1/b̂_i, u_j = 1/â_j with Σ_j M_ij u_j v_i = Y_i and Σ_i M_ij u_j v_i = E_j.
        var u = Ones(n);
        var v = Ones(n);
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

    private static double[] Ones(int n)
    {
        var a = new double[n];
        Fill(a, 0, n, 1.0);
        return a;
    }

    private static void Fill(double[] a, int start, int length, double value)
    {
        for (var q = start; q < start + length; q++)
        {
            a[q] = value;
        }
    }

    /// <summary>A span over part of an array (without the generic AsSpan extension, which ReadyToRun leaves to the JIT).</summary>
    private static Span<double> Seg(double[] a, int start, int length) => new(a, start, length);

    /// <summary>Work arrays of one evaluation of the excess-demand system, allocated once per solve.</summary>
    private sealed class Evaluation(int n, int s)
    {
        public double[] Phi { get; } = new double[s * n];

        public double[] K { get; } = new double[s * n];

        public double[] ExpenditureGross { get; } = new double[n];

        public double[] Demand { get; } = new double[n];

        public double[] OwnDerivative { get; } = new double[n];

        public double[] KOverPhi { get; } = new double[s * n];

        /// <summary>Σ_s α τ′/(1+τ′) λ′ per importer (revenue treatment).</summary>
        public double[] TaxShare { get; } = new double[n];

        /// <summary>Σ_i λ B T τ′/(1+τ′) ĉ_i per importer, one sector at a time.</summary>
        public double[] TaxAcc { get; } = new double[n];

        /// <summary>Σ_j WNet_ij k_j per exporter, one sector at a time.</summary>
        public double[] Acc { get; } = new double[n];

        /// <summary>Σ_j WNetW_ij (k/Φ)_j per exporter, one sector at a time.</summary>
        public double[] Acc2 { get; } = new double[n];

        /// <summary>The own-price term −Σ_s θ_s (…) per exporter.</summary>
        public double[] OwnPrice { get; } = new double[n];

        /// <summary>Σ_s X′_ii,s per country.</summary>
        public double[] Domestic { get; } = new double[n];

        public double Kappa { get; set; }

        public double MaxResidual { get; set; }

        public int BadCountry { get; set; } = -1;
    }

    /// <summary>The shock on one cell (sector, exporter, importer); cells not listed are unchanged.</summary>
    private struct ShockCell
    {
        public double LnB;
        public bool TariffSet;
        public double Tau0;
        public double Tau1;
    }

    /// <summary>Baseline shares and shock factors in the solver's layout.</summary>
    /// <remarks>
    /// The N×N matrices of all sectors are stored back to back in single arrays of a <see cref="GeWorkspace"/> (sector s at
    /// offset s·N²) that <see cref="Dispose"/> hands back, so a solve allocates only its small work vectors and its result.
    /// <see cref="WNetT"/> and <see cref="WNetWT"/> are transposed (importer-major): the demand sums Σ_j over importers then
    /// run as the same vector update across exporters as the price-index sums Σ_i across importers.
    /// </remarks>
    private sealed class Prepared : IDisposable
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

        /// <summary>λ·B·T at [s*n*n + i*n + j] (workspace).</summary>
        public required double[] W { get; init; }

        /// <summary>λ·B·T/(1+τ′) at [s*n*n + j*n + i], transposed (workspace).</summary>
        public required double[] WNetT { get; init; }

        /// <summary>
        /// (λ·B·T)²/(1+τ′) at [s*n*n + j*n + i], transposed, for the sectors in <see cref="Taxed"/>, or null when none
        /// (workspace): the own-price feedback through the importer's price index. Elsewhere it is the square of <see cref="WNetT"/>.
        /// </summary>
        public required double[]? WNetWT { get; init; }

        /// <summary>λ·B·T·τ′/(1+τ′) at [s*n*n + i*n + j] for the sectors in <see cref="Taxed"/>, or null when none (workspace).</summary>
        public required double[]? WTax { get; init; }

        /// <summary>1/(1+τ′) at [s*n*n + i*n + j] for the sectors in <see cref="Taxed"/>, or null when none (workspace).</summary>
        public required double[]? InvOnePlusTau { get; init; }

        /// <summary>The cells (s*n*n + i*n + j) the shock touches, ascending; every other cell is unchanged.</summary>
        public required int[] ShockIds { get; init; }

        /// <summary>Sector s's cells are <see cref="ShockIds"/>[SectorStart[s] .. SectorStart[s+1]).</summary>
        public required int[] SectorStart { get; init; }

        /// <summary>Holds the N×N matrices; released by <see cref="Dispose"/>.</summary>
        public required GeWorkspace Workspace { get; init; }

        /// <summary>Whether a sector has a tariff in the revenue treatment.</summary>
        public required bool[] Taxed { get; init; }

        /// <summary>B·T (the iceberg-equivalent shift) of sector 0 at [i*n+j]; only in the gegravity-compatible mode.</summary>
        public required double[]? Shift { get; init; }

        public required double[] StepScale { get; init; }

        public int RefIndex { get; init; }

        public bool Revenue { get; init; }

        private int NN => N * N;

        public static Prepared Create(GeBaseline b, GeShock shock, GeOptions o)
        {
            int n = b.CountryCount, sCount = b.SectorCount, nn = n * n;
            var sigma = new double[sCount];
            var theta = new double[sCount];
            for (var s = 0; s < sCount; s++)
            {
                sigma[s] = o.Elasticities.SigmaOf(b.Sectors[s]);
                theta[s] = sigma[s] - 1;
            }

            var refIndex = o.Normalization.IsWorldOutput ? -1 : IndexOr(b, o.Normalization.ReferenceCountry!, "normalization");
            var revenue = o.TariffTreatment == GeTariffTreatment.Revenue;

            // The shock touches few cells: collect them by cell id s·N² + i·N + j (applied in the shock's order, as the dense
            // arrays of ln B, τ and τ′ were), sorted by id so that each sector's cells are walked in cell order beside the
            // dense loops below. Plain arrays and a Dictionary<int, int>: nothing a ReadyToRun build leaves to the JIT.
            var slotOf = new Dictionary<int, int>();
            var slots = new ShockCell[8];
            var slotIds = new int[8];
            ref ShockCell Slot(int id)
            {
                if (!slotOf.TryGetValue(id, out var q))
                {
                    q = slotOf.Count;
                    if (q == slots.Length)
                    {
                        var grownSlots = new ShockCell[2 * q];
                        var grownIds = new int[2 * q];
                        Array.Copy(slots, grownSlots, q);
                        Array.Copy(slotIds, grownIds, q);
                        (slots, slotIds) = (grownSlots, grownIds);
                    }

                    slotOf.Add(id, q);
                    slotIds[q] = id;
                }

                return ref slots[q];
            }

            var hasTax = new bool[sCount];
            foreach (var cc in shock.CostChanges)
            {
                var k = IndexOr(b, cc.Exporter, "shock exporter") * n + IndexOr(b, cc.Importer, "shock importer");
                foreach (var s in SectorsOf(b, cc.Sector))
                {
                    Slot(s * nn + k).LnB += cc.DeltaLogCost;
                }
            }

            foreach (var t in shock.TariffChanges)
            {
                var k = IndexOr(b, t.Exporter, "tariff exporter") * n + IndexOr(b, t.Importer, "tariff importer");
                foreach (var s in SectorsOf(b, t.Sector))
                {
                    ref var cell = ref Slot(s * nn + k);

                    // A sector-specific entry overrides an all-sector entry for the same pair.
                    if (cell.TariffSet && t.Sector is null)
                    {
                        continue;
                    }

                    cell.TariffSet = true;
                    cell.Tau0 = t.BaselineRate;
                    cell.Tau1 = t.NewRate;
                    if (t.NewRate > 0)
                    {
                        hasTax[s] = true;
                    }
                }
            }

            var shockIds = new int[slotOf.Count];
            Array.Copy(slotIds, shockIds, shockIds.Length);
            Array.Sort(shockIds);
            var shockCells = new ShockCell[shockIds.Length];
            for (var q = 0; q < shockIds.Length; q++)
            {
                shockCells[q] = slots[slotOf[shockIds[q]]];
            }

            var sectorStart = new int[sCount + 1];
            for (int s = 0, q = 0; s <= sCount; s++)
            {
                while (q < shockIds.Length && shockIds[q] < s * nn)
                {
                    q++;
                }

                sectorStart[s] = q;
            }

            var y = b.Output.ToArray();
            var eNet = b.Expenditure.ToArray();
            var eGross = new double[n];
            var rev0 = new double[n];
            var alpha = new double[sCount * n];
            var phi0 = new double[n];
            var colGross = new double[sCount * n];
            var outputShare = new double[sCount * n];
            var row = new double[n];
            for (var s = 0; s < sCount; s++)
            {
                // colGross_j = Σ_i X_ij (1 + τ_ij) in i order; rev0_j gains X_ij τ_ij (zero off the shocked cells).
                var x = b.SectorFlows(s);
                var col = Seg(colGross, s * n, n);
                var next = sectorStart[s];
                var end = sectorStart[s + 1];
                for (var i = 0; i < n; i++)
                {
                    ReadOnlySpan<double> xi = Seg(x, i * n, n);
                    if (revenue && next < end && shockIds[next] - s * nn < (i + 1) * n)
                    {
                        Array.Copy(x, i * n, row, 0, n);
                        for (; next < end && shockIds[next] - s * nn < (i + 1) * n; next++)
                        {
                            var k = shockIds[next] - s * nn;
                            var g = x[k] * (1 + shockCells[next].Tau0);
                            row[k - i * n] = g;
                            rev0[k - i * n] += g - x[k];
                        }

                        xi = row;
                    }

                    GeKernels.MultiplyAddTo(col, xi, 1.0);
                }

                GeKernels.RowSums(Seg(outputShare, s * n, n), x, n);
            }

            for (var s = 0; s < sCount; s++)
            {
                for (var j = 0; j < n; j++)
                {
                    eGross[j] += colGross[s * n + j];
                }
            }

            var taxed = new bool[sCount];
            var anyTaxed = false;
            for (var s = 0; s < sCount; s++)
            {
                taxed[s] = revenue && hasTax[s];
                anyTaxed |= taxed[s];
            }

            var workspace = GeWorkspace.Take();
            var w = workspace.W(sCount * nn);
            var wNetT = workspace.WNetT(sCount * nn);
            var wNetWT = anyTaxed ? workspace.WNetWT(sCount * nn) : null;
            var wTax = anyTaxed ? workspace.WTax(sCount * nn) : null;
            var inv = anyTaxed ? workspace.InvOnePlusTau(sCount * nn) : null;
            var shift = o.Mode == GeSolutionMode.GegravityCompatible ? new double[nn] : null;
            for (var s = 0; s < sCount; s++)
            {
                var x = b.SectorFlows(s);
                var off = s * nn;
                var col = Seg(colGross, s * n, n);
                for (var j = 0; j < n; j++)
                {
                    alpha[s * n + j] = colGross[s * n + j] / eGross[j];
                }

                // Unshocked cells: λ·B·T = X_ij / colGross_j (0 for an empty column), no tax wedge (1/(1+τ′) = 1), shift 1.
                var ws = Seg(w, off, nn);
                for (var i = 0; i < n; i++)
                {
                    GeKernels.DivideOrZero(ws.Slice(i * n, n), Seg(x, i * n, n), col);
                }

                if (taxed[s])
                {
                    Fill(inv!, off, nn, 1.0);
                    Array.Clear(wTax!, off, nn);
                }

                if (shift is not null && s == 0)
                {
                    Fill(shift, 0, nn, 1.0);
                }

                // Shocked cells, as the dense formula has them.
                for (var q = sectorStart[s]; q < sectorStart[s + 1]; q++)
                {
                    var k = shockIds[q] - off;
                    var cell = shockCells[q];
                    var c = colGross[s * n + (k % n)];
                    var lambda = c > 0 ? (revenue ? x[k] * (1 + cell.Tau0) : x[k]) / c : 0.0;
                    var tFactor = cell.TariffSet ? Math.Pow((1 + cell.Tau1) / (1 + cell.Tau0), -theta[s]) : 1.0;
                    var f = cell.LnB == 0 ? tFactor : Math.Exp(cell.LnB) * tFactor;
                    if (shift is not null && s == 0)
                    {
                        shift[k] = f;
                    }

                    var wk = lambda * f;
                    w[off + k] = wk;
                    if (taxed[s])
                    {
                        var iv = 1 / (1 + cell.Tau1);
                        inv![off + k] = iv;
                        wTax![off + k] = wk * (1 - iv);
                    }
                }

                // The transposed net weights λBT/(1+τ′) and, for taxed sectors, λBT · λBT/(1+τ′).
                GeKernels.Transpose(Seg(wNetT, off, nn), ws, n);
                if (taxed[s])
                {
                    for (var q = sectorStart[s]; q < sectorStart[s + 1]; q++)
                    {
                        var k = shockIds[q] - off;
                        var t = off + (k % n) * n + k / n;
                        wNetT[t] = w[off + k] * inv![off + k];
                    }

                    GeKernels.ScaleMultiply(Seg(wNetWT!, off, nn), Seg(wNetT, off, nn), 1.0, Seg(wNetT, off, nn));
                    for (var q = sectorStart[s]; q < sectorStart[s + 1]; q++)
                    {
                        var k = shockIds[q] - off;
                        var t = off + (k % n) * n + k / n;
                        wNetWT![t] = w[off + k] * wNetT[t];
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
                WNetT = wNetT,
                WNetWT = wNetWT,
                WTax = wTax,
                InvOnePlusTau = inv,
                ShockIds = shockIds,
                SectorStart = sectorStart,
                Workspace = workspace,
                Taxed = taxed,
                Shift = shift,
                StepScale = stepScale,
                RefIndex = refIndex,
                Revenue = revenue,
            };
        }

        public void Dispose() => Workspace.Release();

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

                var off = s * NN;
                double phi = 0;
                for (var i = 0; i < N; i++)
                {
                    phi += W[off + i * N + j] * c[s * N + i];
                }

                lnP += a * Math.Log(phi) / -Theta[s];
            }

            return lnP;
        }

        /// <summary>Computes Φ, expenditure, demand and the residual at ŵ; false when some expenditure is not positive.</summary>
        /// <remarks>Allocation-free; every sum runs in the order of the scalar definition (see <see cref="GeKernels"/>).</remarks>
        public bool Evaluate(double[] w, double[] c, Evaluation e)
        {
            int n = N, nn = NN;
            var phi = e.Phi;
            Array.Clear(phi);
            var taxShare = Revenue ? e.TaxShare : null;
            var taxAcc = e.TaxAcc;
            if (taxShare is not null)
            {
                Array.Clear(taxShare);
            }

            for (var s = 0; s < S; s++)
            {
                var off = s * nn;
                var row = s * n;
                var taxed = Taxed[s];
                if (taxed)
                {
                    Array.Clear(taxAcc);
                }

                // Φ_j,s = Σ_i W_ij ĉ_i, accumulated over i as a vector update across j.
                var phiS = Seg(phi, row, n);
                for (var i = 0; i < n; i++)
                {
                    var ci = c[row + i];
                    if (taxed)
                    {
                        GeKernels.MultiplyAddTo(phiS, Seg(W, off + i * n, n), ci, taxAcc, Seg(WTax!, off + i * n, n), ci);
                    }
                    else
                    {
                        GeKernels.MultiplyAddTo(phiS, Seg(W, off + i * n, n), ci);
                    }
                }

                if (taxed)
                {
                    for (var j = 0; j < n; j++)
                    {
                        var a = Alpha[row + j];
                        if (a > 0)
                        {
                            taxShare![j] += a * taxAcc[j] / phi[row + j];
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
            var own = e.OwnPrice;
            var domestic = e.Domestic;
            Array.Clear(demand);
            Array.Clear(own);
            Array.Clear(domestic);
            var acc = e.Acc;
            var acc2 = e.Acc2;
            for (var s = 0; s < S; s++)
            {
                var off = s * nn;
                var row = s * n;

                // acc_i = Σ_j WNet_ij k_j and acc2_i = Σ_j WNetW_ij kp_j, accumulated over j as vector updates across i.
                Array.Clear(acc);
                Array.Clear(acc2);
                var taxed = Taxed[s];
                for (var j = 0; j < n; j++)
                {
                    if (taxed)
                    {
                        GeKernels.MultiplyAddTo(acc, Seg(WNetT, off + j * n, n), k[row + j], acc2, Seg(WNetWT!, off + j * n, n), kp[row + j]);
                    }
                    else
                    {
                        // WNet·W = WNet² when the sector has no tariff wedge.
                        GeKernels.MultiplyAddSquareTo(acc, acc2, Seg(WNetT, off + j * n, n), k[row + j], kp[row + j]);
                    }
                }

                var th = Theta[s];
                for (var i = 0; i < n; i++)
                {
                    var ci = c[row + i];
                    demand[i] += ci * acc[i];
                    own[i] -= th * (ci * acc[i] - ci * ci * acc2[i]);
                    domestic[i] += WNetT[off + i * n + i] * ci * k[row + i];
                }
            }

            var ownDerivative = e.OwnDerivative;
            double totalDemand = 0, totalSupply = 0;
            for (var i = 0; i < n; i++)
            {
                // ∂ demand_i / ∂ ln ŵ_i = −Σ_s θ_s Σ_j X′_ij,s (1 − λ′_ij,s) + (∂ ln I_i / ∂ ln ŵ_i) Σ_s X′_ii,s.
                var incomeElasticity = additive ? Y[i] * w[i] / (Y[i] * w[i] + Deficit[i]) : 1.0;
                ownDerivative[i] = own[i] + incomeElasticity * domestic[i];
                totalDemand += demand[i];
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

        /// <summary>X′_ij,s = (λBT/(1+τ′))_ij ĉ_i k_j, row by row.</summary>
        public double[][] CounterfactualFlows(double[] c, Evaluation e)
        {
            int n = N;
            var result = new double[S][];
            for (var s = 0; s < S; s++)
            {
                var off = s * NN;
                var x = new double[n * n];
                var row = s * n;
                var k = Seg(e.K, row, n);
                for (var i = 0; i < n; i++)
                {
                    var xi = Seg(x, i * n, n);
                    ReadOnlySpan<double> wNet = Seg(W, off + i * n, n);
                    if (Taxed[s])
                    {
                        GeKernels.ScaleMultiply(xi, wNet, 1.0, Seg(InvOnePlusTau!, off + i * n, n));
                        wNet = xi;
                    }

                    GeKernels.ScaleMultiply(xi, wNet, c[row + i], k);
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
                    if (!Taxed[s])
                    {
                        continue;
                    }

                    // τ′ X′ with X′ at producer prices: τ′ = 1/inv − 1 (zero off the shocked cells).
                    var off = s * NN;
                    for (var q = SectorStart[s]; q < SectorStart[s + 1]; q++)
                    {
                        var k = ShockIds[q] - off;
                        rev1[k % n] += flows[s][k] * (1 / InvOnePlusTau![off + k] - 1);
                    }
                }
            }

            // Imports Σ_s Σ_(j≠i) X_ji,s in (s, j) order, as vector updates across i that skip the diagonal.
            var im0 = new double[n];
            var im1 = new double[n];
            for (var s = 0; s < S; s++)
            {
                var x0 = Baseline.SectorFlows(s);
                var x1 = flows[s];
                for (var j = 0; j < n; j++)
                {
                    GeKernels.MultiplyAddTo(Seg(im0, 0, j), Seg(x0, j * n, j), 1.0);
                    GeKernels.MultiplyAddTo(Seg(im0, j + 1, n - j - 1), Seg(x0, j * n + j + 1, n - j - 1), 1.0);
                    GeKernels.MultiplyAddTo(Seg(im1, 0, j), Seg(x1, j * n, j), 1.0);
                    GeKernels.MultiplyAddTo(Seg(im1, j + 1, n - j - 1), Seg(x1, j * n + j + 1, n - j - 1), 1.0);
                }
            }

            for (var i = 0; i < n; i++)
            {
                double ex0 = 0, ex1 = 0;
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
                    ex0, ex1, im0[i], im1[i], RevenueBaseline[i], rev1[i]);
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
