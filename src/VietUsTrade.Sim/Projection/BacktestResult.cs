namespace VietUsTrade.Sim.Projection;

/// <summary>The result of a backtest: every origin and the scores pooled over all (origin, month) pairs.</summary>
/// <param name="Scenario">The scenario name.</param>
/// <param name="Vintage">The observed data's vintage.</param>
/// <param name="Options">The options run.</param>
/// <param name="Origins">One entry per origin, in order.</param>
/// <param name="Pooled">Scores by metric over every scored month of every origin.</param>
/// <param name="Notes">What the backtest assumes (shared preparation, what is scored).</param>
public sealed record BacktestResult(string Scenario, string Vintage, BacktestOptions Options, IReadOnlyList<BacktestOrigin> Origins, IReadOnlyDictionary<string, BacktestScore> Pooled,
    IReadOnlyList<string> Notes);
