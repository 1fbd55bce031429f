using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>One observed flow of a baseline: the value of sector <paramref name="Sector"/> goods made in the exporter and bought by the importer (US dollars, any common unit).</summary>
/// <param name="Exporter">Exporter code (e.g. ISO3).</param>
/// <param name="Importer">Importer code; equal to the exporter for domestic sales.</param>
/// <param name="Value">Value at producer prices (net of tariffs), finite and ≥ 0.</param>
/// <param name="Sector">Sector name ("ALL" for a one-sector model).</param>
public sealed record GeFlow(string Exporter, string Importer, double Value, string Sector = GeBaseline.SingleSectorName);
