namespace VietUsTrade.Sim.Projection;

/// <summary>
/// A table of Q outputs on a uniform grid in x (ln of an elasticity scale) × an optional grid in the transshipment
/// share s; cubic (four-point Lagrange) in x, linear in s. Interpolation is linear in the node values, so differences of
/// tables interpolate to differences of interpolants. Immutable after construction; thread-safe.
/// </summary>
internal sealed class ResponseTable
{
    private readonly double[] _data; // ((si * G) + xi) * Q + q

    public ResponseTable(double xMin, double xMax, int xNodes, double sMax, int sNodes, int outputs, double[] data)
    {
        XMin = xMin;
        XMax = xMax;
        XNodes = xNodes;
        SMax = sMax;
        SNodes = sNodes;
        Outputs = outputs;
        _data = data;
        H = (xMax - xMin) / (xNodes - 1);
    }

    public double XMin { get; }

    public double XMax { get; }

    public int XNodes { get; }

    public double H { get; }

    public double SMax { get; }

    public int SNodes { get; }

    public int Outputs { get; }

    /// <summary>All node values, ((si * XNodes) + xi) * Outputs + q (read-only; for serialization and comparison).</summary>
    public ReadOnlySpan<double> Data => _data;

    public double X(int i) => XMin + (i * H);

    public double S(int i) => SNodes == 1 ? 0.0 : SMax * i / (SNodes - 1);

    public ReadOnlySpan<double> Node(int si, int xi) => _data.AsSpan(((si * XNodes) + xi) * Outputs, Outputs);

    /// <summary>A table with the same grid whose values are this − other (other may have one s node: broadcast).</summary>
    public ResponseTable Minus(ResponseTable? other, int sNodes, double sMax)
    {
        var data = new double[sNodes * XNodes * Outputs];
        for (var si = 0; si < sNodes; si++)
        {
            for (var xi = 0; xi < XNodes; xi++)
            {
                var dst = data.AsSpan(((si * XNodes) + xi) * Outputs, Outputs);
                Node(SNodes == 1 ? 0 : si, xi).CopyTo(dst);
                if (other is not null)
                {
                    var o = other.Node(other.SNodes == 1 ? 0 : si, xi);
                    for (var q = 0; q < Outputs; q++)
                    {
                        dst[q] -= o[q];
                    }
                }
            }
        }

        return new ResponseTable(XMin, XMax, XNodes, sMax, sNodes, Outputs, data);
    }

    /// <summary>A table with a subset of the outputs, in the given order.</summary>
    public ResponseTable Select(int[] outputs)
    {
        var data = new double[SNodes * XNodes * outputs.Length];
        for (var n = 0; n < SNodes * XNodes; n++)
        {
            for (var q = 0; q < outputs.Length; q++)
            {
                data[(n * outputs.Length) + q] = _data[(n * Outputs) + outputs[q]];
            }
        }

        return new ResponseTable(XMin, XMax, XNodes, SMax, SNodes, outputs.Length, data);
    }

    /// <summary>Adds the interpolated outputs at (x, s) into <paramref name="acc"/> (x clamped to the grid, s clamped to [0, SMax]).</summary>
    public void AddTo(double x, double s, Span<double> acc)
    {
        Span<int> xi = stackalloc int[4];
        Span<double> xw = stackalloc double[4];
        XWeights(x, xi, xw);
        var q = Outputs;
        if (SNodes == 1)
        {
            for (var k = 0; k < 4; k++)
            {
                Axpy(xw[k], _data.AsSpan(xi[k] * q, q), acc);
            }

            return;
        }

        var u = Math.Clamp(s, 0.0, SMax) / SMax * (SNodes - 1);
        var s0 = Math.Min((int)u, SNodes - 2);
        var f = u - s0;
        for (var k = 0; k < 4; k++)
        {
            Axpy(xw[k] * (1 - f), _data.AsSpan(((s0 * XNodes) + xi[k]) * q, q), acc);
            Axpy(xw[k] * f, _data.AsSpan((((s0 + 1) * XNodes) + xi[k]) * q, q), acc);
        }
    }

    /// <summary>The interpolated value of one output at (x, s).</summary>
    public double Value(double x, double s, int output)
    {
        Span<int> xi = stackalloc int[4];
        Span<double> xw = stackalloc double[4];
        XWeights(x, xi, xw);
        var q = Outputs;
        double v = 0;
        if (SNodes == 1)
        {
            for (var k = 0; k < 4; k++)
            {
                v += xw[k] * _data[(xi[k] * q) + output];
            }

            return v;
        }

        var u = Math.Clamp(s, 0.0, SMax) / SMax * (SNodes - 1);
        var s0 = Math.Min((int)u, SNodes - 2);
        var f = u - s0;
        for (var k = 0; k < 4; k++)
        {
            v += xw[k] * (((1 - f) * _data[(((s0 * XNodes) + xi[k]) * q) + output]) + (f * _data[((((s0 + 1) * XNodes) + xi[k]) * q) + output]));
        }

        return v;
    }

    private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        if (a == 0)
        {
            return;
        }

        for (var i = 0; i < y.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    /// <summary>Four-point Lagrange (cubic) weights on the uniform grid; the stencil is shifted inwards at the ends. Exact at the nodes.</summary>
    private void XWeights(double x, Span<int> idx, Span<double> w)
    {
        var u = (Math.Clamp(x, XMin, XMax) - XMin) / H;
        var i = Math.Min((int)u, XNodes - 2);
        var st = Math.Clamp(i - 1, 0, XNodes - 4);
        var t = u - st; // in [0, 3]
        var t0 = t;
        var t1 = t - 1;
        var t2 = t - 2;
        var t3 = t - 3;
        w[0] = -(t1 * t2 * t3) / 6.0;
        w[1] = t0 * t2 * t3 / 2.0;
        w[2] = -(t0 * t1 * t3) / 2.0;
        w[3] = t0 * t1 * t2 / 6.0;
        for (var k = 0; k < 4; k++)
        {
            idx[k] = st + k;
        }
    }
}
