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

    [Theory]
    [InlineData("--preset", "no-such-preset")]
    [InlineData("--preset", "real-2025-2026", "--to", "2030-13")]
    [InlineData("--preset", "real-2025-2026", "--to", "2024-12")]
    [InlineData("--preset", "real-2025-2026", "--draws", "0")]
    [InlineData("--preset", "real-2025-2026", "--kernel", "slow")]
    [InlineData("--preset", "real-2025-2026", "--import-growth", "5")]
    [InlineData("--preset", "real-2025-2026", "--draws", "many")]
    public void Wrong_values_exit_with_code_2_and_one_line(params string[] args)
    {
        var (code, output, err) = Run(["project", .. args]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(err.Trim().Split('\n'));
    }
}
