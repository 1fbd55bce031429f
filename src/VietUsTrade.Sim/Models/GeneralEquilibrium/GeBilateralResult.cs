using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>One pair's baseline and counterfactual flow (producer prices).</summary>
/// <param name="Sector">Sector, or <see cref="GeBaseline.SingleSectorName"/> / "TOTAL" for sums over sectors.</param>
/// <param name="Exporter">Exporter.</param>
/// <param name="Importer">Importer.</param>
/// <param name="Baseline">X_ij.</param>
/// <param name="Counterfactual">X′_ij.</param>
public sealed record GeBilateralResult(string Sector, string Exporter, string Importer, double Baseline, double Counterfactual)
{
    /// <summary>100(X′/X − 1); 0 when the baseline flow is 0.</summary>
    public double ChangePct => GeCountryResult.Pct(Counterfactual, Baseline);
}
