using BenchmarkDotNet.Attributes;
using VietUsTrade.Sim.Models.PartialEquilibrium;

namespace VietUsTrade.Sim.Benchmarks;

/// <summary>
/// Partial-equilibrium kernel on a synthetic problem of 7,272 lines × 20 suppliers (145,440 cells) from a fixed seed:
/// Vietnam (supplier 0) 3% → 46% on every line; "all changed" also moves every other supplier's tariff;
/// "finite ω" gives every cell an export supply elasticity in [0.5, 20] (Newton on each line).
/// </summary>
[MemoryDiagnoser]
public class PeBenchmarks
{
    private const int Lines = 7272;
    private const int SuppliersPerLine = 20;

    private PeProblem _vietnamOnly = null!;
    private PeProblem _allChanged = null!;
    private PeProblem _finite = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rnd = new Random(20250402);
        var names = Enumerable.Range(0, SuppliersPerLine).Select(s => s == 0 ? "Vietnam" : $"S{s}").ToArray();
        var cells = Lines * SuppliersPerLine;
        var offsets = new int[Lines + 1];
        var sup = new int[cells];
        var v = new double[cells];
        var t0 = new double[cells];
        var t1 = new double[cells];
        var t1All = new double[cells];
        var omega = new double[cells];
        var eps = new double[Lines];
        var sigma = new double[Lines];
        for (var i = 0; i < Lines; i++)
        {
            offsets[i + 1] = (i + 1) * SuppliersPerLine;
            eps[i] = 0.3 + 2.7 * rnd.NextDouble();
            sigma[i] = 1.2 + 8.8 * rnd.NextDouble();
            for (var j = 0; j < SuppliersPerLine; j++)
            {
                var k = i * SuppliersPerLine + j;
                sup[k] = j;
                v[k] = rnd.NextDouble() < 0.1 ? 0.0 : Math.Exp(10 + 6 * rnd.NextDouble());
                t0[k] = rnd.NextDouble() < 0.4 ? 0.0 : 0.25 * rnd.NextDouble();
                t1[k] = j == 0 ? 0.46 : t0[k];
                t1All[k] = t0[k] + 0.1 + 0.3 * rnd.NextDouble();
                omega[k] = 0.5 + 19.5 * rnd.NextDouble();
            }
        }

        _vietnamOnly = new PeProblem(names, offsets, sup, v, t0, t1, [], eps, sigma);
        _allChanged = _vietnamOnly.WithTariffs1(t1All);
        _finite = new PeProblem(names, offsets, sup, v, t0, t1, omega, eps, sigma);
    }

    /// <summary>Exact model, ω = ∞, Vietnam's tariff changes on every line (the headline scenario).</summary>
    [Benchmark(Baseline = true)]
    public object PeExact_VietnamOnly() => PeSolver.Solve(_vietnamOnly);

    /// <summary>Exact model, ω = ∞, every cell's tariff changes (one log + one exp per cell).</summary>
    [Benchmark]
    public object PeExact_AllChanged() => PeSolver.Solve(_allChanged);

    /// <summary>Exact model, finite ω on every cell: safeguarded Newton per line.</summary>
    [Benchmark]
    public object PeExact_FiniteSupply() => PeSolver.Solve(_finite);

    /// <summary>SMART formulas, Vietnam only.</summary>
    [Benchmark]
    public object PeSmart_VietnamOnly() => SmartModel.Solve(_vietnamOnly, SmartOptions.Default with { NegativeFlowPolicy = SmartNegativeFlowPolicy.ClampAtZero });
}
