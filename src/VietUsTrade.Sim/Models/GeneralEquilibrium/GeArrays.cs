namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>Array helpers of the GE solver.</summary>
internal static class GeArrays
{
    internal static double[] Ones(int n)
    {
        var a = new double[n];
        Fill(a, 0, n, 1.0);
        return a;
    }

    internal static void Fill(double[] a, int start, int length, double value)
    {
        for (var q = start; q < start + length; q++)
        {
            a[q] = value;
        }
    }

    /// <summary>A span over part of an array (without the generic AsSpan extension, which ReadyToRun leaves to the JIT).</summary>
    internal static Span<double> Seg(double[] a, int start, int length) => new(a, start, length);
}
