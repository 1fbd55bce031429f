using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace VietUsTrade.Sim.Tests.Docs;

/// <summary>
/// Issue 16 item 2: the notebook calls the tool through the repository's launcher (never <c>dotnet run</c>, ~42 s a
/// cell) and lists the few Python packages it imports in samples/notebooks/requirements.txt. CI executes it (.ci/smoke).
/// </summary>
public class NotebookTests
{
    private static readonly string Folder = Path.Combine(TestPaths.RepoRoot(), "samples", "notebooks");

    private static string[] CodeCells()
    {
        using var nb = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "whatif.ipynb")));
        return nb.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(s => s.GetString())))
            .ToArray();
    }

    [Fact]
    public void The_notebook_runs_the_launcher_not_dotnet_run()
    {
        var code = string.Join('\n', CodeCells());
        Assert.DoesNotContain("dotnet run", code, StringComparison.Ordinal);
        Assert.DoesNotContain("\"dotnet\"", code, StringComparison.Ordinal);
        Assert.Contains("ROOT / \"vietus-sim\"", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_package_the_notebook_imports_is_listed_and_nothing_more()
    {
        string[] standardLibrary = ["json", "os", "subprocess", "sys", "tempfile", "pathlib", "math", "re", "io", "shutil"];
        var imported = CodeCells().SelectMany(c => Regex.Matches(c, @"^(?:import|from)\s+([A-Za-z_][\w]*)(?:[\s.,]|$)", RegexOptions.Multiline)
                .Cast<Match>().Select(m => m.Groups[1].Value)
                .Concat(Regex.Matches(c, @"^import\s+(.+)$", RegexOptions.Multiline).Cast<Match>()
                    .SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries).Select(x => x.Split(' ', '.')[0]))))
            .Where(m => !standardLibrary.Contains(m))
            .ToHashSet(StringComparer.Ordinal);
        var listed = File.ReadAllLines(Path.Combine(Folder, "requirements.txt"))
            .Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).ToArray();
        Assert.Equal(["matplotlib", "pandas"], imported.Order(StringComparer.Ordinal).ToArray());
        Assert.All(imported, p => Assert.Contains(p, listed));
        Assert.Equal(["pandas", "matplotlib", "nbconvert", "ipykernel"], listed);   // the two it imports and the two that execute it
    }
}
