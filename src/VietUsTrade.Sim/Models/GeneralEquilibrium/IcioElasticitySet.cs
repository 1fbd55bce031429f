namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>A set of sector trade elasticities from the OECD ICIO folder (tariffwar package).</summary>
public sealed class IcioElasticitySet
{
    /// <summary>Source code: IS, U4, CP, BSY, GYY, Shap, FGO, LL.</summary>
    public string Code { get; }

    /// <summary>The source's name, e.g. "bagwell_staiger_yurukoglu_2021".</summary>
    public string Source { get; }

    internal IReadOnlyDictionary<string, double> ThetaBySector { get; }

    internal IcioElasticitySet(string Code, string Source, IReadOnlyDictionary<string, double> ThetaBySector)
    {
        this.Code = Code;
        this.Source = Source;
        this.ThetaBySector = ThetaBySector;
    }

    /// <summary>The set as GE elasticities.</summary>
    /// <returns>σ = θ + 1 by sector.</returns>
    public GeElasticities ToElasticities() => GeElasticities.FromTheta(ThetaBySector);
}
