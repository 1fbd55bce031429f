using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>What one HTS10 line from one supplier pays on a date: the 2024 applied rate and every layer on top.</summary>
/// <param name="Line">The HTS10 code.</param>
/// <param name="Description">The HS 2022 description.</param>
/// <param name="PartnerCode">The supplier's Census code.</param>
/// <param name="PartnerName">The supplier's Census name.</param>
/// <param name="Date">The entry date.</param>
/// <param name="BaseRate">The 2024 applied rate: Census calculated duty / customs value of the cell (MFN, and for China the 2018–19 Section 301 duties), or the MFN ad valorem rate when the cell had no 2024 imports.</param>
/// <param name="TotalRate">The rate on the date: <paramref name="BaseRate"/> + the layers (floored at 0).</param>
/// <param name="Layers">The measures in force that add to the rate, in the scenario's order.</param>
/// <param name="Imports2024Usd">US imports for consumption of the line from the supplier in 2024, customs value, US dollars.</param>
public sealed record LineTariff(HtsCode Line, string Description, string PartnerCode, string PartnerName, DateOnly Date, double BaseRate, double TotalRate,
    IReadOnlyList<TariffLayer> Layers, double Imports2024Usd)
{
    /// <summary>Measures in force on the supplier whose products reach the line but an exemption list (or the measure's own exempt codes) removes it.</summary>
    public IReadOnlyList<TariffExemption> Exemptions { get; init; } = [];
}
