using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>256-bit bulk loops of the GE iterations (see <see cref="GeKernels"/>): same element-wise operations, twice as wide.</summary>
/// <remarks>
/// Each method processes the leading whole vectors and returns how many elements it did; the caller finishes the rest.
/// They are JIT-compiled (fully optimised) on first use, which <see cref="GeKernels.Wide"/> defers to the second solve so
/// that the first solve in a process runs on precompiled code.
/// </remarks>
internal static class GeKernelsWide
{
    /// <summary>Lets the iteration loops use these methods from now on, when the hardware accelerates 256-bit vectors.</summary>
    public static void Enable()
    {
        if (!GeKernels.Wide && Vector256.IsHardwareAccelerated)
        {
            GeKernels.Wide = true;
        }
    }

    /// <summary><c>acc[j] += x[j] * a</c> over whole vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int MultiplyAddTo(ref double acc, ref double x, double a, int n)
    {
        var va = Vector256.Create(a);
        var j = 0;
        for (; j <= n - Vector256<double>.Count; j += Vector256<double>.Count)
        {
            var u = (nuint)j;
            (Vector256.LoadUnsafe(ref acc, u) + (Vector256.LoadUnsafe(ref x, u) * va)).StoreUnsafe(ref acc, u);
        }

        return j;
    }

    /// <summary><c>acc[j] += x[j] * a</c> and <c>acc2[j] += x2[j] * b</c> over whole vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int MultiplyAddTo(ref double acc, ref double x, double a, ref double acc2, ref double x2, double b, int n)
    {
        var va = Vector256.Create(a);
        var vb = Vector256.Create(b);
        var j = 0;
        for (; j <= n - Vector256<double>.Count; j += Vector256<double>.Count)
        {
            var u = (nuint)j;
            (Vector256.LoadUnsafe(ref acc, u) + (Vector256.LoadUnsafe(ref x, u) * va)).StoreUnsafe(ref acc, u);
            (Vector256.LoadUnsafe(ref acc2, u) + (Vector256.LoadUnsafe(ref x2, u) * vb)).StoreUnsafe(ref acc2, u);
        }

        return j;
    }

    /// <summary><c>acc[j] += x[j] * a</c> and <c>acc2[j] += (x[j] * x[j]) * b</c> over whole vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int MultiplyAddSquareTo(ref double acc, ref double acc2, ref double x, double a, double b, int n)
    {
        var va = Vector256.Create(a);
        var vb = Vector256.Create(b);
        var j = 0;
        for (; j <= n - Vector256<double>.Count; j += Vector256<double>.Count)
        {
            var u = (nuint)j;
            var vx = Vector256.LoadUnsafe(ref x, u);
            (Vector256.LoadUnsafe(ref acc, u) + (vx * va)).StoreUnsafe(ref acc, u);
            (Vector256.LoadUnsafe(ref acc2, u) + (vx * vx * vb)).StoreUnsafe(ref acc2, u);
        }

        return j;
    }
}
