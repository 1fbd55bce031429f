using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>Solver diagnostics of a general-equilibrium counterfactual.</summary>
/// <param name="Method">The algorithm, e.g. "damped fixed point (exact hat algebra)".</param>
/// <param name="Iterations">Iterations used.</param>
/// <param name="MaxResidual">The largest residual of the system that was solved (relative market clearing in the exact mode; relative multilateral-resistance residual in the gegravity-compatible mode).</param>
/// <param name="MaxMarketClearingResidual">max_i |Σ_j X′_ij − κ·Y′_i| / (κ·Y′_i) of the counterfactual. Near 0 in the exact mode; in the gegravity-compatible mode it shows how far that mode is from an equilibrium.</param>
/// <param name="Kappa">κ = Σ_j (E′_j − R′_j) / Σ_i Y′_i: 1 under the additive closure; under the multiplicative closure market clearing can only hold up to this common factor (fixture README §3.3).</param>
/// <param name="Elapsed">Wall-clock time of the solve.</param>
public sealed record GeSolverDiagnostics(string Method, int Iterations, double MaxResidual, double MaxMarketClearingResidual, double Kappa, TimeSpan Elapsed)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Method}: {Iterations} iterations, max residual {MaxResidual:E2}, max market-clearing residual {MaxMarketClearingResidual:E2}, kappa {Kappa:R}, {Elapsed.TotalMilliseconds:F3} ms");
}
