using VietUsTrade.Sim.Models.GeneralEquilibrium;
using Xunit;

namespace VietUsTrade.Sim.Tests.Models.GeneralEquilibrium;

public class IcioGeTests(ITestOutputHelper output)
{
    [Fact]
    public void Embedded_ICIO_has_81_economies_28_sectors_and_the_documented_totals()
    {
        var d = IcioDataset.LoadEmbedded();
        Assert.Equal(81, d.Baseline.Countries.Count);
        Assert.Equal(28, d.Baseline.Sectors.Count);
        Assert.Equal(27, d.GoodsSectors.Count);
        Assert.Contains("VNM", d.Baseline.Countries);
        Assert.Contains("ROW", d.Baseline.Countries);
        // research/data-sources.md §A.2: VNM->USA goods 2022 $95.0 bn, top sectors C26 $29.1 bn, C13T15 $28.4 bn.
        var goods = d.Baseline.WithSectors(d.GoodsSectors);
        Assert.Equal(95.0e9, goods.Flow("VNM", "USA"), 0.05e9);
        var c26 = d.Baseline.IndexOfSector("C26");
        Assert.Equal(29.1e9, d.Baseline.Flow(c26, d.Baseline.IndexOfCountry("VNM"), d.Baseline.IndexOfCountry("USA")), 0.05e9);
        // VNM goods gross output $1,027 bn, domestic sales $682 bn.
        var agg = goods.AggregateSectors();
        Assert.Equal(1027e9, agg.Output[agg.IndexOfCountry("VNM")], 0.5e9);
        Assert.Equal(682e9, agg.Flow("VNM", "VNM"), 0.5e9);
        Assert.Equal(8, d.ElasticitySets.Count);
        Assert.Equal(5.7525 + 1, d.Elasticities("BSY").ToElasticities().SigmaOf("C16"), 12);
    }

    [Fact]
    public void Embedded_resource_equals_the_raw_csv()
    {
        var raw = GeFixtureData.SharedRawDir();
        var folder = raw is null ? null : Path.Combine(raw, "icio-tariffwar");
        if (folder is null || !Directory.Exists(folder))
        {
            Assert.Skip("shared/data/raw/icio-tariffwar not found; the embedded copy cannot be compared with the raw CSV.");
        }

        var fromCsv = IcioDataset.FromCsv(folder!);
        var embedded = IcioDataset.LoadEmbedded();
        Assert.Equal(fromCsv.Baseline.Countries, embedded.Baseline.Countries);
        Assert.Equal(fromCsv.Baseline.Sectors, embedded.Baseline.Sectors);
        var n = embedded.Baseline.Countries.Count;
        for (var s = 0; s < embedded.Baseline.Sectors.Count; s++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    Assert.Equal(fromCsv.Baseline.Flow(s, i, j), embedded.Baseline.Flow(s, i, j), 1e-3);
                }
            }
        }
    }

    [Fact]
    public void Presets_move_trade_in_the_expected_directions()
    {
        var d = IcioDataset.LoadEmbedded();
        var options = new GeOptions(d.Elasticities().ToElasticities(), tariffTreatment: GeTariffTreatment.Revenue);
        var summaries = GePresets.Names.ToDictionary(
            n => n,
            n => GeUsVietnamSummary.From(GeSolver.Solve(d.Baseline, GePresets.Get(n).ToShock(d.Baseline, d.GoodsSectors), options)));
        foreach (var (name, s) in summaries)
        {
            output.WriteLine($"{name}: US imports from VNM {s.UsImportsFromVietnam.Baseline / 1e9:F2} -> {s.UsImportsFromVietnam.Counterfactual / 1e9:F2} bn; VNM exports elsewhere {s.VietnamExportsToOthers.Baseline / 1e9:F2} -> {s.VietnamExportsToOthers.Counterfactual / 1e9:F2}; US-VNM balance {s.UsVietnamBalance.Baseline / 1e9:F2} -> {s.UsVietnamBalance.Counterfactual / 1e9:F2}; US balance {s.UsAggregateBalance.Baseline / 1e9:F2} -> {s.UsAggregateBalance.Counterfactual / 1e9:F2}; US welfare {s.UsWelfareChangePct:F4}%; {s.Diagnostics}");
            Assert.True(s.UsImportsFromVietnam.Counterfactual < s.UsImportsFromVietnam.Baseline);
            Assert.True(s.UsVietnamBalance.Change > 0, "the US bilateral deficit with Vietnam shrinks");
            Assert.Equal(s.UsAggregateBalance.Baseline, s.UsAggregateBalance.Counterfactual, 1e-9 * 3e13);
            Assert.True(s.Diagnostics.MaxMarketClearingResidual <= 1e-10);
            Assert.True(s.UsTariffRevenue > 0);
            Assert.Equal(5, s.TopDiversion.Count);
            Assert.DoesNotContain(s.TopDiversion, x => x.Exporter is "USA" or "VNM");
            output.WriteLine("  diversion: " + string.Join(", ", s.TopDiversion.Select(x => $"{x.Exporter} {(x.Counterfactual - x.Baseline) / 1e9:+0.00;-0.00}")));
        }

        var vn46 = summaries[GePresets.LiberationDay46];
        var vn20 = summaries[GePresets.Deal20];
        var others = summaries[GePresets.Deal20Others2025];
        Assert.True(vn46.UsImportsFromVietnam.Counterfactual < vn20.UsImportsFromVietnam.Counterfactual);
        Assert.True(vn46.VietnamExportsToOthers.Counterfactual > vn20.VietnamExportsToOthers.Counterfactual, "more diversion to other markets at 46%");
        Assert.True(vn20.VietnamExportsToOthers.Change > 0);
        Assert.True(vn20.UsImportsFromOthers.Change > 0, "with Vietnam alone taxed, other suppliers gain in the US market");
        Assert.True(vn20.TopDiversion[0].Counterfactual > vn20.TopDiversion[0].Baseline);
        Assert.True(others.UsImportsFromVietnam.Counterfactual > vn20.UsImportsFromVietnam.Counterfactual, "tariffs on competitors soften the fall of imports from Vietnam");
    }

    [Fact]
    public void Presets_are_discoverable_and_reject_unknown_names()
    {
        Assert.Equal(3, GePresets.Names.Count);
        Assert.Equal(0.46, GePresets.Get("LIBERATION-DAY-46").UsAdditionalRates["VNM"]);
        Assert.Equal(0.20, GePresets.Get(GePresets.Deal20Others2025).UsAdditionalRates["VNM"]);
        Assert.Equal(0.15, GePresets.Get(GePresets.Deal20Others2025).UsAdditionalRates["DEU"]);
        var ex = Assert.Throws<ArgumentException>(() => GePresets.Get("vn99"));
        Assert.Contains("'vn99'", ex.Message, StringComparison.Ordinal);
        var d = IcioDataset.LoadEmbedded();
        var shock = GePresets.Get(GePresets.Deal20Others2025).ToShock(d.Baseline, d.GoodsSectors);
        Assert.All(shock.TariffChanges, t => Assert.Equal("USA", t.Importer));
        Assert.DoesNotContain(shock.TariffChanges, t => t.Sector == IcioDataset.ServicesSector);
        // 80 suppliers of the US, of which CAN, MEX (USMCA), RUS and BLR (excluded) are at 0: 76 suppliers × 27 goods sectors.
        Assert.Equal(27 * 76, shock.TariffChanges.Count);
    }
}
