using System.Globalization;
using static VietUsTrade.Sim.Models.GeneralEquilibrium.GeArrays;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>Baseline shares and shock factors in the solver's layout.</summary>
/// <remarks>
/// The N×N matrices of all sectors are stored back to back in single arrays of a <see cref="GeWorkspace"/> (sector s at
/// offset s·N²) that <see cref="Dispose"/> hands back, so a solve allocates only its small work vectors and its result.
/// <see cref="WNetT"/> and <see cref="WNetWT"/> are transposed (importer-major): the demand sums Σ_j over importers then
/// run as the same vector update across exporters as the price-index sums Σ_i across importers.
/// </remarks>
internal sealed class GeProblem : IDisposable
{
    /// <summary>The shock on one cell (sector, exporter, importer); cells not listed are unchanged.</summary>
    private struct ShockCell
    {
        public double LnB;
        public bool TariffSet;
        public double Tau0;
        public double Tau1;
    }

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

    internal int NN => N * N;

    public static GeProblem Create(GeBaseline b, GeShock shock, GeOptions o)
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

        return new GeProblem
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
    public bool Evaluate(double[] w, double[] c, GeEvaluation e)
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
    public double[][] CounterfactualFlows(double[] c, GeEvaluation e)
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
