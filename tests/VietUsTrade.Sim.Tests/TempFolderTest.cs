namespace VietUsTrade.Sim.Tests;

/// <summary>A test class with its own temporary folder (made for each test, deleted after it) and a helper that writes an input file into it.</summary>
/// <param name="prefix">The start of the folder's name.</param>
public abstract class TempFolderTest(string prefix) : IDisposable
{
    /// <summary>The folder.</summary>
    protected string Dir { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Writes <paramref name="text"/> to a file of the folder.</summary>
    /// <returns>The file's path.</returns>
    protected string Write(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Deletes the folder.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Directory.Delete(Dir, recursive: true);
        }
    }
}
