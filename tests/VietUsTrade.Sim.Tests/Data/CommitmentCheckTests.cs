using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Reporting;
using Xunit;

namespace VietUsTrade.Sim.Tests.Data;

public class CommitmentCheckTests
{
    [Fact]
    public void Farm_mous_compare_observed_2025_exports_of_their_headings_with_2024_and_the_committed_amount()
    {
        var observed = ObservedTrade.LoadEmbedded();
        var rows = CommitmentCheck.Table(observed, Presets.CommitmentCatalog(), 2025);
        var farm = Assert.Single(rows, r => r.CommitmentId == "farm-mous-2025");
        Assert.Equal(["1001", "1005", "1201", "2303", "2304"], farm.Headings);
        Assert.Equal(12, farm.MonthsObserved);

        // Independent sum over the HS-4 series.
        double Sum(int year) => farm.Headings.Sum(h => observed.Find($"exports/VIETNAM/hs4/{h}")?.Points.Where(p => p.Month.Year == year).Sum(p => p.ValueUsd) ?? 0);
        Assert.Equal(Sum(2025), farm.ExportsUsd, 1e-3);
        Assert.Equal(Sum(2024), farm.ExportsPreviousYearUsd, 1e-3);

        // $2.9 bn spread evenly over 2025-07 .. 2028-07: six of 36 months fall in 2025.
        Assert.Equal(2.9e9 * (31 + 31 + 30 + 31 + 30 + 31) / (new DateOnly(2028, 7, 1).DayNumber - new DateOnly(2025, 7, 1).DayNumber), farm.CommittedUsd, 1e3);
        Assert.Equal(farm.ChangeUsd / farm.CommittedUsd, farm.ChangeOverCommitted!.Value, 12);

        // Commitments that start after 2025 have nothing committed in 2025.
        Assert.All(rows.Where(r => r.CommitmentId != "farm-mous-2025"), r => Assert.Null(r.ChangeOverCommitted));
        Assert.Equal(["88"], rows.Single(r => r.CommitmentId == "aircraft-vietnam-airlines").Headings);
    }

    [Fact]
    public void Cli_data_commitments_runs_and_refuses_a_year_outside_the_data()
    {
        var ok = CliRunner.Run("data", "commitments", "--year", "2025");
        Assert.Equal(0, ok.Code);
        Assert.Contains("farm-mous-2025", ok.Out, StringComparison.Ordinal);
        var bad = CliRunner.Run("data", "commitments", "--year", "2031");
        Assert.Equal(2, bad.Code);
        Assert.Contains("--year 2031", bad.Err, StringComparison.Ordinal);
    }
}
