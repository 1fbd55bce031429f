using System.Text.RegularExpressions;
using VietUsTrade.Sim.Cli.Commands;
using Xunit;

namespace VietUsTrade.Sim.Tests.Docs;

/// <summary>
/// The pictures docs/ shows are flagship charts kept in docs/images, each referenced and each a file the flagship
/// command writes; .ci/smoke checks that they are byte for byte what the command draws now (issue 16).
/// </summary>
public class DocImagesTests
{
    [Fact]
    public void Every_picture_in_the_docs_is_a_flagship_chart_in_docs_images_and_every_one_there_is_shown()
    {
        var root = TestPaths.RepoRoot();
        var documents = Directory.GetFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Append(Path.Combine(root, "README.md"));
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            foreach (Match m in Regex.Matches(File.ReadAllText(doc), @"!\[[^\]]*\]\(([^)]+)\)"))
            {
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(doc)!, m.Groups[1].Value));
                Assert.True(File.Exists(full), $"{Path.GetRelativePath(root, doc)} shows {m.Groups[1].Value}, which does not exist");
                Assert.Equal(Path.Combine(root, "docs", "images"), Path.GetDirectoryName(full));
                shown.Add(Path.GetFileName(full));
            }
        }

        var flagshipFiles = new[] { "etr-timeline", "deficit-fan" }
            .Concat(FlagshipCommands.Scenarios.SelectMany(s => new[] { $"waterfall-{s}", $"top-lines-{s}" })).Select(n => n + ".png").ToHashSet(StringComparer.Ordinal);
        var kept = Directory.GetFiles(Path.Combine(root, "docs", "images")).Select(Path.GetFileName).ToArray();
        Assert.NotEmpty(kept);
        Assert.All(kept, f => Assert.Contains(f!, flagshipFiles));   // .ci/smoke compares them with a fresh flagship run
        Assert.Equal(kept.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
        Assert.Contains("for img in docs/images/*.png", File.ReadAllText(Path.Combine(root, ".ci", "smoke")), StringComparison.Ordinal);
    }
}
