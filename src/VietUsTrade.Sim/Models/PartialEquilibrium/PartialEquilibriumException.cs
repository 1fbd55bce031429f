namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>
/// A partial-equilibrium line could not be solved: the finite-supply solver did not converge, a result
/// overflowed, or a linear (SMART) formula implied a negative trade flow. Carries the line and the solver
/// diagnostics so the caller can report which product line failed and why.
/// </summary>
public sealed class PartialEquilibriumException : Exception
{
    /// <summary>Creates the exception with a message only (no line information).</summary>
    internal PartialEquilibriumException()
        : this("Partial-equilibrium solve failed.")
    {
    }

    /// <summary>Creates the exception with a message only (no line information).</summary>
    /// <param name="message">The message.</param>
    internal PartialEquilibriumException(string message)
        : this(message, -1, null, 0, double.NaN)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception (no line information).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    internal PartialEquilibriumException(string message, Exception innerException)
        : base(message, innerException)
    {
        LineIndex = -1;
        Residual = double.NaN;
    }

    /// <summary>Creates the exception with full diagnostics.</summary>
    /// <param name="message">The message (should name the line and the values).</param>
    /// <param name="lineIndex">Zero-based index of the failing line, or −1.</param>
    /// <param name="lineLabel">The caller's label of the line (e.g. an HTS10 code), if any.</param>
    /// <param name="iterations">Solver iterations performed on the line (0 for closed-form modes).</param>
    /// <param name="residual">Last residual of the price-index equation (NaN when not applicable).</param>
    internal PartialEquilibriumException(string message, int lineIndex, string? lineLabel, int iterations, double residual)
        : base(message)
    {
        LineIndex = lineIndex;
        LineLabel = lineLabel;
        Iterations = iterations;
        Residual = residual;
    }

    /// <summary>Zero-based index of the failing line, or −1 when not tied to a line.</summary>
    internal int LineIndex { get; }

    /// <summary>The caller's label of the failing line, if one was given.</summary>
    internal string? LineLabel { get; }

    /// <summary>Solver iterations performed on the failing line.</summary>
    internal int Iterations { get; }

    /// <summary>Last residual |ln P̂ − G(ln P̂)| of the price-index equation on the failing line (NaN if not applicable).</summary>
    internal double Residual { get; }
}
