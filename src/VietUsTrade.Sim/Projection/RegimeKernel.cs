using VietUsTrade.Sim.Models.PartialEquilibrium;

namespace VietUsTrade.Sim.Projection;

/// <summary>
/// The exact CES import response (ω = ∞, the closed form of <see cref="PeSolver"/>) aggregated by supplier, for one
/// tariff vector and many elasticity scales: ln τ of every cell is computed once, then each scale costs one exp per
/// changed cell. Falls back to <see cref="PeSolver.Solve"/> when a line's closed form is not finite.
/// </summary>
internal sealed class RegimeKernel : IRegimeResponse
{
    private readonly PeProblem _problem;
    private readonly double[] _t1;
    private readonly double[] _lnTau;
    private readonly int _vn;

    public RegimeKernel(PeProblem problem, double[] tariffs1, int vietnamSupplier)
    {
        _problem = problem;
        _t1 = tariffs1;
        _vn = vietnamSupplier;
        var t0 = problem.T0;
        _lnTau = new double[t0.Length];
        for (var c = 0; c < t0.Length; c++)
        {
            _lnTau[c] = tariffs1[c] == t0[c] ? 0.0 : Math.Log((1.0 + tariffs1[c]) / (1.0 + t0[c]));
        }
    }

    /// <summary>New imports by supplier and Vietnam's new duty, with every line's σ and ε multiplied by <paramref name="scale"/> (σ ≤ 1000, ε ≤ 50).</summary>
    public void Evaluate(double scale, Span<double> supplierNew, out double vietnamRevenue)
    {
        var p = _problem;
        var offsets = p.Offsets;
        var values = p.Values;
        var t0 = p.T0;
        var sup = p.Suppliers;
        supplierNew.Clear();
        vietnamRevenue = 0;
        for (var i = 0; i < p.LineCount; i++)
        {
            var a = offsets[i];
            var b = offsets[i + 1];
            var e0 = p.LineE0[i];
            if (e0 <= 0)
            {
                continue;
            }

            var (sigma, eps) = p.ScaledElasticities(i, scale);
            var oms = 1.0 - sigma;
            double x;
            var cobbDouglas = oms == 0.0;
            double acc = 0;
            for (var k = a; k < b; k++)
            {
                var lt = _lnTau[k];
                if (lt != 0.0 && values[k] != 0.0)
                {
                    var w = (1.0 + t0[k]) * values[k];
                    acc += cobbDouglas ? w * lt : w * Expm1(oms * lt);
                }
            }

            x = cobbDouglas ? acc / e0 : PeMath.Log1p(acc / e0) / oms;
            if (!double.IsFinite(x))
            {
                Fallback(scale, supplierNew, out vietnamRevenue);
                return;
            }

            var pq = Math.Exp((sigma - eps) * x);
            for (var k = a; k < b; k++)
            {
                var v = values[k];
                if (v == 0.0)
                {
                    continue;
                }

                var lt = _lnTau[k];
                var nv = lt == 0.0 ? v * pq : v * Math.Exp(((sigma - eps) * x) - (sigma * lt));
                supplierNew[sup[k]] += nv;
                if (sup[k] == _vn)
                {
                    vietnamRevenue += _t1[k] * nv;
                }
            }
        }
    }

    internal static double Expm1(double z) => Math.Abs(z) < 1e-3 ? PeMath.Expm1(z) : Math.Exp(z) - 1.0;

    private void Fallback(double scale, Span<double> supplierNew, out double vietnamRevenue)
    {
        var eps = new double[_problem.LineCount];
        var sig = new double[_problem.LineCount];
        for (var i = 0; i < eps.Length; i++)
        {
            eps[i] = Math.Min(_problem.Epsilon[i] * scale, PeProblem.MaxImportDemandElasticity);
            sig[i] = Math.Min(_problem.Sigma[i] * scale, PeProblem.MaxSubstitutionElasticity);
        }

        var r = PeSolver.Solve(_problem.WithTariffs1(_t1).WithElasticities(eps, sig));
        supplierNew.Clear();
        for (var k = 0; k < r.SupplierTotals.Count; k++)
        {
            supplierNew[k] = r.SupplierTotals[k].NewImports;
        }

        vietnamRevenue = r.SupplierTotals[_vn].NewRevenue;
    }
}
