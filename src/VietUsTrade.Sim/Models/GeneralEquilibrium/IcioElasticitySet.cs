namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>A set of sector trade elasticities from the OECD ICIO folder (tariffwar package).</summary>
/// <param name="Code">Source code: IS, U4, CP, BSY, GYY, Shap, FGO, LL.</param>
/// <param name="Source">The source's name, e.g. "bagwell_staiger_yurukoglu_2021".</param>
/// <param name="ThetaBySector">Trade elasticity θ (= σ − 1) by ICIO sector.</param>
public sealed record IcioElasticitySet(string Code, string Source, IReadOnlyDictionary<string, double> ThetaBySector)
{
    /// <summary>The set as GE elasticities.</summary>
    /// <returns>σ = θ + 1 by sector.</returns>
    public GeElasticities ToElasticities() => GeElasticities.FromTheta(ThetaBySector);
}
