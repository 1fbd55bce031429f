namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>The all-sector N×N work matrices of a GE solve, kept for the next solve.</summary>
/// <remarks>
/// One workspace is cached process-wide: a solve takes it (or makes a new one when another solve holds it) and puts it
/// back when done, so repeated solves allocate no matrices and concurrent solves never share one. The cached workspace
/// keeps the largest matrices seen (five S·N² arrays: 7 MB after an ICIO 81 × 28 solve). Plain arrays and a non-generic
/// exchange keep this free of generic instantiations that a ReadyToRun build would leave to the JIT.
/// </remarks>
internal sealed class GeWorkspace
{
    private static object? cached;

    private double[] w = [];
    private double[] wNetT = [];
    private double[] wNetWT = [];
    private double[] wTax = [];
    private double[] inv = [];

    /// <summary>The cached workspace, or a new one when another solve holds it.</summary>
    public static GeWorkspace Take() => Interlocked.Exchange(ref cached, null) as GeWorkspace ?? new GeWorkspace();

    /// <summary>Makes this workspace the cached one; the caller must not use its arrays afterwards.</summary>
    public void Release() => Volatile.Write(ref cached, this);

    /// <summary>λ·B·T, row-major, at least <paramref name="length"/> long.</summary>
    public double[] W(int length) => Ensure(ref w, length);

    /// <summary>Transposed net weights, at least <paramref name="length"/> long.</summary>
    public double[] WNetT(int length) => Ensure(ref wNetT, length);

    /// <summary>Transposed own-price weights, at least <paramref name="length"/> long.</summary>
    public double[] WNetWT(int length) => Ensure(ref wNetWT, length);

    /// <summary>Tax weights, at least <paramref name="length"/> long.</summary>
    public double[] WTax(int length) => Ensure(ref wTax, length);

    /// <summary>1/(1+τ′), at least <paramref name="length"/> long.</summary>
    public double[] InvOnePlusTau(int length) => Ensure(ref inv, length);

    private static double[] Ensure(ref double[] array, int length)
    {
        if (array.Length < length)
        {
            array = new double[length];
        }

        return array;
    }
}
