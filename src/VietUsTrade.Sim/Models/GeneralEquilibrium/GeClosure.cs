using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>How trade imbalances are held in the counterfactual.</summary>
public enum GeClosure
{
    /// <summary>
    /// Additive, fixed nominal deficits: E′_j = Y_j·ŵ_j + D_j with D_j = E_j − Y_j fixed in units of the numeraire
    /// (Dekle, Eaton &amp; Kortum 2008, eq. 11; the default of Zylkin's ge_gravity). Each country's aggregate trade
    /// balance is therefore unchanged by construction.
    /// </summary>
    Additive,

    /// <summary>
    /// Multiplicative imbalances: E′_j = φ_j·Y_j·ŵ_j with φ_j = E_j/Y_j fixed (gegravity; ge_gravity with mult=TRUE).
    /// The aggregate balance moves in proportion to the country's nominal output.
    /// </summary>
    Multiplicative,
}
