using System.Text.Json;
using VietUsTrade.Sim.Cli;
using Xunit;

namespace VietUsTrade.Sim.Tests.Projection;

public class ProjectCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Json_has_one_row_per_period_with_ordered_quantiles_of_every_metric()
    {
        var (code, output, err) = Run("project", "--preset", "reciprocal-20", "--draws", "60", "--seed", "5", "--to", "2026-12", "--json", "--monthly");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var rows = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2 + 24, rows.Length);
        Assert.Equal(2025, rows[0].GetProperty("year").GetInt32());
        Assert.Equal(2026, rows[1].GetProperty("year").GetInt32());
        Assert.Equal("2025-01", rows[2].GetProperty("month").GetString());
        Assert.Equal("2026-12", rows[^1].GetProperty("month").GetString());
        foreach (var row in rows)
        {
            foreach (var metric in new[] { "imports_from_vietnam_usd", "exports_to_vietnam_usd", "balance_usd", "tariff_revenue_usd", "etr" })
            {
                var q = row.GetProperty(metric);
                var values = new[] { "p5", "p25", "p50", "p75", "p95" }.Select(k => q.GetProperty(k).GetDouble()).ToArray();
                Assert.Equal(values.Order(), values);
                Assert.All(values, v => Assert.True(double.IsFinite(v)));
            }
        }

        // The US runs a deficit with Vietnam in every period of every draw band.
        Assert.All(rows, r => Assert.True(r.GetProperty("balance_usd").GetProperty("p95").GetDouble() < 0));
    }

    [Fact]
    public void Text_output_states_the_method_and_the_sensitivity_table()
    {
        var (code, output, err) = Run("project", "--preset", "reciprocal-20", "--draws", "40", "--seed", "5", "--to", "2026-06");
        Assert.True(code == 0, err);
        Assert.Contains("OLS log-linear trend + month dummies", output, StringComparison.Ordinal);
        Assert.Contains("κ(12) = 0.38", output, StringComparison.Ordinal);
        Assert.Contains("what drives the spread of the 2026 balance", output, StringComparison.Ordinal);
        Assert.Contains("import_growth", output, StringComparison.Ordinal);
        Assert.Contains("2026     balance_usd", output, StringComparison.Ordinal);
    }

    [Fact]
    public void As_of_defaults_to_the_latest_observed_month_and_none_keeps_the_2024_trend()
    {
        var (code, output, err) = Run("project", "--preset", "real-2025-2026", "--draws", "50", "--seed", "5", "--to", "2026-03", "--json", "--monthly");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var months = doc.RootElement.EnumerateArray().Where(r => r.TryGetProperty("month", out _)).ToArray();
        Assert.Equal(11, months.Count(r => r.TryGetProperty("observed_imports_exports", out var o) && o.GetBoolean()));
        var nov = months.Single(r => r.GetProperty("month").GetString() == "2025-11").GetProperty("imports_from_vietnam_usd");
        Assert.Equal(nov.GetProperty("p5").GetDouble(), nov.GetProperty("p95").GetDouble()); // observed: no band
        var observedNov = VietUsTrade.Sim.Data.ObservedTrade.LoadEmbedded().Get(VietUsTrade.Sim.Data.ObservedTrade.VietnamImportsHistoryKey).Points[^1];
        Assert.Equal(observedNov.ValueUsd, nov.GetProperty("p50").GetDouble());

        var (code2, text, err2) = Run("project", "--preset", "real-2025-2026", "--draws", "20", "--seed", "5", "--to", "2026-03", "--as-of", "none");
        Assert.True(code2 == 0, err2);
        Assert.Contains("OLS log-linear trend + month dummies on imports/VIETNAM/00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("as of 2025-11", text, StringComparison.Ordinal);
        var (code3, text3, err3) = Run("project", "--preset", "real-2025-2026", "--draws", "20", "--seed", "5", "--to", "2026-03", "--as-of", "2025-06");
        Assert.True(code3 == 0, err3);
        Assert.Contains("as of 2025-06", text3, StringComparison.Ordinal);
        Assert.Contains("local linear trend + dummy seasonal", text3, StringComparison.Ordinal);
    }

    [Fact]
    public void By_supplier_gives_every_supplier_with_ordered_monthly_bands()
    {
        var (code, output, err) = Run("project", "--preset", "real-2025-2026", "--draws", "80", "--seed", "2", "--to", "2026-06", "--json", "--by-supplier");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var suppliers = doc.RootElement.GetProperty("suppliers").EnumerateArray().ToArray();
        var real = ProjectionFixture.Real;
        Assert.Equal(Enumerable.Range(0, real.Suppliers.Count).Count(k => k == real.VietnamSupplierIndex || real.SupplierBaselineUsd[k] > 0), suppliers.Length);
        var china = suppliers.Single(s => s.GetProperty("code").GetString() == "5700");
        Assert.Equal("CHINA", china.GetProperty("name").GetString());
        Assert.Equal("CHN", china.GetProperty("iso3").GetString());
        Assert.Equal(JsonValueKind.Null, suppliers.Single(s => s.GetProperty("code").GetString() == "0003").GetProperty("iso3").ValueKind);
        Assert.Equal(18, china.GetProperty("months").GetArrayLength());
        foreach (var s in suppliers)
        {
            foreach (var m in s.GetProperty("months").EnumerateArray())
            {
                var q = m.GetProperty("imports_usd");
                var v = new[] { "p5", "p25", "p50", "p75", "p95" }.Select(k => q.GetProperty(k).GetDouble()).ToArray();
                Assert.Equal(v.Order(), v);
                Assert.True(v[0] >= 0 && double.IsFinite(v[4]));
            }
        }

        // Vietnam's supplier entry is its imports path.
        var vn = suppliers.Single(s => s.GetProperty("code").GetString() == "5520");
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(rows[0].GetProperty("imports_from_vietnam_usd").GetProperty("p50").GetDouble(), vn.GetProperty("years")[0].GetProperty("imports_usd").GetProperty("p50").GetDouble());
    }

    [Theory]
    [InlineData("--preset", "no-such-preset")]
    [InlineData("--preset", "real-2025-2026", "--to", "2030-13")]
    [InlineData("--preset", "real-2025-2026", "--to", "2024-12")]
    [InlineData("--preset", "real-2025-2026", "--draws", "0")]
    [InlineData("--preset", "real-2025-2026", "--kernel", "slow")]
    [InlineData("--preset", "real-2025-2026", "--import-growth", "5")]
    [InlineData("--preset", "real-2025-2026", "--draws", "many")]
    [InlineData("--preset", "real-2025-2026", "--as-of", "2025-12")]
    [InlineData("--preset", "real-2025-2026", "--draws", "10000001")]
    [InlineData("--preset", "real-2025-2026", "--as-of", "2020-01")]
    [InlineData("--preset", "real-2025-2026", "--as-of", "yesterday")]
    public void Wrong_values_exit_with_code_2_and_one_line(params string[] args)
    {
        var (code, output, err) = Run(["project", .. args]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(err.Trim().Split('\n'));
    }
}
