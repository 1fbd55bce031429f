using System.Globalization;
using static VietUsTrade.Sim.Models.GeneralEquilibrium.GeArrays;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>
/// Builds the <see cref="GeResult"/> of a solved <see cref="GeProblem"/>: per-country outcomes (factory-gate price,
/// price index, income, expenditure, exports, imports, tariff revenue) from the counterfactual flows.
/// </summary>
internal static class GeResultBuilder
{
    /// <summary>The result of <see cref="GeExactAlgorithm"/>: flows at producer prices and tariff revenue τ′X′.</summary>
    internal static GeResult Exact(GeProblem p, double[] w, GeEvaluation e, double[][] flows, GeSolverDiagnostics diagnostics)
    {
        int n = p.N;
        var countries = new GeCountryResult[n];
        var rev1 = new double[n];
        if (p.Revenue)
        {
            for (var s = 0; s < p.S; s++)
            {
                if (!p.Taxed[s])
                {
                    continue;
                }

                // τ′ X′ with X′ at producer prices: τ′ = 1/inv − 1 (zero off the shocked cells).
                var off = s * p.NN;
                for (var q = p.SectorStart[s]; q < p.SectorStart[s + 1]; q++)
                {
                    var k = p.ShockIds[q] - off;
                    rev1[k % n] += flows[s][k] * (1 / p.InvOnePlusTau![off + k] - 1);
                }
            }
        }

        // Imports Σ_s Σ_(j≠i) X_ji,s in (s, j) order, as vector updates across i that skip the diagonal.
        var im0 = new double[n];
        var im1 = new double[n];
        for (var s = 0; s < p.S; s++)
        {
            var x0 = p.Baseline.SectorFlows(s);
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
            for (var s = 0; s < p.S; s++)
            {
                var x0 = p.Baseline.SectorFlows(s);
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
            for (var s = 0; s < p.S; s++)
            {
                var a = p.Alpha[s * n + i];
                if (a > 0)
                {
                    lnP += a * Math.Log(e.Phi[s * n + i]) / -p.Theta[s];
                }
            }

            countries[i] = new GeCountryResult(
                p.Baseline.Countries[i], w[i], Math.Exp(lnP), p.Y[i], p.Y[i] * w[i], p.ExpenditureGross[i], e.ExpenditureGross[i],
                ex0, ex1, im0[i], im1[i], p.RevenueBaseline[i], rev1[i]);
        }

        return new GeResult(p.Baseline, p.Options, flows, countries, diagnostics);
    }

    /// <summary>The result of <see cref="GeGegravityAlgorithm"/> (one sector, no revenue).</summary>
    internal static GeResult Gegravity(GeProblem p, double[] x, double[] flows, double[] pHat, double[] bigPHat, GeSolverDiagnostics diagnostics)
    {
        int n = p.N;
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

        return new GeResult(p.Baseline, p.Options, [flows], countries, diagnostics);
    }
}
