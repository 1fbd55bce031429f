using BenchmarkDotNet.Attributes;
using VietUsTrade.Sim.Models.GeneralEquilibrium;

namespace VietUsTrade.Sim.Benchmarks;

/// <summary>Exact hat-algebra GE solves: synthetic 30 and 240 countries (fixed seed) and the bundled ICIO 81 × 28.</summary>
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
    private GeOptions _gegravity = null!;
    private GeOptions _icioOptions = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_synthetic30, _shock30) = Synthetic(30, 20260101);
        (_synthetic240, _shock240) = Synthetic(240, 20260102);
        _options = new GeOptions(GeElasticities.Uniform(5));
        _gegravity = new GeOptions(GeElasticities.Uniform(5), GeClosure.Multiplicative, GeNormalization.ReferencePriceIndex("C000"), mode: GeSolutionMode.GegravityCompatible);
        var icio = IcioDataset.LoadEmbedded();
        _icio = icio.Baseline;
        _icio46 = GePresets.Get(GePresets.LiberationDay46).ToShock(_icio, icio.GoodsSectors);
        _icioOthers = GePresets.Get(GePresets.Deal20Others2025).ToShock(_icio, icio.GoodsSectors);
        _icioOptions = new GeOptions(icio.Elasticities().ToElasticities(), tariffTreatment: GeTariffTreatment.Revenue);
    }

    /// <summary>Gravity-shaped flows: lognormal sizes, random locations, distance elasticity −1, domestic bias; a 46% tariff by C000 on C001 plus cost cuts on a few pairs.</summary>
    private static (GeBaseline, GeShock) Synthetic(int n, int seed)
    {
        var rnd = new Random(seed);
        var size = Enumerable.Range(0, n).Select(_ => Math.Exp(2 * Normal(rnd))).ToArray();
        var x = Enumerable.Range(0, n).Select(_ => rnd.NextDouble()).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => rnd.NextDouble()).ToArray();
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var d = i == j ? 0.02 : Math.Sqrt(Math.Pow(x[i] - x[j], 2) + Math.Pow(y[i] - y[j], 2)) + 0.05;
                m[i, j] = size[i] * size[j] / d * (i == j ? 40 : 1) * Math.Exp(0.5 * Normal(rnd));
            }
        }

        var countries = Enumerable.Range(0, n).Select(i => "C" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var costs = Enumerable.Range(0, 10).Select(k => new GeCostChange(countries[2 + k], countries[(3 + 2 * k) % n], 0.3)).DistinctBy(c => (c.Exporter, c.Importer)).Where(c => c.Exporter != c.Importer);
        return (GeBaseline.FromMatrix(countries, m), new GeShock(costs, [new GeTariffChange(countries[1], countries[0], 0.46)]));
    }

    private static double Normal(Random rnd) => Math.Sqrt(-2 * Math.Log(1 - rnd.NextDouble())) * Math.Cos(2 * Math.PI * rnd.NextDouble());

    [Benchmark(Description = "Exact, 30 countries")]
    public GeResult Exact30() => GeSolver.Solve(_synthetic30, _shock30, _options);

    [Benchmark(Description = "gegravity-compatible, 30 countries")]
    public GeResult Gegravity30() => GeSolver.Solve(_synthetic30, _shock30, _gegravity);

    [Benchmark(Description = "Exact, 240 countries")]
    public GeResult Exact240() => GeSolver.Solve(_synthetic240, _shock240, _options);

    [Benchmark(Description = "Exact, ICIO 81 x 28, liberation-day-46 (revenue)")]
    public GeResult Icio46() => GeSolver.Solve(_icio, _icio46, _icioOptions);

    [Benchmark(Description = "Exact, ICIO 81 x 28, deal-20-others-2025 (revenue)")]
    public GeResult IcioOthers() => GeSolver.Solve(_icio, _icioOthers, _icioOptions);
}
