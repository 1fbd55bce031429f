using System.Text.RegularExpressions;
using Xunit;

namespace VietUsTrade.Sim.Tests.Docs;

/// <summary>
/// docs/getting-started.md true by construction (issue 16 item 3): every <c>./vietus-sim …</c> example in its bash
/// blocks runs, and every block marked <c>&lt;!-- generated: vietus-sim ARGS; lines RANGES --&gt;</c> is exactly those
/// lines of the command's output ("..." where lines are left out; the output folder shown as <c>.../out/…</c>). A stale
/// block fails here; <c>VIETUS_UPDATE_DOCS=1</c> rewrites the blocks from the commands instead (then review the diff).
/// </summary>
public class GettingStartedTests
{
    private static readonly string DocPath = Path.Combine(TestPaths.RepoRoot(), "docs", "getting-started.md");
    private static readonly Dictionary<string, (int Code, string Out, string Err)> Runs = new(StringComparer.Ordinal);

    // Runs a documented command line in-process; paths under out/ go to a temporary folder, shown back as ".../out/…".
    private static (int Code, string Out, string Err) RunDocumented(string commandLine)
    {
        lock (Runs)
        {
            if (Runs.TryGetValue(commandLine, out var cached))
            {
                return cached;
            }

            var tmp = Directory.CreateTempSubdirectory("vus-docs-").FullName;
            Directory.CreateDirectory(Path.Combine(tmp, "out"));   // as after the first example (flagship --out out/flagship)
            try
            {
                var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                    .Select(a => a.StartsWith("out/", StringComparison.Ordinal) ? Path.Combine(tmp, a) : a).ToArray();
                var (code, output, err) = CliRunner.Run(args);
                var result = (code, output.Replace(tmp + Path.DirectorySeparatorChar, ".../", StringComparison.Ordinal).ReplaceLineEndings("\n"), err);
                Runs[commandLine] = result;
                return result;
            }
            finally
            {
                Directory.Delete(tmp, recursive: true);
            }
        }
    }

    [Fact]
    public void Every_vietus_sim_example_in_the_bash_blocks_runs()
    {
        var doc = File.ReadAllLines(DocPath);
        var commands = new List<string>();
        var inBash = false;
        foreach (var line in doc)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBash = !inBash && line == "```bash";
                continue;
            }

            if (inBash && line.StartsWith("./vietus-sim ", StringComparison.Ordinal))
            {
                commands.Add(line.Split('#')[0].Trim());
            }
        }

        Assert.True(commands.Count >= 5, $"only {commands.Count} ./vietus-sim examples found");
        foreach (var c in commands)
        {
            var (code, _, err) = RunDocumented(c);
            Assert.True(code == 0, $"docs/getting-started.md: '{c}' exited {code}: {err}");
        }
    }

    [Fact]
    public void Every_generated_block_is_the_output_of_its_command()
    {
        var doc = File.ReadAllText(DocPath).ReplaceLineEndings("\n");
        var marker = new Regex(@"<!-- generated: (?<cmd>vietus-sim [^;]+); lines (?<ranges>[\d,\- ]+) -->\n+```[a-z]*\n(?<block>.*?)```", RegexOptions.Singleline);
        var matches = marker.Matches(doc);
        Assert.True(matches.Count >= 2, $"only {matches.Count} generated blocks in docs/getting-started.md");
        var updated = doc;
        var stale = new List<string>();
        foreach (Match m in matches)
        {
            var command = m.Groups["cmd"].Value.Trim();
            var (code, output, err) = RunDocumented("./" + command);
            Assert.True(code == 0, $"'{command}' exited {code}: {err}");
            var expected = Render(output, m.Groups["ranges"].Value);
            if (m.Groups["block"].Value != expected)
            {
                stale.Add(command);
                updated = updated.Replace(m.Value, m.Value.Replace(m.Groups["block"].Value, expected, StringComparison.Ordinal), StringComparison.Ordinal);
            }

            if (command.StartsWith("vietus-sim flagship", StringComparison.Ordinal))
            {
                // the file count the text quotes is what the command writes
                var files = output.Split('\n').Count(l => l.StartsWith("wrote ", StringComparison.Ordinal) && !l.EndsWith("manifest.json", StringComparison.Ordinal));
                Assert.Contains($"{files} files and manifest.json", doc, StringComparison.Ordinal);
            }
        }

        if (stale.Count > 0 && Environment.GetEnvironmentVariable("VIETUS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocPath, updated);
            return;
        }

        Assert.True(stale.Count == 0, $"docs/getting-started.md: the output of {string.Join(", ", stale.Select(s => $"'{s}'"))} changed; rerun the test with VIETUS_UPDATE_DOCS=1 to regenerate the block, then review the diff");
    }

    /// <summary>The given 1-based line ranges of the output ("1-13,20"), "..." between ranges that do not touch and after the last when lines follow.</summary>
    internal static string Render(string output, string ranges)
    {
        var lines = output.TrimEnd('\n').Split('\n');
        var kept = new List<string>();
        var last = 0;
        foreach (var range in ranges.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = range.Split('-');
            var first = int.Parse(ends[0], System.Globalization.CultureInfo.InvariantCulture);
            var to = Math.Min(lines.Length, int.Parse(ends[^1], System.Globalization.CultureInfo.InvariantCulture));
            if (first > last + 1)
            {
                kept.Add("...");
            }

            kept.AddRange(lines[(first - 1)..to]);
            last = to;
        }

        if (last < lines.Length)
        {
            kept.Add("...");
        }

        return string.Join('\n', kept) + "\n";
    }

    [Fact]
    public void Render_keeps_the_ranges_and_marks_what_it_leaves_out()
    {
        Assert.Equal("a\nb\n...\nd\n...\n", Render("a\nb\nc\nd\ne\n", "1-2,4"));
        Assert.Equal("...\nb\n", Render("a\nb", "2"));
    }
}
