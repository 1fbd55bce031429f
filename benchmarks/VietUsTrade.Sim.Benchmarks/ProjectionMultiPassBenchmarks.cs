using BenchmarkDotNet.Attributes;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Projection;

namespace VietUsTrade.Sim.Benchmarks;

/// <summary>
/// The Monte Carlo above the in-memory limit (exact multi-pass selection over regenerated draws), here with the limit
/// lowered to 2,000 so that 10,000 draws take that path: compare with <see cref="ProjectionMonteCarloBenchmarks"/> at
/// 10,000 draws for the cost of the second pass (the quantiles are the same, bit for bit).
/// </summary>
[MemoryDiagnoser]
public class ProjectionMultiPassBenchmarks
{
    private ProjectionModel _model = null!;

    [GlobalSetup]
    public void Setup() => _model = ProjectionModel.Create(ProjectionData.WithLines(ProjectionData.AllLines), Presets.Get("real-2025-2026"));

    [Benchmark]
    public MonteCarloResult MultiPass10000() => _model.MonteCarlo(new MonteCarloOptions(10_000, 2026) { InMemoryDraws = 2_000 });
}
