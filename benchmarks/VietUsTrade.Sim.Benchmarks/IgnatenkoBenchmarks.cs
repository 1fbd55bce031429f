using BenchmarkDotNet.Attributes;
using VietUsTrade.Sim.Models.Ignatenko2025;

namespace VietUsTrade.Sim.Benchmarks;

/// <summary>One equilibrium of the Ignatenko et al. (2025) model: 194 countries, 582 unknowns, from x₀ = 1.</summary>
[MemoryDiagnoser]
public class IgnatenkoBenchmarks
{
    private IgnatenkoBaseline baseline = null!;
    private IgnatenkoScenario case1 = null!;
    private IgnatenkoScenario case3 = null!;
    private IgnatenkoScenario retaliation = null!;

    [GlobalSetup]
    public void Setup()
    {
        baseline = IgnatenkoBaseline.Paper();
        case1 = IgnatenkoScenarios.Ustr(baseline);
        case3 = IgnatenkoScenarios.OptimalUs(baseline);
        retaliation = IgnatenkoScenarios.OptimalRetaliation(baseline);
        foreach (var s in new[] { case1, case3, retaliation })
        {
            var d = IgnatenkoModel.Solve(baseline, s).Diagnostics;
            Console.WriteLine($"// {s.Name}: {d.Iterations} iterations, {d.JacobianFactorizations} LU factorizations, max scaled residual {d.MaxScaledResidual:G3}");
        }
    }

    [Benchmark(Baseline = true)]
    public IgnatenkoResult Case1_UstrIncomeTaxRelief() => IgnatenkoModel.Solve(baseline, case1);

    [Benchmark]
    public IgnatenkoResult Case3_OptimalUsTariff() => IgnatenkoModel.Solve(baseline, case3);

    [Benchmark]
    public IgnatenkoResult OptimalRetaliation() => IgnatenkoModel.Solve(baseline, retaliation);

    [Benchmark]
    public IgnatenkoResult Case1_PureNewton() => IgnatenkoModel.Solve(baseline, case1, new IgnatenkoSolverSettings { RefreshRatio = 0 });

    [Benchmark]
    public IgnatenkoBaseline BuildBaselineFromEmbeddedData() => IgnatenkoBaseline.Paper();
}
