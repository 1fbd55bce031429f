namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>Work arrays of one evaluation of the excess-demand system, allocated once per solve.</summary>
internal sealed class GeEvaluation(int n, int s)
{
    public double[] Phi { get; } = new double[s * n];

    public double[] K { get; } = new double[s * n];

    public double[] ExpenditureGross { get; } = new double[n];

    public double[] Demand { get; } = new double[n];

    public double[] OwnDerivative { get; } = new double[n];

    public double[] KOverPhi { get; } = new double[s * n];

    /// <summary>Σ_s α τ′/(1+τ′) λ′ per importer (revenue treatment).</summary>
    public double[] TaxShare { get; } = new double[n];

    /// <summary>Σ_i λ B T τ′/(1+τ′) ĉ_i per importer, one sector at a time.</summary>
    public double[] TaxAcc { get; } = new double[n];

    /// <summary>Σ_j WNet_ij k_j per exporter, one sector at a time.</summary>
    public double[] Acc { get; } = new double[n];

    /// <summary>Σ_j WNetW_ij (k/Φ)_j per exporter, one sector at a time.</summary>
    public double[] Acc2 { get; } = new double[n];

    /// <summary>The own-price term −Σ_s θ_s (…) per exporter.</summary>
    public double[] OwnPrice { get; } = new double[n];

    /// <summary>Σ_s X′_ii,s per country.</summary>
    public double[] Domestic { get; } = new double[n];

    public double Kappa { get; set; }

    public double MaxResidual { get; set; }

    public int BadCountry { get; set; } = -1;
}
