using System.Text.RegularExpressions;
using Xunit;

namespace VietUsTrade.Sim.Tests.Cli;

/// <summary>Issue 16 item 6: every option documented with its default, legends for abbreviations, one-line unknown commands.</summary>
public class HelpAndMessagesTests
{
    // Every command path, found by walking the "Commands:" sections of --help from the root.
    private static List<string[]> CommandPaths()
    {
        var paths = new List<string[]>();
        var queue = new Queue<string[]>([[]]);
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            var (_, help, _) = CliRunner.Run([.. path, "--help"]);
            paths.Add(path);
            var commands = help.Split('\n').SkipWhile(l => !l.StartsWith("Commands:", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal));
            foreach (var line in commands)
            {
                if (Regex.Match(line, @"^  ([a-z][a-z0-9-]*)\b") is { Success: true } m)
                {
                    queue.Enqueue([.. path, m.Groups[1].Value]);
                }
            }
        }

        return paths;
    }

    [Fact]
    public void Every_option_that_takes_a_value_says_its_default_or_that_it_is_required()
    {
        var missing = new List<string>();
        var paths = CommandPaths();
        Assert.True(paths.Count >= 20, $"only {paths.Count} commands found");
        foreach (var path in paths)
        {
            var (_, help, _) = CliRunner.Run([.. path, "--help"]);
            // System.CommandLine wraps long descriptions onto indented lines: join each option with its continuation lines.
            var options = new List<string>();
            foreach (var line in help.Split('\n').SkipWhile(l => !l.StartsWith("Options:", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.Trim().Length > 0))
            {
                if (line.TrimStart().StartsWith('-'))
                {
                    options.Add(line.Trim());
                }
                else if (options.Count > 0)
                {
                    options[^1] += " " + line.Trim();
                }
            }

            foreach (var option in options.Where(o => Regex.IsMatch(o, @"^--[a-z-]+ <")))
            {
                var documented = option.Contains("[default:", StringComparison.Ordinal) || option.Contains("(REQUIRED)", StringComparison.Ordinal)
                    || option.Contains("default", StringComparison.OrdinalIgnoreCase) || option.Contains("repeat", StringComparison.OrdinalIgnoreCase);
                if (!documented)
                {
                    missing.Add($"vietus-sim {string.Join(' ', path)} {option.Split(' ')[0]}");
                }
            }
        }

        Assert.True(missing.Count == 0, "options without a default or 'required': " + string.Join("; ", missing));
    }

    [Theory]
    [InlineData(new[] { "ge", "solv" }, "unknown command 'solv' for 'ge'; did you mean 'solve'?")]
    [InlineData(new[] { "presets", "lst" }, "unknown command 'lst' for 'presets'; did you mean 'list'?")]
    [InlineData(new[] { "ge" }, "'ge' needs a command: solve, icio, ignatenko")]
    [InlineData(new[] { "data" }, "'data' needs a command: summary, mirror, observed, commitments")]
    [InlineData(new[] { "flagshp", "--out", "x" }, "unknown command 'flagshp'; did you mean 'flagship'?")]
    public void An_unknown_or_missing_command_is_one_line_with_the_nearest_command(string[] args, string expected)
    {
        var (code, output, err) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"vietus-sim: {expected} (see vietus-sim --help)", err.TrimEnd('\n', '\r'));
    }

    [Fact]
    public void No_command_lists_the_commands()
    {
        var (code, _, err) = CliRunner.Run();
        Assert.Equal(2, code);
        Assert.StartsWith("vietus-sim: no command given; commands: data, presets, etr,", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void Etr_prints_only_rows_that_change_and_says_how_many_it_left_out()
    {
        var (code, output, err) = CliRunner.Run("etr", "--preset", "real-2025-2026");
        Assert.True(code == 0, err);
        var rows = output.Split('\n').Where(l => Regex.IsMatch(l, @"^\d{4}-\d\d-\d\d ")).Select(l => l[11..].TrimEnd()).ToArray();
        Assert.All(rows.Zip(rows.Skip(1)), p => Assert.NotEqual(p.First, p.Second));
        Assert.Contains("(1 date with changes too small to show at this precision left out; --json and --out keep every date)", output, StringComparison.Ordinal);
        Assert.Contains("changes visibly", CliRunner.Run("etr", "--help").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_explain_their_abbreviations_and_levels()
    {
        var run = CliRunner.Run("run", "--preset", "reciprocal-20", "--date", "2025-12-01", "--top", "0").Out;
        Assert.Contains("ω: export supply elasticity", run, StringComparison.Ordinal);
        Assert.Contains("∞ = fixed world prices", run, StringComparison.Ordinal);
        Assert.Contains("deficit-fan", CliRunner.Run("flagship", "--help").Out, StringComparison.Ordinal);
        Assert.Contains("fan chart", CliRunner.Run("flagship", "--help").Out, StringComparison.Ordinal);
        Assert.Contains("ΔP imp: change of the tariff-inclusive import price index", CliRunner.Run("compare", "--preset", "reciprocal-20").Out, StringComparison.Ordinal);
        Assert.Contains("own tar.: the model's effect of the US tariffs on Vietnam alone", CliRunner.Run("explain").Out, StringComparison.Ordinal);
        Assert.Contains("MAPE %: mean of |p50 − observed| / observed", CliRunner.Run("backtest", "--as-of", "2025-06", "--draws", "20").Out, StringComparison.Ordinal);
        Assert.Contains("rev/E: tariff revenue after the shock", CliRunner.Run("ge", "ignatenko", "--case", "1").Out, StringComparison.Ordinal);
        var summary = CliRunner.Run("data", "summary").Out;
        Assert.Contains("\u2212$128.317 bn", summary, StringComparison.Ordinal);
        Assert.Contains(" 1 line ", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(" 1 lines", summary, StringComparison.Ordinal);
    }
}
