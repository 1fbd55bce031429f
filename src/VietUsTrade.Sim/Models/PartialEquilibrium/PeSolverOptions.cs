namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>Settings of the finite-supply solver of <see cref="PeSolver"/> (lines with ω = ∞ everywhere are solved in closed form).</summary>
internal sealed record PeSolverOptions
{
    /// <summary>The defaults: tolerance 1e-13 on the log price index, 100 iterations.</summary>
    public static PeSolverOptions Default { get; } = new();

    /// <summary>Convergence tolerance on the residual |G(ln P̂) − ln P̂| of the price-index equation (log units, i.e. relative error of P̂). Default 1e-13; must be in (0, 1e-3] (checked when set).</summary>
    public double Tolerance { get; init => field = FieldRule.Check(value, value is > 0 and <= 1e-3, nameof(Tolerance), "must be in (0, 1e-3]"); } = 1e-13;

    /// <summary>Maximum safeguarded-Newton iterations per line (default 100; 1–100,000, checked when set).</summary>
    public int MaxIterations { get; init => field = FieldRule.Check(value, value is >= 1 and <= 100_000, nameof(MaxIterations), "must be 1–100000"); } = 100;
}
