using VietUsTrade.Sim.Cli;
using VietUsTrade.Sim.Models.GeneralEquilibrium;
using VietUsTrade.Sim.Models.Ignatenko2025;
using Xunit;

namespace VietUsTrade.Sim.Tests.Cli;

/// <summary>Every failure is one line without a .NET type name or stack trace, and untrusted text cannot drive the terminal (issue 15, item 4).</summary>
public class FailureLineTests
{
    [Fact]
    public void Solver_non_convergence_is_one_line_with_the_diagnostics()
    {
        var line = CliApp.FailureLine(new VietUsTrade.Sim.Models.ConvergenceException("GE exact hat algebra", "hat algebra did not converge", 500, 3.2e-3, "tolerance 1e-12"));
        Assert.Equal("vietus-sim: no convergence: GE exact hat algebra: hat algebra did not converge (iterations = 500, max residual = 3.200E-003; settings: tolerance 1e-12)", line);
        Assert.StartsWith("vietus-sim: no convergence: ", CliApp.FailureLine(new VietUsTrade.Sim.Models.ConvergenceException("Newton stalled")), StringComparison.Ordinal);
    }

    [Fact]
    public void Any_exception_type_gives_one_line_without_its_type_name()
    {
        foreach (var ex in new Exception[] { new KeyNotFoundException("no series 'x'"), new NotSupportedException("boom"), new InvalidOperationException("bad\nstate\r\nhere"), new DivideByZeroException("too big") })
        {
            var line = CliApp.FailureLine(ex);
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain(ex.GetType().Name, line, StringComparison.Ordinal);
            Assert.StartsWith("vietus-sim: ", line, StringComparison.Ordinal);
        }

        Assert.Equal("vietus-sim: outer: inner cause", CliApp.FailureLine(new InvalidOperationException("outer", new FormatException("inner cause"))));
    }

    [Theory]
    [InlineData(new[] { "projct", "--preset", "x" }, "unknown command 'projct'; did you mean 'project'?")]
    [InlineData(new[] { "flibber" }, "unknown command 'flibber' (commands: ")]
    [InlineData(new[] { "project", "--bogus", "1" }, "unknown option '--bogus' for 'project'")]
    [InlineData(new[] { "project", "--bogus" }, "unknown option '--bogus'")]
    [InlineData(new[] { "backtest", "--as-of", "2025-05", "--drawz", "3" }, "unknown option '--drawz' for 'backtest'")]
    [InlineData(new[] { "run", "--preset", "real-2025-2026", "--date", "9999-12-31" }, "--date '9999-12-31' must be between 2000-01-01 and 2100-12-31")]
    [InlineData(new[] { "etr", "--preset", "real-2025-2026", "--to", "1900-01-01" }, "--to '1900-01-01' must be between")]
    public void A_wrong_command_or_option_is_named_in_one_line(string[] args, string expected)
    {
        var (code, output, err) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains(expected, err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_given_as_a_scenario_file_is_named_as_a_folder()
    {
        var dir = Directory.CreateTempSubdirectory("vus-folder-").FullName;
        try
        {
            var (code, output, err) = CliRunner.Run("run", dir);
            Assert.Equal(1, code);
            Assert.Equal(string.Empty, output);
            Assert.Single(err.Trim().Split('\n'));
            Assert.Contains("is a folder, not a scenario file", err, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir);
        }
    }

    [Fact]
    public void Control_and_bidirectional_characters_are_escaped()
    {
        Assert.Equal("a\\x1B]0;pwned\\x07b\\u202Ec\\x7F", CliApp.Escape("a\u001b]0;pwned\u0007b\u202Ec\u007f"));
        Assert.Equal("plain – text ok", CliApp.Escape("plain – text ok"));
        var (code, output, err) = CliRunner.Run("project", "--preset", "\u001b[2J\u001b]0;owned\u0007");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.DoesNotContain('\u001b', err);
        Assert.Contains("\\x1B[2J", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }
}
