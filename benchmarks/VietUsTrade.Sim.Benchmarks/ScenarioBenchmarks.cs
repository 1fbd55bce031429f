using BenchmarkDotNet.Attributes;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Policy;

namespace VietUsTrade.Sim.Benchmarks;

/// <summary>The policy layer and one PE scenario on the bundled baseline (7,272 Vietnam lines, all their suppliers).</summary>
[MemoryDiagnoser]
public class ScenarioBenchmarks
{
    private BaselineDataset _data = null!;
    private TariffSchedule _real = null!;
    private PeProblem _problem = null!;
    private Scenario _reciprocal20 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = BaselineDataset.LoadEmbedded();
        _real = TariffSchedule.Compile(Presets.Get("real-2025-2026"), _data);
        _reciprocal20 = Presets.Get("reciprocal-20");
        var rates = TariffSchedule.Compile(_reciprocal20, _data).RatesOn(new DateOnly(2025, 12, 1));
        _problem = ScenarioModel.BuildProblem(_data, rates.BaseToArray(), rates.ToArray(), PeRunOptions.Default);
    }

    /// <summary>Every cell's rate (7,272 lines × their suppliers) under the real timeline on one date, with Vietnam's layer breakdown.</summary>
    [Benchmark]
    public double EffectiveRatesOnADate() => _real.RatesOn(new DateOnly(2025, 12, 1)).Rate(0, 0);

    /// <summary>Vietnam's ETR path 2025–2026 (about 20 dates) under the real timeline.</summary>
    [Benchmark]
    public int EtrPath2025To2026() => _real.VietnamEtrPath(new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31)).Count;

    /// <summary>The exact PE solve of one scenario over all lines and suppliers (the problem built beforehand).</summary>
    [Benchmark]
    public double ExactPeSolveAllLines() => PeSolver.Solve(_problem).Totals.NewImports;

    /// <summary>A whole scenario run: compile, rates, problem, solve, export side, summaries.</summary>
    [Benchmark]
    public double ScenarioRunEndToEnd() => ScenarioModel.Run(_data, _reciprocal20, PeRunOptions.Default).Result.BalanceUsd;
}
