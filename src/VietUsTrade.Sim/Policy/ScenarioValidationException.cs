using System.Globalization;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>A scenario or measure failed validation; <see cref="Path"/> names the field (e.g. "measures[2].rate") and <see cref="Value"/> its value.</summary>
public sealed class ScenarioValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The field path.</param>
    /// <param name="value">The offending value.</param>
    /// <param name="reason">What is wrong.</param>
    internal ScenarioValidationException(string path, object value, string reason)
        : this(path, FormatValue(value), reason, formatted: true)
    {
    }

    private ScenarioValidationException(string path, string formattedValue, string reason, bool formatted)
        : base(UntrustedText.Escape($"{path} = {formattedValue}: {reason}"))
    {
        _ = formatted;
        Path = path;
        Value = formattedValue;
        Reason = reason;
    }

    /// <summary>Creates the exception.</summary>
    internal ScenarioValidationException()
        : this(string.Empty, string.Empty, "invalid scenario")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    internal ScenarioValidationException(string message)
        : this(string.Empty, string.Empty, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    internal ScenarioValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
        Value = string.Empty;
        Reason = message;
    }

    /// <summary>The field path.</summary>
    public string Path { get; }

    /// <summary>The offending value as text.</summary>
    internal string Value { get; }

    /// <summary>What is wrong.</summary>
    internal string Reason { get; }

    /// <summary>The same error under a parent path ("measures[2]" + "rate" → "measures[2].rate").</summary>
    /// <param name="parent">The parent path.</param>
    /// <returns>A new exception.</returns>
    internal ScenarioValidationException Under(string parent) =>
        new(Path.Length == 0 ? parent : Path.StartsWith('[') ? parent + Path : $"{parent}.{Path}", Value, Reason, formatted: true);

    private static string FormatValue(object value) => value switch
    {
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        string s => $"'{UntrustedText.Escape(s)}'",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "null",
    };
}
