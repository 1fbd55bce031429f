using System.Globalization;

namespace VietUsTrade.Sim.Projection;

/// <summary>Progress of a Monte Carlo run.</summary>
/// <param name="CompletedDraws">Draws finished.</param>
/// <param name="TotalDraws">Draws requested.</param>
public sealed record MonteCarloProgress(int CompletedDraws, int TotalDraws);
