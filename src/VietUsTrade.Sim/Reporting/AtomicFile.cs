namespace VietUsTrade.Sim.Reporting;

/// <summary>
/// Writes a file atomically: the content goes to a uniquely named temporary file in the target folder, which is then
/// renamed over the target. A reader (or a concurrent run) sees the old file or the new one, never a torn one; a run
/// killed mid-write leaves the old file and a stray temporary file; a symbolic link at the target is replaced, never
/// written through.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes through <paramref name="write"/> to a temporary file next to <paramref name="path"/>, then renames it into place.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="write">Writes the content to the temporary path given (the path keeps the target's extension).</param>
    /// <returns>The full target path.</returns>
    /// <exception cref="DirectoryNotFoundException">The target folder does not exist.</exception>
    public static string Write(string path, Action<string> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full) ?? throw new ArgumentException($"path = '{path}' has no folder.", nameof(path));
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException($"folder '{dir}' does not exist");
        }

        var temp = Path.Combine(dir, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        try
        {
            write(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        return full;
    }

    /// <summary>Writes text (UTF-8 without a byte-order mark) atomically.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="text">The content.</param>
    /// <returns>The full target path.</returns>
    public static string WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Write(path, t => File.WriteAllText(t, text, new System.Text.UTF8Encoding(false)));
    }
}
