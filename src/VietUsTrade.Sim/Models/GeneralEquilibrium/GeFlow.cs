using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>One observed flow of a baseline: the value of sector <see cref="Sector"/> goods made in the exporter and bought by the importer (US dollars, any common unit).</summary>
public sealed class GeFlow
{
    /// <summary>Exporter code (e.g. ISO3).</summary>
    public string Exporter { get; }

    /// <summary>Importer code; equal to the exporter for domestic sales.</summary>
    public string Importer { get; }

    /// <summary>Value at producer prices (net of tariffs), finite and ≥ 0.</summary>
    public double Value { get; }

    /// <summary>Sector name ("ALL" for a one-sector model).</summary>
    public string Sector { get; }

    /// <summary>Creates a <see cref="GeFlow"/> from its values.</summary>
    /// <param name="Exporter">Exporter code (e.g. ISO3).</param>
    /// <param name="Importer">Importer code; equal to the exporter for domestic sales.</param>
    /// <param name="Value">Value at producer prices (net of tariffs), finite and ≥ 0.</param>
    /// <param name="Sector">Sector name ("ALL" for a one-sector model).</param>
    public GeFlow(string Exporter, string Importer, double Value, string Sector = GeBaseline.SingleSectorName)
    {
        this.Exporter = Exporter;
        this.Importer = Importer;
        this.Value = Value;
        this.Sector = Sector;
    }
}
