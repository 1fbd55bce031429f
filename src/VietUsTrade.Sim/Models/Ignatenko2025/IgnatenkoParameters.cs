using System.Globalization;

namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>
/// Structural parameters of the Ignatenko et al. (2025) model (Section 3 of the paper's calibration; the
/// defaults are the paper's baseline).
/// </summary>
/// <remarks>
/// <para>
/// ε is the trade elasticity used in the equilibrium; ψ the scale elasticity (an exporter's effective cost is
/// w/L^ψ); θ enters only the tariff pass-through elasticity φ_i = φ̃ + (1+θ)/((1−ν_i)θ) − 1/θ − 1; κ is the
/// labour-supply elasticity. In the paper's ε = 8 robustness run only ε is doubled: ψ and θ (hence φ) keep
/// their ε = 4 values (a documented quirk; see <see cref="WithTradeElasticity"/>).
/// </para>
/// <para>Immutable and thread-safe. The default value (<see cref="Paper"/>) is ε = 4, κ = 0.5, ψ = 0.67/4, θ = 4/0.67, φ̃ = 1.</para>
/// </remarks>
public sealed class IgnatenkoParameters
{
    /// <summary>The paper's baseline parameters.</summary>
    public static readonly IgnatenkoParameters Paper = new(4.0, 0.5, 0.67 / 4.0, 4.0 / 0.67, 1.0);

    /// <summary>Creates and validates a parameter set.</summary>
    /// <param name="tradeElasticity">ε in (0, 1000].</param>
    /// <param name="laborSupplyElasticity">κ in [0, 1000].</param>
    /// <param name="scaleElasticity">ψ in [0, 1000].</param>
    /// <param name="theta">θ in (0, 1000].</param>
    /// <param name="firmPassThrough">φ̃ in (0, 1000] (1 = complete firm-level pass-through).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range or not finite.</exception>
    internal IgnatenkoParameters(double tradeElasticity, double laborSupplyElasticity, double scaleElasticity, double theta, double firmPassThrough)
    {
        TradeElasticity = Check(tradeElasticity, nameof(tradeElasticity), strict: true);
        LaborSupplyElasticity = Check(laborSupplyElasticity, nameof(laborSupplyElasticity), strict: false);
        ScaleElasticity = Check(scaleElasticity, nameof(scaleElasticity), strict: false);
        Theta = Check(theta, nameof(theta), strict: true);
        FirmPassThrough = Check(firmPassThrough, nameof(firmPassThrough), strict: true);
    }

    /// <summary>Gets ε, the trade elasticity (cost elasticity of import shares); 4 in the paper.</summary>
    internal double TradeElasticity { get; }

    /// <summary>Gets κ, the labour-supply elasticity with respect to the after-tax real wage; 0.5 in the paper.</summary>
    internal double LaborSupplyElasticity { get; }

    /// <summary>Gets ψ, the scale elasticity (εψ = 0.67 in the paper).</summary>
    internal double ScaleElasticity { get; }

    /// <summary>Gets θ, which enters only through φ; ε/0.67 in the paper.</summary>
    internal double Theta { get; }

    /// <summary>Gets φ̃, the firm-level tariff pass-through; 1 in the baseline, 0.25 in the paper's incomplete pass-through run.</summary>
    internal double FirmPassThrough { get; }

    /// <summary>
    /// Returns the parameters with another trade elasticity. By default (the paper's quirk, Table 9 Alt. 3) ψ and
    /// θ are kept; with <paramref name="recomputeScaleAndTheta"/> they become 0.67/ε and ε/0.67.
    /// </summary>
    /// <param name="epsilon">The new ε &gt; 0.</param>
    /// <param name="recomputeScaleAndTheta">Whether to rescale ψ and θ with ε (off in the paper).</param>
    /// <returns>The new parameters.</returns>
    internal IgnatenkoParameters WithTradeElasticity(double epsilon, bool recomputeScaleAndTheta = false)
        => recomputeScaleAndTheta
            ? new IgnatenkoParameters(epsilon, LaborSupplyElasticity, 0.67 / epsilon, epsilon / 0.67, FirmPassThrough)
            : new IgnatenkoParameters(epsilon, LaborSupplyElasticity, ScaleElasticity, Theta, FirmPassThrough);

    /// <summary>Returns the parameters with another firm-level pass-through φ̃.</summary>
    /// <param name="firmPassThrough">φ̃ &gt; 0.</param>
    /// <returns>The new parameters.</returns>
    internal IgnatenkoParameters WithFirmPassThrough(double firmPassThrough)
        => new(TradeElasticity, LaborSupplyElasticity, ScaleElasticity, Theta, firmPassThrough);

    /// <summary>The tariff pass-through elasticity φ_i for an importer with local share ν_i (paper, eq. for φ).</summary>
    /// <param name="nu">ν_i in [0, 1).</param>
    /// <returns>φ_i.</returns>
    internal double Phi(double nu) => FirmPassThrough + ((1 + Theta) / ((1 - nu) * Theta)) - (1 / Theta) - 1;

    private static double Check(double value, string name, bool strict)
    {
        if (!double.IsFinite(value) || value < 0 || (strict && value == 0) || value > ValueRanges.MaxElasticity)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value.ToString(CultureInfo.InvariantCulture)} must be finite, {(strict ? "positive" : "non-negative")} and at most 1000.");
        }

        return value;
    }
}
