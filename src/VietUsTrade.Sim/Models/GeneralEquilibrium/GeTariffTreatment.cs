using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>How a tariff change enters the model.</summary>
public enum GeTariffTreatment
{
    /// <summary>
    /// Iceberg-equivalent trade cost: B_ij = ((1+τ′)/(1+τ))^(1−σ), no tariff revenue (the gegravity convention,
    /// fixture README §2).
    /// </summary>
    Iceberg,

    /// <summary>
    /// Ad valorem tax: importers' shares respond to tariff-inclusive prices, producers receive the value net of
    /// the tariff (flows at producer prices fall with exponent −σ) and the revenue is part of the importer's
    /// expenditure (Costinot &amp; Rodríguez-Clare 2014, §3.4; Caliendo &amp; Parro 2015, eq. 8).
    /// </summary>
    Revenue,
}
