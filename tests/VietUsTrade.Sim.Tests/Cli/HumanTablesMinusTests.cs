using System.Text.RegularExpressions;
using Xunit;

namespace VietUsTrade.Sim.Tests.Cli;

/// <summary>
/// Issue 16: every table a person reads uses the one NumberFormat (real minus sign U+2212, <c>−$128.3 bn</c>); an ASCII
/// hyphen-minus before a digit in a human table is a number formatted past it. Machine outputs (--json, CSV) keep the
/// ASCII '-' that parsers expect.
/// </summary>
public class HumanTablesMinusTests
{
    // A hyphen-minus that starts a number: not inside a word, code or date ("NAICS-3", "2025-03", "real-2025-2026", "1e-12").
    private static readonly Regex AsciiNegative = new(@"(?<![\p{L}\p{N}_.\-/])-\d", RegexOptions.CultureInvariant);

    public static TheoryData<string> HumanTables() =>
    [
        "project --preset real-2025-2026 --draws 40 --to 2026-12 --monthly",
        "project --preset reciprocal-20 --draws 40 --to 2026-12 --as-of none",
        "project --preset reciprocal-20 --draws 40 --to 2025-12 --by-supplier",
        "backtest --as-of 2025-03 --draws 40",
        "backtest --rolling 2024-06..2024-08 --horizon 3 --draws 40",
        "run --preset reciprocal-20 --date 2025-12-01",
        "compare --preset real-2025-2026 --preset reciprocal-20",
        "data summary",
        "data observed",
        "data commitments",
        "etr --preset real-2025-2026",
        "refunds",
        "tariff --hts 9403",
        "explain --year 2025",
        "ge icio --preset reciprocal-20",
    ];

    [Theory]
    [MemberData(nameof(HumanTables))]
    public void Human_tables_print_negatives_with_the_real_minus_sign(string commandLine)
    {
        var (code, output, err) = CliRunner.Run(commandLine.Split(' '));
        Assert.True(code == 0, $"vietus-sim {commandLine} exited {code}: {err}");
        var bad = output.Split('\n').Where(l => AsciiNegative.IsMatch(l)).Take(5).ToArray();
        Assert.True(bad.Length == 0, $"vietus-sim {commandLine} prints an ASCII '-' before a digit:\n{string.Join('\n', bad)}");
    }

    [Fact]
    public void The_projection_table_shows_the_negative_balance_with_the_real_minus()
    {
        var (code, output, err) = CliRunner.Run("project", "--preset", "real-2025-2026", "--draws", "40", "--to", "2026-12");
        Assert.True(code == 0, err);
        Assert.Matches(@"(?m)^2026     balance_usd +\u2212\d+\.\d\d ", output);
    }

    [Fact]
    public void Machine_outputs_keep_the_ascii_minus()
    {
        var (code, output, err) = CliRunner.Run("project", "--preset", "real-2025-2026", "--draws", "40", "--to", "2026-12", "--json");
        Assert.True(code == 0, err);
        Assert.Contains("\"p50\": -", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2212", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_regex_finds_numbers_but_not_dates_codes_or_exponents()
    {
        Assert.Matches(AsciiNegative, "2026 balance_usd  -182.50");
        Assert.Matches(AsciiNegative, "[-84.42, -29.76]");
        Assert.DoesNotMatch(AsciiNegative, "2025-03..2025-11 NAICS-3 real-2025-2026 1e-12 \u2212182.50");
    }
}
