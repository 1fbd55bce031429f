namespace VietUsTrade.Sim.Cli;

/// <summary>Documented limits on the files the command line reads (docs/getting-started.md): larger files are refused with a one-line reason.</summary>
internal static class InputLimits
{
    /// <summary>Largest flow or shock CSV for <c>ge solve</c>, and tariff CSV for <c>ge ignatenko</c>: 256 MiB (a 5,000 × 5,000 flow matrix is about 200 MB).</summary>
    public const long MaxCsvBytes = 256L * 1024 * 1024;

    /// <summary>Throws when the file is larger than <paramref name="maxBytes"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="option">The option that named it (for the message).</param>
    /// <param name="maxBytes">The limit.</param>
    /// <exception cref="InvalidDataException">The file is too large.</exception>
    public static void CheckSize(string path, string option, long maxBytes = MaxCsvBytes)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.Length > maxBytes)
        {
            throw new InvalidDataException($"{option} file '{path}' is {info.Length:N0} bytes; the limit is {maxBytes:N0} bytes.");
        }
    }
}
