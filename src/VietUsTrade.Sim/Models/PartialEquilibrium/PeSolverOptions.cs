namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>Settings of the finite-supply solver of <see cref="PeSolver"/> (lines with ω = ∞ everywhere are solved in closed form).</summary>
internal sealed record PeSolverOptions
{
    /// <summary>The defaults: tolerance 1e-13 on the log price index, 100 iterations.</summary>
    public static PeSolverOptions Default { get; } = new();

    /// <summary>Convergence tolerance on the residual |G(ln P̂) − ln P̂| of the price-index equation (log units, i.e. relative error of P̂). Default 1e-13; must be in (0, 1e-3].</summary>
    public double Tolerance { get; init; } = 1e-13;

    /// <summary>Maximum safeguarded-Newton iterations per line (default 100, at least 1).</summary>
    public int MaxIterations { get; init; } = 100;

    internal void Validate()
    {
        if (!(Tolerance > 0 && Tolerance <= 1e-3))
        {
            throw new ArgumentException($"Tolerance = {PeValidation.Fmt(Tolerance)} is not valid: expected 0 < tolerance ≤ 1e-3.", nameof(Tolerance));
        }

        if (MaxIterations < 1)
        {
            throw new ArgumentException($"MaxIterations = {MaxIterations} is not valid: expected at least 1.", nameof(MaxIterations));
        }
    }
}
