using System.Diagnostics;
using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>
/// Structural gravity general equilibrium solved by exact hat algebra.
/// </summary>
/// <remarks>
/// <para>
/// <b>Model.</b> N countries, S sectors, one factor per country mobile across sectors (price ŵ_i, the factory-gate
/// price), CES demand within a sector with trade elasticity θ_s = σ_s − 1, Cobb–Douglas shares α_j,s across sectors
/// fixed at their baseline values, no input–output links (a first version; Caliendo &amp; Parro 2015, eq. 8–12 with
/// γ = 1). With one sector this is the Armington/Anderson–van Wincoop (2003) endowment model of ge_gravity and of the
/// fixture README §3.3. In changes (Dekle, Eaton &amp; Kortum 2008, eq. 9–11; Head &amp; Mayer 2014, eq. 28–31;
/// Yotov et al. 2016, ch. 2 §B):
/// </para>
/// <list type="bullet">
/// <item>P̂_j,s^(−θ_s) = Φ_j,s = Σ_i λ_ij,s · B_ij,s · T_ij,s · ŵ_i^(−θ_s), with λ the baseline share in tariff-inclusive spending,
/// B = t̂^(1−σ) the non-tariff cost change and T = ((1+τ′)/(1+τ))^(−θ) the tariff change;</item>
/// <item>λ′_ij,s = λ_ij,s · B · T · ŵ_i^(−θ_s) / Φ_j,s;</item>
/// <item>E′_j = (Y_j ŵ_j + D_j) / (1 − Σ_s α_j,s Σ_i λ′_ij,s τ′/(1+τ′)) (additive) or φ_j Y_j ŵ_j / (…) (multiplicative);
/// the denominator is 1 in the iceberg treatment, where tariffs only enter B;</item>
/// <item>X′_ij,s = λ′_ij,s α_j,s E′_j / (1 + τ′_ij,s) (producer prices; the division is omitted in the iceberg treatment);</item>
/// <item>market clearing Y_i ŵ_i = Σ_s Σ_j X′_ij,s (up to a common factor κ under the multiplicative closure);</item>
/// <item>P̂_j = Π_s Φ_j,s^(−α_j,s/θ_s); normalisation Σ Y_i ŵ_i = Σ Y_i or P̂_ref = 1.</item>
/// </list>
/// <para>
/// <b>Algorithm.</b> A damped fixed point on ln ŵ with a diagonal-Newton step: with the excess-demand ratio
/// G_i = ln(Σ_s Σ_j X′_ij,s / (κ Y_i ŵ_i)) and its exact own derivative
/// ∂G_i/∂ln ŵ_i = [−Σ_s θ_s Σ_j X′_ij,s (1 − λ′_ij,s) + (∂ln I_i/∂ln ŵ_i) Σ_s X′_ii,s] / Σ_s Σ_j X′_ij,s − 1,
/// the update is ln ŵ_i ← ln ŵ_i − μ ω_i G_i / (∂G_i/∂ln ŵ_i), renormalised after each step. Replacing the derivative by
/// −σ̄_i gives the classic tâtonnement ŵ_i ← ŵ_i (demand/supply)^(1/σ̄_i) of Alvarez &amp; Lucas (2007) and of the fixture
/// README §3.3, which is used as the fallback; the exact derivative accounts for home bias (a country with a large
/// domestic share barely moves its own excess demand) and cuts the iterations from 100–900 to 20–30. The relaxation
/// ω_i is halved when a country's step reverses sign (an oscillating coupled pair) and recovers by 25 % per step; μ is
/// halved when the residual stalls. It stops when the largest relative market-clearing residual is below the
/// tolerance. Each step costs O(S·N²).
/// </para>
/// <para>
/// <b>gegravity-compatible mode</b> (one sector, iceberg): gegravity v0.3's counterfactual as in the fixture README §3.2:
/// the hat MR system â_j = Σ_i π_ij B_ij / b̂_i, b̂_i = Σ_j ρ_ij B_ij / â_j (solved as a matrix balancing, â_ref = 1),
/// p̂_i = b̂_i^(−1/(1−σ)), P̂_j = â_j^(1/(1−σ)), X′_ij = X_ij p̂_j (p̂_i/Ŷ_w) B_ij / (â_j b̂_i). Its flows do not clear markets.
/// </para>
/// <para>
/// <b>Code.</b> The problem (baseline shares, shock factors and the excess-demand system) is <see cref="GeProblem"/>,
/// the algorithms <see cref="GeExactAlgorithm"/> and <see cref="GeGegravityAlgorithm"/>, and the result building
/// <see cref="GeResultBuilder"/>; this class only dispatches.
/// </para>
/// All functions are pure and thread-safe.
/// </remarks>
public static class GeSolver
{
    /// <summary>Solves a counterfactual.</summary>
    /// <param name="baseline">The baseline flows (domestic flows included).</param>
    /// <param name="shock">The cost and tariff changes.</param>
    /// <param name="options">Elasticities, closure, normalisation, tariff treatment, mode and solver settings.</param>
    /// <returns>The result with diagnostics.</returns>
    /// <exception cref="ArgumentException">A code in the shock or options is not in the baseline, or a sector lacks σ.</exception>
    /// <exception cref="ConvergenceException">The solver did not converge; carries iterations and the last residual.</exception>
    public static GeResult Solve(GeBaseline baseline, GeShock shock, GeOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(shock);
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        GeResult result;
        using (var p = GeProblem.Create(baseline, shock, options))
        {
            result = options.Mode == GeSolutionMode.Exact ? GeExactAlgorithm.Solve(p, watch) : GeGegravityAlgorithm.Solve(p, watch);
        }

        GeKernelsWide.Enable();
        return result;
    }
}
