using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>One pair's baseline and counterfactual flow (producer prices).</summary>
public sealed class GeBilateralResult
{
    internal string Sector { get; }

    /// <summary>Exporter.</summary>
    public string Exporter { get; }

    /// <summary>Importer.</summary>
    public string Importer { get; }

    /// <summary>X_ij.</summary>
    public double Baseline { get; }

    /// <summary>X′_ij.</summary>
    public double Counterfactual { get; }

    internal GeBilateralResult(string Sector, string Exporter, string Importer, double Baseline, double Counterfactual)
    {
        this.Sector = Sector;
        this.Exporter = Exporter;
        this.Importer = Importer;
        this.Baseline = Baseline;
        this.Counterfactual = Counterfactual;
    }

    /// <summary>100(X′/X − 1); 0 when the baseline flow is 0.</summary>
    public double ChangePct => GeCountryResult.Pct(Counterfactual, Baseline);
}
