using System.Globalization;

namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>Thrown when a solver of the Ignatenko et al. (2025) model does not converge; carries its diagnostics.</summary>
public sealed class IgnatenkoConvergenceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="iterations">Iterations done.</param>
    /// <param name="maxResidual">The largest scaled residual at the last iterate.</param>
    public IgnatenkoConvergenceException(string message, int iterations, double maxResidual)
        : base($"{message} Iterations: {iterations}; max scaled residual: {maxResidual.ToString("G6", CultureInfo.InvariantCulture)}.")
    {
        Iterations = iterations;
        MaxResidual = maxResidual;
    }

    /// <summary>Creates the exception with a default message.</summary>
    public IgnatenkoConvergenceException()
        : this("The solver did not converge.", 0, double.NaN)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public IgnatenkoConvergenceException(string message)
        : this(message, 0, double.NaN)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public IgnatenkoConvergenceException(string message, Exception innerException)
        : base(message, innerException)
    {
        MaxResidual = double.NaN;
    }

    /// <summary>Gets the number of iterations done before giving up.</summary>
    public int Iterations { get; }

    /// <summary>Gets the largest scaled residual at the last iterate.</summary>
    public double MaxResidual { get; }
}
