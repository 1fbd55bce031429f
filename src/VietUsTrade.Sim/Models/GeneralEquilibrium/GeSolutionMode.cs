using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>Which equilibrium concept is computed.</summary>
public enum GeSolutionMode
{
    /// <summary>The exact full-endowment equilibrium by exact hat algebra (Dekle, Eaton &amp; Kortum 2008).</summary>
    Exact,

    /// <summary>
    /// Reproduces gegravity v0.3's counterfactual (fixture README §3.2): multilateral resistances solved with output
    /// and expenditure shares held at their baseline values. <b>Not</b> the exact equilibrium: market clearing does not
    /// hold in the counterfactual (the residual is reported in the diagnostics).
    /// </summary>
    GegravityCompatible,
}
