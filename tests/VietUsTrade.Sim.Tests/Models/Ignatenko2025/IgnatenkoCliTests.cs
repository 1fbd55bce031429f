using System.Text.Json;
using VietUsTrade.Sim.Cli;
using Xunit;

namespace VietUsTrade.Sim.Tests.Models.Ignatenko2025;

public class IgnatenkoCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData(1, 1.13, 0.32)]
    [InlineData(2, -0.01, -0.41)]
    [InlineData(3, 1.79, 0.51)]
    public void Case_json_has_194_countries_with_the_map_columns(int paperCase, double usWelfare, double usEmployment)
    {
        var (code, output, error) = Run("ge", "ignatenko", "--case", paperCase.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(194, rows.Count);
        string[] keys = ["country", "welfare_pct", "deficit_pct", "exports_gdp_pct", "imports_gdp_pct", "employment_pct", "prices_pct", "revenue_share"];
        Assert.All(rows, r => Assert.Equal(keys, r.EnumerateObject().Select(p => p.Name)));
        var usa = rows.Single(r => r.GetProperty("country").GetString() == "USA");
        Assert.Equal(usWelfare, Math.Round(usa.GetProperty("welfare_pct").GetDouble(), 2));
        Assert.Equal(usEmployment, Math.Round(usa.GetProperty("employment_pct").GetDouble(), 2));
    }

    [Fact]
    public void Text_report_shows_the_table_rows_the_bilateral_flows_and_diagnostics()
    {
        var (code, output, _) = Run("ge", "ignatenko", "--case", "1");
        Assert.Equal(0, code);
        Assert.Contains("non-US (average)", output, StringComparison.Ordinal);
        Assert.Contains("US imports from Vietnam", output, StringComparison.Ordinal);
        Assert.Contains("US tariff on Vietnamese goods 46.0%", output, StringComparison.Ordinal);
        Assert.Contains("582 unknowns", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_case_or_no_mode_is_a_usage_error()
    {
        var (code, _, error) = Run("ge", "ignatenko", "--case", "4");
        Assert.Equal(2, code);
        Assert.Contains("--case 4", error, StringComparison.Ordinal);
        Assert.Equal(2, Run("ge", "ignatenko").Code);
        Assert.Equal(2, Run("ge", "ignatenko", "--case", "1", "--vietnam-rate", "0.2").Code);
    }

    [Fact]
    public void User_tariff_file_runs_and_bad_rows_are_reported()
    {
        string file = Path.Combine(Path.GetTempPath(), $"ign-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(file, "country,tariff\nVNM,0.20\nCHN,0.30\n");
            var (code, output, error) = Run("ge", "ignatenko", "--us-tariffs", file);
            Assert.True(code == 0, error);
            Assert.Contains("US tariff on Vietnamese goods 20.0%", output, StringComparison.Ordinal);

            File.WriteAllText(file, "country,tariff\nVNM,abc\n");
            (code, _, error) = Run("ge", "ignatenko", "--us-tariffs", file);
            Assert.Equal(1, code);
            Assert.Contains("line 2: tariff 'abc' for 'VNM'", error, StringComparison.Ordinal);

            // Read by the core's CSV reader: a quoted comma decimal is one cell that is not a number (it used to be cut in two).
            File.WriteAllText(file, "country,tariff\nVNM,\"0,20\"\n");
            (code, _, error) = Run("ge", "ignatenko", "--us-tariffs", file);
            Assert.Equal(1, code);
            Assert.Contains("line 2: tariff '0,20' for 'VNM'", error, StringComparison.Ordinal);

            File.WriteAllText(file, "country,tariff\nXXX,0.1\n");
            (code, _, error) = Run("ge", "ignatenko", "--us-tariffs", file);
            Assert.Equal(1, code);
            Assert.Contains("'XXX'", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }

        Assert.Equal(2, Run("ge", "ignatenko", "--us-tariffs", "/nonexistent/file.csv").Code);
    }
}
