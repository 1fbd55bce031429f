using Xunit;

namespace VietUsTrade.Sim.Tests.Hardening;

/// <summary>
/// End-to-end regression tests of issue 15 findings that had only a unit test of the library part: solver
/// non-convergence through the command line, a symlink planted in an --out folder, a missing input file.
/// The table of every finding and its test is docs/reliability.md.
/// </summary>
public sealed class FindingTests() : TempFolderTest("vus-findings-")
{
    private static void AssertOneLine(string err)
    {
        Assert.Single(err.Trim().Split('\n'));
        Assert.DoesNotContain("Exception", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Ge_solve_that_cannot_converge_is_one_line_with_the_solvers_diagnostics_and_exit_1()
    {
        // Vietnam sells nearly all its output to the US (finding 1: "Unhandled exception", a stack trace and exit 134).
        var flows = Write("flows.csv", "exporter,importer,value\nUSA,USA,1000\nVNM,USA,1000000\nVNM,VNM,0.001\nUSA,VNM,1\n");
        var shock = Write("shock.csv", "exporter,importer,tariff\nVNM,USA,5\n");
        var (code, output, err) = CliRunner.Run("ge", "solve", "--flows", flows, "--shock", shock, "--sigma", "5", "--out", Path.Combine(Dir, "o"));
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        AssertOneLine(err);
        Assert.StartsWith("vietus-sim: no convergence: GE exact hat algebra", err, StringComparison.Ordinal);
        Assert.Contains("iterations = ", err, StringComparison.Ordinal);
        Assert.Contains("settings: tolerance", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignatenko_with_an_other_rate_of_300_percent_gives_a_finite_result_or_one_line()
    {
        // Finding 2: `ge ignatenko --other-rate 3.0` ended in an unhandled convergence exception (exit 134).
        var tariffs = Write("t.csv", "country,tariff\nVNM,0.2\n");
        var (code, output, err) = CliRunner.Run("ge", "ignatenko", "--us-tariffs", tariffs, "--other-rate", "3.0");
        if (code == 0)
        {
            Assert.Contains("solver: 582 unknowns", output, StringComparison.Ordinal);
            Assert.DoesNotContain("NaN", output, StringComparison.Ordinal);
            Assert.DoesNotContain("∞", output, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(1, code);
            AssertOneLine(err);
            Assert.StartsWith("vietus-sim: no convergence: ", err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_symlink_planted_in_the_out_folder_is_replaced_and_the_file_it_points_to_is_untouched()
    {
        // Finding 3: ge solve wrote through a planted symlink, outside the folder, with exit 0.
        var outside = Write("outside.txt", "keep me");
        var outDir = Path.Combine(Dir, "out");
        Directory.CreateDirectory(outDir);
        File.CreateSymbolicLink(Path.Combine(outDir, "bilateral.csv"), outside);
        var flows = Write("flows.csv", "exporter,importer,value\nUSA,USA,800\nUSA,VNM,10\nVNM,USA,95\nVNM,VNM,300\n");
        var shock = Write("shock.csv", "exporter,importer,tariff\nVNM,USA,0.2\n");
        var (code, _, err) = CliRunner.Run("ge", "solve", "--flows", flows, "--shock", shock, "--sigma", "5", "--out", outDir, "--force");
        Assert.True(code == 0, err);
        Assert.Equal("keep me", File.ReadAllText(outside));
        var written = new FileInfo(Path.Combine(outDir, "bilateral.csv"));
        Assert.Null(written.LinkTarget);
        Assert.StartsWith("exporter,importer,baseline,counterfactual", File.ReadAllText(written.FullName), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "{dir}/missing.json")]
    [InlineData("scenario", "validate", "{dir}/missing.json")]
    [InlineData("ge", "solve", "--flows", "{dir}/missing.csv", "--shock", "{dir}/missing.csv", "--sigma", "5", "--out", "{dir}/o")]
    [InlineData("ge", "ignatenko", "--us-tariffs", "{dir}/missing.csv")]
    public void A_missing_input_file_is_exit_2_with_one_line_naming_it(params string[] args)
    {
        // Finding 19: a missing file exited 1 with a .NET exception name where exit 2 and one line were promised.
        var (code, output, err) = CliRunner.Run([.. args.Select(a => a.Replace("{dir}", Dir, StringComparison.Ordinal))]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        AssertOneLine(err);
        Assert.Contains("missing.", err, StringComparison.Ordinal);
        Assert.Contains("does not exist", err, StringComparison.Ordinal);
    }
}
