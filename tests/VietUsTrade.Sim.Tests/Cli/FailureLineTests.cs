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

    [Fact]
    public void A_scenario_file_cannot_send_escape_sequences_or_bidi_controls_to_the_terminal()
    {
        // The file's own text (a JSON string with ESC, BEL, bidirectional overrides and a NEL line break) is quoted by the
        // library's message; the CLI's one failure line shows every such character as \xNN or \uNNNN (a line break as a space).
        var dir = Directory.CreateTempSubdirectory("vus-escape-").FullName;
        try
        {
            var file = Path.Combine(dir, "evil.json");
            File.WriteAllText(file, """{"name": "evil", "extends": "x\u001b]0;pwned\u0007\u001b[2J\u0085\u202Eevil\u2066\u200F", "measures": []}""");
            var (code, output, err) = CliRunner.Run("run", file);
            Assert.Equal(1, code);
            Assert.Equal(string.Empty, output);
            Assert.Single(err.Trim().Split('\n'));
            Assert.Contains("extends = 'x\\x1B]0;pwned\\x07\\x1B[2J\\x85\\u202Eevil\\u2066\\u200F': unknown preset", err, StringComparison.Ordinal);
            Assert.DoesNotContain(err.TrimEnd('\n'), c => char.IsControl(c) || c is '\u202E' or '\u2066' or '\u200F');
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_stack_trace_is_printed_only_with_verbose()
    {
        var (code, output, err) = CliRunner.Run("run", "/nonexistent/vus-missing.json");
        Assert.NotEqual(0, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(err.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);

        var dir = Directory.CreateTempSubdirectory("vus-verbose-").FullName;
        try
        {
            var flows = Path.Combine(dir, "flows.csv");
            File.WriteAllText(flows, "exporter,importer,value\nUSA,USA,-5\nUSA,VNM,1\nVNM,VNM,3\nVNM,USA,1\n");
            string[] args = ["ge", "solve", "--flows", flows, "--shock", flows, "--sigma", "5", "--out", Path.Combine(dir, "o")];
            var plain = CliRunner.Run(args);
            Assert.Equal(1, plain.Code);
            Assert.Single(plain.Err.Trim().Split('\n'));
            var verbose = CliRunner.Run([.. args, "--verbose"]);
            Assert.Equal(1, verbose.Code);
            var lines = verbose.Err.Trim().Split('\n');
            Assert.Equal(plain.Err.Trim(), lines[0].TrimEnd('\r'));
            Assert.Contains(lines, l => l.StartsWith("   at VietUsTrade.Sim.", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("run", "--preset", "reciprocal-20", "--frobnicate")]
    [InlineData("run", "--frobnicate", "scenario.json")]
    [InlineData("ge", "solve", "--flows", "f.csv", "--shock", "s.csv", "--sigma", "5", "--out", "o", "--frobnicate")]
    public void An_unknown_option_is_named_never_taken_for_a_file(params string[] args)
    {
        var (code, output, err) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains("unknown option '--frobnicate'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Library_messages_quoting_file_content_are_escaped_and_escaping_twice_changes_nothing()
    {
        var scenario = Assert.Throws<VietUsTrade.Sim.Policy.ScenarioValidationException>(() => VietUsTrade.Sim.Policy.ScenarioJson.Parse("""{"name": "x", "extends": "a\u001b[31mb\u202Ec"}"""));
        Assert.Equal("extends = 'a\\x1B[31mb\\u202Ec': unknown preset", scenario.Message[..scenario.Message.IndexOf(" (", StringComparison.Ordinal)]);
        var data = new VietUsTrade.Sim.Data.DataFileException("f.csv", 3, "value", "1\u001b]0;t\u0007", "not a number");
        Assert.Equal("f.csv, line 3, field 'value', value '1\\x1B]0;t\\x07': not a number", data.Message);
        Assert.Equal(data.Message, UntrustedText.Escape(data.Message));
        Assert.Equal("vietus-sim: " + data.Message, CliApp.FailureLine(data));
    }
}
