using System.Text.Json;
using VietUsTrade.Sim.Cli;
using Xunit;

namespace VietUsTrade.Sim.Tests.Cli;

public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Etr_observed_gives_the_collected_rate_beside_both_statutory_rates_for_every_observed_month()
    {
        var (code, output, err) = Run("etr", "--preset", "real-2025-2026", "--from", "2025-09-01", "--to", "2025-12-31", "--observed", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var months = doc.RootElement.EnumerateArray().Where(r => r.TryGetProperty("month", out _)).ToArray();
        Assert.Equal(["2025-09", "2025-10", "2025-11"], months.Select(m => m.GetProperty("month").GetString()));
        var observed = VietUsTrade.Sim.Data.ObservedTrade.LoadEmbedded().Get(VietUsTrade.Sim.Data.ObservedTrade.VietnamImportsKey).Points.Where(p => p.Month >= new DateOnly(2025, 9, 1)).ToArray();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(observed[i].DutyUsd / observed[i].ValueUsd, months[i].GetProperty("collected_rate").GetDouble(), 12);
            Assert.True(months[i].GetProperty("statutory_2024_weights").GetDouble() > months[i].GetProperty("statutory_current_basket").GetDouble());
            Assert.True(months[i].GetProperty("statutory_current_basket").GetDouble() > months[i].GetProperty("collected_rate").GetDouble());
        }

        Assert.Equal(0.1261, months[0].GetProperty("collected_rate").GetDouble(), 4);
        Assert.Equal(0.1860, months[0].GetProperty("statutory_2024_weights").GetDouble(), 4);
    }

    [Fact]
    public void Data_summary_json_has_the_documented_fields()
    {
        var (code, output, _) = Run("data", "summary", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var r = doc.RootElement;
        Assert.Equal(2024, r.GetProperty("year").GetInt32());
        Assert.Contains("consumption", r.GetProperty("import_concept").GetString(), StringComparison.Ordinal);
        Assert.Equal(141_361_159_091d, r.GetProperty("imports_from_vietnam_usd").GetDouble(), 1.0);
        Assert.Equal(5_335_457_796d, r.GetProperty("duty_on_vietnam_usd").GetDouble(), 1.0);
        Assert.Equal(13_044_118_564d, r.GetProperty("exports_to_vietnam_usd").GetDouble(), 1.0);
        Assert.Equal(13_044_118_564d - 141_361_159_091d, r.GetProperty("balance_usd").GetDouble(), 1.0);
        Assert.Equal(7272, r.GetProperty("lines").GetInt32());
        Assert.Equal(10, r.GetProperty("top_chapters").GetArrayLength());
        Assert.Equal("85", r.GetProperty("top_chapters")[0].GetProperty("chapter").GetString());
        Assert.Equal(2.0, r.GetProperty("elasticity_coverage").EnumerateArray().Sum(c => c.GetProperty("value_share").GetDouble()), 9);
    }

    [Fact]
    public void Run_json_has_baseline_and_scenario_objects()
    {
        var (code, output, _) = Run("run", "--preset", "reciprocal-20", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        foreach (var side in new[] { "baseline", "scenario" })
        {
            var s = doc.RootElement.GetProperty(side);
            foreach (var f in new[] { "imports_from_vietnam_usd", "exports_to_vietnam_usd", "balance_usd", "tariff_revenue_usd", "import_price_index_change" })
            {
                Assert.True(double.IsFinite(s.GetProperty(f).GetDouble()), $"{side}.{f}");
            }

            Assert.Equal(JsonValueKind.Object, s.GetProperty("diverted_to").ValueKind);
        }

        Assert.True(doc.RootElement.GetProperty("scenario").GetProperty("diverted_to").GetProperty("CHINA").GetDouble() > 0);
    }

    [Fact]
    public void Etr_json_rows_start_at_the_first_date_and_follow_rate_changes()
    {
        var (code, output, _) = Run("etr", "--preset", "real-2025-2026", "--from", "2025-01-01", "--to", "2026-12-31", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var rows = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal("2025-01-01", rows[0].GetProperty("date").GetString());
        Assert.Contains(rows, r => r.GetProperty("date").GetString() == "2025-08-07");
        Assert.Contains(rows, r => r.GetProperty("date").GetString() == "2026-02-24");
        Assert.Equal(0.0377, rows[0].GetProperty("etr_total").GetDouble(), 4);
        Assert.All(rows, r => Assert.True(r.TryGetProperty("share_under_reciprocal", out _)));
    }

    [Fact]
    public void Presets_list_json_names_every_preset()
    {
        var (code, output, _) = Run("presets", "list", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var names = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToArray();
        // Every policy preset, then the stylized GE-only presets (issue 13: one list for every model).
        Assert.Equal([.. VietUsTrade.Sim.Policy.Presets.Names, "deal-20", "deal-20-others-2025"], names);
        var models = doc.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("models").EnumerateArray().Select(m => m.GetString()).ToArray());
        Assert.Equal(["pe", "ge-icio", "projection"], models["real-2025-2026"]);
        Assert.Equal(["ge-icio"], models["deal-20"]);
    }

    [Theory]
    [InlineData("run", "--preset", "no-such-preset")]
    [InlineData("etr", "--preset", "real-2025-2026", "--from", "2025-13-01")]
    [InlineData("etr", "--preset", "real-2025-2026", "--from", "2026-01-01", "--to", "2025-01-01")]
    [InlineData("run", "--preset", "reciprocal-20", "--sigma-set", "foo")]
    [InlineData("run", "--preset", "reciprocal-20", "--omega", "-2")]
    [InlineData("frobnicate")]
    [InlineData("run", "--preset")]
    public void Wrong_arguments_exit_2_with_a_one_line_reason(params string[] args)
    {
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.StartsWith("vietus-sim: ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_validate_accepts_the_samples_and_rejects_a_bad_file()
    {
        var samples = Path.Combine(TestPaths.RepoRoot(), "samples", "scenarios");
        foreach (var f in Directory.GetFiles(samples, "*.json"))
        {
            var (code, output, err) = Run("scenario", "validate", f);
            Assert.True(code == 0, $"{f}: {err}");
            Assert.Contains("valid:", output, StringComparison.Ordinal);
        }

        var bad = Path.GetTempFileName();
        try
        {
            File.WriteAllText(bad, """{"name":"bad","measures":[{"id":"a","kind":"reciprocal","rate":-1,"from":"2025-08-07"}]}""");
            var (code, _, err) = Run("scenario", "validate", bad);
            Assert.Equal(1, code);
            Assert.Contains("measures[0].rate", err, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public void Help_documents_every_command()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        foreach (var c in new[] { "data", "presets", "etr", "scenario", "run", "compare" })
        {
            Assert.Contains(c, output, StringComparison.Ordinal);
        }
    }
}

public class TransshipmentOptionTests
{
    [Fact]
    public void A_larger_transshipment_share_raises_the_etr_and_lowers_imports_and_is_refused_where_it_cannot_act()
    {
        double Imports(string share)
        {
            var (code, output, err) = CliRunner.Run("run", "--preset", "transshipment-enforced", "--transshipment-share", share, "--json");
            Assert.True(code == 0, err);
            using var doc = System.Text.Json.JsonDocument.Parse(output);
            return doc.RootElement.GetProperty("scenario").GetProperty("imports_from_vietnam_usd").GetDouble();
        }

        Assert.True(Imports("0.5") < Imports("0.1"));
        Assert.True(Imports("0.1") < Imports("0"));
        Assert.Equal(2, CliRunner.Run("run", "--preset", "reciprocal-20", "--transshipment-share", "0.2").Code);
        Assert.Equal(2, CliRunner.Run("run", "--preset", "transshipment-enforced", "--transshipment-share", "1.5").Code);
    }
}
