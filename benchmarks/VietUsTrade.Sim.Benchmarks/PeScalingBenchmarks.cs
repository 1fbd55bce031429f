using BenchmarkDotNet.Attributes;
using VietUsTrade.Sim.Models.PartialEquilibrium;

namespace VietUsTrade.Sim.Benchmarks;

/// <summary>How the exact PE solve scales with the number of lines and of suppliers per line (synthetic, fixed seed; every tariff changes).</summary>
[MemoryDiagnoser]
public class PeScalingBenchmarks
{
    private PeProblem _problem = null!;

    /// <summary>Number of product lines.</summary>
    [Params(1000, 7272, 30000)]
    public int Lines { get; set; }

    /// <summary>Suppliers per line.</summary>
    [Params(5, 20, 50)]
    public int Suppliers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rnd = new Random(7272);
        var cells = Lines * Suppliers;
        var offsets = new int[Lines + 1];
        var sup = new int[cells];
        var v = new double[cells];
        var t0 = new double[cells];
        var t1 = new double[cells];
        var eps = new double[Lines];
        var sigma = new double[Lines];
        for (var i = 0; i < Lines; i++)
        {
            offsets[i + 1] = (i + 1) * Suppliers;
            eps[i] = 0.3 + 2.7 * rnd.NextDouble();
            sigma[i] = 1.2 + 8.8 * rnd.NextDouble();
            for (var j = 0; j < Suppliers; j++)
            {
                var k = (i * Suppliers) + j;
                sup[k] = j;
                v[k] = Math.Exp(10 + (6 * rnd.NextDouble()));
                t0[k] = 0.25 * rnd.NextDouble();
                t1[k] = t0[k] + 0.1 + (0.3 * rnd.NextDouble());
            }
        }

        _problem = new PeProblem(Enumerable.Range(0, Suppliers).Select(s => $"S{s}").ToArray(), offsets, sup, v, t0, t1, [], eps, sigma);
    }

    [Benchmark]
    public double Solve() => PeSolver.Solve(_problem).Totals.NewImports;
}
