using BenchmarkDotNet.Attributes;
using VietUsTrade.Sim.Data;

namespace VietUsTrade.Sim.Benchmarks;

/// <summary>Loading the bundled dataset from the embedded resource (decompress + deserialize), uncached.</summary>
[MemoryDiagnoser]
public class DatasetBenchmarks
{
    private byte[] _compressed = [];

    [GlobalSetup]
    public void Setup()
    {
        using var s = typeof(BaselineDataset).Assembly.GetManifestResourceStream("VietUsTrade.Sim.baseline-2024.bin.gz")!;
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        _compressed = ms.ToArray();
    }

    [Benchmark]
    public int LoadBaselineFromResource()
    {
        using var s = typeof(BaselineDataset).Assembly.GetManifestResourceStream("VietUsTrade.Sim.baseline-2024.bin.gz")!;
        return BaselineDataset.Read(s).ImportLines.Count;
    }

    [Benchmark]
    public int LoadBaselineFromBytes()
    {
        using var ms = new MemoryStream(_compressed);
        return BaselineDataset.Read(ms).ImportLines.Count;
    }
}
