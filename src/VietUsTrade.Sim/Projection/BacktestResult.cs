namespace VietUsTrade.Sim.Projection;

/// <summary>The result of a backtest: every origin and the scores pooled over all (origin, month) pairs.</summary>
public sealed class BacktestResult
{
    /// <summary>The scenario name.</summary>
    public string Scenario { get; }

    /// <summary>The observed data's vintage.</summary>
    public string Vintage { get; }

    /// <summary>The options run.</summary>
    public BacktestOptions Options { get; }

    /// <summary>One entry per origin, in order.</summary>
    public IReadOnlyList<BacktestOrigin> Origins { get; }

    /// <summary>Scores by metric over every scored month of every origin.</summary>
    public IReadOnlyDictionary<string, BacktestScore> Pooled { get; }

    /// <summary>What the backtest assumes (shared preparation, what is scored).</summary>
    public IReadOnlyList<string> Notes { get; }

    internal BacktestResult(string Scenario, string Vintage, BacktestOptions Options, IReadOnlyList<BacktestOrigin> Origins, IReadOnlyDictionary<string, BacktestScore> Pooled, IReadOnlyList<string> Notes)
    {
        this.Scenario = Scenario;
        this.Vintage = Vintage;
        this.Options = Options;
        this.Origins = Origins;
        this.Pooled = Pooled;
        this.Notes = Notes;
    }
}
