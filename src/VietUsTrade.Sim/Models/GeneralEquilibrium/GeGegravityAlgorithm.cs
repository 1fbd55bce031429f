using System.Diagnostics;
using System.Globalization;
using static VietUsTrade.Sim.Models.GeneralEquilibrium.GeArrays;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>
/// The gegravity v0.3-compatible algorithm of <see cref="GeSolver"/> (one sector, iceberg): the conditional
/// multilateral-resistance hat system solved as a matrix balancing (see the remarks of <see cref="GeSolver"/>).
/// </summary>
internal static class GeGegravityAlgorithm
{
    internal static GeResult Solve(GeProblem p, Stopwatch watch)
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
                throw new ConvergenceException("GE gegravity-compatible multilateral-resistance system", "did not converge within the iteration cap", iterations, residual, GeExactAlgorithm.Settings(p.Options, double.NaN));
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
        var diagnostics = new GeSolverDiagnostics("gegravity v0.3-compatible (conditional MR hat system, matrix balancing)", iterations, residual, clearing, 1.0, watch.Elapsed);
        return GeResultBuilder.Gegravity(p, x, flows, pHat, bigPHat, diagnostics);
    }
}
