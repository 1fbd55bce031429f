using System.Globalization;
using VietUsTrade.Sim.Cli.Commands;
using VietUsTrade.Sim.Cli.Sweep;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Policy;
using Xunit;

namespace VietUsTrade.Sim.Tests.Cli;

/// <summary>vietus-sim sweep and sweep merge (issue 17 item 5): shards as separate processes, the merge, and the grid's strictness.</summary>
public sealed class SweepTests : IDisposable
{
    private const string Grid = """
        {
          "scenarios": ["reciprocal-20", "reciprocal-20-farm-exempt"],
          "vietnam_rates": [0.1, 0.2, 0.46],
          "exemptions": {"none": [], "coffee-tea": ["0901", "0902"]},
          "elasticity_scales": [0.5, 1],
          "dates": ["2025-12-01", "2026-06-01"]
        }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("vus-sweep-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteGrid(string json, string name = "grid.json")
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task Four_shard_processes_merge_to_the_bytes_of_the_unsharded_run()
    {
        var grid = WriteGrid(Grid);
        var whole = Path.Combine(_dir, "whole");
        var sharded = Path.Combine(_dir, "sharded");
        Assert.Equal(0, CliRunner.Run("sweep", grid, "--out", whole).Code);
        Assert.Equal(0, CliRunner.Run("sweep", "merge", whole).Code);

        // Four independent processes into one folder at the same time, as a job array would run them.
        var processes = Enumerable.Range(0, 4).Select(k => CliProcess.Start("sweep", grid, "--out", sharded, "--shard", $"{k}/4")).ToArray();
        foreach (var p in processes)
        {
            var (code0, err) = await CliProcess.FinishAsync(p, TestContext.Current.CancellationToken);
            Assert.True(code0 == 0, err);
        }

        Assert.Equal(4, Directory.GetFiles(sharded, "shard-*-of-4.parquet").Length);
        var (code, output, _) = CliRunner.Run("sweep", "merge", sharded);
        Assert.Equal(0, code);
        Assert.Contains("merged 4 shards", output, StringComparison.Ordinal);
        Assert.Contains("48 points", output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole, "sweep.parquet")), File.ReadAllBytes(Path.Combine(sharded, "sweep.parquet")));

        // Rows in point order, one per point, with the grid coordinates as columns.
        var (table, _, shards) = SweepCommands.MergeFolder(sharded);
        Assert.Equal(4, shards);
        Assert.Equal(Enumerable.Range(0, 48).Select(i => (double)i), table.Rows.Select(r => (double)r[0]!));
        Assert.Equal(["point", "scenario", "vietnam_rate", "exemptions", "exempt_codes", "elasticity_scale", "date"], table.Columns.Take(7));
    }

    [Fact]
    public void A_point_equals_the_same_scenario_run_directly()
    {
        var grid = SweepGrid.Parse(Grid, _dir);
        var data = BaselineDataset.LoadEmbedded();

        // reciprocal-20 at its own rate 0.2, no extra exemption, scale 1, 2025-12-01 is the preset itself.
        var index = Enumerable.Range(0, (int)grid.PointCount).Single(i => grid.Point(i) is { Scenario: 0, VietnamRate: 0.2, Exemptions: 0, ElasticityScale: 1.0 } p && p.Date == new DateOnly(2025, 12, 1));
        var row = SweepRunner.Evaluate(grid, [index], data).Rows.Single();
        var direct = ScenarioModel.Run(data, Presets.Get("reciprocal-20"), new PeRunOptions(new DateOnly(2025, 12, 1)));
        Assert.Equal(direct.Result.ImportsFromVietnamUsd, (double)row[9]!);
        Assert.Equal(direct.Result.BalanceUsd, (double)row[11]!);
        Assert.Equal(direct.VietnamEtr.EtrTotal, (double)row[7]!);

        // Coffee and tea exempted, and half the elasticities: the same as building that scenario and options by hand.
        var i2 = Enumerable.Range(0, (int)grid.PointCount).Single(i => grid.Point(i) is { Scenario: 0, VietnamRate: 0.46, Exemptions: 1, ElasticityScale: 0.5 } p && p.Date == new DateOnly(2026, 6, 1));
        var row2 = SweepRunner.Evaluate(grid, [i2], data).Rows.Single();
        var scenario = ScenarioBuilder.From(new Scenario("reciprocal-20", "x", [], [.. Presets.Get("reciprocal-20").Measures.Select(m => m.WithRate(0.46))])).Exempt("0901", "0902").Build();
        var byHand = ScenarioModel.Run(data, scenario, new PeRunOptions(new DateOnly(2026, 6, 1), SigmaScale: 0.5, EpsilonScale: 0.5));
        Assert.Equal(byHand.Result.ImportsFromVietnamUsd, (double)row2[9]!);
        Assert.Equal("0901 0902", row2[4]);
        Assert.True((double)row2[9]! < (double)row[9]!);   // 46 % cuts imports further than 20 %
    }

    [Fact]
    public void Merge_refuses_a_missing_a_changed_or_a_mixed_shard()
    {
        var grid = WriteGrid(Grid);
        var dir = Path.Combine(_dir, "s");
        Assert.Equal(0, CliRunner.Run("sweep", grid, "--out", dir, "--shard", "0/3").Code);
        Assert.Equal(0, CliRunner.Run("sweep", grid, "--out", dir, "--shard", "2/3").Code);
        var (code, _, err) = CliRunner.Run("sweep", "merge", dir);
        Assert.Equal(1, code);
        Assert.Contains("shards 1 of 3 are missing", err, StringComparison.Ordinal);

        Assert.Equal(0, CliRunner.Run("sweep", grid, "--out", dir, "--shard", "1/3").Code);
        var shard = Path.Combine(dir, "shard-1-of-3.parquet");
        var bytes = File.ReadAllBytes(shard);
        bytes[^20] ^= 0xFF;
        File.WriteAllBytes(shard, bytes);
        (code, _, err) = CliRunner.Run("sweep", "merge", dir);
        Assert.Equal(1, code);
        Assert.Contains("differs from its manifest", err, StringComparison.Ordinal);

        // Its own shard again needs --force; a shard of another grid into the same folder is refused.
        (code, _, err) = CliRunner.Run("sweep", grid, "--out", dir, "--shard", "1/3");
        Assert.Equal(2, code);
        Assert.Contains("pass --force", err, StringComparison.Ordinal);
        var other = WriteGrid(Grid.Replace("0.46", "0.3", StringComparison.Ordinal), "other.json");
        (code, _, err) = CliRunner.Run("sweep", other, "--out", dir, "--shard", "0/2");
        Assert.Equal(2, code);
        Assert.Contains("of another sweep", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"scenarios": ["reciprocal-20"], "vietnam_rate": [0.2]}""", "grid vietnam_rate = [0.2]: unknown key")]
    [InlineData("""{"scenarios": ["reciprocal-20"], "dates": ["2025-12-01"], "dates": ["2026-01-01"]}""", "grid dates = [\"2026-01-01\"]: duplicate key")]
    [InlineData("""{"scenarios": ["reciprocal-2"]}""", "grid scenarios[0] = reciprocal-2: is neither a preset")]
    [InlineData("""{"scenarios": ["reciprocal-20"], "vietnam_rates": [0.2, -0.1]}""", "grid vietnam_rates[1] = -0.1: must be a rate")]
    [InlineData("""{"scenarios": ["reciprocal-20"], "vietnam_rates": [0.2, 0.2]}""", "grid vietnam_rates = 0.2: is listed twice")]
    [InlineData("""{"scenarios": ["reciprocal-20"], "exemptions": {"x": ["09a1"]}}""", "grid exemptions.x[0] = 09a1")]
    [InlineData("""{"scenarios": ["real-2025-2026"], "vietnam_rates": [0.2], "dates": ["2026-12-01"]}""", "no reciprocal measure on Vietnam in force on 2026-12-01")]
    [InlineData("""{"scenarios": ["reciprocal-20"], "monte_carlo": {"draws": 0.5}}""", "grid monte_carlo.draws = 0.5")]
    [InlineData("""["reciprocal-20"]""", "grid $ = [\"reciprocal-20\"]: the grid must be a JSON object")]
    public void A_wrong_grid_is_one_line_naming_the_key_and_exit_2(string json, string expected)
    {
        var (code, _, err) = CliRunner.Run("sweep", WriteGrid(json), "--out", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains(expected, err, StringComparison.Ordinal);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(_dir, "o")));
    }

    [Theory]
    [InlineData("4/4")]
    [InlineData("-1/4")]
    [InlineData("1")]
    [InlineData("0/0")]
    public void A_wrong_shard_is_exit_2(string shard)
    {
        var (code, _, err) = CliRunner.Run("sweep", WriteGrid(Grid), "--out", Path.Combine(_dir, "o"), "--shard", shard);
        Assert.Equal(2, code);
        Assert.Contains("--shard", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Monte_Carlo_per_point_reports_ordered_quantiles_that_respond_to_the_rate()
    {
        var grid = SweepGrid.Parse("""{"scenarios": ["reciprocal-20"], "vietnam_rates": [0.1, 0.46], "dates": ["2025-12-01", "2026-06-01"], "monte_carlo": {"draws": 40, "seed": 7, "year": 2026}}""", _dir);
        var table = SweepRunner.Evaluate(grid, Enumerable.Range(0, 4), BaselineDataset.LoadEmbedded());
        var c = table.Columns.ToList();
        foreach (var r in table.Rows)
        {
            Assert.True((double)r[c.IndexOf("mc_balance_p5_usd")]! <= (double)r[c.IndexOf("mc_balance_p50_usd")]!);
            Assert.True((double)r[c.IndexOf("mc_balance_p50_usd")]! <= (double)r[c.IndexOf("mc_balance_p95_usd")]!);
            Assert.Equal(2026.0, r[c.IndexOf("mc_year")]);
        }

        // Points 0, 1: rate 0.1 on two dates (one projection); 2, 3: rate 0.46. The higher rate projects fewer imports.
        var imports = table.Rows.Select(r => (double)r[c.IndexOf("mc_imports_p50_usd")]!).ToArray();
        Assert.Equal(imports[0], imports[1]);
        Assert.True(imports[2] < imports[0], string.Create(CultureInfo.InvariantCulture, $"{imports[2]} vs {imports[0]}"));
    }
}
