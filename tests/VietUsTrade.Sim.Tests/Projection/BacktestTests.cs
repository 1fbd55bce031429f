using System.Text.Json;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Projection;
using Xunit;
using static VietUsTrade.Sim.Tests.Projection.ProjectionFixture;

namespace VietUsTrade.Sim.Tests.Projection;

/// <summary>Backtests of the as-of projection against the observed months.</summary>
public class BacktestTests
{
    private static readonly ObservedTrade Observed = ObservedTrade.LoadEmbedded();

    private static readonly Lazy<BacktestResult> Rolling = new(() => Backtest.Run(Dataset, Presets.Get("real-2025-2026"),
        new BacktestOptions([.. Enumerable.Range(0, 15).Select(i => new DateOnly(2024, 6, 1).AddMonths(i))], default, 1000, 1, HorizonMonths: 3)));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Scores_follow_their_definitions_on_a_worked_example()
    {
        var q = new Quantiles(80, 90, 100, 110, 120);
        var s = BacktestScore.Of([(q, 100.0), (q, 115.0), (q, 125.0), (q, 95.0)])!;
        Assert.Equal(4, s.Months);
        Assert.Equal(0.5, s.Coverage50);   // 100 and 95 inside [90, 110]
        Assert.Equal(0.75, s.Coverage90);  // 125 outside [80, 120]
        Assert.Equal(100 * ((0.0 / 100) + (-15.0 / 115) + (-25.0 / 125) + (5.0 / 95)) / 4, s.BiasPct, 12);
        Assert.Equal(100 * ((0.0 / 100) + (15.0 / 115) + (25.0 / 125) + (5.0 / 95)) / 4, s.MapePct, 12);
        Assert.Null(BacktestScore.Of([]));
    }

    [Fact]
    public void Rolling_three_month_coverage_of_the_90_percent_band_is_reported_between_75_and_100_percent()
    {
        var r = Rolling.Value;
        Assert.Equal(15, r.Origins.Count);
        var imports = r.Pooled["imports"];
        Assert.Equal(45, imports.Months);
        Assert.InRange(imports.Coverage90, 0.75, 1.0);
        Assert.All(r.Origins, o => Assert.Equal(3, o.Months.Count));
        Assert.All(r.Origins.SelectMany(o => o.Months), m =>
        {
            foreach (var q in new[] { m.ImportsUsd, m.DutyUsd, m.ExportsUsd })
            {
                Assert.True(double.IsFinite(q.P5) && q.P5 <= q.P25 && q.P25 <= q.P50 && q.P50 <= q.P75 && q.P75 <= q.P95);
            }
        });

        // Every supplier of the baseline, each change finite.
        Assert.All(r.Origins, o => Assert.Equal(Dataset.Partners.Count, o.Suppliers.Count));
        Assert.All(r.Origins.SelectMany(o => o.Suppliers), s => Assert.True(double.IsFinite(s.ChangePct.P5) && double.IsFinite(s.ChangePct.P95)));
    }

    [Fact]
    public void The_first_origin_reproduces_the_standalone_as_of_projection()
    {
        var r = Backtest.Run(Dataset, Presets.Get("real-2025-2026"), new BacktestOptions([new DateOnly(2025, 8, 1)], new DateOnly(2025, 11, 1), 300, 9), Observed, null, Ct);
        var model = ProjectionModel.Create(Dataset, Presets.Get("real-2025-2026"), new ProjectionOptions(Horizon: new DateOnly(2025, 11, 1), AsOf: new DateOnly(2025, 8, 1)), null, Observed, Ct);
        var sums = Enumerable.Range(0, 300).Select(d => model.Project(model.DrawInputs(UncertaintySpec.Default, 9, d)).Monthly.Skip(8).Sum(m => m.ImportsUsd)).ToArray();
        Assert.Equal(Quantiles.Of(sums), r.Origins[0].WindowImportsUsd);
        Assert.Equal(56_110_000_000, r.Origins[0].ObservedWindowImportsUsd!.Value, 0.01 * 56_110_000_000);
    }

    [Fact]
    public void A_later_origin_prepared_from_an_earlier_one_sees_only_its_own_data()
    {
        // Origin 2025-08 inside a backtest that starts at 2025-05 (shared tables, refitted nowcast) against the data doctored after 2025-08.
        var cut = new DateOnly(2025, 8, 1);
        var doctored = ScaledAfter(Observed, cut, 2, 2);
        var options = new BacktestOptions([new DateOnly(2025, 5, 1), cut], new DateOnly(2025, 11, 1), 200, 3);
        var clean = Backtest.Run(Dataset, Presets.Get("real-2025-2026"), options, Observed, null, Ct);
        var dirty = Backtest.Run(Dataset, Presets.Get("real-2025-2026"), options, doctored, null, Ct);
        Assert.Equal(clean.Origins[1].Months.Select(m => m.ImportsUsd), dirty.Origins[1].Months.Select(m => m.ImportsUsd));
        Assert.Equal(clean.Origins[1].Months.Select(m => m.ExportsUsd), dirty.Origins[1].Months.Select(m => m.ExportsUsd));
        Assert.NotEqual(clean.Origins[1].Months[0].ObservedImportsUsd, dirty.Origins[1].Months[0].ObservedImportsUsd); // only the scoring moved
    }

    [Fact]
    public void The_given_market_mode_uses_the_observed_market_after_the_origin_and_says_so()
    {
        var cut = new DateOnly(2025, 8, 1);
        // Every sector's all-country market doubled after the cut (the all-products series 00 is not what the mode reads).
        var doubledWorld = ScaledAfter(Observed, cut, 2, 1, s => s.Key.StartsWith("imports/WORLD/", StringComparison.Ordinal) && s.Key != ObservedTrade.WorldImportsKey);
        var options = new BacktestOptions([cut], new DateOnly(2025, 11, 1), 200, 3, GivenMarket: true);
        var a = Backtest.Run(Dataset, Presets.Get("real-2025-2026"), options, Observed, null, Ct);
        var b = Backtest.Run(Dataset, Presets.Get("real-2025-2026"), options, doubledWorld, null, Ct);
        Assert.Contains(a.Notes, n => n.StartsWith("GIVEN MARKET", StringComparison.Ordinal));
        for (var i = 0; i < 3; i++)
        {
            // The market doubles, so every draw's imports double: the quantiles too (exports are not scaled).
            Assert.Equal(2 * a.Origins[0].Months[i].ImportsUsd.P50, b.Origins[0].Months[i].ImportsUsd.P50, 1e-6 * a.Origins[0].Months[i].ImportsUsd.P50);
            Assert.Equal(2 * a.Origins[0].Months[i].DutyUsd.P50, b.Origins[0].Months[i].DutyUsd.P50, 1e-6 * a.Origins[0].Months[i].DutyUsd.P50);
            Assert.Equal(a.Origins[0].Months[i].ExportsUsd, b.Origins[0].Months[i].ExportsUsd);
        }

        // One sector's market doubled (334, computers and electronics, Vietnam's largest): imports rise by less than double,
        // and the duty by a smaller factor than imports, since that sector's collected rate is below Vietnam's average.
        var oneSector = Backtest.Run(Dataset, Presets.Get("real-2025-2026"), options, ScaledAfter(Observed, cut, 2, 1, s => s.Key == "imports/WORLD/334"), null, Ct);
        for (var i = 0; i < 3; i++)
        {
            var up = oneSector.Origins[0].Months[i].ImportsUsd.P50 / a.Origins[0].Months[i].ImportsUsd.P50;
            Assert.InRange(up, 1.2, 1.9);
            Assert.InRange(oneSector.Origins[0].Months[i].DutyUsd.P50 / a.Origins[0].Months[i].DutyUsd.P50, 1.0, up);
        }

        var plain = Backtest.Run(Dataset, Presets.Get("real-2025-2026"), options with { GivenMarket = false }, doubledWorld, null, Ct);
        var plainClean = Backtest.Run(Dataset, Presets.Get("real-2025-2026"), options with { GivenMarket = false }, Observed, null, Ct);
        Assert.Equal(plainClean.Origins[0].Months.Select(m => m.ImportsUsd), plain.Origins[0].Months.Select(m => m.ImportsUsd));
    }

    [Fact]
    public void Option_records_cannot_hold_an_invalid_value_not_even_through_with()
    {
        var mc = new MonteCarloOptions(100, 1);
        Assert.Contains("Draws = 0", Assert.Throws<ArgumentException>(() => mc with { Draws = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("MaxDegreeOfParallelism = 0", Assert.Throws<ArgumentException>(() => mc with { MaxDegreeOfParallelism = 0 }).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new MonteCarloOptions(-3, 1));
        Assert.Throws<ArgumentException>(() => mc with { CompetitorCount = 201 });
        Assert.Equal(7, (mc with { Draws = 7 }).Draws);

        var bt = new BacktestOptions([new DateOnly(2025, 8, 1)], new DateOnly(2025, 11, 1));
        Assert.Contains("HorizonMonths = 40", Assert.Throws<ArgumentException>(() => bt with { HorizonMonths = 40 }).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => bt with { Draws = 2_000_000 });
        Assert.Null((bt with { HorizonMonths = null }).HorizonMonths);

        var po = ProjectionOptions.Default;
        Assert.Equal("GridNodes", Assert.Throws<ArgumentException>(() => po with { GridNodes = 3 }).ParamName);
        Assert.Equal("RelocationShare", Assert.Throws<ArgumentException>(() => po with { RelocationShare = 0.9 }).ParamName);
        Assert.Equal("ImportGrowthPerYear", Assert.Throws<ArgumentException>(() => po with { ImportGrowthPerYear = double.NaN }).ParamName);
        Assert.Equal("VietnamSubstitutionElasticity", Assert.Throws<ArgumentException>(() => new ProjectionOptions(VietnamSubstitutionElasticity: 0)).ParamName);
        Assert.Equal(0.2, (po with { RelocationShare = 0.2 }).RelocationShare);
    }

    [Fact]
    public void Cli_json_carries_the_months_quantiles_observed_values_and_every_supplier()
    {
        var (code, output, err) = CliRunner.Run("backtest", "--as-of", "2025-08", "--to", "2025-11", "--draws", "200", "--seed", "4", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var origin = doc.RootElement.GetProperty("origins")[0];
        Assert.Equal("2025-08", origin.GetProperty("as_of").GetString());
        var months = origin.GetProperty("vietnam").GetProperty("months").EnumerateArray().ToArray();
        Assert.Equal(["2025-09", "2025-10", "2025-11"], months.Select(m => m.GetProperty("month").GetString()));
        foreach (var m in months)
        {
            foreach (var key in new[] { "imports_usd", "duty_usd", "exports_usd" })
            {
                var q = m.GetProperty(key);
                Assert.True(q.GetProperty("p5").GetDouble() <= q.GetProperty("p50").GetDouble() && q.GetProperty("p50").GetDouble() <= q.GetProperty("p95").GetDouble());
            }

            Assert.True(m.GetProperty("observed_imports_usd").GetDouble() > 1e10);
            Assert.True(m.GetProperty("observed_duty_usd").GetDouble() > 1e9);
            Assert.True(m.GetProperty("observed_exports_usd").GetDouble() > 1e8);
        }

        var suppliers = origin.GetProperty("suppliers").EnumerateArray().ToArray();
        Assert.Equal(Dataset.Partners.Count, suppliers.Length);
        Assert.Contains(suppliers, s => s.GetProperty("code").GetString() == "5700" && s.GetProperty("name").GetString() == "CHINA" && s.GetProperty("iso3").GetString() == "CHN");
        Assert.All(suppliers, s => Assert.True(s.GetProperty("change_pct").GetProperty("p5").GetDouble() <= s.GetProperty("change_pct").GetProperty("p95").GetDouble()));
        Assert.True(doc.RootElement.GetProperty("pooled").GetProperty("imports").GetProperty("months").GetInt32() == 3);
    }

    [Fact]
    public void Cli_chart_writes_one_fan_per_origin_inside_the_folder_named()
    {
        var dir = Directory.CreateTempSubdirectory("vus-backtest-").FullName;
        try
        {
            var (code, _, err) = CliRunner.Run("backtest", "--as-of", "2025-05", "--as-of", "2025-08", "--to", "2025-11", "--draws", "100", "--chart", Path.Combine(dir, "charts"));
            Assert.True(code == 0, err);
            var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal([Path.Combine("charts", "backtest-2025-05.png"), Path.Combine("charts", "backtest-2025-05.svg"), Path.Combine("charts", "backtest-2025-08.png"), Path.Combine("charts", "backtest-2025-08.svg"), Path.Combine("charts", "manifest.json")], files);
            Assert.All(files.Where(f => f.EndsWith(".png", StringComparison.Ordinal) || f.EndsWith(".svg", StringComparison.Ordinal)), f => Assert.True(new FileInfo(Path.Combine(dir, f)).Length > 2_000));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("--as-of", "2025-11")]
    [InlineData("--as-of", "2023-01")]
    [InlineData("--as-of", "2025-13")]
    [InlineData("--rolling", "2025-01")]
    [InlineData("--rolling", "2025-05..2025-01")]
    [InlineData("--as-of", "2025-05", "--horizon", "3")]
    [InlineData("--as-of", "2025-05", "--to", "2025-04")]
    [InlineData("--as-of", "2025-05", "--draws", "0")]
    [InlineData()]
    public void Wrong_values_exit_with_code_2_and_one_line(params string[] args)
    {
        var (code, output, err) = CliRunner.Run(["backtest", .. args]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(err.Trim().Split('\n'));
    }
}
