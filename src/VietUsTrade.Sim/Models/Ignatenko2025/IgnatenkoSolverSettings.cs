using System.Globalization;

namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>Settings of the Newton solver of the Ignatenko et al. (2025) equilibrium. Immutable.</summary>
/// <remarks>The default is a scaled-residual tolerance of 1e-12, at most 100 iterations, an analytic Jacobian, and a refresh ratio of 0.3.</remarks>
public sealed class IgnatenkoSolverSettings
{
    /// <summary>The default settings.</summary>
    public static readonly IgnatenkoSolverSettings Default = new();

    private readonly double tolerance = 1e-12;
    private readonly int maxIterations = 100;
    private readonly double refreshRatio = 0.3;

    /// <summary>
    /// Gets the stopping tolerance on the largest scaled residual: factor income over Y_i, budget over E_i, the
    /// numeraire over world expenditure, labour supply as is. Must be in (0, 1e-4].
    /// </summary>
    internal double Tolerance
    {
        get => tolerance;
        init => tolerance = double.IsFinite(value) && value > 0 && value <= 1e-4
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Tolerance), value, $"Tolerance = {value.ToString(CultureInfo.InvariantCulture)} must be in (0, 1e-4].");
    }

    /// <summary>Gets the maximum number of Newton iterations (1..10000).</summary>
    public int MaxIterations
    {
        get => maxIterations;
        init => maxIterations = value is >= 1 and <= 10000
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxIterations), value, $"MaxIterations = {value} must be in [1, 10000].");
    }

    /// <summary>
    /// Gets the residual-reduction ratio above which the Jacobian is recomputed. Between refreshes the last LU factors
    /// are reused (a chord step); 0 recomputes the Jacobian at every iteration (pure Newton). Must be in [0, 1).
    /// </summary>
    public double RefreshRatio
    {
        get => refreshRatio;
        init => refreshRatio = double.IsFinite(value) && value >= 0 && value < 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(RefreshRatio), value, $"RefreshRatio = {value.ToString(CultureInfo.InvariantCulture)} must be in [0, 1).");
    }

    /// <summary>
    /// Gets a value indicating whether, when Newton fails from x₀ = 1, the tariffs are raised gradually from zero
    /// (continuation, each stage warm-started). On by default.
    /// </summary>
    internal bool Continuation { get; init; } = true;

    /// <summary>Gets a value indicating whether the Jacobian is computed by forward differences (h = 1e-7) instead of analytically; slow, for checking.</summary>
    internal bool FiniteDifferenceJacobian { get; init; }
}
