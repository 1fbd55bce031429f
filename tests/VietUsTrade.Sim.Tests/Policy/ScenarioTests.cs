using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using Xunit;

namespace VietUsTrade.Sim.Tests.Policy;

public class ScenarioTests
{
    private static readonly BaselineDataset D = BaselineDataset.LoadEmbedded();
    private static readonly PolicyLibrary L = PolicyLibrary.LoadEmbedded();

    [Fact]
    public void Every_preset_round_trips_through_json_unchanged_and_validates()
    {
        Assert.Contains("real-2025-2026", Presets.Names);
        foreach (var name in Presets.Names)
        {
            var s = Presets.Get(name);
            Assert.Equal(name, s.Name);
            var json = ScenarioJson.Write(s);
            Assert.Equal(json, ScenarioJson.Write(ScenarioJson.Parse(json)));
            var v = s.Validate(L, D);
            Assert.True(v.IsValid, string.Join("; ", v.Errors.Select(e => e.Message)));
        }
    }

    internal static Arbitrary<TariffMeasure> Measures() =>
        (from kind in Gen.Elements(Enum.GetValues<MeasureKind>())
         from rate in Gen.Choose(0, 2000).Select(x => x / 1000.0)
         from start in Gen.Choose(0, 900)
         from length in Gen.Choose(1, 900)
         from open in ArbMap.Default.GeneratorFor<bool>()
         from share in Gen.Choose(0, 100).Select(x => x / 100.0)
         from floor in ArbMap.Default.GeneratorFor<bool>()
         from products in Gen.SubListOf(new[] { "0901", "64", "940161" })
         from suppliers in Gen.SubListOf(new[] { "5520", "5700", "0003" })
         from unitValue in Gen.Choose(40, 2000).Select(x => x / 1000.0)
         let first = new DateOnly(2025, 1, 1).AddDays(start)
         let mip = kind == MeasureKind.MinimumImportPrice
         select new TariffMeasure("m", kind, mip ? 0 : rate, first, open ? null : first.AddDays(length), suppliers.ToArray(),
             products.Select(HtsCode.Parse).ToArray(), exemptionLists: floor ? ["annex-ii"] : [], shareOfGoods: share, isFloor: floor && !mip, source: "generated",
             minimumPrice: mip ? new MinimumPrice(0.38, unitValue, "W", "generated") : null)).ToArbitrary();

    [Property(MaxTest = 200, Arbitrary = [typeof(MeasureArbitraries)])]
    public bool A_scenario_survives_json_round_trip_unchanged(TariffMeasure measure)
    {
        var s = new Scenario("generated", "a generated scenario", ["test"], [measure], [Presets.Commitment("farm-mous-2025")], [Presets.Decree73()], ["none"]);
        var json = ScenarioJson.Write(s);
        var back = ScenarioJson.Parse(json);
        var m = back.Measures[0];
        return ScenarioJson.Write(back) == json && m.Rate == measure.Rate && m.From == measure.From && m.Until == measure.Until
            && m.ShareOfGoods == measure.ShareOfGoods && m.Kind == measure.Kind && m.Products.SequenceEqual(measure.Products);
    }


    [Theory]
    [InlineData("""{"name":"x","measures":[{"id":"a","kind":"reciprocal","rate":-0.1,"from":"2025-08-07"}]}""", "measures[0].rate", "-0.1")]
    [InlineData("""{"name":"x","measures":[{"id":"a","kind":"reciprocal","rate":"NaN","from":"2025-08-07"}]}""", "measures[0].rate", "\"NaN\"")]
    [InlineData("""{"name":"x","measures":[{"id":"a","kind":"reciprocal","rate":0.2,"from":"2025-08-07","until":"2025-01-01"}]}""", "measures[0].until", "'2025-01-01'")]
    [InlineData("""{"name":"x","measures":[{"id":"a","kind":"tarif","rate":0.2,"from":"2025-08-07"}]}""", "measures[0].kind", "'tarif'")]
    [InlineData("""{"name":"x","measures":[{"id":"a","kind":"reciprocal","rate":0.2,"from":"2025-08-07","products":["09A1"]}]}""", "measures[0].products[0]", "'09A1'")]
    [InlineData("""{"name":"x","extends":"no-such-preset"}""", "extends", "'no-such-preset'")]
    [InlineData("""{"name":"Bad Name"}""", "name", "'Bad Name'")]
    [InlineData("""{"name":"x","measures":[{"id":"a","kind":"reciprocal","rate":0.2}]}""", "measures[0].from", "'missing'")]
    [InlineData("""{"name":"x","mesures":[]}""", "mesures", "[]")]
    [InlineData("""{"name":"x","commitments":[{"id":"c","products":["1005"],"amount_usd":1e9,"start":"2025-01-01","end":"2026-01-01","fulfilment":1.5,"additionality":0.5}]}""", "commitments[0].fulfilment", "1.5")]
    [InlineData("""{"name":"x","measures":[{"id":"a","kind":"reciprocal","rate":0.2,"from":"2025-08-07","suppliers":["5520"]},{"id":"b","kind":"reciprocal","rate":0.46,"from":"2026-01-01","suppliers":["5520"]}]}""", "measures[1]", "'b'")]
    [InlineData("""{"name":"x","measures":[{"id":"a","kind":"reciprocal","rate":0.2,"from":"2025-08-07"},{"id":"a","kind":"section-122","rate":0.1,"from":"2026-02-24"}]}""", "measures[1].id", "'a'")]
    [InlineData("""{"name":"x","name":"y"}""", "name", "")]
    [InlineData("""{"name":"x","measures":[{"id":"a","kind":"reciprocal","rate":0.2,"rate":0.46,"from":"2025-08-07"}]}""", "measures[0].rate", "")]
    [InlineData("""[1,2]""", "$", "Array")]
    [InlineData("""{"name":""", "$", "")]
    public void Invalid_scenarios_name_the_field_and_value(string json, string path, string value)
    {
        var ex = Assert.Throws<ScenarioValidationException>(() => ScenarioJson.Parse(json));
        Assert.Equal(path, ex.Path);
        if (value.Length > 0)
        {
            Assert.Contains(value, ex.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_reports_unknown_lists_codes_and_suppliers_by_path()
    {
        var s = new Scenario("x", "", null,
        [
            new TariffMeasure("a", MeasureKind.Reciprocal, 0.2, new DateOnly(2025, 8, 7), null, ["9999"], [HtsCode.Parse("9999999999")], exemptionLists: ["no-such-list"]),
        ]);
        var v = s.Validate(L, D);
        Assert.False(v.IsValid);
        Assert.Contains(v.Errors, e => e.Path == "measures[0].exemption_lists[0]" && e.Value == "'no-such-list'");
        Assert.Contains(v.Errors, e => e.Path == "measures[0].products[0]" && e.Value == "'9999999999'");
        Assert.Contains(v.Errors, e => e.Path == "measures[0].suppliers[0]");
        Assert.Throws<ScenarioValidationException>(() => TariffSchedule.Compile(s, D, L));
    }

    [Fact]
    public void Exemption_list_codes_that_match_no_baseline_line_are_reported()
    {
        var v = Presets.Get("real-2025-2026").Validate(L, D);
        Assert.True(v.IsValid);
        var annex = v.UnmatchedListCodes["annex-ii"];
        Assert.NotEmpty(annex);
        Assert.True(annex.Count < L.Get("annex-ii").Entries.Count);
        Assert.All(annex, c => Assert.DoesNotContain(D.ImportLines, l => c.Contains(l.Code)));
    }

    [Fact]
    public void Product_list_set_operations()
    {
        var annex = L.Get("annex-ii");
        var farm = L.Get("farm-goods-2025-11-13");
        var preFarm = L.Get("annex-ii-pre-farm");
        var coffee = HtsCode.Parse("0901110015");
        var date = new DateOnly(2025, 12, 1);
        Assert.True(annex.Contains(coffee, date));
        Assert.True(farm.Contains(coffee, date));
        Assert.False(farm.Contains(coffee, new DateOnly(2025, 11, 12)));
        Assert.False(preFarm.Contains(coffee, date));
        Assert.Equal(annex.Entries.Count, preFarm.Entries.Count + farm.Entries.Count);
        var union = preFarm.Union(farm, "u");
        Assert.True(union.Contains(coffee, date));
        // Copper left Annex II when Section 232 copper started (2025-08-01).
        var copper = L.Get("annex-ii").Entries.First(e => e.Code.Chapter == 74 && e.Basis.Contains("copper", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2025, 8, 1), copper.Until);
        Assert.Throws<ArgumentException>(() => new ProductList("bad", "", "", [new ProductListEntry(coffee, new DateOnly(2025, 2, 1), new DateOnly(2025, 1, 1), "")]));
        Assert.Throws<KeyNotFoundException>(() => L.Get("nope"));
        Assert.Throws<KeyNotFoundException>(() => Presets.Get("nope"));
    }

    [Fact]
    public void Commitments_spread_their_amount_and_separate_bilateral_from_total_exports()
    {
        var farm = Presets.Commitment("farm-mous-2025");
        Assert.Equal(1.0, farm.ShareIn(new DateOnly(2000, 1, 1), new DateOnly(2100, 1, 1)), 12);
        Assert.Equal(farm.AmountUsd * farm.Fulfilment, farm.BilateralExportsUsd(farm.Start, farm.End), 3);
        Assert.Equal(farm.BilateralExportsUsd(farm.Start, farm.End) * farm.Additionality, farm.AdditionalTotalExportsUsd(farm.Start, farm.End), 3);
        var lng = Presets.Commitment("lng-mous-2025");
        var mid = DateOnly.FromDayNumber((lng.Start.DayNumber + lng.End.DayNumber) / 2);
        Assert.True(lng.ShareIn(lng.Start, mid) < 0.26); // linear ramp: a quarter in the first half
        Assert.Equal(1.0, lng.ShareIn(lng.Start, mid) + lng.ShareIn(mid, lng.End), 12);
        Assert.Equal(0.58, farm.Fulfilment);
    }

    [Fact]
    public void Vietnam_tariff_schedule_before_and_after_decree_73()
    {
        var lng = HtsCode.Parse("271111");
        Assert.Equal(0.05, L.VietnamMfn(lng, afterDecree73: false));
        Assert.Equal(0.02, L.VietnamMfn(lng, afterDecree73: true));
        Assert.Null(L.VietnamMfn(HtsCode.Parse("8800000000"), afterDecree73: true));
        Assert.Equal(48, L.VietnamTariff.Count(t => t.ChangeGroup.StartsWith("D73", StringComparison.Ordinal)));
        // Simple average over HS6 of the MFN, ch. 01-97: 9.37% before Decree 73, 9.31% after (data-sources.md A.5).
        var hs6 = L.VietnamTariff.GroupBy(t => t.Hs8.Digits[..6]).ToArray();
        Assert.Equal(0.0937, hs6.Average(g => g.Average(t => t.MfnBefore)), 3);
        Assert.Equal(0.0931, hs6.Average(g => g.Average(t => t.MfnAfter)), 3);
    }
}

public static class MeasureArbitraries
{
    public static Arbitrary<TariffMeasure> Measure() => ScenarioTests.Measures();
}

public class ScenarioBuilderTests
{
    [Fact]
    public void Builder_starts_from_a_preset_replaces_a_measure_and_validates()
    {
        var s = ScenarioBuilder.From(Presets.Get("reciprocal-20"))
            .Named("vietnam-25", "25% instead of 20%")
            .RemoveMeasure("vn-reciprocal-20")
            .Add(new TariffMeasure("vn-25", MeasureKind.Reciprocal, 0.25, new DateOnly(2025, 8, 7), null, [Partner.VietnamCode], exemptionLists: ["annex-ii"]))
            .Add(Presets.Commitment("farm-mous-2025"))
            .Source("what-if")
            .Assume("25% is hypothetical")
            .Build();
        Assert.Equal("vietnam-25", s.Name);
        Assert.Single(s.Measures);
        Assert.Equal(0.25, s.Measures[0].Rate);
        Assert.Single(s.Commitments);
        Assert.Contains("what-if", s.Sources);
        Assert.Equal(ScenarioJson.Write(s), ScenarioJson.Write(ScenarioJson.Parse(ScenarioJson.Write(s))));
        Assert.Throws<KeyNotFoundException>(() => new ScenarioBuilder("x").RemoveMeasure("nope"));
        var clash = new ScenarioBuilder("clash")
            .Add(new TariffMeasure("a", MeasureKind.Reciprocal, 0.2, new DateOnly(2025, 8, 7), null, [Partner.VietnamCode]))
            .Add(new TariffMeasure("b", MeasureKind.Reciprocal, 0.46, new DateOnly(2025, 9, 1), null, [Partner.VietnamCode]));
        Assert.Equal("measures[1]", Assert.Throws<ScenarioValidationException>(clash.Build).Path);
    }
}
