using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Projection;
using Xunit;
using static VietUsTrade.Sim.Tests.Projection.ProjectionFixture;

namespace VietUsTrade.Sim.Tests.Projection;

/// <summary>The as-of projection (nowcast): truncation invariance, observed months, bands against what happened.</summary>
public class NowcastTests
{
    private static readonly ObservedTrade Observed = ObservedTrade.LoadEmbedded();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ProjectionModel AsOf(string month, ObservedTrade? observed = null, string preset = "real-2025-2026") =>
        ProjectionModel.Create(Dataset, Presets.Get(preset), new ProjectionOptions(Horizon: new DateOnly(2026, 6, 1), AsOf: DateOnly.Parse(month + "-01")), null, observed ?? Observed, Ct);

    /// <summary>Every observed point after <paramref name="cut"/> multiplied by 3 (and duty by 5): data the as-of model must not see.</summary>
    private static ObservedTrade Doctored(DateOnly cut) => ScaledAfter(Observed, cut, 3, 5);

    private static double[][] Flat(ProjectionPath p) => p.Monthly.Select(r => (double[])[r.BaselineImportsUsd, r.ImportsUsd, r.BaselineExportsUsd, r.ExportsUsd, r.RevenueUsd, r.Etr, .. r.DivertedToUsd]).ToArray();

    private static double[] WindowSums(ProjectionModel model, int draws, DateOnly from, DateOnly to)
    {
        var sums = new double[draws];
        for (var d = 0; d < draws; d++)
        {
            var path = model.Project(model.DrawInputs(UncertaintySpec.Default, 2026, d));
            sums[d] = path.Monthly.Where(r => r.Period >= from && r.Period <= to).Sum(r => r.ImportsUsd);
        }

        return sums;
    }

    private static double ObservedSum(DateOnly from, DateOnly to) =>
        Observed.Get(ObservedTrade.VietnamImportsHistoryKey).Points.Where(p => p.Month >= from && p.Month <= to).Sum(p => p.ValueUsd);

    [Fact]
    public void Data_after_the_as_of_month_do_not_change_any_result()
    {
        var cut = new DateOnly(2025, 8, 1);
        var clean = AsOf("2025-08");
        var doctored = AsOf("2025-08", Doctored(cut));
        Assert.Equal(Flat(clean.Deterministic()), Flat(doctored.Deterministic()));
        var a = clean.MonteCarlo(new MonteCarloOptions(300, 11), cancellationToken: Ct);
        var b = doctored.MonteCarlo(new MonteCarloOptions(300, 11), cancellationToken: Ct);
        Assert.Equal(a.Annual.Select(r => r.Metrics.Values.ToArray()), b.Annual.Select(r => r.Metrics.Values.ToArray()));
        Assert.Equal(a.Monthly.Select(r => r.Metrics.Values.ToArray()), b.Monthly.Select(r => r.Metrics.Values.ToArray()));
        Assert.Equal(clean.ImportNowcast!.FinalState, doctored.ImportNowcast!.FinalState);

        // The collected-rate layer's calibration (c₀, w, the sector layer and the entry lag's estimate, all stated in the
        // method text) sees the same months: the doctored file has other values and duties after the cut.
        Assert.Equal(clean.CollectedRateMethod, doctored.CollectedRateMethod);
        Assert.Equal(clean.CollectedRatePath, doctored.CollectedRatePath);

        // The same holds for an origin inside the calibration year: the competitors' trend is cut too.
        var early = AsOf("2024-06");
        var earlyDoctored = AsOf("2024-06", Doctored(new DateOnly(2024, 6, 1)));
        Assert.Equal(new DateOnly(2024, 7, 1), early.FirstMonth);
        Assert.Equal(Flat(early.Deterministic()), Flat(earlyDoctored.Deterministic()));
    }

    [Fact]
    public void Observed_months_are_reported_as_observed_in_every_draw()
    {
        var model = AsOf("2025-11");
        Assert.Equal(11, model.ObservedImportMonths);
        Assert.Equal(11, model.ObservedExportMonths);
        var imports = Observed.Get(ObservedTrade.VietnamImportsHistoryKey).Points.Where(p => p.Month.Year == 2025).ToArray();
        var exports = Observed.Get(ObservedTrade.VietnamExportsKey).Points.Where(p => p.Month.Year == 2025 && p.Month.Month <= 11).ToArray();
        foreach (var d in new[] { -1, 0, 5, 99 })
        {
            var path = d < 0 ? model.Deterministic() : model.Project(model.DrawInputs(UncertaintySpec.Default, 7, d));
            for (var m = 0; m < 11; m++)
            {
                Assert.Equal(imports[m].ValueUsd, path.Monthly[m].ImportsUsd);
                Assert.Equal(exports[m].ValueUsd, path.Monthly[m].ExportsUsd);
                Assert.True(path.Monthly[m].BaselineImportsUsd > 0);
            }

            Assert.All(path.Monthly, r => Assert.True(double.IsFinite(r.ImportsUsd) && double.IsFinite(r.BaselineImportsUsd) && double.IsFinite(r.ExportsUsd) && double.IsFinite(r.RevenueUsd)));
        }

        Assert.Contains(model.Deterministic().Assumptions, a => a.Contains("as of 2025-11", StringComparison.Ordinal));
    }

    [Fact]
    public void Jan_Nov_2025_imports_from_Vietnam_lie_inside_the_90_percent_band_as_of_2024_12()
    {
        var model = AsOf("2024-12");
        Assert.Equal(0, model.ObservedImportMonths);
        var from = new DateOnly(2025, 1, 1);
        var to = new DateOnly(2025, 11, 1);
        var q = Quantiles.Of(WindowSums(model, 1000, from, to));
        var observed = ObservedSum(from, to);
        Assert.Equal(179_197_269_468, observed, 0.5);
        Assert.InRange(observed, q.P5, q.P95);

        // The 2024-trend projection without the observed data misses it (every month above its band, the finding).
        var legacy = Real;
        var legacyQ = Quantiles.Of(WindowSums(legacy, 1000, from, to));
        Assert.True(observed > legacyQ.P95);
    }

    [Fact]
    public void Sep_Nov_2025_imports_lie_inside_the_90_percent_band_as_of_2025_08_and_inside_the_50_percent_band_given_the_market()
    {
        var model = AsOf("2025-08");
        var from = new DateOnly(2025, 9, 1);
        var to = new DateOnly(2025, 11, 1);
        var q = Quantiles.Of(WindowSums(model, 1000, from, to));
        Assert.InRange(ObservedSum(from, to), q.P5, q.P95);

        // Issue 12 asks for the 50 % band too. Measured, the observed 56.1 bn lies above the p75 (≈ 55.3) of the plain
        // projection, so this records that failure rather than hiding it; docs/models/projection.md §10.5.
        Assert.True(ObservedSum(from, to) > q.P75, "the plain 50 % band now covers Sep-Nov 2025: update docs/models/projection.md §10.5 and the note");

        // Given the observed size of each NAICS-3 market after 2025-08 (the evaluation mode of issue 12 item 5), Sep-Nov
        // lies inside the 50 % band.
        var given = Backtest.Run(Dataset, Presets.Get("real-2025-2026"), new BacktestOptions([new DateOnly(2025, 8, 1)], to, 1000, 1, GivenMarket: true), Observed, null, Ct);
        var window = given.Origins[0].WindowImportsUsd;
        Assert.InRange(ObservedSum(from, to), window.P25, window.P75);
    }

    [Fact]
    public void Nowcast_Monte_Carlo_is_bit_identical_across_thread_counts()
    {
        var model = AsOf("2025-05");
        var one = model.MonteCarlo(new MonteCarloOptions(257, 5, MaxDegreeOfParallelism: 1), cancellationToken: Ct);
        var two = model.MonteCarlo(new MonteCarloOptions(257, 5, MaxDegreeOfParallelism: 2), cancellationToken: Ct);
        Assert.Equal(one.Annual.Select(r => r.Metrics.Values.ToArray()), two.Annual.Select(r => r.Metrics.Values.ToArray()));
        Assert.Equal(one.Monthly.Select(r => r.Metrics.Values.ToArray()), two.Monthly.Select(r => r.Metrics.Values.ToArray()));
        Assert.Equal(one.Sensitivity(year: 2026), two.Sensitivity(year: 2026));
    }

    [Fact]
    public void The_relocation_share_moves_imports_from_Vietnam_by_its_share_of_Chinas_loss()
    {
        var model = AsOf("2024-12");
        var central = model.CentralInputs;
        Assert.Equal(ProjectionOptions.DefaultRelocationShare, central.RelocationShare);
        var off = model.Project(central with { RelocationShare = 0 });
        var on = model.Project(central);
        var cn = model.ChinaSupplierIndex;
        Assert.True(cn >= 0);
        for (var m = 0; m < on.Monthly.Count; m++)
        {
            // China's loss = −(its diversion); Vietnam gains ρ × that loss, nothing else moves.
            var loss = Math.Max(-on.Monthly[m].DivertedToUsd[cn], 0.0);
            Assert.Equal(off.Monthly[m].ImportsUsd + (ProjectionOptions.DefaultRelocationShare * loss), on.Monthly[m].ImportsUsd, 1e-6 * on.Monthly[m].ImportsUsd);
            Assert.Equal(off.Monthly[m].BaselineImportsUsd, on.Monthly[m].BaselineImportsUsd);
        }
    }

    [Fact]
    public void Collected_duty_equals_Census_duty_to_the_dollar_in_sample_and_follows_the_layer_after_it()
    {
        var model = AsOf("2025-11");
        var duty = Observed.Get(ObservedTrade.VietnamImportsKey).Points.Where(p => p.Month.Year == 2025).ToArray();
        Assert.Equal(15_038_320_298, duty.Sum(p => p.DutyUsd), 0.5);
        var (c0, w) = model.CollectionRatios;
        Assert.InRange(c0, 0.8, 1.1);
        Assert.InRange(w, 0.3, 0.9); // measured 2025: collected 12.2–12.6 % against a statutory 18.4–18.6 %
        foreach (var d in new[] { -1, 3 })
        {
            var path = d < 0 ? model.Deterministic() : model.Project(model.DrawInputs(UncertaintySpec.Default, 1, d));
            for (var m = 0; m < 11; m++)
            {
                Assert.Equal(duty[m].DutyUsd, path.Monthly[m].RevenueUsd);
            }

            for (var m = 11; m < path.Monthly.Count; m++)
            {
                var r = path.Monthly[m];
                Assert.Equal(r.ImportsUsd * model.CollectedRatePath[m], r.RevenueUsd, 1e-9 * r.RevenueUsd);
            }
        }

        // Without any policy the layer is each sector's 2024 collected rate on the basket of the last three observed months.
        var none = AsOf("2025-11", preset: "no-tariffs");
        var sectors = Observed.Series.Where(x => x.Key.StartsWith("imports/VIETNAM/", StringComparison.Ordinal) && x.Key.Length == "imports/VIETNAM/".Length + 3 && x.Key != ObservedTrade.VietnamImportsKey).ToArray();
        var basket = new[] { new DateOnly(2025, 9, 1), new DateOnly(2025, 10, 1), new DateOnly(2025, 11, 1) };
        double Value(MonthlySeries x, IEnumerable<DateOnly> ms) => x.Points.Where(p => ms.Contains(p.Month)).Sum(p => p.ValueUsd);
        double Duty(MonthlySeries x, IEnumerable<DateOnly> ms) => x.Points.Where(p => ms.Contains(p.Month)).Sum(p => p.DutyUsd);
        var y2024 = Enumerable.Range(1, 12).Select(k => new DateOnly(2024, k, 1)).ToArray();
        var total = sectors.Sum(x => Value(x, basket));
        var expected = sectors.Where(x => Value(x, y2024) > 0).Sum(x => Value(x, basket) / total * Duty(x, y2024) / Value(x, y2024));
        Assert.Equal(expected, none.CollectedRatePath[^1], 1e-9);

        Assert.Contains(model.Deterministic().Assumptions, a => a.StartsWith("collected-rate layer", StringComparison.Ordinal));

        // Before any month under higher rates the increment ratio is the prior (Yale Budget Lab's compliance effect).
        Assert.Equal(ProjectionModel.PriorCollectionWedge, AsOf("2024-12").CollectionRatios.IncrementRatio);
    }

    [Fact]
    public void Commitment_fulfilment_is_conditioned_on_the_observed_exports_of_its_headings()
    {
        var model = AsOf("2025-11");
        var scenario = Presets.Get("real-2025-2026");
        var farm = scenario.Commitments.Single(c => c.Id == "farm-mous-2025");
        var headings = farm.ObservedHeadings();
        var values = Observed.Series.Where(s => s.Key.StartsWith("exports/VIETNAM/hs4/", StringComparison.Ordinal) && headings.Any(h => s.Key["exports/VIETNAM/hs4/".Length..].StartsWith(h, StringComparison.Ordinal)))
            .SelectMany(s => s.Points).GroupBy(p => p.Month).ToDictionary(g => g.Key, g => g.Sum(p => p.ValueUsd));
        var months = values.Keys.Where(m => m <= new DateOnly(2025, 11, 1) && farm.ShareIn(m, m.AddMonths(1)) > 0 && values.ContainsKey(m.AddYears(-1))).ToArray();
        Assert.True(months.Length >= 3);
        var r = months.Sum(m => values[m] - values[m.AddYears(-1)]) / months.Sum(m => farm.AmountUsd * farm.ShareIn(m, m.AddMonths(1)));
        var mode = Math.Clamp(r, farm.FulfilmentLow, farm.FulfilmentHigh);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"farm-mous-2025 {mode:0.00}"), model.CommitmentMethod!, StringComparison.Ordinal);

        // A projected month of the commitment's period carries amount × the new mode × its share (the farm MOUs are the only commitment then, or the others add theirs).
        var path = model.Deterministic();
        var dec = path.Monthly.Single(x => x.Period == new DateOnly(2025, 12, 1));
        var expected = scenario.Commitments.Sum(c => c.AmountUsd * (c.Id == farm.Id ? mode : c.Fulfilment) * c.ShareIn(dec.Period, dec.Period.AddMonths(1)));
        Assert.Equal(expected, dec.CommitmentExportsUsd, 1e-6 * Math.Max(1, expected));
    }

    [Fact]
    public void A_bad_as_of_month_is_named()
    {
        var e = Assert.Throws<ArgumentException>(() => AsOf("2025-12"));
        Assert.Contains("AsOf = 2025-12", e.Message, StringComparison.Ordinal);
        Assert.Contains("2025-11", e.Message, StringComparison.Ordinal);
        var early = Assert.Throws<ArgumentException>(() => new ProjectionOptions(AsOf: new DateOnly(2020, 1, 1)).Validate());
        Assert.Contains("AsOf = 2020-01", early.Message, StringComparison.Ordinal);
        var rho = Assert.Throws<ArgumentException>(() => new ProjectionOptions(RelocationShare: 0.9).Validate());
        Assert.Contains("RelocationShare = 0.9", rho.Message, StringComparison.Ordinal);
    }
}
