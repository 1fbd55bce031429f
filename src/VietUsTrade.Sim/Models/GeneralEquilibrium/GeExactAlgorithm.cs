using System.Diagnostics;
using System.Globalization;
using static VietUsTrade.Sim.Models.GeneralEquilibrium.GeArrays;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>
/// The exact-hat-algebra algorithm of <see cref="GeSolver"/>: a damped fixed point on ln ŵ with a diagonal-Newton step
/// on the excess-demand system of <see cref="GeProblem.Evaluate"/> (see the remarks of <see cref="GeSolver"/>).
/// </summary>
internal static class GeExactAlgorithm
{
    internal const string ExactModel = "GE exact hat algebra (structural gravity)";

    internal static string Settings(GeOptions o, double damping) => string.Create(CultureInfo.InvariantCulture,
        $"tolerance {o.Tolerance:G3}, max iterations {o.MaxIterations}, damping {(double.IsNaN(damping) ? o.Damping : damping):G3}, closure {o.Closure}, tariff treatment {o.TariffTreatment}");

    internal static GeResult Solve(GeProblem p, Stopwatch watch)
    {
        int n = p.N, sCount = p.S;
        var o = p.Options;
        var lnW = new double[n];
        var w = new double[n];
        var c = new double[sCount * n];
        var eval = new GeEvaluation(n, sCount);
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
        return GeResultBuilder.Exact(p, w, eval, flows, diagnostics);
    }

    private static void Normalize(GeProblem p, double[] lnW, double[] w, double[] c)
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
}
