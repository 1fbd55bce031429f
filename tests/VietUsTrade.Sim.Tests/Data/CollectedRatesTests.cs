using System.Text.Json;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Reporting;
using Xunit;

namespace VietUsTrade.Sim.Tests.Data;

public class CollectedRatesTests
{
    private static IReadOnlyList<CollectedRateMonth> Table2025(string preset = "real-2025-2026") =>
        CollectedRates.Table(ObservedTrade.LoadEmbedded(), TariffSchedule.Compile(Presets.Get(preset), BaselineDataset.LoadEmbedded()), new DateOnly(2025, 1, 1), new DateOnly(2025, 11, 1));

    [Fact]
    public void Collected_duty_equals_census_duty_to_the_dollar_in_every_observed_month()
    {
        var rows = Table2025();
        var census = ObservedTrade.LoadEmbedded().Get(ObservedTrade.VietnamImportsKey).Points.Where(p => p.Month.Year == 2025).ToArray();
        Assert.Equal(census.Length, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(census[i].Month, rows[i].Month);
            Assert.Equal(census[i].DutyUsd, rows[i].VietnamDutyUsd);
            Assert.Equal(census[i].ValueUsd, rows[i].VietnamImportsUsd);
            Assert.Equal(census[i].DutyUsd / census[i].ValueUsd, rows[i].VietnamCollectedRate);
        }

        Assert.Equal(15_038_320_298d, rows.Sum(r => r.VietnamDutyUsd));
    }

    [Fact]
    public void Statutory_rate_overstates_the_collected_rate_in_autumn_2025_and_composition_explains_part_of_it()
    {
        var rows = Table2025().Where(r => r.Month >= new DateOnly(2025, 9, 1)).ToArray();
        Assert.Equal(3, rows.Length);
        foreach (var r in rows)
        {
            Assert.InRange(r.VietnamCollectedRate, 0.11, 0.14);           // Census: 12.2–12.6 %
            Assert.True(r.StatutoryRate2024Weights > r.StatutoryRateCurrentBasket, $"{r.Month}: composition (electronics at low duty) should lower the statutory rate");
            Assert.True(r.StatutoryRateCurrentBasket > r.VietnamCollectedRate, $"{r.Month}: the statutory basket rate should exceed what was collected");
            Assert.Equal(r.StatutoryRateCurrentBasket - r.VietnamCollectedRate, r.Wedge);
        }

        // The 2024-weight statutory rate of the model is the ETR path's (day-weighted): 18.6 % from the farm exemptions on.
        var etr = TariffSchedule.Compile(Presets.Get("real-2025-2026"), BaselineDataset.LoadEmbedded()).VietnamEtr(new DateOnly(2025, 11, 20)).EtrTotal;
        Assert.InRange(Math.Abs(rows[2].StatutoryRate2024Weights - etr), 0, 0.005);
    }

    [Fact]
    public void Without_tariffs_the_statutory_rate_is_the_2024_rate_and_january_2025_is_close_to_collected()
    {
        var rows = Table2025("no-tariffs");
        var jan = rows[0];
        var b = BaselineDataset.LoadEmbedded();
        Assert.Equal(b.DutyOnVietnamUsd / b.ImportsFromVietnamUsd, jan.StatutoryRate2024Weights, 9);
        Assert.InRange(jan.VietnamCollectedRate - jan.StatutoryRateCurrentBasket, -0.01, 0.01);
        Assert.All(rows, r => Assert.True(double.IsFinite(r.StatutoryRateCurrentBasket) && double.IsFinite(r.Wedge)));
    }

    [Fact]
    public void Cli_data_observed_prints_the_months_and_refuses_a_bad_month()
    {
        var (code, stdout, _) = CliRunner.Run("data", "observed", "--from", "2025-09", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("2025-11", doc.RootElement.GetProperty("latest_import_month").GetString());
        var months = doc.RootElement.GetProperty("months");
        Assert.Equal(3, months.GetArrayLength());
        Assert.InRange(months[0].GetProperty("vietnam_duty_usd").GetDouble(), 2.34e9, 2.35e9);

        var bad = CliRunner.Run("data", "observed", "--from", "2025-13");
        Assert.Equal(2, bad.Code);
        Assert.Contains("--from '2025-13'", bad.Err, StringComparison.Ordinal);
        Assert.Single(bad.Err.Trim().Split('\n'));
    }
}
