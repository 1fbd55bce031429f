using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.GeneralEquilibrium;
using VietUsTrade.Sim.Models.Ignatenko2025;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using VietUsTrade.Sim.Projection;
using Xunit;

namespace VietUsTrade.Sim.Tests.Hardening;

/// <summary>
/// Every rate, amount, elasticity and count of the public records is checked in the library when it is set (issue 15
/// item 3): finite only, tariffs up to 10 (1,000 %) unless an override, amounts up to world trade. The ranges are listed
/// in docs/input-limits.md.
/// </summary>
public class LibraryRangeTests
{
    private static readonly PeRunOptions Dec2025 = new(new DateOnly(2025, 12, 1));

    public static TheoryData<string, Func<PeRunOptions>> InvalidPeRunOptions() => new()
    {
        { nameof(PeRunOptions.Sigma), () => Dec2025 with { Sigma = (SigmaSet)7 } },
        { nameof(PeRunOptions.SigmaScale), () => Dec2025 with { SigmaScale = double.NaN } },
        { nameof(PeRunOptions.SigmaScale), () => new PeRunOptions(Dec2025.Date, SigmaScale: 101) },
        { nameof(PeRunOptions.EpsilonScale), () => Dec2025 with { EpsilonScale = -1 } },
        { nameof(PeRunOptions.ExportSupplyElasticity), () => Dec2025 with { ExportSupplyElasticity = double.NegativeInfinity } },
        { nameof(PeRunOptions.ExportSupplyElasticity), () => new PeRunOptions(Dec2025.Date, ExportSupplyElasticity: 1e6) },
        { nameof(PeRunOptions.VietnamImportDemandElasticity), () => Dec2025 with { VietnamImportDemandElasticity = 51 } },
        { nameof(PeRunOptions.VietnamSubstitutionElasticity), () => Dec2025 with { VietnamSubstitutionElasticity = double.PositiveInfinity } },
        { nameof(PeRunOptions.UsShareOfVietnamImports), () => new PeRunOptions(Dec2025.Date, UsShareOfVietnamImports: 1) },
        { nameof(PeRunOptions.CommitmentMonths), () => Dec2025 with { CommitmentMonths = 0 } },
        { nameof(PeRunOptions.FulfilmentOverride), () => Dec2025 with { FulfilmentOverride = double.NaN } },
        { nameof(PeRunOptions.AdditionalityOverride), () => new PeRunOptions(Dec2025.Date, AdditionalityOverride: 1.5) },
        { nameof(PeRunOptions.TransshipmentShareOverride), () => Dec2025 with { TransshipmentShareOverride = -0.1 } },
    };

    [Theory]
    [MemberData(nameof(InvalidPeRunOptions))]
    public void PeRunOptions_refuse_an_invalid_field_when_it_is_set(string field, Func<PeRunOptions> make)
    {
        // Refused by the constructor or the with expression itself, before any run could use it.
        var ex = Assert.Throws<ArgumentException>(make);
        Assert.Equal(field, ex.ParamName);
        Assert.StartsWith(field + " = ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PeRunOptions_accept_the_edges_of_their_ranges()
    {
        var o = Dec2025 with { SigmaScale = 100, EpsilonScale = 0.01, ExportSupplyElasticity = double.PositiveInfinity, VietnamImportDemandElasticity = 0, CommitmentMonths = 600, FulfilmentOverride = 1, AdditionalityOverride = 0 };
        Assert.Equal(100, o.SigmaScale);
        Assert.Equal(600, o.CommitmentMonths);
        Assert.Equal(1000, (Dec2025 with { ExportSupplyElasticity = 1000 }).ExportSupplyElasticity);
    }

    [Fact]
    public void Elasticities_must_be_finite_magnitudes()
    {
        var ok = new Elasticity(3.2, 3.2, 0.4, ElasticitySource.Hauk2012, MatchLevel.Hs6, "010121");
        Assert.Equal("Value", Assert.Throws<ArgumentException>(() => ok with { Value = double.NaN }).ParamName);
        Assert.Equal("Value", Assert.Throws<ArgumentException>(() => new Elasticity(-1, 3.2, null, ElasticitySource.Hauk2012, MatchLevel.Hs6, "x")).ParamName);
        Assert.Equal("RawValue", Assert.Throws<ArgumentException>(() => ok with { RawValue = double.PositiveInfinity }).ParamName);
        Assert.Equal("StandardError", Assert.Throws<ArgumentException>(() => ok with { StandardError = -0.1 }).ParamName);
        Assert.Equal("Source", Assert.Throws<ArgumentException>(() => ok with { Source = (ElasticitySource)9 }).ParamName);
        Assert.Equal("Level", Assert.Throws<ArgumentException>(() => ok with { Level = (MatchLevel)9 }).ParamName);
        Assert.Null((ok with { StandardError = null }).StandardError);
    }

    [Fact]
    public void Trade_amounts_above_world_trade_or_not_finite_are_refused()
    {
        var vietnam = new Partner(Partner.VietnamCode, "VIETNAM", 1.4e11, 4e9);
        Assert.Equal("Imports2024Usd", Assert.Throws<ArgumentException>(() => vietnam with { Imports2024Usd = 1.7e308 }).ParamName);
        Assert.Equal("Duty2024Usd", Assert.Throws<ArgumentException>(() => new Partner("5520", "VIETNAM", 1, double.NaN)).ParamName);
        Assert.Equal("ValueUsd", Assert.Throws<ArgumentException>(() => new SupplierFlow(vietnam, 4e13, 0)).ParamName);
        Assert.Equal("DutyUsd", Assert.Throws<ArgumentException>(() => new SupplierFlow(vietnam, 1, -1)).ParamName);
        Assert.Equal(ValueRanges.MaxTradeUsd, new SupplierFlow(vietnam, ValueRanges.MaxTradeUsd, 0).ValueUsd);
        var coffee = new ExportLine(HtsCode.Parse("090111"), "coffee", 1e6, 9e5);
        Assert.Equal("Value2024Usd", Assert.Throws<ArgumentException>(() => coffee with { Value2024Usd = double.PositiveInfinity }).ParamName);
        Assert.Equal("Value2023Usd", Assert.Throws<ArgumentException>(() => new ExportLine(coffee.Code, "coffee", 1, -5)).ParamName);
        Assert.Equal("ValueUsd", Assert.Throws<ArgumentException>(() => new MonthlyPoint(new DateOnly(2025, 1, 1), 1.7e308, 0)).ParamName);
        Assert.Equal("DutyUsd", Assert.Throws<ArgumentException>(() => new MonthlyPoint(new DateOnly(2025, 1, 1), 1, double.NaN) with { }).ParamName);
    }

    [Fact]
    public void Chapter_totals_and_mfn_rates_are_checked_when_set()
    {
        var ch61 = new ChapterTotals(61, "Apparel, knit", 4e10, 5e9, 8e9, 1.2e9, 1e10);
        Assert.Equal("Chapter", Assert.Throws<ArgumentException>(() => ch61 with { Chapter = 0 }).ParamName);
        Assert.Equal("Chapter", Assert.Throws<ArgumentException>(() => new ChapterTotals(100, "x", 1, 0, 0, 0, 0)).ParamName);
        Assert.Equal("WorldValueUsd", Assert.Throws<ArgumentException>(() => ch61 with { WorldValueUsd = double.NaN }).ParamName);
        Assert.Equal("VietnamDutyUsd", Assert.Throws<ArgumentException>(() => new ChapterTotals(61, "x", 1, 0, 0, -1, 0)).ParamName);
        Assert.Equal("RestOfWorldValueUsd", Assert.Throws<ArgumentException>(() => ch61 with { RestOfWorldValueUsd = 1.7e308 }).ParamName);
        var mfn = new MfnRate(HtsCode.Parse("61103030"), "ad_valorem", 0.32, "32%");
        Assert.Equal("AdValorem", Assert.Throws<ArgumentException>(() => mfn with { AdValorem = -0.1 }).ParamName);
        Assert.Equal("AdValorem", Assert.Throws<ArgumentException>(() => new MfnRate(mfn.Hts8, "ad_valorem", double.PositiveInfinity, "x")).ParamName);
        Assert.Equal(10.0, (mfn with { AdValorem = 10 }).AdValorem);
        Assert.Null((mfn with { AdValorem = null }).AdValorem);
        // The bundled dataset satisfies every rule (it loads).
        Assert.Equal(98, BaselineDataset.LoadEmbedded().Chapters.Count);
    }

    [Fact]
    public void Ge_tariffs_above_ten_need_the_override_and_flows_may_not_add_up_to_infinity()
    {
        var high = new[] { new GeTariffChange("VNM", "USA", 12) };
        var ex = Assert.Throws<ArgumentException>(() => new GeShock(tariffChanges: high));
        Assert.Contains("= 12 must be a fraction in [0, 10]", ex.Message, StringComparison.Ordinal);
        Assert.Equal(12, new GeShock(tariffChanges: high, allowHighTariffs: true).TariffChanges[0].NewRate);
        Assert.Throws<ArgumentException>(() => new GeShock(tariffChanges: [new GeTariffChange("VNM", "USA", 0.2, 101)], allowHighTariffs: true));

        var overflow = Assert.Throws<ArgumentException>(() => GeBaseline.FromFlows([new GeFlow("USA", "USA", 1e308), new GeFlow("USA", "VNM", 1e308), new GeFlow("VNM", "VNM", 1), new GeFlow("VNM", "USA", 1)]));
        Assert.Contains("Country 'USA': its flows add up beyond the largest number", overflow.Message, StringComparison.Ordinal);
        var world = Assert.Throws<ArgumentException>(() => GeBaseline.FromFlows([new GeFlow("USA", "USA", 1e308), new GeFlow("VNM", "VNM", 1e308)]));
        Assert.Contains("world output adds up beyond the largest number", world.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignatenko_tariffs_and_parameters_have_upper_bounds()
    {
        var zero = TariffMatrix.Zero(3);
        Assert.Equal("rate", Assert.Throws<ArgumentException>(() => zero.With(0, 1, 20)).ParamName);
        Assert.Equal(10, zero.With(0, 1, 10)[0, 1], 12);
        Assert.Equal("rates[2]", Assert.Throws<ArgumentException>(() => zero.WithImporterRates(0, [0, 0.2, 10.5])).ParamName);
        Assert.Equal("theta", Assert.Throws<ArgumentOutOfRangeException>(() => new IgnatenkoParameters(4, 0.5, 0.1, 1e4, 1)).ParamName);
        Assert.Equal("BaselineUsTariffs[VNM]", Assert.Throws<ArgumentException>(() => new IgnatenkoOptions { BaselineUsTariffs = new Dictionary<string, double> { ["VNM"] = 20 } }).ParamName);
        Assert.Equal("BaselineUsTariffs[CHN]", Assert.Throws<ArgumentException>(() => IgnatenkoOptions.Paper with { BaselineUsTariffs = new Dictionary<string, double> { ["CHN"] = double.NaN } }).ParamName);
        Assert.Equal(0.2, new IgnatenkoOptions { BaselineUsTariffs = new Dictionary<string, double> { ["VNM"] = 0.2 } }.BaselineUsTariffs!["VNM"]);
    }

    [Fact]
    public void Scenario_tariff_rates_above_ten_need_the_explicit_override()
    {
        var ex = Assert.Throws<ScenarioValidationException>(() => new TariffMeasure("x", MeasureKind.Reciprocal, 10.5, new DateOnly(2025, 8, 7)));
        Assert.Equal("rate", ex.Path);
        Assert.Contains("set allow_high_rate", ex.Message, StringComparison.Ordinal);
        Assert.Equal(10, new TariffMeasure("x", MeasureKind.Reciprocal, 10, new DateOnly(2025, 8, 7)).Rate);
        var high = new TariffMeasure("x", MeasureKind.Reciprocal, 12, new DateOnly(2025, 8, 7), allowHighRate: true);
        Assert.Equal(12, high.Rate);
        Assert.True(high.WithDates(new DateOnly(2026, 1, 1), null).AllowHighRate);
        Assert.Throws<ScenarioValidationException>(() => new TariffMeasure("x", MeasureKind.Reciprocal, 101, new DateOnly(2025, 8, 7), allowHighRate: true));

        // In a scenario file the override is the field allow_high_rate; it survives the JSON round trip and is written only when set.
        const string json = """{"name":"high","measures":[{"id":"x","kind":"reciprocal","rate":12,"from":"2025-08-07","suppliers":["5520"]}]}""";
        Assert.Equal("measures[0].rate", Assert.Throws<ScenarioValidationException>(() => ScenarioJson.Parse(json)).Path);
        var parsed = ScenarioJson.Parse(json.Replace("\"rate\":12", "\"rate\":12,\"allow_high_rate\":true", StringComparison.Ordinal));
        Assert.True(parsed.Measures[0].AllowHighRate);
        var written = ScenarioJson.Write(parsed);
        Assert.Contains("\"allow_high_rate\": true", written, StringComparison.Ordinal);
        Assert.Equal(12, ScenarioJson.Parse(written).Measures[0].Rate);
        Assert.DoesNotContain("allow_high_rate", ScenarioJson.Write(Presets.Get("reciprocal-20")), StringComparison.Ordinal);
    }

    [Fact]
    public void Pe_solver_and_smart_options_refuse_an_invalid_field_when_it_is_set()
    {
        Assert.Equal("Tolerance", Assert.Throws<ArgumentException>(() => PeSolverOptions.Default with { Tolerance = double.NaN }).ParamName);
        Assert.Equal("Tolerance", Assert.Throws<ArgumentException>(() => new PeSolverOptions { Tolerance = 0.01 }).ParamName);
        Assert.Equal("MaxIterations", Assert.Throws<ArgumentException>(() => new PeSolverOptions { MaxIterations = 0 }).ParamName);
        Assert.Equal(100_000, (PeSolverOptions.Default with { MaxIterations = 100_000 }).MaxIterations);
        Assert.Equal("ExportSupplyElasticity", Assert.Throws<ArgumentException>(() => SmartOptions.Default with { ExportSupplyElasticity = 0 }).ParamName);
        Assert.Equal("ExportSupplyElasticity", Assert.Throws<ArgumentException>(() => new SmartOptions { ExportSupplyElasticity = double.NaN }).ParamName);
        Assert.Equal("WelfareFlow", Assert.Throws<ArgumentException>(() => SmartOptions.Default with { WelfareFlow = (SmartWelfareFlow)5 }).ParamName);
        Assert.Equal("NegativeFlowPolicy", Assert.Throws<ArgumentException>(() => new SmartOptions { NegativeFlowPolicy = (SmartNegativeFlowPolicy)5 }).ParamName);
        Assert.Equal("DiversionPriceForm", Assert.Throws<ArgumentException>(() => new SmartOptions { DiversionPriceForm = (SmartDiversionPriceForm)5 }).ParamName);
        Assert.Null(SmartOptions.Default.ExportSupplyElasticity);
    }

    [Fact]
    public void Uncertainty_spec_refuses_an_invalid_field_when_it_is_set()
    {
        Assert.Equal("ElasticityLogSd", Assert.Throws<ArgumentException>(() => UncertaintySpec.Default with { ElasticityLogSd = double.NaN }).ParamName);
        Assert.Equal("TransshipmentShareHigh", Assert.Throws<ArgumentException>(() => UncertaintySpec.Default with { TransshipmentShareHigh = 1.5 }).ParamName);
        Assert.Equal("RelocationShareHigh", Assert.Throws<ArgumentException>(() => new UncertaintySpec(RelocationShareHigh: 0.6)).ParamName);
        Assert.Null((UncertaintySpec.Default with { RelocationShareHigh = null }).RelocationShareHigh);

        // The rule that joins two fields is still checked by Validate.
        var swapped = UncertaintySpec.Default with { LongRunElasticityLow = 3, LongRunElasticityHigh = 2 };
        Assert.Equal("LongRunElasticityLow", Assert.Throws<ArgumentException>(swapped.Validate).ParamName);
    }
}
