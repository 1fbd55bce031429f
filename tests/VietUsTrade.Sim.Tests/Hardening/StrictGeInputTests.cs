using Xunit;

namespace VietUsTrade.Sim.Tests.Hardening;

/// <summary>
/// ge solve inputs are strict (issue 15 item 2): a repeated (exporter, importer) pair in the flows or the shock, a shock on a
/// country's own domestic flow and a tariff above 10 (1,000 %) are refused in one line naming file, line and pair, unless
/// an option allows them (--sum-duplicates, --allow-own-flow-shocks, --allow-high-tariffs).
/// </summary>
public sealed class StrictGeInputTests() : TempFolderTest("vus-strict-ge-")
{
    private const string Flows = "exporter,importer,value\nUSA,USA,800\nUSA,VNM,10\nUSA,CHN,60\nVNM,USA,95\nVNM,VNM,300\nVNM,CHN,40\nCHN,USA,450\nCHN,VNM,70\nCHN,CHN,1500\n";

    private (int Code, string Out, string Err, string Bilateral) Solve(string flows, string shock, params string[] options)
    {
        var outDir = Path.Combine(Dir, "o-" + Guid.NewGuid().ToString("N"));
        var (code, output, err) = CliRunner.Run(["ge", "solve", "--flows", flows, "--shock", shock, "--sigma", "5", "--out", outDir, .. options]);
        var bilateral = Path.Combine(outDir, "bilateral.csv");
        return (code, output, err, File.Exists(bilateral) ? File.ReadAllText(bilateral) : string.Empty);
    }

    private static void AssertRefused((int Code, string Out, string Err, string Bilateral) run, string expected)
    {
        Assert.Equal(1, run.Code);
        Assert.Equal(string.Empty, run.Out);
        Assert.Single(run.Err.Trim().Split('\n'));
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Bilateral);
    }

    [Fact]
    public void A_repeated_flow_pair_is_refused_naming_both_lines_unless_summed()
    {
        var twice = Write("twice.csv", Flows + "USA,VNM,5\n");
        var shock = Write("shock.csv", "exporter,importer,tariff\nVNM,USA,0.46\n");
        AssertRefused(Solve(twice, shock), "twice.csv line 11: USA → VNM repeats line 3; pass --sum-duplicates");

        // --sum-duplicates adds the two rows: the same result as one row of 15.
        var summed = Solve(twice, shock, "--sum-duplicates");
        Assert.True(summed.Code == 0, summed.Err);
        var once = Solve(Write("once.csv", Flows.Replace("USA,VNM,10", "USA,VNM,15", StringComparison.Ordinal)), shock);
        Assert.Equal(once.Bilateral, summed.Bilateral);
        Assert.NotEqual(Solve(Write("plain.csv", Flows), shock).Bilateral, summed.Bilateral);
    }

    [Fact]
    public void A_repeated_shock_pair_is_refused_a_tariff_always_and_a_cost_change_unless_summed()
    {
        var flows = Write("flows.csv", Flows);
        AssertRefused(Solve(flows, Write("t2.csv", "exporter,importer,tariff\nVNM,USA,0.46\nCHN,USA,0.1\nVNM,USA,0.2\n")), "t2.csv line 4: VNM → USA repeats line 2; a pair has one tariff");
        AssertRefused(Solve(flows, Write("t3.csv", "exporter,importer,tariff\nVNM,USA,0.46\nVNM,USA,0.2\n"), "--sum-duplicates"), "t3.csv line 3: VNM → USA repeats line 2; a pair has one tariff");
        var costs = Write("c2.csv", "exporter,importer,dlog_cost\nVNM,USA,-0.5\nVNM,USA,-1\n");
        AssertRefused(Solve(flows, costs), "c2.csv line 3: VNM → USA repeats line 2; pass --sum-duplicates to add the dlog_cost values up");
        var summed = Solve(flows, costs, "--sum-duplicates");
        Assert.True(summed.Code == 0, summed.Err);
        Assert.Equal(Solve(flows, Write("c1.csv", "exporter,importer,dlog_cost\nVNM,USA,-1.5\n")).Bilateral, summed.Bilateral);

        // The same pair in two sectors is two pairs.
        var sectors = Write("sectors.csv", "exporter,importer,value,sector\nUSA,USA,800,a\nUSA,VNM,10,a\nVNM,USA,95,a\nVNM,VNM,300,a\nUSA,USA,80,b\nUSA,VNM,1,b\nVNM,USA,9,b\nVNM,VNM,30,b\n");
        var bySector = Solve(sectors, Write("ts.csv", "exporter,importer,tariff,sector\nVNM,USA,0.46,a\nVNM,USA,0.2,b\n"));
        Assert.True(bySector.Code == 0, bySector.Err);
    }

    [Theory]
    [InlineData("exporter,importer,tariff\nVNM,USA,0.46\nVNM,VNM,0.1\n", "line 3: VNM → VNM is a country's own domestic flow")]
    [InlineData("exporter,importer,dlog_cost\nUSA,USA,0.3\n", "line 2: USA → USA is a country's own domestic flow")]
    public void A_shock_on_a_countrys_own_domestic_flow_is_refused_unless_allowed(string shockCsv, string expected)
    {
        var flows = Write("flows.csv", Flows);
        var shock = Write("own.csv", shockCsv);
        AssertRefused(Solve(flows, shock), expected);
        var allowed = Solve(flows, shock, "--allow-own-flow-shocks");
        Assert.True(allowed.Code == 0, allowed.Err);
        Assert.NotEqual(Solve(flows, Write("none.csv", "exporter,importer,dlog_cost\nVNM,USA,0\n")).Bilateral, allowed.Bilateral);
    }

    [Fact]
    public void A_tariff_above_ten_is_refused_naming_the_line_unless_allowed()
    {
        var flows = Write("flows.csv", Flows);
        var shock = Write("high.csv", "exporter,importer,tariff\nVNM,USA,0.46\nCHN,USA,20\n");
        AssertRefused(Solve(flows, shock), "high.csv line 3: tariff 20 for CHN → USA is above 10 (1,000%");
        AssertRefused(Solve(flows, Write("hb.csv", "exporter,importer,tariff,baseline_tariff\nCHN,USA,0.2,11\n")), "hb.csv line 2: baseline_tariff 11 for CHN → USA is above 10");
        var allowed = Solve(flows, shock, "--allow-high-tariffs");
        Assert.True(allowed.Code == 0, allowed.Err);
        AssertRefused(Solve(flows, Write("absurd.csv", "exporter,importer,tariff\nCHN,USA,150\n"), "--allow-high-tariffs"), "tariff for CHN->USA = 150 must be a fraction in [0, 100]");
    }

    [Fact]
    public void The_options_are_in_the_help()
    {
        var (code, output, _) = CliRunner.Run("ge", "solve", "--help");
        Assert.Equal(0, code);
        foreach (var option in new[] { "--sum-duplicates", "--allow-own-flow-shocks", "--allow-high-tariffs" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }
}
