using Xunit;

namespace VietUsTrade.Sim.Tests.Docs;

/// <summary>
/// Each package README's example is the code CI compiles and runs against the packed package (tests/PackageSmoke for
/// the core, tests/PlottingPackageSmoke for the charts).
/// </summary>
public class PackageReadmeTests
{
    [Theory]
    [InlineData("VietUsTrade.Sim", "PackageSmoke")]
    [InlineData("VietUsTrade.Sim.Plotting", "PlottingPackageSmoke")]
    public void The_package_readme_example_is_the_compiled_consumer_example(string project, string consumer)
    {
        var root = TestPaths.RepoRoot();
        var source = File.ReadAllLines(Path.Combine(root, "tests", consumer, "ReadmeExample.cs"));
        var begin = Array.IndexOf(source, "        // README-BEGIN");
        var end = Array.IndexOf(source, "        // README-END");
        Assert.True(begin > 0 && end > begin, $"markers missing in tests/{consumer}/ReadmeExample.cs");
        string[] expected = [.. source.Where(l => l.StartsWith("using ", StringComparison.Ordinal)), "", .. source[(begin + 1)..end].Select(l => l.StartsWith("        ", StringComparison.Ordinal) ? l[8..] : l)];

        var readme = File.ReadAllLines(Path.Combine(root, "src", project, "PACKAGE.md"));
        var open = Array.IndexOf(readme, "```csharp");
        Assert.True(open >= 0, $"no ```csharp block in src/{project}/PACKAGE.md");
        var close = Array.IndexOf(readme, "```", open + 1);
        Assert.Equal(expected, readme[(open + 1)..close]);

        // The packed README is PACKAGE.md (not the repository README, whose commands a package user cannot run), and
        // the package is packable with its own id.
        var csproj = File.ReadAllText(Path.Combine(root, "src", project, project + ".csproj"));
        Assert.Contains("<None Include=\"PACKAGE.md\" Pack=\"true\" PackagePath=\"README.md\" />", csproj, StringComparison.Ordinal);
        Assert.Contains("<IsPackable>true</IsPackable>", csproj, StringComparison.Ordinal);
        Assert.Contains($"<PackageId>{project}</PackageId>", csproj, StringComparison.Ordinal);
        Assert.DoesNotContain(readme, l => l.Contains("dotnet run --project", StringComparison.Ordinal));
    }
}
