using System.Globalization;
using VietUsTrade.Sim.Models.PartialEquilibrium;

namespace VietUsTrade.Sim.Projection;

/// <summary>Which inputs are uncertain in a Monte Carlo run, and their dispersions. Sources in docs/models/projection.md.</summary>
/// <param name="ElasticityLogSd">λ: the log standard deviation of the common elasticity scale S = exp(λz), z ~ N(0,1) truncated at ±4; null = from Hauk (2012) standard errors (value-weighted mean relative standard error of ε over Vietnam's lines that have one); 0 = off.</param>
/// <param name="LongRunElasticityLow">Low end of the uniform range of the BLP (2023) long-run trade elasticity that sets κ(12) = 0.76/LR (default 1.75).</param>
/// <param name="LongRunElasticityHigh">High end (default 2.25). Equal ends = no adjustment-speed uncertainty. Drawn only when the projection uses the BLP kernel (a custom kernel stays fixed).</param>
/// <param name="TransshipmentShareHigh">Upper end of the triangular distribution of the transshipment share (mode = the scenario's share, low 0); default 0.25 (the transshipment-enforced preset). null = off.</param>
/// <param name="Commitments">Draw each commitment's fulfilment and additionality from triangular(low, central, high) (one common quantile for all commitments).</param>
/// <param name="BaselineGrowth">Draw the log growth of the no-policy paths from N(ĝ, se(ĝ)) (and, for a nowcast, the state-space disturbances).</param>
/// <param name="RelocationShareHigh">Upper end of the triangular distribution of the relocation share ρ (low 0, mode the central ρ); default 0.18, so that CES + ρ reaches ≈ 0.26, Vietnam's gain over China's loss from 2018 to 2020 (+$27.0 bn against −$103.8 bn). null = off. Drawn only when the central ρ is positive.</param>
public sealed record UncertaintySpec(
    double? ElasticityLogSd = null,
    double LongRunElasticityLow = 1.75,
    double LongRunElasticityHigh = 2.25,
    double? TransshipmentShareHigh = 0.25,
    bool Commitments = true,
    bool BaselineGrowth = true,
    double? RelocationShareHigh = 0.18)
{
    // The single-field rules are checked when set (constructor and with alike); Validate keeps the rule that joins the
    // two long-run ends.

    /// <summary>λ, null or in [0, 2].</summary>
    internal double? ElasticityLogSd { get; init => field = Rule(value, value is null or (>= 0 and <= 2), nameof(ElasticityLogSd), "must be in [0, 2]"); }
        = Rule(ElasticityLogSd, ElasticityLogSd is null or (>= 0 and <= 2), nameof(ElasticityLogSd), "must be in [0, 2]");

    /// <summary>Upper end of the transshipment share, null or in [0, 1].</summary>
    internal double? TransshipmentShareHigh { get; init => field = Rule(value, value is null or (>= 0 and <= 1), nameof(TransshipmentShareHigh), "must be in [0, 1]"); }
        = Rule(TransshipmentShareHigh, TransshipmentShareHigh is null or (>= 0 and <= 1), nameof(TransshipmentShareHigh), "must be in [0, 1]");

    /// <summary>Upper end of the relocation share, null or in [0, 0.5].</summary>
    internal double? RelocationShareHigh { get; init => field = Rule(value, value is null or (>= 0 and <= 0.5), nameof(RelocationShareHigh), "must be in [0, 0.5]"); }
        = Rule(RelocationShareHigh, RelocationShareHigh is null or (>= 0 and <= 0.5), nameof(RelocationShareHigh), "must be in [0, 0.5]");

    /// <summary>All documented uncertainties on.</summary>
    public static UncertaintySpec Default { get; } = new();

    /// <summary>No uncertainty: every draw equals the deterministic projection.</summary>
    public static UncertaintySpec None { get; } = new(0.0, 2.0, 2.0, null, false, false, null);

    /// <summary>Checks the rule that joins the long-run ends (every single-field rule is checked when the field is set).</summary>
    /// <exception cref="ArgumentException">A field is out of range (named with its value).</exception>
    public void Validate()
    {
        if (!(LongRunElasticityLow > 0.8 && LongRunElasticityLow <= LongRunElasticityHigh && LongRunElasticityHigh < 50))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"LongRunElasticityLow = {LongRunElasticityLow} and LongRunElasticityHigh = {LongRunElasticityHigh} must satisfy 0.8 < low ≤ high < 50."), nameof(LongRunElasticityLow));
        }
    }

    private static double? Rule(double? value, bool ok, string field, string rule) => FieldRule.Check(value, ok, field, rule);
}
