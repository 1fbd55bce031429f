using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>Baseline and counterfactual of a balance (exports − imports, US dollars).</summary>
public sealed class GeBalance
{
    /// <summary>Baseline balance.</summary>
    public double Baseline { get; }

    /// <summary>Counterfactual balance.</summary>
    public double Counterfactual { get; }

    /// <summary>Creates a <see cref="GeBalance"/> from its values.</summary>
    /// <param name="Baseline">Baseline balance.</param>
    /// <param name="Counterfactual">Counterfactual balance.</param>
    public GeBalance(double Baseline, double Counterfactual)
    {
        this.Baseline = Baseline;
        this.Counterfactual = Counterfactual;
    }

    /// <summary>Counterfactual − baseline.</summary>
    internal double Change => Counterfactual - Baseline;
}
