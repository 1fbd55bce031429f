using FsCheck;
using FsCheck.Fluent;
using VietUsTrade.Sim.Models.PartialEquilibrium;

namespace VietUsTrade.Sim.Tests.Models.PartialEquilibrium;

/// <summary>One generated line: per-supplier arrays and line elasticities (all bounded, never NaN).</summary>
public sealed record LineSpec(int[] Suppliers, double[] Values, double[] T0, double[] T1, double[] Omega, double Epsilon, double Sigma)
{
    public override string ToString() =>
        $"ε={Epsilon}, σ={Sigma}, s=[{string.Join(",", Suppliers)}], v=[{string.Join(",", Values)}], t0=[{string.Join(",", T0)}], t1=[{string.Join(",", T1)}], ω=[{string.Join(",", Omega)}]";
}

/// <summary>Bounded FsCheck generators for partial-equilibrium inputs.</summary>
internal static class PeGenerators
{
    public const int SupplierCount = 8;

    // 0 with probability 1/10, otherwise 1 .. 1e6 dollars.
    public static Gen<double> Value => Gen.Choose(0, 1_000_000).Select(i => i < 100_000 ? 0.0 : i - 99_999.0);

    // 0 .. 150% in steps of 0.1 percentage point.
    public static Gen<double> Tariff => Gen.Choose(0, 1500).Select(i => i / 1000.0);

    public static Gen<double> Epsilon => Gen.Choose(0, 600).Select(i => i / 100.0);

    // 0.05 .. 15 (includes exactly 1.0).
    public static Gen<double> Sigma => Gen.Choose(5, 1500).Select(i => i / 100.0);

    // +∞ with probability 1/3, otherwise 0.05 .. 40.
    public static Gen<double> Omega => Gen.Choose(0, 3000).Select(i => i < 1000 ? double.PositiveInfinity : (i - 995) / 50.0);

    public static Gen<LineSpec> Line(bool finiteSupply) =>
        from n in Gen.Choose(1, 6)
        from perm in Gen.Choose(0, 10_000)
        from v in Value.ArrayOf(n)
        from t0 in Tariff.ArrayOf(n)
        from t1 in Tariff.ArrayOf(n)
        from w in (finiteSupply ? Omega : Gen.Constant(double.PositiveInfinity)).ArrayOf(n)
        from e in Epsilon
        from s in Sigma
        select new LineSpec(PickSuppliers(n, perm), v, t0, t1, w, e, s);

    public static Arbitrary<LineSpec> AnyLine => Line(true).ToArbitrary();

    public static Arbitrary<LineSpec[]> AnyLines =>
        Gen.Choose(1, 8).SelectMany(n => Line(true).ArrayOf(n)).ToArbitrary();

    private static int[] PickSuppliers(int n, int seed)
    {
        var all = Enumerable.Range(0, SupplierCount).ToArray();
        new Random(seed).Shuffle(all);
        return all[..n];
    }

    public static string[] Names { get; } = ["Vietnam", "China", "Mexico", "Taiwan", "Thailand", "India", "EU", "Rest of world"];

    public static PeProblem ToProblem(IReadOnlyList<LineSpec> lines, double scale = 1.0)
    {
        var b = new PeProblemBuilder(Names);
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            b.AddLine(l.Epsilon, l.Sigma, $"L{i}");
            for (var k = 0; k < l.Values.Length; k++)
            {
                b.AddSupplier(l.Suppliers[k], l.Values[k] * scale, l.T0[k], l.T1[k], l.Omega[k]);
            }
        }

        return b.Build();
    }

    public static PeProblem ToProblem(LineSpec line) => ToProblem([line]);
}
