using VietUsTrade.Sim.Models.GeneralEquilibrium;
using VietUsTrade.Sim.Models.Ignatenko2025;
using VietUsTrade.Sim.Policy;
using Xunit;

namespace VietUsTrade.Sim.Tests;

/// <summary>The short entry point of issue 13 item 6: one scenario object through PE, GE and the projection.</summary>
public sealed class SimulatorTests
{
    private static readonly DateOnly Dec2025 = new(2025, 12, 1);
    private static readonly Simulator Sim = Simulator.LoadEmbedded();

    [Fact]
    public void PE_and_GE_run_the_same_scenario_object()
    {
        var scenario = Sim.Presets["reciprocal-20"];
        var pe = Sim.RunPartialEquilibrium(scenario, Dec2025);
        var ge = Sim.RunGeneralEquilibrium(scenario, Dec2025);
        Assert.Same(scenario, pe.Scenario);
        Assert.Same(scenario, ge.Scenario);
        Assert.True(pe.ImportsFromVietnamUsd < pe.Baseline.ImportsFromVietnamUsd);
        Assert.True(ge.ImportsFromVietnamUsd < ge.BaselineImportsFromVietnamUsd);
        Assert.True(ge.Welfare["VNM"] < 0);
        Assert.Equal(ge.Welfare["VNM"], ge.Welfare["vietnam"]);
        Assert.Equal(ge.Welfare["VNM"], ge.Welfare["5520"]);
        Assert.Equal(ge.Summary.VietnamWelfareChangePct / 100, ge.Welfare["VNM"], 15);
        Assert.Equal(GeScenarioModel.AggregationRule, ge.Aggregation.Rule);
    }

    [Fact]
    public void PE_ICIO_GE_and_Ignatenko_run_the_same_scenario_object()
    {
        var scenario = Sim.Presets["reciprocal-20"];
        var pe = Sim.RunPartialEquilibrium(scenario, Dec2025);
        var ge = Sim.RunGeneralEquilibrium(scenario, Dec2025);
        var ig = Sim.RunIgnatenko(scenario, Dec2025);
        Assert.Same(scenario, pe.Scenario);
        Assert.Same(scenario, ge.Scenario);
        Assert.Same(scenario, ig.Scenario);
        Assert.Equal(IgnatenkoScenarioModel.AggregationRule, ig.AggregationRule);

        // The rule by hand: Vietnam's 2024-value-weighted mean of (rate on the date - 2024 rate) over its lines in
        // chapters 1-97 (the ICIO goods lines), from the compiled schedule; the model's baseline has no US tariffs.
        var rates = TariffSchedule.Compile(scenario, Sim.Baseline, Sim.Library).RatesOn(Dec2025);
        var t1 = rates.ToArray();
        var t0 = rates.BaseToArray();
        var offsets = rates.LineOffsets();
        double num = 0, den = 0;
        var lines = Sim.Baseline.LinesArray;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Code.Chapter > 97)
            {
                continue;
            }

            var suppliers = lines[i].SuppliersArray;
            for (var k = 0; k < suppliers.Length; k++)
            {
                if (suppliers[k].Partner.IsVietnam)
                {
                    num += suppliers[k].ValueUsd * (t1[offsets[i] + k] - t0[offsets[i] + k]);
                    den += suppliers[k].ValueUsd;
                }
            }
        }

        var vietnam = ig.UsTariffOn("VNM");
        Assert.Equal(num / den, vietnam, 12);
        Assert.InRange(vietnam, 0.10, 0.20);   // 20 % less the Annex II exemptions, which are mostly electronics

        // The ICIO run aggregates by the same rule: its textiles rate is the full 20 %, Ignatenko's all-goods rate lies below.
        Assert.True(ge.Aggregation.AdditionalRate("VNM", "C13T15") > vietnam);
        Assert.Equal(ig.UsTariffOn("DEU"), ig.UsTariffOn("FRA"));   // EU members take the EU-27 partner
        Assert.Equal(0.0, ig.UsTariffOn("CHN"));                    // the preset changes no other supplier's rates

        // All three models: US imports from Vietnam fall and Vietnam loses.
        Assert.True(pe.ImportsFromVietnamUsd < pe.Baseline.ImportsFromVietnamUsd);
        Assert.True(ge.ImportsFromVietnamUsd < ge.BaselineImportsFromVietnamUsd);
        Assert.True(ig.Result.UsVietnam.ImportsAfter < ig.Result.UsVietnam.ImportsBefore);
        Assert.True(ge.Welfare["VNM"] < 0);
        Assert.True(ig.Result.Country("VNM").WelfarePct < 0);
    }

    [Fact]
    public void Ignatenko_takes_presets_by_name_and_a_uniform_rate_passes_through_unchanged()
    {
        // 20 % on every Vietnam line: the aggregated rate is exactly 0.20, the same run as the CLI's --vietnam-rate
        // path would give with only Vietnam taxed (IgnatenkoScenarios.UsTariffsByPartner with VNM = 0.20, others 0).
        var uniform = new Scenario("uniform-20", "20% on every good from Vietnam", [], [new TariffMeasure("vn-20", MeasureKind.Reciprocal, 0.20, new DateOnly(2025, 8, 7), null, [Presets.Vietnam])]);
        var ig = Sim.RunIgnatenko(uniform, Dec2025);
        Assert.Equal(0.20, ig.UsTariffOn("VNM"), 12);
        var b = ig.Result.Baseline;
        var direct = IgnatenkoModel.Solve(b, IgnatenkoScenarios.UsTariffsByPartner(b, new Dictionary<string, double> { ["VNM"] = 0.20 }, 0.0));
        Assert.Equal(direct.Country("VNM").WelfarePct, ig.Result.Country("VNM").WelfarePct, 9);
        Assert.Equal(direct.UsVietnam.ImportsAfter, ig.Result.UsVietnam.ImportsAfter, 3);

        // A preset by name (as `ge ignatenko --preset` reads it); what the shock leaves out and the rule travel with the run.
        var real = Sim.RunIgnatenko(Sim.Presets["REAL-2025-2026"], Dec2025);
        Assert.Equal("real-2025-2026", real.Scenario.Name);
        Assert.Contains(real.Omitted, o => o.Contains("purchase commitment", StringComparison.Ordinal));
        Assert.Contains("2024-import-weighted", real.AggregationRule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_uniform_rate_scenario_aggregates_to_the_stylized_GE_preset_and_its_numbers()
    {
        // 20 % on every Vietnam line and nothing else: every goods sector of VNM gets exactly 0.20, the GE preset deal-20.
        var uniform = new Scenario("uniform-20", "20% on every good from Vietnam", [], [new TariffMeasure("vn-20", MeasureKind.Reciprocal, 0.20, new DateOnly(2025, 8, 7), null, [Presets.Vietnam])]);
        var ge = Sim.RunGeneralEquilibrium(uniform, Dec2025);
        var data = IcioDataset.LoadEmbedded();
        Assert.All(data.GoodsSectors, s => Assert.Equal(0.20, ge.Aggregation.AdditionalRate("VNM", s), 12));
        Assert.All(ge.Aggregation.Shock.TariffChanges, t => Assert.Equal("VNM", t.Exporter));
        var stylized = GeSolver.Solve(data.Baseline, GePresets.Get(GePresets.Deal20).ToShock(data.Baseline, data.GoodsSectors), GeScenarioModel.DefaultOptions(data));
        var expected = GeUsVietnamSummary.From(stylized);
        Assert.Equal(expected.UsImportsFromVietnam.Counterfactual, ge.ImportsFromVietnamUsd, 1e-3);
        Assert.Equal(expected.VietnamWelfareChangePct, ge.Summary.VietnamWelfareChangePct, 10);
        // docs/models/general-equilibrium.md §6: deal-20 (revenue) 103.9 → 46.2 bn.
        Assert.Equal(46.2e9, ge.ImportsFromVietnamUsd, 0.05e9);
    }

    [Fact]
    public void Aggregation_weights_by_line_maps_EU_members_to_the_EU_and_exempt_lines_lower_the_rate()
    {
        var real = GeScenarioModel.Aggregate(Sim.Presets["real-2025-2026"], Dec2025, Sim.Baseline, IcioDataset.LoadEmbedded().Baseline, IcioDataset.LoadEmbedded().GoodsSectors);
        foreach (var s in new[] { "C13T15", "C26", "C28" })
        {
            Assert.Equal(real.AdditionalRate("DEU", s), real.AdditionalRate("FRA", s), 15);
        }

        // Textiles carry the full 20 % (no Annex II line); electronics are largely exempt (Annex II semiconductors, computers in part).
        var recip = GeScenarioModel.Aggregate(Sim.Presets["reciprocal-20"], Dec2025, Sim.Baseline, IcioDataset.LoadEmbedded().Baseline, IcioDataset.LoadEmbedded().GoodsSectors);
        Assert.Equal(0.20, recip.AdditionalRate("VNM", "C13T15"), 3);
        Assert.InRange(recip.AdditionalRate("VNM", "C26"), 0.0, 0.19);
        Assert.Equal(0.0, recip.AdditionalRate("CHN", "C26"));
        Assert.Single(real.Omitted, o => o.Contains("purchase commitment", StringComparison.Ordinal));
    }

    [Fact]
    public void Diversion_accepts_Census_names_ISO3_and_codes_in_any_case()
    {
        var pe = Sim.RunPartialEquilibrium(Sim.Presets["RECIPROCAL-20"], Dec2025);
        var china = pe.DivertedTo["CHINA"];
        Assert.True(china > 0);
        Assert.Equal(china, pe.DivertedTo["CHN"]);
        Assert.Equal(china, pe.DivertedTo["china"]);
        Assert.Equal(china, pe.DivertedTo["5700"]);
        Assert.Equal(pe.DivertedTo["EUROPEAN UNION"], pe.DivertedTo["eu"]);
        var ex = Assert.Throws<KeyNotFoundException>(() => pe.DivertedTo["Narnia"]);
        Assert.Contains("Narnia", ex.Message, StringComparison.Ordinal);
        Assert.Equal(pe.Result.DivertedTo.Keys, pe.DivertedTo.Keys);
    }

    [Fact]
    public void Builder_conveniences_exempt_by_string_and_add_a_commitment_with_the_file_defaults()
    {
        var preset = Sim.Presets["reciprocal-20"];
        var deal = preset.ToBuilder("deal-coffee")
            .Exempt("0901", "0902")
            .AddPurchaseCommitment("US soybeans", "1201", usdPerYear: 1.0e9, from: new DateOnly(2026, 1, 1))
            .Build();
        Assert.Equal("deal-coffee", deal.Name);
        Assert.All(deal.Measures, m => Assert.Contains(HtsCodeOf("0901"), m.ExemptCodes));
        var c = Assert.Single(deal.Commitments);
        Assert.Equal("us-soybeans", c.Id);
        var date = new DateOnly(2026, 1, 1);
        var before = Sim.RunPartialEquilibrium(preset, date);
        var after = Sim.RunPartialEquilibrium(deal, date);
        Assert.True(after.VietnamEtr.EtrTotal < before.VietnamEtr.EtrTotal);
        Assert.Equal(1.0e9, after.Result.ExportsToVietnamUsd - before.Result.ExportsToVietnamUsd, 1.0);
    }

    [Fact]
    public void Presets_are_found_by_name_and_measures_describe_themselves()
    {
        Assert.Equal(Presets.Names, Sim.Presets.Names);
        var ex = Assert.Throws<KeyNotFoundException>(() => Sim.Presets["deal-99"]);
        Assert.Contains("reciprocal-20", ex.Message, StringComparison.Ordinal);
        var m = Assert.Single(Sim.Presets["reciprocal-20"].Measures);
        Assert.Equal("vn-reciprocal-20", m.Id);
        Assert.Equal(MeasureKind.Reciprocal, m.Kind);
        Assert.Equal($"{m.Name}: 20% from 2025-08-07", m.Description);
        Assert.Contains(Sim.Presets["real-2025-2026"].Measures, x => x.Description.EndsWith("until 2026-02-24", StringComparison.Ordinal));
        Assert.Equal(["ge-icio"], PresetCatalog.ModelsOf("deal-20-others-2025"));
        Assert.Throws<KeyNotFoundException>(() => PresetCatalog.ModelsOf("nope"));
    }

    [Fact]
    public void Project_gives_annual_bands_equal_to_the_Monte_Carlo_rows()
    {
        var path = Sim.Project(Sim.Presets["reciprocal-20"], new ProjectionSettings { Draws = 40, Seed = 7, Horizon = new DateOnly(2026, 12, 1) });
        var row = path.MonteCarlo.Annual.Single(r => r.Year == 2026);
        var bands = path.Annual(2026);
        Assert.Equal(row.Metrics[global::VietUsTrade.Sim.Projection.ProjectionMetrics.Balance], bands.BalanceUsd);
        Assert.True(bands.BalanceUsd.P5 <= bands.BalanceUsd.P50 && bands.BalanceUsd.P50 <= bands.BalanceUsd.P95);
        Assert.Throws<ArgumentOutOfRangeException>(() => path.Annual(2031));
        Assert.Equal(40, path.MonteCarlo.Options.Draws);
        Assert.Equal(["scenario", "period", "metric", "p5", "p25", "p50", "p75", "p95"], path.ToTable().Columns);
    }

    [Fact]
    public void Project_defaults_to_the_latest_observed_month_as_the_cli_and_can_leave_the_observed_data_out()
    {
        // Review finding: Project used to pass AsOf = null through, i.e. the 2024-trend path of --as-of none, while its
        // documentation promised vietus-sim project's default (--as-of latest).
        var scenario = Sim.Presets["reciprocal-20"];
        var horizon = new DateOnly(2026, 12, 1);
        var mc = new global::VietUsTrade.Sim.Projection.MonteCarloOptions(40, 7, global::VietUsTrade.Sim.Projection.UncertaintySpec.Default);
        var balance = global::VietUsTrade.Sim.Projection.ProjectionMetrics.Balance;
        global::VietUsTrade.Sim.Projection.Quantiles Direct(DateOnly? asOf) => global::VietUsTrade.Sim.Projection.ProjectionModel
            .Create(Sim.Baseline, scenario, new global::VietUsTrade.Sim.Projection.ProjectionOptions(Horizon: horizon, AsOf: asOf), Sim.Library)
            .MonteCarlo(mc).Annual.Single(r => r.Year == 2026).Metrics[balance];

        var latest = global::VietUsTrade.Sim.Data.ObservedTrade.LoadEmbedded().LatestImportMonth;
        Assert.Equal(new DateOnly(2025, 11, 1), latest);
        var byDefault = Sim.Project(scenario, new ProjectionSettings { Draws = 40, Seed = 7, Horizon = horizon }).Annual(2026).BalanceUsd;
        var without = Sim.Project(scenario, new ProjectionSettings { Draws = 40, Seed = 7, Horizon = horizon, UseObservedData = false }).Annual(2026).BalanceUsd;
        Assert.Equal(Direct(latest), byDefault);
        Assert.Equal(Direct(null), without);
        Assert.NotEqual(byDefault.P50, without.P50);
    }

    [Fact]
    public void Projection_settings_refuse_invalid_values_when_set()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProjectionSettings { Draws = 0 });
        var ok = new ProjectionSettings { Draws = 5 };
        Assert.Throws<ArgumentOutOfRangeException>(() => ok with { MaxDegreeOfParallelism = 0 });
    }

    private static global::VietUsTrade.Sim.Products.HtsCode HtsCodeOf(string digits) => global::VietUsTrade.Sim.Products.HtsCode.Parse(digits);
}
