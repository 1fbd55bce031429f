using System.Text.Json;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Reporting;
using Xunit;

namespace VietUsTrade.Sim.Tests.Reporting;

/// <summary>The ex-post attribution of the observed 2025 months: exact identities and the data they start from.</summary>
public class ExPostAttributionTests
{
    private static readonly BaselineDataset Data = BaselineDataset.LoadEmbedded();
    private static readonly ObservedTrade Observed = ObservedTrade.LoadEmbedded();
    private static readonly Lazy<AttributionResult> Result = new(() => ExPostAttribution.Explain(Data, Presets.Get("real-2025-2026"), Observed, 2025));

    [Fact]
    public void The_parts_add_up_to_the_observed_change_in_every_row_and_the_sectors_to_the_total()
    {
        var r = Result.Value;
        Assert.Equal(11, r.Months.Count);
        var t = r.Total;
        Assert.Equal(179_197_269_468, t.AfterUsd, 0.5);
        Assert.Equal(Observed.Get(ObservedTrade.VietnamImportsKey).Points.Where(p => p.Month.Year == 2024 && p.Month.Month <= 11).Sum(p => p.ValueUsd), t.BeforeUsd, 0.5);
        Assert.Equal(t.ChangeUsd, t.MarketGrowthUsd + t.ShareTrendUsd + t.OwnTariffUsd!.Value + t.DiversionFromChinaUsd!.Value + t.DiversionFromOthersUsd!.Value + t.ResidualUsd, 1e-3);
        foreach (var s in r.Sectors)
        {
            Assert.Equal(s.ChangeUsd, s.MarketGrowthUsd + s.ShareTrendUsd + s.OwnTariffUsd!.Value + s.DiversionFromChinaUsd!.Value + s.DiversionFromOthersUsd!.Value + s.ResidualUsd, 1e-3);
        }

        Assert.Equal(t.OwnTariffUsd!.Value, r.Sectors.Sum(s => s.OwnTariffUsd!.Value), 1e-3);
        Assert.Equal(t.DiversionFromChinaUsd!.Value, r.Sectors.Sum(s => s.DiversionFromChinaUsd!.Value), 1e-3);
        Assert.Equal(t.DiversionFromOthersUsd!.Value, r.Sectors.Sum(s => s.DiversionFromOthersUsd!.Value), 1e-3);
        Assert.Equal(t.ResidualUsd, r.Sectors.Sum(s => s.ResidualUsd), 1e-2);

        // Electronics (334) carry most of the diversion from China; apparel (315) loses to Vietnam's own tariffs.
        Assert.True(r.Sectors.Single(s => s.Sector == "334").DiversionFromChinaUsd > 0.3 * t.DiversionFromChinaUsd);
        Assert.True(r.Sectors.Single(s => s.Sector == "315").OwnTariffUsd < 0);

        Assert.Equal(t.BeforeUsd, r.Sectors.Sum(s => s.BeforeUsd), 1.0);
        Assert.Equal(t.AfterUsd, r.Sectors.Sum(s => s.AfterUsd), 1.0);
        Assert.Equal(t.MarketGrowthUsd, r.Sectors.Sum(s => s.MarketGrowthUsd), 1e-3);
        Assert.Equal(t.ShareTrendUsd, r.Sectors.Sum(s => s.ShareTrendUsd), 1e-3);

        // The model's signs: Vietnam's own tariffs lower its imports, China's raise them.
        Assert.True(t.OwnTariffUsd < 0);
        Assert.True(t.DiversionFromChinaUsd > 0);

        // Capture: relocation alone gives Vietnam 0.075 of China's loss; CES adds a positive share; both below one half.
        Assert.True(r.ChinaLossUsd > 0);
        Assert.InRange(r.CaptureRate!.Value, VietUsTrade.Sim.Projection.ProjectionOptions.DefaultRelocationShare, 0.5);
    }

    [Fact]
    public void Market_growth_of_a_sector_is_its_earlier_share_times_the_change_of_the_market()
    {
        var r = Result.Value;
        var s = r.Sectors.Single(x => x.Sector == "334");
        double Sum(string key, int year) => Observed.Get(key).Points.Where(p => p.Month.Year == year && p.Month.Month <= 11).Sum(p => p.ValueUsd);
        var (v0, w0, w1) = (Sum("imports/VIETNAM/334", 2024), Sum("imports/WORLD/334", 2024), Sum("imports/WORLD/334", 2025));
        Assert.Equal(v0 / w0 * (w1 - w0), s.MarketGrowthUsd, 1e-3);
        var h2 = Sum("imports/VIETNAM/334", 2022) / Sum("imports/WORLD/334", 2022);
        Assert.Equal(w1 * ((v0 / w0) - h2) / 2, s.ShareTrendUsd, 1e-3);
    }

    [Fact]
    public void The_duty_split_is_exact_and_its_gap_term_follows_its_formula()
    {
        var r = Result.Value;
        var d = r.Duty;
        Assert.Equal(Observed.YearToDate(ObservedTrade.VietnamImportsKey, 2025).DutyUsd, d.AfterUsd, 0.5);
        Assert.Equal(d.ChangeUsd, d.VolumeUsd + d.StatutoryRateUsd + d.CompositionUsd + d.CollectionGapUsd, 1e-3);
        var schedule = TariffSchedule.Compile(Presets.Get("real-2025-2026"), Data, PolicyLibrary.LoadEmbedded());
        var table = CollectedRates.Table(Observed, schedule, new DateOnly(2025, 1, 1), new DateOnly(2025, 11, 1));
        var v1 = r.Total.AfterUsd;
        var b1 = table.Sum(x => x.VietnamImportsUsd * x.StatutoryRateCurrentBasket) / v1;
        var b = Data.DutyOnVietnamUsd / Data.ImportsFromVietnamUsd;
        var tau0 = d.BeforeUsd / r.Total.BeforeUsd;
        Assert.Equal(v1 * ((d.AfterUsd / v1) - b1 - (tau0 - b)), d.CollectionGapUsd, 1e-6 * d.AfterUsd);
    }

    [Fact]
    public void Cli_prints_the_total_and_exits_2_on_a_year_without_data()
    {
        var (code, output, err) = CliRunner.Run("explain", "--year", "2025", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var total = doc.RootElement.GetProperty("total");
        var parts = new[] { "market_growth_usd", "share_trend_usd", "own_tariff_usd", "diversion_from_china_usd", "diversion_from_others_usd", "residual_usd" }.Sum(k => total.GetProperty(k).GetDouble());
        Assert.Equal(total.GetProperty("change_usd").GetDouble(), parts, 1e-3);
        var (code2, output2, err2) = CliRunner.Run("explain", "--year", "2024");
        Assert.Equal(2, code2);
        Assert.Equal(string.Empty, output2);
        Assert.Single(err2.Trim().Split('\n'));
    }
}
