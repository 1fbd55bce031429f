using System.Globalization;

namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>Diagnostics of one equilibrium solve.</summary>
/// <param name="Iterations">Newton iterations (accepted or rejected steps).</param>
/// <param name="JacobianFactorizations">Jacobians computed and LU-factorised.</param>
/// <param name="ResidualEvaluations">Residual evaluations, line search included.</param>
/// <param name="MaxScaledResidual">The largest scaled residual at the solution.</param>
/// <param name="StepSizes">max|Δx| of each accepted step.</param>
/// <param name="Unknowns">Number of unknowns (3N).</param>
/// <param name="ContinuationStages">Tariff-continuation stages used (0 when Newton converged from x₀ = 1 directly).</param>
internal sealed record IgnatenkoSolverDiagnostics(
    int Iterations,
    int JacobianFactorizations,
    int ResidualEvaluations,
    double MaxScaledResidual,
    IReadOnlyList<double> StepSizes,
    int Unknowns,
    int ContinuationStages = 0);
