namespace VietUsTrade.Sim.Data;

/// <summary>A data file could not be read or has a row that fails validation.</summary>
/// <remarks>The message names the file, the line number (1 = header), the field and the offending value.</remarks>
public sealed class DataFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file path.</param>
    /// <param name="line">The 1-based line number in the file (0 when the whole file is at fault).</param>
    /// <param name="field">The column name (empty when not about a column).</param>
    /// <param name="value">The offending value (may be empty).</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    internal DataFileException(string file, int line, string field, string value, string reason, Exception? inner = null)
        : base(Format(file, line, field, value, reason), inner)
    {
        File = file;
        Line = line;
        Field = field;
        Value = value;
        Reason = reason;
    }

    /// <summary>Creates the exception with a message only.</summary>
    internal DataFileException()
        : this(string.Empty, 0, string.Empty, string.Empty, "data file error")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    internal DataFileException(string message)
        : this(string.Empty, 0, string.Empty, string.Empty, message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    internal DataFileException(string message, Exception innerException)
        : this(string.Empty, 0, string.Empty, string.Empty, message, innerException)
    {
    }

    /// <summary>The file path.</summary>
    internal string File { get; }

    /// <summary>The 1-based line number (1 = header row; 0 = the file as a whole).</summary>
    internal int Line { get; }

    /// <summary>The column name.</summary>
    internal string Field { get; }

    /// <summary>The offending value.</summary>
    internal string Value { get; }

    /// <summary>What is wrong.</summary>
    internal string Reason { get; }

    private static string Format(string file, int line, string field, string value, string reason)
    {
        var where = line > 0 ? $"{file}, line {line}" : file;
        var what = field.Length > 0 ? $", field '{field}'" : string.Empty;
        var val = value.Length > 0 || field.Length > 0 ? $", value '{value}'" : string.Empty;
        // Values and names come from the file: shown escaped, so a message cannot drive the terminal that prints it.
        return UntrustedText.Escape($"{where}{what}{val}: {reason}");
    }
}
