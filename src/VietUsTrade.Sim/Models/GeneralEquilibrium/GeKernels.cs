using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>The SIMD inner loops of the GE solver.</summary>
/// <remarks>
/// Every sum of the solver is arranged as <c>acc[j] += x[j] · a</c> over the summation index in its original order, so
/// vectorising across <c>j</c> never reassociates a sum: each element gets the same multiply and the same add, rounded
/// the same way, as in the scalar loop (no fused multiply–add), and results are bit-identical to it on every instruction
/// set. The vectors are the fixed-size <see cref="Vector128{T}"/>, part of the x64 and Arm64 baselines, so a ReadyToRun
/// build precompiles these methods and the first solve in a process does not wait for the JIT (code that touches
/// <see cref="Vector256{T}"/> is not used from a ReadyToRun image on every machine and gets JIT-compiled). From the second
/// solve on, the three loops of the iterations hand their bulk to <see cref="GeKernelsWide"/> (256-bit) when the hardware
/// has it; the results are the same bits either way.
/// </remarks>
internal static class GeKernels
{
    /// <summary>Whether the iteration loops use <see cref="GeKernelsWide"/>; set by <see cref="GeKernelsWide.Enable"/> after the first solve.</summary>
    internal static volatile bool Wide;

    /// <summary><c>acc[j] += x[j] * a</c> for j &lt; acc.Length.</summary>
    public static void MultiplyAddTo(Span<double> acc, ReadOnlySpan<double> x, double a)
    {
        var n = acc.Length;
        x = x[..n];
        ref var ra = ref MemoryMarshal.GetReference(acc);
        ref var rx = ref MemoryMarshal.GetReference(x);
        var j = Wide ? GeKernelsWide.MultiplyAddTo(ref ra, ref rx, a, n) : 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var va = Vector128.Create(a);
            for (; j <= n - Vector128<double>.Count; j += Vector128<double>.Count)
            {
                var v = Vector128.LoadUnsafe(ref ra, (nuint)j) + (Vector128.LoadUnsafe(ref rx, (nuint)j) * va);
                v.StoreUnsafe(ref ra, (nuint)j);
            }
        }

        for (; j < n; j++)
        {
            Unsafe.Add(ref ra, j) += Unsafe.Add(ref rx, j) * a;
        }
    }

    /// <summary><c>acc[j] += x[j] * a</c> and <c>acc2[j] += x2[j] * b</c> in one pass, for j &lt; acc.Length.</summary>
    public static void MultiplyAddTo(Span<double> acc, ReadOnlySpan<double> x, double a, Span<double> acc2, ReadOnlySpan<double> x2, double b)
    {
        var n = acc.Length;
        x = x[..n];
        x2 = x2[..n];
        acc2 = acc2[..n];
        ref var ra = ref MemoryMarshal.GetReference(acc);
        ref var rx = ref MemoryMarshal.GetReference(x);
        ref var ra2 = ref MemoryMarshal.GetReference(acc2);
        ref var rx2 = ref MemoryMarshal.GetReference(x2);
        var j = Wide ? GeKernelsWide.MultiplyAddTo(ref ra, ref rx, a, ref ra2, ref rx2, b, n) : 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var va = Vector128.Create(a);
            var vb = Vector128.Create(b);
            for (; j <= n - Vector128<double>.Count; j += Vector128<double>.Count)
            {
                var u = (nuint)j;
                (Vector128.LoadUnsafe(ref ra, u) + (Vector128.LoadUnsafe(ref rx, u) * va)).StoreUnsafe(ref ra, u);
                (Vector128.LoadUnsafe(ref ra2, u) + (Vector128.LoadUnsafe(ref rx2, u) * vb)).StoreUnsafe(ref ra2, u);
            }
        }

        for (; j < n; j++)
        {
            Unsafe.Add(ref ra, j) += Unsafe.Add(ref rx, j) * a;
            Unsafe.Add(ref ra2, j) += Unsafe.Add(ref rx2, j) * b;
        }
    }

    /// <summary><c>acc[j] += x[j] * a</c> and <c>acc2[j] += (x[j] * x[j]) * b</c> in one pass, for j &lt; acc.Length.</summary>
    public static void MultiplyAddSquareTo(Span<double> acc, Span<double> acc2, ReadOnlySpan<double> x, double a, double b)
    {
        var n = acc.Length;
        x = x[..n];
        acc2 = acc2[..n];
        ref var ra = ref MemoryMarshal.GetReference(acc);
        ref var ra2 = ref MemoryMarshal.GetReference(acc2);
        ref var rx = ref MemoryMarshal.GetReference(x);
        var j = Wide ? GeKernelsWide.MultiplyAddSquareTo(ref ra, ref ra2, ref rx, a, b, n) : 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var va = Vector128.Create(a);
            var vb = Vector128.Create(b);
            for (; j <= n - Vector128<double>.Count; j += Vector128<double>.Count)
            {
                var u = (nuint)j;
                var vx = Vector128.LoadUnsafe(ref rx, u);
                (Vector128.LoadUnsafe(ref ra, u) + (vx * va)).StoreUnsafe(ref ra, u);
                (Vector128.LoadUnsafe(ref ra2, u) + (vx * vx * vb)).StoreUnsafe(ref ra2, u);
            }
        }

        for (; j < n; j++)
        {
            var xj = Unsafe.Add(ref rx, j);
            Unsafe.Add(ref ra, j) += xj * a;
            Unsafe.Add(ref ra2, j) += xj * xj * b;
        }
    }

    /// <summary><c>dest[j] = col[j] &gt; 0 ? x[j] / col[j] : 0</c> for j &lt; dest.Length.</summary>
    public static void DivideOrZero(Span<double> dest, ReadOnlySpan<double> x, ReadOnlySpan<double> col)
    {
        var n = dest.Length;
        x = x[..n];
        col = col[..n];
        ref var rd = ref MemoryMarshal.GetReference(dest);
        ref var rx = ref MemoryMarshal.GetReference(x);
        ref var rc = ref MemoryMarshal.GetReference(col);
        var j = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; j <= n - Vector128<double>.Count; j += Vector128<double>.Count)
            {
                var u = (nuint)j;
                var c = Vector128.LoadUnsafe(ref rc, u);
                Vector128.ConditionalSelect(Vector128.GreaterThan(c, Vector128<double>.Zero), Vector128.LoadUnsafe(ref rx, u) / c, Vector128<double>.Zero).StoreUnsafe(ref rd, u);
            }
        }

        for (; j < n; j++)
        {
            var c = Unsafe.Add(ref rc, j);
            Unsafe.Add(ref rd, j) = c > 0 ? Unsafe.Add(ref rx, j) / c : 0.0;
        }
    }

    /// <summary><c>dest[j] = (x[j] * a) * y[j]</c> for j &lt; dest.Length (dest may be x or y); with a = 1 it is exactly x[j] * y[j].</summary>
    public static void ScaleMultiply(Span<double> dest, ReadOnlySpan<double> x, double a, ReadOnlySpan<double> y)
    {
        var n = dest.Length;
        x = x[..n];
        y = y[..n];
        ref var rd = ref MemoryMarshal.GetReference(dest);
        ref var rx = ref MemoryMarshal.GetReference(x);
        ref var ry = ref MemoryMarshal.GetReference(y);
        var j = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var va = Vector128.Create(a);
            for (; j <= n - Vector128<double>.Count; j += Vector128<double>.Count)
            {
                var u = (nuint)j;
                (Vector128.LoadUnsafe(ref rx, u) * va * Vector128.LoadUnsafe(ref ry, u)).StoreUnsafe(ref rd, u);
            }
        }

        for (; j < n; j++)
        {
            Unsafe.Add(ref rd, j) = Unsafe.Add(ref rx, j) * a * Unsafe.Add(ref ry, j);
        }
    }

    /// <summary><c>dest[i] = Σ_j m[i*n + j]</c> summed in j order (four rows at a time, each its own chain).</summary>
    public static void RowSums(Span<double> dest, ReadOnlySpan<double> m, int n)
    {
        var rows = dest.Length;
        m = m[..(rows * n)];
        var i = 0;
        for (; i + 4 <= rows; i += 4)
        {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            var r0 = m.Slice(i * n, n);
            var r1 = m.Slice((i + 1) * n, n);
            var r2 = m.Slice((i + 2) * n, n);
            var r3 = m.Slice((i + 3) * n, n);
            for (var j = 0; j < n; j++)
            {
                s0 += r0[j];
                s1 += r1[j];
                s2 += r2[j];
                s3 += r3[j];
            }

            dest[i] += s0;
            dest[i + 1] += s1;
            dest[i + 2] += s2;
            dest[i + 3] += s3;
        }

        for (; i < rows; i++)
        {
            double sum = 0;
            foreach (var v in m.Slice(i * n, n))
            {
                sum += v;
            }

            dest[i] += sum;
        }
    }

    /// <summary><c>dest[j*n + i] = src[i*n + j]</c> for an n × n block, in 16 × 16 tiles.</summary>
    public static void Transpose(Span<double> dest, ReadOnlySpan<double> src, int n)
    {
        dest = dest[..(n * n)];
        src = src[..(n * n)];
        const int Tile = 16;
        for (var i0 = 0; i0 < n; i0 += Tile)
        {
            var i1 = Math.Min(i0 + Tile, n);
            for (var j0 = 0; j0 < n; j0 += Tile)
            {
                var j1 = Math.Min(j0 + Tile, n);
                for (var i = i0; i < i1; i++)
                {
                    for (var j = j0; j < j1; j++)
                    {
                        dest[j * n + i] = src[i * n + j];
                    }
                }
            }
        }
    }
}
