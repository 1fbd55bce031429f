namespace VietUsTrade.Sim.Policy;

/// <summary>The legal layer a measure belongs to; it decides how the measure stacks (see <see cref="TariffMeasure"/>).</summary>
public enum MeasureKind
{
    /// <summary>IEEPA "reciprocal" tariff (EO 14257 as amended). Not applied to Section 232 goods or to exempt lines.</summary>
    Reciprocal,

    /// <summary>IEEPA transshipment penalty (EO 14326 §3): its rate replaces the reciprocal rate on <see cref="TariffMeasure.ShareOfGoods"/> of a supplier's goods.</summary>
    Transshipment,

    /// <summary>IEEPA "fentanyl" tariffs on China, Canada and Mexico (EOs 14193–14195). Stacks on everything.</summary>
    Fentanyl,

    /// <summary>Section 232 (national security) product tariffs. Where several cover a line the highest applies; they displace the reciprocal, Section 122 and Section 301 layers.</summary>
    Section232,

    /// <summary>Section 122 balance-of-payments surcharge (2026-02-24 to 2026-07-23). Not applied to Section 232 goods.</summary>
    Section122,

    /// <summary>Section 301 actions (e.g. the 2026 forced-labor action, 12.5% on Vietnam). Not applied to Section 232 goods.</summary>
    Section301,

    /// <summary>A user's additional ad valorem duty that stacks on everything (what-if lever).</summary>
    Additional,

    /// <summary>
    /// A minimum import price (e.g. the Section 232 polysilicon action of 2026-08-06): a specific duty equal to the
    /// shortfall of the entered unit value below a floor per unit, applied as its ad valorem equivalent
    /// max(0, floor / unit value − 1) on top of every other duty (see <see cref="MinimumPrice"/>).
    /// </summary>
    MinimumImportPrice,
}
