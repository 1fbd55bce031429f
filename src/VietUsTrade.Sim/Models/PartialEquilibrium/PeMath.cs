namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>Accurate elementary helpers (the BCL's generic ExpM1/LogP1 are computed as exp(x)−1 and log(1+x)).</summary>
internal static class PeMath
{
    /// <summary>exp(x) − 1 accurate for small |x| (Kahan's trick).</summary>
    public static double Expm1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        var um1 = u - 1.0;
        if (um1 == -1.0)
        {
            return -1.0;
        }

        if (double.IsPositiveInfinity(u))
        {
            return u;
        }

        return um1 * x / Math.Log(u);
    }

    /// <summary>log(1 + x) accurate for small |x| (Kahan's trick); x &gt; −1.</summary>
    public static double Log1p(double x)
    {
        var u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }

        return Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>(exp(a·x) − 1)/a, with the limit x at a = 0, accurate for small a·x.</summary>
    public static double Expm1Over(double a, double x) => a == 0.0 ? x : Expm1(a * x) / a;
}
