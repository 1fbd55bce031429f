namespace VietUsTrade.Sim.Data.Ge;

/// <summary>One elasticity set as read.</summary>
/// <param name="Code">Source code (BSY, IS, …).</param>
/// <param name="Source">The source's name.</param>
/// <param name="ThetaBySector">θ by sector.</param>
internal sealed record IcioElasticityTable(string Code, string Source, IReadOnlyDictionary<string, double> ThetaBySector);
