using VietUsTrade.Sim.Models.GeneralEquilibrium;
using Xunit;

namespace VietUsTrade.Sim.Tests.Models.GeneralEquilibrium;

public class BaciGeTests(ITestOutputHelper output)
{
    [Fact]
    public void Embedded_BACI_has_194_countries_and_the_documented_totals()
    {
        var d = BaciDataset.LoadEmbedded();
        Assert.Equal(194, d.Baseline.Countries.Count);
        Assert.DoesNotContain("TWN", d.Baseline.Countries);
        // research/data-sources.md §A.3: VNM->USA $117.68 bn, USA->VNM $9.56 bn, world total $21,750 bn.
        Assert.Equal(117.68e9, d.Baseline.Flow("VNM", "USA"), 0.01e9);
        Assert.Equal(9.56e9, d.Baseline.Flow("USA", "VNM"), 0.01e9);
        var n = d.Baseline.Countries.Count;
        double world = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                world += i == j ? 0 : d.Baseline.Flow(0, i, j);
            }
        }

        Assert.Equal(21_750e9, world, 1e9);
        Assert.Equal(0.46, d.LiberationDayRates["VNM"]);
        Assert.Equal(0.54, d.LiberationDayRates["CHN"]);
        // Domestic sales = GDP − exports; every clipped country really exports more than its GDP.
        Assert.All(d.ClippedCountries, c => Assert.True(d.Gdp[c] < d.Baseline.Output[d.Baseline.IndexOfCountry(c)]));
        var usa = d.Baseline.IndexOfCountry("USA");
        Assert.Equal(d.Gdp["USA"], d.Baseline.Output[usa], 1e3);
        output.WriteLine("clipped: " + string.Join(", ", d.ClippedCountries));
    }

    [Fact]
    public void Embedded_resource_equals_the_raw_csv()
    {
        var raw = GeFixtureData.SharedRawDir();
        var folder = raw is null ? null : Path.Combine(raw, "baci2023-ignatenko");
        if (folder is null || !Directory.Exists(folder))
        {
            Assert.Skip("shared/data/raw/baci2023-ignatenko not found; the embedded copy cannot be compared with the raw CSV.");
        }

        var a = BaciDataset.FromCsv(folder!).Baseline;
        var b = BaciDataset.LoadEmbedded().Baseline;
        Assert.Equal(a.Countries, b.Countries);
        var n = a.Countries.Count;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Assert.Equal(a.Flow(0, i, j), b.Flow(0, i, j));
            }
        }
    }

    [Fact]
    public void Liberation_day_and_Vietnam_presets_solve_on_BACI()
    {
        var d = BaciDataset.LoadEmbedded();
        var options = new GeOptions(GeElasticities.UniformTheta(4), tariffTreatment: GeTariffTreatment.Revenue);
        var all = GeUsVietnamSummary.From(GeSolver.Solve(d.Baseline, d.LiberationDayPreset().ToShock(d.Baseline, [GeBaseline.SingleSectorName]), options));
        var vn46 = GeUsVietnamSummary.From(GeSolver.Solve(d.Baseline, GePresets.Get(GePresets.LiberationDay46).ToShock(d.Baseline, [GeBaseline.SingleSectorName]), options));
        foreach (var (name, s) in new[] { ("liberation-day-all", all), ("liberation-day-46 (VNM only)", vn46) })
        {
            output.WriteLine($"BACI {name}: US imports from VNM {s.UsImportsFromVietnam.Baseline / 1e9:F2} -> {s.UsImportsFromVietnam.Counterfactual / 1e9:F2} bn; US-VNM balance {s.UsVietnamBalance.Baseline / 1e9:F2} -> {s.UsVietnamBalance.Counterfactual / 1e9:F2}; US welfare {s.UsWelfareChangePct:F3}%; revenue {s.UsTariffRevenue / 1e9:F1} bn; {s.Diagnostics}");
            Assert.True(s.UsImportsFromVietnam.Change < 0);
            Assert.Equal(s.UsAggregateBalance.Baseline, s.UsAggregateBalance.Counterfactual, 1e-9 * 1e14);
        }

        // When every supplier is taxed, Vietnam loses less of the US market than when it alone is taxed at 46%.
        Assert.True(all.UsImportsFromVietnam.Counterfactual > vn46.UsImportsFromVietnam.Counterfactual);
    }
}
