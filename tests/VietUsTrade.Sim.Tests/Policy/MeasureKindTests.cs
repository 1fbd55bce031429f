using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using Xunit;

namespace VietUsTrade.Sim.Tests.Policy;

/// <summary>The measure-kind table (issue 13 item 1) and the minimum-import-price kind it was built to add (issue 14 item 3).</summary>
public class MeasureKindTests
{
    private static readonly BaselineDataset Data = BaselineDataset.LoadEmbedded();

    [Fact]
    public void Every_kind_has_exactly_one_row_with_a_distinct_json_name_that_parses_back()
    {
        var kinds = Enum.GetValues<MeasureKind>();
        Assert.Equal(kinds.Length, MeasureKinds.All.Count);
        foreach (var k in kinds)
        {
            var row = MeasureKinds.Of(k);
            Assert.Equal(k, row.Kind);
            Assert.True(MeasureKinds.TryParse(row.JsonName, out var back));
            Assert.Equal(k, back.Kind);
            Assert.Equal(row.JsonName, ScenarioJson.KindName(k));
        }

        Assert.Equal(kinds.Length, MeasureKinds.JsonNames.Distinct(StringComparer.Ordinal).Count());
        Assert.False(MeasureKinds.TryParse("Section-301", out _)); // names are exact
    }

    [Fact]
    public void A_kind_without_a_row_fails_loudly_naming_the_kind()
    {
        var rows = MeasureKinds.All.Where(r => r.Kind != MeasureKind.MinimumImportPrice).ToArray();
        var ex = Assert.Throws<InvalidOperationException>(() => MeasureKinds.Checked(rows, Enum.GetValues<MeasureKind>()));
        Assert.Contains("MinimumImportPrice has no row", ex.Message, StringComparison.Ordinal);

        var twice = MeasureKinds.All.Append(MeasureKinds.Of(MeasureKind.Fentanyl)).ToArray();
        Assert.Contains("two rows for Fentanyl", Assert.Throws<InvalidOperationException>(() => MeasureKinds.Checked(twice, Enum.GetValues<MeasureKind>())).Message, StringComparison.Ordinal);

        var clash = MeasureKinds.All.Select(r => r.Kind == MeasureKind.Additional ? new MeasureKindInfo(r.Kind, "fentanyl", r.Stacking, r.Label, r.MayOverlap, r.RateInLabel, r.Rule) : r).ToArray();
        Assert.Contains("'fentanyl'", Assert.Throws<InvalidOperationException>(() => MeasureKinds.Checked(clash, Enum.GetValues<MeasureKind>())).Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Every_kind_stacks_through_the_schedule_and_adds_its_rate_to_a_line_without_other_measures(MeasureKind kind)
    {
        // One measure of each kind on an uncovered line (Vietnam's 6404 shoes in 2024-01, before any 2025 measure).
        var date = new DateOnly(2024, 6, 1);
        var mip = kind == MeasureKind.MinimumImportPrice ? new MinimumPrice(1.5, 1.0, "pair", "test") : null;
        var m = new TariffMeasure("k", kind, kind == MeasureKind.MinimumImportPrice ? 0 : 0.2, date, null, ["5520"], [HtsCode.Parse("6404")], minimumPrice: mip);
        var s = new Scenario("kind-test", "one measure", null, [m]);
        var schedule = TariffSchedule.Compile(s, Data);
        var lines = schedule.TariffsOn(HtsCode.Parse("6404"), "VNM", date);
        Assert.NotEmpty(lines);
        foreach (var t in lines)
        {
            // A transshipment measure replaces a reciprocal rate, and there is none here: it adds nothing.
            var expected = MeasureKinds.Of(kind).Stacking == StackingRule.ReplacesReciprocal ? 0.0 : m.Rate;
            Assert.Equal(t.BaseRate + expected, t.TotalRate, 12);
        }
    }

    public static TheoryData<MeasureKind> AllKinds() => [.. Enum.GetValues<MeasureKind>()];

    [Fact]
    public void A_minimum_import_price_is_the_ad_valorem_equivalent_of_its_shortfall_and_zero_above_the_floor()
    {
        Assert.Equal((0.38 / 0.24) - 1, new MinimumPrice(0.38, 0.24, "W", "s").AdValoremEquivalent, 15);
        Assert.Equal(0.0, new MinimumPrice(0.38, 0.40, "W", "s").AdValoremEquivalent);
        Assert.Equal("unit_value_usd_per_unit", Assert.Throws<ScenarioValidationException>(() => new MinimumPrice(0.38, 0, "W", "s")).Path);
        Assert.Equal("floor_usd_per_unit", Assert.Throws<ScenarioValidationException>(() => new MinimumPrice(double.NaN, 0.2, "W", "s")).Path);
        Assert.Equal("unit_value_usd_per_unit", Assert.Throws<ScenarioValidationException>(() => new MinimumPrice(1.0, 0.05, "W", "s")).Path); // AVE 1,900 %
        Assert.Equal("minimum_price", Assert.Throws<ScenarioValidationException>(() => new TariffMeasure("m", MeasureKind.MinimumImportPrice, 0, new DateOnly(2026, 12, 4))).Path);
        Assert.Equal("minimum_price", Assert.Throws<ScenarioValidationException>(() => new TariffMeasure("m", MeasureKind.Additional, 0.1, new DateOnly(2026, 12, 4), minimumPrice: new MinimumPrice(1, 1, "W", "s"))).Path);
        Assert.Equal("rate", Assert.Throws<ScenarioValidationException>(() => new TariffMeasure("m", MeasureKind.MinimumImportPrice, 0.3, new DateOnly(2026, 12, 4), minimumPrice: new MinimumPrice(0.38, 0.24, "W", "s"))).Path);
    }

    [Theory]
    [InlineData("""{"name":"x","measures":[{"id":"a","kind":"minimum-import-price","from":"2026-12-04","products":["854143"],"floor_usd_per_unit":0.38,"unit":"W"}]}""", "measures[0].unit_value_usd_per_unit", "'missing'")]
    [InlineData("""{"name":"x","measures":[{"id":"a","kind":"minimum-import-price","from":"2026-12-04","floor_usd_per_unit":0.38,"unit_value_usd_per_unit":-1,"unit":"W"}]}""", "measures[0].unit_value_usd_per_unit", "-1")]
    [InlineData("""{"name":"x","measures":[{"id":"a","kind":"section-301","rate":0.1,"from":"2026-12-04","floor_usd_per_unit":0.38}]}""", "measures[0].floor_usd_per_unit", "'section-301'")]
    [InlineData("""{"name":"x","measures":[{"id":"a","kind":"minimum-import-price","rate":0.9,"from":"2026-12-04","floor_usd_per_unit":0.38,"unit_value_usd_per_unit":0.24,"unit":"W"}]}""", "measures[0].rate", "0.9")]
    public void Bad_minimum_import_price_fields_name_the_path(string json, string path, string value)
    {
        var ex = Assert.Throws<ScenarioValidationException>(() => ScenarioJson.Parse(json));
        Assert.Equal(path, ex.Path);
        Assert.Equal(value, ex.Value);
    }

    [Fact]
    public void A_minimum_import_price_in_a_scenario_file_needs_no_rate_and_round_trips()
    {
        const string json = """{"name":"mip","extends":"real-2025-2026","measures":[{"id":"mip-shoes","kind":"minimum-import-price","from":"2027-01-01","suppliers":["5520"],"products":["6404"],"floor_usd_per_unit":30,"unit_value_usd_per_unit":20,"unit":"pair","unit_value_source":"assumed"}]}""";
        var s = ScenarioJson.Parse(json);
        var m = s.Measures.Single(x => x.Id == "mip-shoes");
        Assert.Equal(0.5, m.Rate, 15);
        Assert.Equal("pair", m.MinimumPrice!.Unit);
        var again = ScenarioJson.Parse(ScenarioJson.Write(s));
        Assert.Equal(ScenarioJson.Write(s), ScenarioJson.Write(again));
        var shoes = TariffSchedule.Compile(s, Data).TariffsOn(HtsCode.Parse("6404"), "VNM", new DateOnly(2027, 1, 1));
        Assert.All(shoes, t => Assert.Contains(t.Layers, l => l.MeasureId == "mip-shoes" && Math.Abs(l.Rate - 0.5) < 1e-12));
    }

    [Fact]
    public void Cli_presets_kinds_lists_every_row_of_the_table()
    {
        var (code, output, err) = CliRunner.Run("presets", "kinds", "--json");
        Assert.True(code == 0, err);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        var names = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("kind").GetString() ?? string.Empty).ToArray();
        Assert.Equal(MeasureKinds.JsonNames, names);
        Assert.Contains(doc.RootElement.EnumerateArray(), e => e.GetProperty("kind").GetString() == "minimum-import-price" && e.GetProperty("stacking").GetString() == "AddsToAll");
    }

    [Fact]
    public void A_default_hts_code_is_refused_where_a_code_is_required()
    {
        Assert.True(default(HtsCode).IsDefault);
        Assert.False(HtsCode.Parse("0901").IsDefault);
        Assert.Equal("products[1]", Assert.Throws<ScenarioValidationException>(() => new TariffMeasure("m", MeasureKind.Additional, 0.1, new DateOnly(2026, 1, 1), products: [HtsCode.Parse("0901"), default])).Path);
        Assert.Equal("exempt_codes[0]", Assert.Throws<ScenarioValidationException>(() => new TariffMeasure("m", MeasureKind.Additional, 0.1, new DateOnly(2026, 1, 1), exemptCodes: [default])).Path);
        Assert.Equal("products[0]", Assert.Throws<ScenarioValidationException>(() =>
            new PurchaseCommitment("c", "c", [default], 1e9, new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1), PhaseIn.Even, 0.5, 0.2, 0.9, 0.5, 0.2, 0.8, "test")).Path);
    }
}
