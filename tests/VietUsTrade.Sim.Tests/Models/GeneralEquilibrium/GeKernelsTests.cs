using VietUsTrade.Sim.Models.GeneralEquilibrium;
using Xunit;

namespace VietUsTrade.Sim.Tests.Models.GeneralEquilibrium;

/// <summary>The SIMD loops of the GE solver give the scalar loops' bits, and solves sharing the workspace do not see each other.</summary>
public class GeKernelsTests
{
    private static double[] Random(Random rnd, int n) => [.. Enumerable.Range(0, n).Select(_ => Math.Exp(6 * rnd.NextDouble() - 3) * (rnd.NextDouble() < 0.1 ? 0 : 1))];

    private static void AssertBits(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var q = 0; q < expected.Length; q++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(expected[q]) == BitConverter.DoubleToInt64Bits(actual[q]), $"element {q}: {expected[q]:R} vs {actual[q]:R}");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Kernels_equal_the_scalar_loops_bit_for_bit(bool wide)
    {
        var saved = GeKernels.Wide;
        GeKernels.Wide = wide;
        try
        {
            var rnd = new Random(17);
            for (var n = 0; n <= 41; n++)
            {
                var x = Random(rnd, n + 3);
                var x2 = Random(rnd, n + 3);
                var y = Random(rnd, n);
                var acc = Random(rnd, n);
                var acc2 = Random(rnd, n);
                double a = rnd.NextDouble() * 7, b = rnd.NextDouble() / 3;

                var e1 = (double[])acc.Clone();
                var e2 = (double[])acc2.Clone();
                for (var j = 0; j < n; j++)
                {
                    e1[j] += x[j] * a;
                }

                var a1 = (double[])acc.Clone();
                GeKernels.MultiplyAddTo(a1, x, a);
                AssertBits(e1, a1);

                for (var j = 0; j < n; j++)
                {
                    e2[j] += x2[j] * b;
                }

                a1 = (double[])acc.Clone();
                var a2 = (double[])acc2.Clone();
                GeKernels.MultiplyAddTo(a1, x, a, a2, x2, b);
                AssertBits(e1, a1);
                AssertBits(e2, a2);

                e2 = (double[])acc2.Clone();
                for (var j = 0; j < n; j++)
                {
                    e2[j] += x[j] * x[j] * b;
                }

                a1 = (double[])acc.Clone();
                a2 = (double[])acc2.Clone();
                GeKernels.MultiplyAddSquareTo(a1, a2, x, a, b);
                AssertBits(e1, a1);
                AssertBits(e2, a2);

                var d = new double[n];
                var expected = new double[n];
                for (var j = 0; j < n; j++)
                {
                    expected[j] = y[j] > 0 ? x[j] / y[j] : 0.0;
                }

                GeKernels.DivideOrZero(d, x, y);
                AssertBits(expected, d);

                for (var j = 0; j < n; j++)
                {
                    expected[j] = x[j] * a * y[j];
                }

                GeKernels.ScaleMultiply(d, x, a, y);
                AssertBits(expected, d);

                for (var j = 0; j < n; j++)
                {
                    expected[j] = x[j] * y[j];
                }

                GeKernels.ScaleMultiply(d, x, 1.0, y);
                AssertBits(expected, d);
            }
        }
        finally
        {
            GeKernels.Wide = saved;
        }
    }

    [Fact]
    public void Row_sums_and_transpose_equal_the_plain_loops()
    {
        var rnd = new Random(3);
        foreach (var n in new[] { 1, 3, 4, 5, 17, 33 })
        {
            var m = Random(rnd, n * n);
            var sums = new double[n];
            GeKernels.RowSums(sums, m, n);
            var t = new double[n * n];
            GeKernels.Transpose(t, m, n);
            for (var i = 0; i < n; i++)
            {
                double s = 0;
                for (var j = 0; j < n; j++)
                {
                    s += m[i * n + j];
                    Assert.Equal(m[i * n + j], t[j * n + i]);
                }

                Assert.Equal(BitConverter.DoubleToInt64Bits(s), BitConverter.DoubleToInt64Bits(sums[i]));
            }
        }
    }

    /// <summary>A 37-country, 3-sector economy with tariffs (revenue treatment) and cost changes: odd sizes exercise the vector tails.</summary>
    private static (GeBaseline, GeShock) Economy(int n, int seed)
    {
        var rnd = new Random(seed);
        var countries = Enumerable.Range(0, n).Select(i => $"K{i:D2}").ToArray();
        var sectors = new[] { "A", "B", "C" };
        var flows = sectors.Select(_ =>
        {
            var m = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    m[i, j] = (i == j ? 30 : 1) * Math.Exp(rnd.NextDouble() * 3);
                }
            }

            return m;
        }).ToArray();
        var tariffs = Enumerable.Range(1, n - 1).Select(i => new GeTariffChange(countries[i], countries[0], 0.05 * (i % 7), i % 3 == 0 ? 0.02 : 0, i % 2 == 0 ? "B" : null));
        var costs = Enumerable.Range(2, Math.Min(5, n - 3)).Select(i => new GeCostChange(countries[i], countries[i + 1], -0.2));
        return (GeBaseline.FromSectorMatrices(countries, sectors, flows), new GeShock(costs, tariffs));
    }

    private static double[] Numbers(GeResult r)
    {
        var values = new List<double>();
        foreach (var c in r.Countries)
        {
            values.AddRange([c.FactoryGatePriceHat, c.PriceIndexHat, c.ExpenditureCounterfactual, c.ExportsCounterfactual, c.ImportsCounterfactual, c.TariffRevenueBaseline, c.TariffRevenueCounterfactual]);
        }

        for (var s = 0; s < r.Baseline.SectorCount; s++)
        {
            for (var i = 0; i < r.Baseline.CountryCount; i++)
            {
                for (var j = 0; j < r.Baseline.CountryCount; j++)
                {
                    values.Add(r.CounterfactualFlow(s, i, j));
                }
            }
        }

        return [.. values];
    }

    [Fact]
    public void Solves_that_reuse_the_workspace_or_run_concurrently_give_the_same_bits()
    {
        var (big, bigShock) = Economy(37, 1);
        var (small, smallShock) = Economy(5, 2);
        var revenue = new GeOptions(GeElasticities.Uniform(4), tariffTreatment: GeTariffTreatment.Revenue);
        var iceberg = new GeOptions(GeElasticities.Uniform(6), GeClosure.Multiplicative, GeNormalization.ReferencePriceIndex("K00"));
        var first = Numbers(GeSolver.Solve(big, bigShock, revenue));

        // A smaller solve in between leaves other numbers in the cached matrices; an iceberg solve leaves no tax arrays.
        GeSolver.Solve(small, smallShock, revenue);
        GeSolver.Solve(big, bigShock, iceberg);
        AssertBits(first, Numbers(GeSolver.Solve(big, bigShock, revenue)));

        var parallel = new double[8][];
        Parallel.For(0, 8, k => parallel[k] = Numbers(GeSolver.Solve(big, bigShock, revenue)));
        foreach (var p in parallel)
        {
            AssertBits(first, p);
        }
    }
}
