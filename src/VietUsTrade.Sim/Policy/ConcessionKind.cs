using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>What a market-access concession by Vietnam does to its tariff on US goods.</summary>
public enum ConcessionKind
{
    /// <summary>Decree 73/2025/ND-CP MFN cuts (in force 2025-03-31; all WTO members, the US included).</summary>
    Decree73,

    /// <summary>"Substantially all US goods" at a uniform rate (the 2025 framework): every line above the rate is cut to it.</summary>
    UniformRate,

    /// <summary>Cuts on listed products to a given rate.</summary>
    ListedProducts,
}
