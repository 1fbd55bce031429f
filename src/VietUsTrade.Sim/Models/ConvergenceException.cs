using System.Globalization;

namespace VietUsTrade.Sim.Models;

/// <summary>
/// A solver of one of the models (the structural-gravity GE solver, the gegravity-compatible multilateral-resistance
/// system, the Ignatenko et al. (2025) equilibrium and calibration) did not converge. One type for every model: it names
/// the model and carries the diagnostics (iterations, the last maximum residual) and the settings it ran with, so a caller
/// or the command line reports them in one line.
/// </summary>
public sealed class ConvergenceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="model">The model or solver that failed ("GE exact hat algebra", "Ignatenko et al. (2025)").</param>
    /// <param name="reason">What failed.</param>
    /// <param name="iterations">Iterations done.</param>
    /// <param name="maxResidual">The largest residual at the last iterate (in the solver's own scaling).</param>
    /// <param name="settings">The solver settings (tolerance, iteration cap, damping), as text.</param>
    internal ConvergenceException(string model, string reason, int iterations, double maxResidual, string settings)
        : base(string.Create(CultureInfo.InvariantCulture, $"{model}: {reason} (iterations = {iterations}, max residual = {maxResidual:E3}; settings: {settings})"))
    {
        Model = model;
        Reason = reason;
        Iterations = iterations;
        MaxResidual = maxResidual;
        Settings = settings;
    }

    /// <summary>Creates the exception without diagnostics.</summary>
    internal ConvergenceException()
        : this("model", "the solver did not converge", 0, double.NaN, "unknown")
    {
    }

    /// <summary>Creates the exception without diagnostics.</summary>
    /// <param name="message">The reason.</param>
    internal ConvergenceException(string message)
        : this("model", message, 0, double.NaN, "unknown")
    {
    }

    /// <summary>Creates the exception with a cause and without diagnostics.</summary>
    /// <param name="message">The reason.</param>
    /// <param name="innerException">The cause.</param>
    internal ConvergenceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Model = "model";
        Reason = message;
        MaxResidual = double.NaN;
        Settings = "unknown";
    }

    /// <summary>The model or solver that failed.</summary>
    internal string Model { get; }

    /// <summary>What failed.</summary>
    internal string Reason { get; }

    /// <summary>Iterations done before giving up.</summary>
    internal int Iterations { get; }

    /// <summary>The largest residual at the last iterate.</summary>
    internal double MaxResidual { get; }

    /// <summary>The solver settings it ran with.</summary>
    internal string Settings { get; }
}
