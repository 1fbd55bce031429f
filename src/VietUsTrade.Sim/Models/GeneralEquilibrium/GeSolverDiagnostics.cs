using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>Solver diagnostics of a general-equilibrium counterfactual.</summary>
public sealed class GeSolverDiagnostics
{
    /// <summary>The algorithm, e.g. "damped fixed point (exact hat algebra)".</summary>
    public string Method { get; }

    /// <summary>Iterations used.</summary>
    public int Iterations { get; }

    /// <summary>The largest residual of the system that was solved (relative market clearing in the exact mode; relative multilateral-resistance residual in the gegravity-compatible mode).</summary>
    public double MaxResidual { get; }

    /// <summary>max_i |Σ_j X′_ij − κ·Y′_i| / (κ·Y′_i) of the counterfactual. Near 0 in the exact mode; in the gegravity-compatible mode it shows how far that mode is from an equilibrium.</summary>
    public double MaxMarketClearingResidual { get; }

    internal double Kappa { get; }

    /// <summary>Wall-clock time of the solve.</summary>
    public TimeSpan Elapsed { get; }

    internal GeSolverDiagnostics(string Method, int Iterations, double MaxResidual, double MaxMarketClearingResidual, double Kappa, TimeSpan Elapsed)
    {
        this.Method = Method;
        this.Iterations = Iterations;
        this.MaxResidual = MaxResidual;
        this.MaxMarketClearingResidual = MaxMarketClearingResidual;
        this.Kappa = Kappa;
        this.Elapsed = Elapsed;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Method}: {Iterations} iterations, max residual {MaxResidual:E2}, max market-clearing residual {MaxMarketClearingResidual:E2}, kappa {Kappa:R}, {Elapsed.TotalMilliseconds:F3} ms");
}
