using Xunit;

namespace VietUsTrade.Sim.Tests.Docs;

/// <summary>The package README's example is the code CI compiles and runs against the packed package (tests/PackageSmoke).</summary>
public class PackageReadmeTests
{
    [Fact]
    public void The_package_readme_example_is_the_compiled_consumer_example()
    {
        var root = TestPaths.RepoRoot();
        var source = File.ReadAllLines(Path.Combine(root, "tests", "PackageSmoke", "ReadmeExample.cs"));
        var begin = Array.IndexOf(source, "        // README-BEGIN");
        var end = Array.IndexOf(source, "        // README-END");
        Assert.True(begin > 0 && end > begin, "markers missing in ReadmeExample.cs");
        string[] expected = [.. source.Where(l => l.StartsWith("using ", StringComparison.Ordinal)), "", .. source[(begin + 1)..end].Select(l => l.StartsWith("        ", StringComparison.Ordinal) ? l[8..] : l)];

        var readme = File.ReadAllLines(Path.Combine(root, "src", "VietUsTrade.Sim", "PACKAGE.md"));
        var open = Array.IndexOf(readme, "```csharp");
        Assert.True(open >= 0, "no ```csharp block in PACKAGE.md");
        var close = Array.IndexOf(readme, "```", open + 1);
        Assert.Equal(expected, readme[(open + 1)..close]);

        // The packed README is PACKAGE.md (not the repository README, whose commands a package user cannot run).
        var project = File.ReadAllText(Path.Combine(root, "src", "VietUsTrade.Sim", "VietUsTrade.Sim.csproj"));
        Assert.Contains("<None Include=\"PACKAGE.md\" Pack=\"true\" PackagePath=\"README.md\" />", project, StringComparison.Ordinal);
        Assert.DoesNotContain(readme, l => l.Contains("dotnet run --project", StringComparison.Ordinal));
    }
}
