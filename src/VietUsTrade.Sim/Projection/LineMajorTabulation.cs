using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using VietUsTrade.Sim.Models.PartialEquilibrium;

namespace VietUsTrade.Sim.Projection;

/// <summary>
/// <see cref="RegimeKernel.Evaluate"/> for many tariff vectors (regimes × share nodes) and many elasticity scales at once,
/// line by line, computing each line's response once per distinct tariff slice of the line: a line whose rates are the
/// same in several regimes (most lines in most regimes: a change of the timeline reaches some lines or some suppliers)
/// costs the exps of one. The result is bit for bit that of <see cref="RegimeKernel.Evaluate"/> per vector and scale.
/// </summary>
/// <remarks>
/// <para><b>Why the bits do not change.</b> The per-cell arithmetic is <see cref="RegimeKernel.Evaluate"/>'s, expression
/// for expression, and depends on the line's slice of the tariff vector only (bitwise equal slices give bitwise equal
/// values). Each accumulator — supplier k's imports, Vietnam's duty, at one (vector, scale) — receives its additions in
/// the same order as in the vector-by-vector loop: lines in order, cells in order. Work is split between threads by
/// scale, never by line, so no accumulator is ever summed in parts. A (vector, scale) at which some line's closed form is
/// not finite is recomputed afterwards by <see cref="RegimeKernel.Evaluate"/>, which takes its exact-solver fallback.</para>
/// <para>The technique is common-subexpression elimination across the tabulation (memoising the line-level response
/// on its inputs); loop interchange (regime-major to line-major) keeps every reduction in its original order.</para>
/// </remarks>
internal static class LineMajorTabulation
{
    /// <summary>Evaluates every tariff vector at every scale.</summary>
    /// <param name="problem">The PE problem (t0 = the 2024 rates).</param>
    /// <param name="vietnamSupplier">Vietnam's supplier index.</param>
    /// <param name="tariffs1">The tariff vectors (cells in the problem's order).</param>
    /// <param name="scales">The elasticity scales.</param>
    /// <param name="supplierNew">Written: new imports by supplier, [(v × scales + x) × suppliers + k].</param>
    /// <param name="vietnamRevenue">Written: Vietnam's duty, [v × scales + x].</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The line evaluations done (distinct slices × scales, summed over lines): a diagnostic.</returns>
    public static long Run(PeProblem problem, int vietnamSupplier, IReadOnlyList<double[]> tariffs1, double[] scales, double[] supplierNew, double[] vietnamRevenue,
        CancellationToken cancellationToken)
    {
        var p = problem;
        var nv = tariffs1.Count;
        var nx = scales.Length;
        if (nv == 0 || nx == 0)
        {
            return 0;
        }

        var suppliers = supplierNew.Length / (nv * nx);
        if (supplierNew.Length != nv * nx * suppliers || vietnamRevenue.Length != nv * nx || p.Suppliers.Any(k => (uint)k >= (uint)suppliers)
            || tariffs1.Any(t => t.Length != p.CellCount))
        {
            throw new ArgumentException("The outputs must hold vectors × scales × suppliers values (every cell's supplier below the width) and every vector one rate per cell.");
        }

        Array.Clear(supplierNew);
        Array.Clear(vietnamRevenue);
        var lines = p.LineCount;

        // Pass 1 (by line, any order): the distinct slices of each line across the vectors and ln τ of each.
        var classOf = new int[lines * nv];   // the vector whose slice stands for vector v on line i
        var reps = new LineSlices[lines];
        Parallel.For(0, lines, new ParallelOptions { CancellationToken = cancellationToken }, () => new (long Hash, int V)[nv], (i, _, hashes) =>
        {
            var a = p.Offsets[i];
            var n = p.Offsets[i + 1] - a;
            var count = 0;
            for (var v = 0; v < nv; v++)
            {
                var bits = MemoryMarshal.Cast<double, long>(tariffs1[v].AsSpan(a, n));
                var h = Hash(bits);
                var found = -1;
                for (var r = 0; r < count; r++)
                {
                    if (hashes[r].Hash == h && bits.SequenceEqual(MemoryMarshal.Cast<double, long>(tariffs1[hashes[r].V].AsSpan(a, n))))
                    {
                        found = hashes[r].V;
                        break;
                    }
                }

                if (found < 0)
                {
                    hashes[count++] = (h, v);
                    found = v;
                }

                classOf[(i * nv) + v] = found;
            }

            var rep = new int[count];
            var lt = new double[count * n];
            var same = new int[count * n];
            var dup = new int[count * n];
            var t0 = p.T0;
            for (var r = 0; r < count; r++)
            {
                rep[r] = hashes[r].V;
                var t1 = tariffs1[rep[r]];
                for (var c = 0; c < n; c++)
                {
                    var k = a + c;
                    var x = t1[k] == t0[k] ? 0.0 : Math.Log((1.0 + t1[k]) / (1.0 + t0[k]));
                    lt[(r * n) + c] = x;
                    var first = r;
                    for (var e = 0; e < r; e++)
                    {
                        if (BitConverter.DoubleToInt64Bits(lt[(e * n) + c]) == BitConverter.DoubleToInt64Bits(x))
                        {
                            first = e;
                            break;
                        }
                    }

                    same[(r * n) + c] = first;
                }

                // Within the slice: the first cell with the same ln τ (both with a value and a changed rate), whose exps it shares.
                for (var c = 0; c < n; c++)
                {
                    var x = lt[(r * n) + c];
                    var twin = c;
                    if (x != 0.0 && p.Values[a + c] != 0.0)
                    {
                        for (var e = 0; e < c; e++)
                        {
                            if (p.Values[a + e] != 0.0 && BitConverter.DoubleToInt64Bits(lt[(r * n) + e]) == BitConverter.DoubleToInt64Bits(x))
                            {
                                twin = e;
                                break;
                            }
                        }
                    }

                    dup[(r * n) + c] = twin;
                }
            }

            // The vectors each rep stands for, grouped by rep: members[memberStart[r] .. memberStart[r + 1]).
            var memberStart = new int[count + 1];
            var memberList = new int[nv];
            for (var v = 0; v < nv; v++)
            {
                memberStart[Array.IndexOf(rep, classOf[(i * nv) + v]) + 1]++;
            }

            for (var r = 0; r < count; r++)
            {
                memberStart[r + 1] += memberStart[r];
            }

            var fill = (int[])memberStart.Clone();
            for (var v = 0; v < nv; v++)
            {
                memberList[fill[Array.IndexOf(rep, classOf[(i * nv) + v])]++] = v;
            }

            var vnCell = -1;
            for (var k = a; k < a + n; k++)
            {
                if (p.Suppliers[k] == vietnamSupplier)
                {
                    if (vnCell >= 0)
                    {
                        throw new InvalidOperationException($"Line {i} has two cells of Vietnam.");
                    }

                    vnCell = k;
                }
            }

            reps[i] = new LineSlices(rep, lt, same, dup, memberStart, memberList, vnCell);
            return hashes;
        }, _ => { });

        // Pass 2 (by scale chunk; lines in order within each): evaluate each distinct slice, add it to every vector it stands for.
        var failed = new bool[nv * nx];
        var items = 4 * Environment.ProcessorCount; // a few scale chunks per core: balance without reading the line data too often
        var chunk = Math.Max(1, (nx + items - 1) / items);
        var chunks = (nx + chunk - 1) / chunk;
        long evaluations = 0;
        Parallel.For(0, chunks, new ParallelOptions { CancellationToken = cancellationToken }, ch =>
        {
            var x0 = ch * chunk;
            var x1 = Math.Min(nx, x0 + chunk);
            var values = p.Values;
            var cellSupplier = p.Suppliers;
            var cellNew = new double[p.MaxLineCells];
            var terms = new double[p.MaxLineCells * Math.Max(1, nv)];
            var expm1 = new double[p.MaxLineCells * Math.Max(1, nv)];
            var exps = new double[p.MaxLineCells];
            long done = 0;
            for (var i = 0; i < lines; i++)
            {
                if ((i & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var e0 = p.LineE0[i];
                if (e0 <= 0)
                {
                    continue;
                }

                var a = p.Offsets[i];
                var b = p.Offsets[i + 1];
                var n = b - a;
                var line = reps[i];
                var rep = line.Reps;
                for (var xi = x0; xi < x1; xi++)
                {
                    for (var r = 0; r < rep.Length; r++)
                    {
                        done++;
                        var members = line.Members.AsSpan(line.MemberStart[r], line.MemberStart[r + 1] - line.MemberStart[r]);
                        if (!LineResponse(p, i, a, b, line.LnTau.AsSpan(r * n, n), line.Same.AsSpan(r * n, n), line.Twin.AsSpan(r * n, n), r, terms, expm1, exps, scales[xi], cellNew))
                        {
                            foreach (var v in members)
                            {
                                failed[(v * nx) + xi] = true;
                            }

                            continue;
                        }

                        // Vietnam has at most one cell per line, so its duty gets one addition per line, in line order, as in the kernel.
                        var vnCell = line.VietnamCell;
                        var duty = vnCell >= 0 && values[vnCell] != 0.0 ? tariffs1[rep[r]][vnCell] * cellNew[vnCell - a] : 0.0;
                        ref var cellSupplierOfLine = ref MemoryMarshal.GetArrayDataReference(cellSupplier);
                        ref var newOfLine = ref MemoryMarshal.GetArrayDataReference(cellNew);
                        foreach (var v in members)
                        {
                            // Supplier indices were checked against the accumulator width on entry: no bounds checks here.
                            ref var dst = ref supplierNew[((v * nx) + xi) * suppliers];
                            for (var k = a; k < b; k++)
                            {
                                if (values[k] != 0.0)
                                {
                                    Unsafe.Add(ref dst, Unsafe.Add(ref cellSupplierOfLine, k)) += Unsafe.Add(ref newOfLine, k - a);
                                }
                            }

                            if (vnCell >= 0 && values[vnCell] != 0.0)
                            {
                                vietnamRevenue[(v * nx) + xi] += duty;
                            }
                        }
                    }
                }
            }

            Interlocked.Add(ref evaluations, done);
        });

        for (var v = 0; v < nv; v++)
        {
            RegimeKernel? kernel = null;
            for (var xi = 0; xi < nx; xi++)
            {
                if (failed[(v * nx) + xi])
                {
                    kernel ??= new RegimeKernel(p, tariffs1[v], vietnamSupplier);
                    kernel.Evaluate(scales[xi], supplierNew.AsSpan(((v * nx) + xi) * suppliers, suppliers), out vietnamRevenue[(v * nx) + xi]);
                }
            }
        }

        return evaluations;
    }

    /// <summary>
    /// One line's new import value of every cell at one scale (<see cref="RegimeKernel.Evaluate"/>'s arithmetic); false when
    /// the closed form is not finite. An exp whose argument is the same double as one already computed is not computed
    /// again: the term (1 + t0)·v·expm1((1 − σ)·ln τ) of a cell comes from an earlier slice of the line with the same
    /// ln τ in that cell (<paramref name="same"/>; same w and argument), expm1((1 − σ)·ln τ) and exp((σ − ε)·x − σ·ln τ) from an
    /// earlier cell of the slice with the same ln τ (<paramref name="twin"/>; same argument), each then multiplied as in the
    /// kernel. <paramref name="terms"/> and <paramref name="expm1"/> hold values per [slice × cells + cell] at this scale.
    /// </summary>
    private static bool LineResponse(PeProblem p, int i, int a, int b, ReadOnlySpan<double> lnTau, ReadOnlySpan<int> same, ReadOnlySpan<int> twin, int slice,
        Span<double> terms, Span<double> expm1, Span<double> exps, double scale, Span<double> cellNew)
    {
        var values = p.Values;
        var t0 = p.T0;
        var n = b - a;
        var e0 = p.LineE0[i];
        var (sigma, eps) = p.ScaledElasticities(i, scale);
        var oms = 1.0 - sigma;
        double x;
        var cobbDouglas = oms == 0.0;
        double acc = 0;
        var own = slice * n;
        for (var k = a; k < b; k++)
        {
            var c = k - a;
            var lt = lnTau[c];
            if (lt != 0.0 && values[k] != 0.0)
            {
                var from = same[c];
                double term;
                if (from != slice)
                {
                    term = terms[(from * n) + c];
                    expm1[own + c] = expm1[(from * n) + c];
                }
                else
                {
                    var w = (1.0 + t0[k]) * values[k];
                    if (cobbDouglas)
                    {
                        term = w * lt;
                    }
                    else
                    {
                        var t = twin[c];
                        var e = t != c ? expm1[own + t] : RegimeKernel.Expm1(oms * lt);
                        expm1[own + c] = e;
                        term = w * e;
                    }
                }

                terms[own + c] = term;
                acc += term;
            }
        }

        x = cobbDouglas ? acc / e0 : PeMath.Log1p(acc / e0) / oms;
        if (!double.IsFinite(x))
        {
            return false;
        }

        var pq = Math.Exp((sigma - eps) * x);
        for (var k = a; k < b; k++)
        {
            var v = values[k];
            if (v == 0.0)
            {
                continue;
            }

            var c = k - a;
            var lt = lnTau[c];
            if (lt == 0.0)
            {
                cellNew[c] = v * pq;
                continue;
            }

            var t = twin[c];
            var e = t != c ? exps[t] : Math.Exp(((sigma - eps) * x) - (sigma * lt));
            exps[c] = e;
            cellNew[c] = v * e;
        }

        return true;
    }

    /// <summary>The distinct slices of one line: the vector each stands for first, ln τ and the first slice with the same ln τ of each cell, and the vectors each stands for.</summary>
    private sealed record LineSlices(int[] Reps, double[] LnTau, int[] Same, int[] Twin, int[] MemberStart, int[] Members, int VietnamCell);

    /// <summary>FNV-1a (Fowler–Noll–Vo) over 64-bit words: a cheap filter before the exact comparison of two slices.</summary>
    private static long Hash(ReadOnlySpan<long> bits)
    {
        var h = unchecked((long)0xcbf29ce484222325);
        foreach (var x in bits)
        {
            h = unchecked((h ^ x) * 0x100000001b3L);
        }

        return h;
    }
}
