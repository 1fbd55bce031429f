using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>A new ad valorem tariff on one pair (fraction: 0.20 = 20 %).</summary>
public sealed class GeTariffChange
{
    internal string Exporter { get; }

    internal string Importer { get; }

    internal double NewRate { get; }

    internal double BaselineRate { get; }

    internal string? Sector { get; }

    /// <summary>Creates a <see cref="GeTariffChange"/> from its values.</summary>
    /// <param name="Exporter">Exporter code.</param>
    /// <param name="Importer">Importer (the country levying the tariff).</param>
    /// <param name="NewRate">The counterfactual rate τ′ ≥ 0.</param>
    /// <param name="BaselineRate">The rate already in the baseline flows, τ ≥ 0 (default 0).</param>
    /// <param name="Sector">The sector, or null for every sector.</param>
    public GeTariffChange(string Exporter, string Importer, double NewRate, double BaselineRate = 0.0, string? Sector = null)
    {
        this.Exporter = Exporter;
        this.Importer = Importer;
        this.NewRate = NewRate;
        this.BaselineRate = BaselineRate;
        this.Sector = Sector;
    }
}
