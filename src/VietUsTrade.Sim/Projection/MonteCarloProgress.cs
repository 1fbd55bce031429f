using System.Globalization;

namespace VietUsTrade.Sim.Projection;

/// <summary>Progress of a Monte Carlo run.</summary>
public sealed class MonteCarloProgress
{
    /// <summary>Draws finished.</summary>
    public int CompletedDraws { get; }

    internal int TotalDraws { get; }

    internal MonteCarloProgress(int CompletedDraws, int TotalDraws)
    {
        this.CompletedDraws = CompletedDraws;
        this.TotalDraws = TotalDraws;
    }
}
