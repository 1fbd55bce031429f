using BenchmarkDotNet.Attributes;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Projection;

namespace VietUsTrade.Sim.Benchmarks;

/// <summary>Sub-datasets with the <c>lines</c> largest Vietnam lines (in code order) of the bundled baseline, for scaling runs.</summary>
internal static class ProjectionData
{
    public const int AllLines = 7272;

    public static BaselineDataset WithLines(int lines)
    {
        var d = BaselineDataset.LoadEmbedded();
        if (lines >= d.LinesArray.Length)
        {
            return d;
        }

        var keep = d.LinesArray.Select((l, i) => (l, i)).OrderByDescending(x => x.l.Vietnam.ValueUsd).ThenBy(x => x.i).Take(lines).OrderBy(x => x.i).Select(x => x.l).ToArray();
        return new BaselineDataset(d.Header, d.Sources, d.PartnersArray, d.ChaptersArray, d.MfnArray, keep, d.ExportsArray, d.MonthlyArray);
    }
}

/// <summary>
/// Preparing the real-2025-2026 projection to 2030-12: rates of every cell on each change date, the regimes, and the
/// exact PE response of every regime on the elasticity grid (25 nodes; 5 share nodes while the transshipment rule is in
/// force). Scales with the number of lines.
/// </summary>
[MemoryDiagnoser]
public class ProjectionPrepareBenchmarks
{
    private BaselineDataset _data = null!;
    private Scenario _scenario = null!;

    /// <summary>Number of import lines.</summary>
    [Params(1000, ProjectionData.AllLines)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = ProjectionData.WithLines(Lines);
        _scenario = Presets.Get("real-2025-2026");
    }

    [Benchmark]
    public ProjectionModel Prepare() => ProjectionModel.Create(_data, _scenario);
}

/// <summary>
/// Monte Carlo of the prepared real-2025-2026 projection (72 months, 2025–2030): N draws of the seven uncertain inputs,
/// annual quantiles from all draws, monthly quantiles from the first 20,000, diversion bands for 10 competitors, both
/// cores. The per-draw cost does not depend on the number of lines (the regimes' responses are tabulated).
/// </summary>
[MemoryDiagnoser]
public class ProjectionMonteCarloBenchmarks
{
    private ProjectionModel _model = null!;

    /// <summary>Monte Carlo draws.</summary>
    [Params(1000, 10000, 100000)]
    public int Draws { get; set; }

    /// <summary>Number of import lines.</summary>
    [Params(1000, ProjectionData.AllLines)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup() => _model = ProjectionModel.Create(ProjectionData.WithLines(Lines), Presets.Get("real-2025-2026"));

    [Benchmark]
    public MonteCarloResult MonteCarlo() => _model.MonteCarlo(new MonteCarloOptions(Draws, 2026));
}
