using System.Globalization;
using System.Text.Json;
using VietUsTrade.Sim.Cli;
using VietUsTrade.Sim.Models.GeneralEquilibrium;
using Xunit;

namespace VietUsTrade.Sim.Tests.Models.GeneralEquilibrium;

public sealed class GeCliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vietus-ge-cli-" + Guid.NewGuid().ToString("N"));

    public GeCliTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "flows.csv"), "exporter,importer,value\nUSA,USA,800\nUSA,VNM,10\nUSA,CHN,60\nVNM,USA,95\nVNM,VNM,300\nVNM,CHN,40\nCHN,USA,450\nCHN,VNM,70\nCHN,CHN,1500\n");
        File.WriteAllText(Path.Combine(_dir, "tariff.csv"), "exporter,importer,tariff\nVNM,USA,0.46\n");
        File.WriteAllText(Path.Combine(_dir, "cost.csv"), "exporter,importer,dlog_cost\nVNM,USA,-1.5137\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void A_shock_row_without_a_value_is_a_named_failure_not_dropped()
    {
        File.WriteAllText(Path.Combine(_dir, "empty.csv"), "exporter,importer,tariff\nVNM,USA,0.46\nCHN,USA,\n");
        var (code, stdout, stderr) = Run("ge", "solve", "--flows", Path.Combine(_dir, "flows.csv"), "--shock", Path.Combine(_dir, "empty.csv"), "--sigma", "5", "--out", Path.Combine(_dir, "o-empty"));
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("line 3: no dlog_cost or tariff value for CHN → USA", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("flows", "exporter,importer,value,sectr\nUSA,USA,800,a\n", "unknown column 'sectr'")]
    [InlineData("shock", "exporter,importer,tariff,baseline_tarif\nVNM,USA,0.46,0.1\n", "unknown column 'baseline_tarif'")]
    [InlineData("shock", "exporter,importer,tariff,tariff\nVNM,USA,0.46,0.2\n", "column 'tariff' appears twice")]
    public void A_misspelt_or_repeated_column_is_a_named_failure_not_ignored(string which, string csv, string message)
    {
        var file = Path.Combine(_dir, which + "-bad.csv");
        File.WriteAllText(file, csv);
        var flows = which == "flows" ? file : Path.Combine(_dir, "flows.csv");
        var shock = which == "shock" ? file : Path.Combine(_dir, "tariff.csv");
        var (code, _, stderr) = Run("ge", "solve", "--flows", flows, "--shock", shock, "--sigma", "5", "--out", Path.Combine(_dir, "o-" + which));
        Assert.Equal(1, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Solve_writes_country_and_bilateral_csv_matching_the_library()
    {
        var outDir = Path.Combine(_dir, "out");
        var (code, stdout, stderr) = Run("ge", "solve", "--flows", Path.Combine(_dir, "flows.csv"), "--shock", Path.Combine(_dir, "tariff.csv"), "--sigma", "5", "--tariff-mode", "revenue", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("iterations", stdout, StringComparison.Ordinal);
        Assert.Contains("US-Vietnam bilateral balance", stdout, StringComparison.Ordinal);
        var country = File.ReadAllLines(Path.Combine(outDir, "country.csv"));
        Assert.Equal("country,factory_gate_price_change_pct,price_index_change_pct,expenditure_change_pct,real_expenditure_change_pct,exports_change_pct,imports_change_pct,trade_balance_baseline,trade_balance_counterfactual", country[0]);
        Assert.Equal(4, country.Length);
        var bilateral = File.ReadAllLines(Path.Combine(outDir, "bilateral.csv"));
        Assert.Equal("exporter,importer,baseline,counterfactual,change_pct", bilateral[0]);
        Assert.Equal(10, bilateral.Length);

        var baseline = GeBaseline.FromMatrix(["USA", "VNM", "CHN"], new double[,] { { 800, 10, 60 }, { 95, 300, 40 }, { 450, 70, 1500 } });
        var expected = GeSolver.Solve(baseline, GeShock.FromTariffs([new GeTariffChange("VNM", "USA", 0.46)]), new GeOptions(GeElasticities.Uniform(5), tariffTreatment: GeTariffTreatment.Revenue));
        var vnmUsa = bilateral.Single(l => l.StartsWith("VNM,USA,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(expected.CounterfactualFlow("VNM", "USA"), double.Parse(vnmUsa[3], CultureInfo.InvariantCulture), 12);
        var usa = country.Single(l => l.StartsWith("USA,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(expected.Country("USA").RealExpenditureChangePct, double.Parse(usa[4], CultureInfo.InvariantCulture), 12);
        Assert.Equal(Directory.GetFiles(outDir).Order(StringComparer.Ordinal), new[] { Path.Combine(outDir, "bilateral.csv"), Path.Combine(outDir, "country.csv"), Path.Combine(outDir, "manifest.json") });
    }

    [Fact]
    public void Iceberg_cost_shock_and_gegravity_mode_run()
    {
        var (code, _, stderr) = Run("ge", "solve", "--flows", Path.Combine(_dir, "flows.csv"), "--shock", Path.Combine(_dir, "cost.csv"), "--sigma", "5", "--closure", "multiplicative", "--normalize", "ref:USA", "--out", Path.Combine(_dir, "o1"));
        Assert.True(code == 0, stderr);
        var (code2, stdout2, stderr2) = Run("ge", "solve", "--flows", Path.Combine(_dir, "flows.csv"), "--shock", Path.Combine(_dir, "cost.csv"), "--sigma", "5", "--mode", "gegravity", "--normalize", "ref:USA", "--out", Path.Combine(_dir, "o2"));
        Assert.True(code2 == 0, stderr2);
        Assert.Contains("not the exact equilibrium", stdout2, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--closure", "sideways")]
    [InlineData("--normalize", "ref:")]
    [InlineData("--tariff-mode", "quota")]
    [InlineData("--mode", "approximate")]
    [InlineData("--sigma", "0.5")]
    public void Wrong_option_values_exit_2_with_one_line(string option, string value)
    {
        var args = new List<string> { "ge", "solve", "--flows", Path.Combine(_dir, "flows.csv"), "--shock", Path.Combine(_dir, "tariff.csv"), "--sigma", "5", "--out", Path.Combine(_dir, "o3") };
        var k = args.IndexOf(option);
        if (k >= 0)
        {
            args[k + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (code, _, stderr) = Run([.. args]);
        Assert.Equal(2, code);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains(value.TrimEnd(':'), stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "o3")));
    }

    [Fact]
    public void Bad_files_exit_1_and_missing_files_exit_2_naming_the_problem()
    {
        File.WriteAllText(Path.Combine(_dir, "bad.csv"), "exporter,importer,value\nUSA,USA,abc\n");
        var (code, _, stderr) = Run("ge", "solve", "--flows", Path.Combine(_dir, "bad.csv"), "--shock", Path.Combine(_dir, "tariff.csv"), "--sigma", "5", "--out", Path.Combine(_dir, "o4"));
        Assert.Equal(1, code);
        Assert.Contains("'abc'", stderr, StringComparison.Ordinal);
        var (code2, _, stderr2) = Run("ge", "solve", "--flows", Path.Combine(_dir, "missing.csv"), "--shock", Path.Combine(_dir, "tariff.csv"), "--sigma", "5", "--out", Path.Combine(_dir, "o4"));
        Assert.Equal(2, code2); // a file named on the command line that does not exist is a wrong argument (issue 15)
        Assert.Contains("missing.csv", stderr2, StringComparison.Ordinal);
    }

    [Fact]
    public void Icio_preset_prints_json_and_table()
    {
        var (code, stdout, stderr) = Run("ge", "icio", "--preset", "deal-20", "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var imports = doc.RootElement.GetProperty("us_imports_from_vietnam");
        Assert.True(imports.GetProperty("counterfactual").GetDouble() < imports.GetProperty("baseline").GetDouble());
        Assert.True(imports.GetProperty("change_pct").GetDouble() < 0);
        Assert.Equal("deal-20", doc.RootElement.GetProperty("preset").GetString());
        Assert.True(doc.RootElement.GetProperty("iterations").GetInt32() > 0);

        var (code2, stdout2, _) = Run("ge", "icio", "--preset", "liberation-day-46");
        Assert.Equal(0, code2);
        Assert.Contains("US aggregate trade balance", stdout2, StringComparison.Ordinal);
        Assert.Contains("cannot move the aggregate US balance", stdout2, StringComparison.Ordinal);

        var (code3, _, stderr3) = Run("ge", "icio", "--preset", "nope");
        Assert.Equal(2, code3);
        Assert.Contains("'nope'", stderr3, StringComparison.Ordinal);
    }

    [Fact]
    public void Icio_runs_policy_presets_on_a_date_with_the_aggregation_rule_stated()
    {
        var (code, stdout, stderr) = Run("ge", "icio", "--preset", "real-2025-2026", "--date", "2025-12-01", "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("real-2025-2026", doc.RootElement.GetProperty("preset").GetString());
        Assert.Contains("2024-import-weighted", doc.RootElement.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("purchase commitment", doc.RootElement.GetProperty("description").GetString(), StringComparison.Ordinal);
        var real = doc.RootElement.GetProperty("us_imports_from_vietnam").GetProperty("change_pct").GetDouble();

        var (code2, stdout2, stderr2) = Run("ge", "icio", "--preset", "reciprocal-20", "--json");
        Assert.True(code2 == 0, stderr2);
        using var doc2 = JsonDocument.Parse(stdout2);
        var reciprocal = doc2.RootElement.GetProperty("us_imports_from_vietnam").GetProperty("change_pct").GetDouble();
        // Vietnam's 20 % alone cuts imports from Vietnam more than the real timeline, where competitors pay their own rates too.
        Assert.InRange(reciprocal, -60, real - 5);
        Assert.InRange(real, -40, -5);

        var (code3, _, stderr3) = Run("ge", "icio", "--preset", "deal-20", "--date", "2025-12-01");
        Assert.Equal(2, code3);
        Assert.Contains("--date", stderr3, StringComparison.Ordinal);
    }
}
