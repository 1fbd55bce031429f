namespace VietUsTrade.Sim.Tests;

/// <summary>Locates the repository and ../shared for tests that need the raw data.</summary>
internal static class TestPaths
{
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VietUsTrade.Sim.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("VietUsTrade.Sim.sln not found above the test binaries.");
    }

    /// <summary>../shared/data/raw beside the repository, or null.</summary>
    public static string? SharedRaw()
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "data", "raw"));
        return Directory.Exists(path) ? path : null;
    }

    /// <summary>The shared folder or a skip of the calling test with a clear message.</summary>
    public static string RequireSharedRaw()
    {
        var raw = SharedRaw();
        if (raw is null)
        {
            Xunit.Assert.Skip("../shared/data/raw is not beside the repository; this test needs the raw data.");
        }

        return raw!;
    }
}
