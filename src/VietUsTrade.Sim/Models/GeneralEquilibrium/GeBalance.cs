using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>Baseline and counterfactual of a balance (exports − imports, US dollars).</summary>
/// <param name="Baseline">Baseline balance.</param>
/// <param name="Counterfactual">Counterfactual balance.</param>
public sealed record GeBalance(double Baseline, double Counterfactual)
{
    /// <summary>Counterfactual − baseline.</summary>
    public double Change => Counterfactual - Baseline;
}
