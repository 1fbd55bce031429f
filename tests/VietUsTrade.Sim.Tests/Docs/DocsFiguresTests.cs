using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace VietUsTrade.Sim.Tests.Docs;

/// <summary>
/// Docs true by construction (issue 16 item 3): every figure in a region of README.md or docs/ marked
/// <c>&lt;!-- figures: vietus-sim ARGS[; vietus-sim ARGS…][; unchecked: FIGURES (why)] --&gt; … &lt;!-- /figures --&gt;</c>
/// is in the output of those commands, re-run here in-process. A figure is a number with decimals outside code spans
/// (integers — years, counts, rates such as "20 %" — are not checked); it matches an output number that rounds to it at
/// the precision the document quotes, with its sign (− or -, a leading + ignored). Figures a region quotes from
/// elsewhere are named after "unchecked:" with the reason, so what is not checked is written down too.
/// </summary>
public class DocsFiguresTests(ITestOutputHelper log)
{
    private static readonly string Root = TestPaths.RepoRoot();
    private static readonly ConcurrentDictionary<string, string> Outputs = new(StringComparer.Ordinal);

    private static readonly Regex Region = new(@"<!-- figures: (?<spec>.*?) -->(?<body>.*?)<!-- /figures -->", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    // A quoted figure: optional sign, digits (thousands commas allowed), a decimal part; not part of a word, code, date or version.
    internal static readonly Regex DocFigure = new(@"(?<![\p{L}\p{N}_.,/:@#])[+\u2212\-]?\$?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+(?!\.?\p{N})", RegexOptions.CultureInvariant);

    private static readonly Regex OutputNumber = new(@"[+\u2212\-]?\$?\d[\d,]*(?:\.\d+)?", RegexOptions.CultureInvariant);

    private static readonly Regex CodeSpan = new(@"`[^`\n]*`", RegexOptions.CultureInvariant);

    internal static IEnumerable<string> Documents() =>
        new[] { "README.md" }
            .Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Select(f => Path.GetRelativePath(Root, f)))
            .Concat(Directory.GetFiles(Path.Combine(Root, "docs", "models"), "*.md").Select(f => Path.GetRelativePath(Root, f)))
            .Select(p => p.Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    internal sealed record FigureRegion(string Document, int Line, string[] Commands, string[] Figures, string[] Unchecked);

    internal static List<FigureRegion> Regions()
    {
        var regions = new List<FigureRegion>();
        foreach (var doc in Documents())
        {
            // markers quoted in code spans (as in docs/architecture.md) are examples, not regions
            var text = CodeSpan.Replace(File.ReadAllText(Path.Combine(Root, doc)).ReplaceLineEndings("\n"), c => c.Value.Contains("<!--", StringComparison.Ordinal) ? new string(' ', c.Length) : c.Value);
            foreach (Match m in Region.Matches(text))
            {
                // "unchecked:" comes last and runs to the end of the marker (its reason may hold semicolons)
                var spec = m.Groups["spec"].Value;
                var cut = spec.IndexOf("unchecked:", StringComparison.Ordinal);
                var parts = (cut < 0 ? spec : spec[..cut]).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Concat(cut < 0 ? [] : [spec[cut..]]).ToArray();
                var commands = parts.Where(p => p.StartsWith("vietus-sim ", StringComparison.Ordinal)).ToArray();
                var uncheckedPart = parts.FirstOrDefault(p => p.StartsWith("unchecked:", StringComparison.Ordinal)) ?? string.Empty;
                var uncheckedFigures = DocFigure.Matches(uncheckedPart.Split('(')[0]).Select(x => Plain(x.Value)).ToArray();   // the figures before the reason
                Assert.True(commands.Length > 0 && parts.All(p => p.StartsWith("vietus-sim ", StringComparison.Ordinal) || p.StartsWith("unchecked:", StringComparison.Ordinal)),
                    $"{doc}: a figures marker names no command or an unknown part: '{m.Groups["spec"].Value}'");
                var body = CodeSpan.Replace(m.Groups["body"].Value, " ");
                var figures = DocFigure.Matches(body).Select(x => x.Value).Where(f => !uncheckedFigures.Contains(Plain(f))).ToArray();
                var line = text[..m.Index].Count(c => c == '\n') + 1;
                regions.Add(new FigureRegion(doc, line, commands, figures, uncheckedFigures));
            }
        }

        return regions;
    }

    private static string Output(string command) => Outputs.GetOrAdd(command, c =>
    {
        // a file argument is relative to the repository root, as the documents write it
        var args = c.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(a => a.Contains('/', StringComparison.Ordinal) && File.Exists(Path.Combine(Root, a)) ? Path.Combine(Root, a) : a).ToArray();
        var (code, output, err) = CliRunner.Run(args);
        Assert.True(code == 0, $"'{c}' exited {code}: {err}");
        return output;
    });

    // −$1,234.5 → -1234.5
    private static string Plain(string figure) => figure.Replace('\u2212', '-').Replace(",", string.Empty, StringComparison.Ordinal).Replace("$", string.Empty, StringComparison.Ordinal).TrimStart('+');

    private static decimal Parse(string figure, out int decimals)
    {
        var t = Plain(figure);
        var dot = t.IndexOf('.', StringComparison.Ordinal);
        decimals = dot < 0 ? 0 : t.Length - dot - 1;
        return decimal.Parse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    /// <summary>True when an output number rounds to the quoted figure at the quoted precision (same sign).</summary>
    internal static bool Matches(string figure, string output)
    {
        var d = Parse(figure, out var k);
        var tolerance = 0.5m * (decimal)Math.Pow(10, -k);
        foreach (Match m in OutputNumber.Matches(output))
        {
            decimal o;
            int ko;
            try
            {
                o = Parse(m.Value, out ko);
            }
            catch (OverflowException)
            {
                continue;
            }

            // same precision: the same number; finer output: it rounds to the quote (allowing for the output's own rounding)
            if ((ko == k && o == d) || (ko > k && Math.Abs(o - d) <= tolerance + 0.5m * (decimal)Math.Pow(10, -ko)))
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void Every_figure_in_a_figures_region_is_in_the_output_of_its_commands()
    {
        var regions = Regions();
        var stale = new List<string>();
        foreach (var r in regions)
        {
            var output = string.Join("\n", r.Commands.Select(Output));
            stale.AddRange(r.Figures.Where(f => !Matches(f, output)).Select(f => $"{r.Document}:{r.Line}: {f} is not in the output of {string.Join(" / ", r.Commands)}"));
        }

        foreach (var doc in regions.GroupBy(r => r.Document))
        {
            log.WriteLine($"{doc.Key}: {doc.Count()} regions, {doc.Sum(r => r.Figures.Length)} figures checked, {doc.Sum(r => r.Unchecked.Length)} named unchecked");
        }

        Assert.True(stale.Count == 0, "figures the commands no longer give (update the document from the command's output):\n" + string.Join('\n', stale));
    }

    [Fact]
    public void The_documents_keep_their_figures_regions()
    {
        // A marker that disappears in an edit takes its figures out of the check: hold the coverage measured at the last change.
        var regions = Regions();
        // measured at issue 16: 25 regions in 7 documents
        Assert.True(regions.Count >= 25, $"only {regions.Count} figures regions");
        Assert.True(regions.Sum(r => r.Figures.Length) >= 440, $"only {regions.Sum(r => r.Figures.Length)} figures checked");
        Assert.All(regions, r => Assert.True(r.Figures.Length > 0, $"{r.Document}:{r.Line}: a figures region with no figure"));
    }

    [Fact]
    public void Figures_are_numbers_with_decimals_and_match_at_the_quoted_precision()
    {
        Assert.Equal(["−44.6", "+8.4", "0.0005", "$1,234.5", "−$180.1"], DocFigure.Matches("103 → 57 (−44.6 %) +8.4 % 0.0005 % $1,234.5 bn on 2025-12-01 v4.0.2 20 % −$180.1 bn").Select(m => m.Value).ToArray());
        Assert.True(Matches("−$180.1", "balance_usd  −180.06"));
        Assert.True(Matches("−$128.317", "balance (exports − imports)  −$128.317 bn"));
        Assert.True(Matches("−44.6", "(  −44.56 %)"));
        Assert.True(Matches("103.9", "103.88 → 57.59"));
        Assert.False(Matches("44.6", "(  −44.56 %)"));
        Assert.False(Matches("103.88", "103.9"));   // the output must be at least as precise as the quote
        Assert.False(Matches("13.02", "13.01 %"));
    }
}
