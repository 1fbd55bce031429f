using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>
/// A change of a non-tariff trade cost: Δ ln t_ij^(1−σ), i.e. the log of B_ij = t̂_ij^(1−σ) (gegravity's "cost
/// shock"; fixture README §3). Positive values lower the cost (more trade).
/// </summary>
public sealed class GeCostChange
{
    /// <summary>Exporter code.</summary>
    public string Exporter { get; }

    /// <summary>Importer code.</summary>
    public string Importer { get; }

    /// <summary>Δ ln t^(1−σ), finite.</summary>
    public double DeltaLogCost { get; }

    /// <summary>The sector, or null for every sector.</summary>
    public string? Sector { get; }

    /// <summary>Creates a <see cref="GeCostChange"/> from its values.</summary>
    /// <param name="Exporter">Exporter code.</param>
    /// <param name="Importer">Importer code.</param>
    /// <param name="DeltaLogCost">Δ ln t^(1−σ), finite.</param>
    /// <param name="Sector">The sector, or null for every sector.</param>
    public GeCostChange(string Exporter, string Importer, double DeltaLogCost, string? Sector = null)
    {
        this.Exporter = Exporter;
        this.Importer = Importer;
        this.DeltaLogCost = DeltaLogCost;
        this.Sector = Sector;
    }
}
