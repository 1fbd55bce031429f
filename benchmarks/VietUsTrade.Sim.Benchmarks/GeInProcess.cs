using System.Diagnostics;
using System.Globalization;
using VietUsTrade.Sim.Models.GeneralEquilibrium;

namespace VietUsTrade.Sim.Benchmarks;

/// <summary>
/// In-process GE timings outside BenchmarkDotNet, for the side-by-side comparison with the numpy peer
/// (benchmarks/peers/run.sh): the first call in a fresh process (JIT included), the warm median, the bytes allocated
/// per warm solve, and optionally every output number as raw bits for before/after identity checks.
/// </summary>
/// <remarks>
/// usage: <c>VietUsTrade.Sim.Benchmarks --ge-inprocess CASE [--warmup-seconds W] [--repeat-seconds S] [--tolerance T] [--dump FILE]</c> with CASE one of
/// exact30, exact240, gegravity30, mult240, revenue240, icio46, icio-others, icio46-iceberg-mult, or
/// <c>files:DIR:SIGMA</c> (DIR/flows.csv and DIR/shock.csv as read by <c>vietus-sim ge solve</c>);
/// <c>--ge-compare A B</c> prints the largest absolute and relative difference between two dumps.
/// </remarks>
internal static class GeInProcess
{
    public static int Run(string[] args)
    {
        if (args[0] == "--ge-compare")
        {
            return Compare(args[1], args[2]);
        }

        var name = args[1];
        var seconds = 1.5;
        var warmup = 1.0;
        string? dump = null;
        double? tolerance = null;
        for (var k = 2; k + 1 < args.Length; k += 2)
        {
            switch (args[k])
            {
                case "--repeat-seconds": seconds = double.Parse(args[k + 1], CultureInfo.InvariantCulture); break;
                case "--warmup-seconds": warmup = double.Parse(args[k + 1], CultureInfo.InvariantCulture); break;
                case "--dump": dump = args[k + 1]; break;
                case "--tolerance": tolerance = double.Parse(args[k + 1], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException("unknown option " + args[k]);
            }
        }

        var (baseline, shock, options) = Case(name);
        if (tolerance is { } tol)
        {
            options = new GeOptions(options.Elasticities, options.Closure, options.Normalization, options.TariffTreatment, options.Mode, tol, options.MaxIterations, options.Damping);
        }
        var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        var watch = Stopwatch.StartNew();
        var result = GeSolver.Solve(baseline, shock, options);
        var first = watch.Elapsed.TotalMilliseconds;
        jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods;
        var jitMs = (System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds;
        // Untimed solves first, so that a JIT build has moved the hot methods to optimised (tier-1) code, as
        // BenchmarkDotNet's warm-up does; a ReadyToRun build starts from optimised code.
        for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < warmup;)
        {
            GeSolver.Solve(baseline, shock, options);
        }

        var times = new List<double>();
        var solver = new List<double>();
        var total = Stopwatch.StartNew();
        long allocated = long.MaxValue;
        GeResult? last = null;
        while (times.Count < 15 || (total.Elapsed.TotalSeconds < seconds && times.Count < 2000))
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            watch.Restart();
            var warm = GeSolver.Solve(baseline, shock, options);
            times.Add(watch.Elapsed.TotalMilliseconds);
            solver.Add(warm.Diagnostics.Elapsed.TotalMilliseconds);
            last = warm;
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        times.Sort();
        solver.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"C#: case={name} N={baseline.CountryCount} S={baseline.SectorCount} iterations={result.Diagnostics.Iterations} solve_ms_first={first:F3} first_call_jit_methods={jitMethods} first_call_jit_ms={jitMs:F1} solve_ms_median={times[times.Count / 2]:F3} solve_ms_min={times[0]:F3} set_up_and_iterations_ms_median={solver[solver.Count / 2]:F3} solves={times.Count} allocated_bytes_per_solve={allocated} warm_result_bits_equal_first={Numbers(last!).SequenceEqual(Numbers(result), BitEquality.Instance)}"));
        if (dump is not null)
        {
            using var writer = new BinaryWriter(File.Create(dump));
            foreach (var v in Numbers(result))
            {
                writer.Write(v);
            }
        }

        return 0;
    }

    private static (GeBaseline, GeShock, GeOptions) Case(string name)
    {
        if (name.StartsWith("files:", StringComparison.Ordinal))
        {
            var parts = name.Split(':');
            return (ReadFlows(Path.Combine(parts[1], "flows.csv")), ReadShock(Path.Combine(parts[1], "shock.csv")), new GeOptions(GeElasticities.Uniform(double.Parse(parts[2], CultureInfo.InvariantCulture))));
        }

        var uniform = GeElasticities.Uniform(5);
        switch (name)
        {
            case "exact30": return With(GeSyntheticCase.Create(30, 20260101), new GeOptions(uniform));
            case "exact240": return With(GeSyntheticCase.Create(240, 20260102), new GeOptions(uniform));
            case "gegravity30": return With(GeSyntheticCase.Create(30, 20260101), new GeOptions(uniform, GeClosure.Multiplicative, GeNormalization.ReferencePriceIndex("C000"), mode: GeSolutionMode.GegravityCompatible));
            case "mult240": return With(GeSyntheticCase.Create(240, 20260102), new GeOptions(uniform, GeClosure.Multiplicative, GeNormalization.ReferencePriceIndex("C000")));
            case "revenue240": return With(GeSyntheticCase.Create(240, 20260102), new GeOptions(uniform, tariffTreatment: GeTariffTreatment.Revenue));
        }

        var icio = IcioDataset.LoadEmbedded();
        var elasticities = icio.Elasticities().ToElasticities();
        return name switch
        {
            "icio46" => (icio.Baseline, GePresets.Get(GePresets.LiberationDay46).ToShock(icio.Baseline, icio.GoodsSectors), new GeOptions(elasticities, tariffTreatment: GeTariffTreatment.Revenue)),
            "icio-others" => (icio.Baseline, GePresets.Get(GePresets.Deal20Others2025).ToShock(icio.Baseline, icio.GoodsSectors), new GeOptions(elasticities, tariffTreatment: GeTariffTreatment.Revenue)),
            "icio46-iceberg-mult" => (icio.Baseline, GePresets.Get(GePresets.LiberationDay46).ToShock(icio.Baseline, icio.GoodsSectors), new GeOptions(elasticities, GeClosure.Multiplicative, GeNormalization.ReferencePriceIndex("USA"), GeTariffTreatment.Iceberg)),
            _ => throw new ArgumentException("unknown case " + name),
        };
    }

    private sealed class BitEquality : IEqualityComparer<double>
    {
        public static readonly BitEquality Instance = new();

        public bool Equals(double x, double y) => BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y);

        public int GetHashCode(double obj) => obj.GetHashCode();
    }

    private static (GeBaseline, GeShock, GeOptions) With((GeBaseline Baseline, GeShock Shock) c, GeOptions o) => (c.Baseline, c.Shock, o);

    /// <summary>Every country figure and every counterfactual flow, in a fixed order.</summary>
    private static IEnumerable<double> Numbers(GeResult r)
    {
        foreach (var c in r.Countries)
        {
            yield return c.FactoryGatePriceHat;
            yield return c.PriceIndexHat;
            yield return c.OutputBaseline;
            yield return c.OutputCounterfactual;
            yield return c.ExpenditureBaseline;
            yield return c.ExpenditureCounterfactual;
            yield return c.ExportsBaseline;
            yield return c.ExportsCounterfactual;
            yield return c.ImportsBaseline;
            yield return c.ImportsCounterfactual;
            yield return c.TariffRevenueBaseline;
            yield return c.TariffRevenueCounterfactual;
        }

        int n = r.Baseline.CountryCount;
        for (var s = 0; s < r.Baseline.SectorCount; s++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    yield return r.CounterfactualFlow(s, i, j);
                }
            }
        }

        yield return r.Diagnostics.Iterations;
        yield return r.Diagnostics.MaxResidual;
        yield return r.Diagnostics.Kappa;
    }

    private static int Compare(string a, string b)
    {
        var x = Read(a);
        var y = Read(b);
        if (x.Length != y.Length)
        {
            Console.WriteLine($"different lengths {x.Length} and {y.Length}");
            return 1;
        }

        double maxAbs = 0, maxRel = 0;
        var differing = 0;
        for (var k = 0; k < x.Length; k++)
        {
            if (BitConverter.DoubleToInt64Bits(x[k]) != BitConverter.DoubleToInt64Bits(y[k]))
            {
                differing++;
                var d = Math.Abs(x[k] - y[k]);
                maxAbs = Math.Max(maxAbs, d);
                maxRel = Math.Max(maxRel, d / Math.Max(Math.Abs(x[k]), double.Epsilon));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"numbers={x.Length} differing_bits={differing} max_abs_diff={maxAbs:G3} max_rel_diff={maxRel:G3}"));
        return 0;
    }

    private static double[] Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var values = new double[bytes.Length / 8];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }

    private static GeBaseline ReadFlows(string path) => GeBaseline.FromFlows(Rows(path).Select(r => new GeFlow(r[0], r[1], Number(r[2]), GeBaseline.SingleSectorName)));

    private static GeShock ReadShock(string path) => GeShock.FromCostChanges(Rows(path).Select(r => new GeCostChange(r[0], r[1], Number(r[2]))));

    private static IEnumerable<string[]> Rows(string path) => File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','));

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
