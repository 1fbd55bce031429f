using Xunit;

namespace VietUsTrade.Sim.Tests.Cli;

/// <summary>`ge ignatenko --us-tariffs` refuses sloppy numbers instead of misreading them (issue 15 findings).</summary>
public sealed class UsTariffsInputTests() : TempFolderTest("vus-ustariffs-")
{
    [Theory]
    [InlineData("VNM,\"0,20\"", "tariff '0,20' for 'VNM' must be a fraction")] // a quoted comma decimal used to be read as 0; now one cell that is no number
    [InlineData("VNM,20", "must be a fraction from 0 to 10")]  // 20 used to be applied as 2,000 %
    [InlineData("VNM,-0.9", "must be a fraction from 0 to 10")]
    [InlineData("VNM,", "must be a fraction from 0 to 10")]
    public void A_sloppy_rate_is_a_one_line_failure_naming_the_line(string row, string expected)
    {
        var path = Write("tariffs.csv", "country,tariff\n" + row + "\n");
        var (code, output, err) = CliRunner.Run("ge", "ignatenko", "--us-tariffs", path);
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains("line 2", err, StringComparison.Ordinal);
        Assert.Contains(expected, err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--vietnam-rate", "-0.9")] // used to run and report US welfare -116 %
    [InlineData("--vietnam-rate", "20")]
    [InlineData("--vietnam-rate", "NaN")]
    [InlineData("--other-rate", "-0.5")]
    [InlineData("--other-rate", "11")]
    public void A_negative_or_absurd_rate_option_is_a_usage_error_naming_it(string option, string value)
    {
        string[] args = option == "--vietnam-rate"
            ? ["ge", "ignatenko", option, value]
            : ["ge", "ignatenko", "--us-tariffs", Write("ok.csv", "country,tariff\nVNM,0.2\n"), option, value];
        var (code, output, err) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains($"{option}: ", err, StringComparison.Ordinal);
        Assert.Contains("must be a fraction from 0 to 10", err, StringComparison.Ordinal);
    }
}
