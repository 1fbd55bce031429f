using VietUsTrade.Sim.Models.GeneralEquilibrium;

namespace VietUsTrade.Sim.Benchmarks;

/// <summary>The synthetic GE inputs shared by <see cref="GeBenchmarks"/> and <see cref="GeInProcess"/>.</summary>
internal static class GeSyntheticCase
{
    /// <summary>Gravity-shaped flows: lognormal sizes, random locations, distance elasticity −1, domestic bias; a 46% tariff by C000 on C001 plus cost cuts on a few pairs.</summary>
    public static (GeBaseline Baseline, GeShock Shock) Create(int n, int seed)
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
}
