using BenchmarkDotNet.Attributes;
using VietUsTrade.Sim.Models.GeneralEquilibrium;

namespace VietUsTrade.Sim.Benchmarks;

/// <summary>Exact hat-algebra GE solves: synthetic 30 and 240 countries (fixed seed) and the bundled ICIO 81 × 28.</summary>
/// <remarks>
/// Warm solves (BenchmarkDotNet runs the method many times before measuring): the 256-bit iteration loops and the cached
/// workspace are in use. The first call in a fresh process (JIT, ReadyToRun) is measured by
/// <c>VietUsTrade.Sim.Benchmarks --ge-inprocess CASE</c> (<see cref="GeInProcess"/>), which also checks the bits.
/// </remarks>
[MemoryDiagnoser]
public class GeBenchmarks
{
    private GeBaseline _synthetic30 = null!;
    private GeBaseline _synthetic240 = null!;
    private GeShock _shock30 = null!;
    private GeShock _shock240 = null!;
    private GeBaseline _icio = null!;
    private GeShock _icio46 = null!;
    private GeShock _icioOthers = null!;
    private GeOptions _options = null!;
    private GeOptions _revenue = null!;
    private GeOptions _gegravity = null!;
    private GeOptions _icioOptions = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_synthetic30, _shock30) = GeSyntheticCase.Create(30, 20260101);
        (_synthetic240, _shock240) = GeSyntheticCase.Create(240, 20260102);
        _options = new GeOptions(GeElasticities.Uniform(5));
        _revenue = new GeOptions(GeElasticities.Uniform(5), tariffTreatment: GeTariffTreatment.Revenue);
        _gegravity = new GeOptions(GeElasticities.Uniform(5), GeClosure.Multiplicative, GeNormalization.ReferencePriceIndex("C000"), mode: GeSolutionMode.GegravityCompatible);
        var icio = IcioDataset.LoadEmbedded();
        _icio = icio.Baseline;
        _icio46 = GePresets.Get(GePresets.LiberationDay46).ToShock(_icio, icio.GoodsSectors);
        _icioOthers = GePresets.Get(GePresets.Deal20Others2025).ToShock(_icio, icio.GoodsSectors);
        _icioOptions = new GeOptions(icio.Elasticities().ToElasticities(), tariffTreatment: GeTariffTreatment.Revenue);
    }

    [Benchmark(Description = "Exact, 30 countries")]
    public GeResult Exact30() => GeSolver.Solve(_synthetic30, _shock30, _options);

    [Benchmark(Description = "gegravity-compatible, 30 countries")]
    public GeResult Gegravity30() => GeSolver.Solve(_synthetic30, _shock30, _gegravity);

    [Benchmark(Description = "Exact, 240 countries")]
    public GeResult Exact240() => GeSolver.Solve(_synthetic240, _shock240, _options);

    [Benchmark(Description = "Exact, 240 countries, revenue tariffs")]
    public GeResult Exact240Revenue() => GeSolver.Solve(_synthetic240, _shock240, _revenue);

    [Benchmark(Description = "Exact, ICIO 81 x 28, liberation-day-46 (revenue)")]
    public GeResult Icio46() => GeSolver.Solve(_icio, _icio46, _icioOptions);

    [Benchmark(Description = "Exact, ICIO 81 x 28, deal-20-others-2025 (revenue)")]
    public GeResult IcioOthers() => GeSolver.Solve(_icio, _icioOthers, _icioOptions);
}
