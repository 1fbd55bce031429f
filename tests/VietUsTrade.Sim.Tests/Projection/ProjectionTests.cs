using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Projection;
using Xunit;
using static VietUsTrade.Sim.Tests.Projection.ProjectionFixture;

namespace VietUsTrade.Sim.Tests.Projection;

public class ProjectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Zero_uncertainty_median_equals_the_deterministic_projection()
    {
        var model = Real;
        var path = model.Deterministic();
        var mc = model.MonteCarlo(new MonteCarloOptions(7, 123, UncertaintySpec.None, MonthlyDiversion: true), cancellationToken: Ct);
        var annual = path.Annual();
        Assert.Equal(annual.Count, mc.Annual.Count);
        for (var y = 0; y < annual.Count; y++)
        {
            var q = mc.Annual[y].Metrics;
            Assert.Equal(annual[y].Period.Year, mc.Annual[y].Year);
            Assert.Equal(annual[y].ImportsUsd, q[ProjectionMetrics.Imports].P50);
            Assert.Equal(annual[y].ExportsUsd, q[ProjectionMetrics.Exports].P50);
            Assert.Equal(annual[y].BalanceUsd, q[ProjectionMetrics.Balance].P50);
            Assert.Equal(annual[y].RevenueUsd, q[ProjectionMetrics.Revenue].P50);
            Assert.Equal(annual[y].Etr, q[ProjectionMetrics.Etr].P50);
            Assert.Equal(annual[y].AdditionalTotalExportsUsd, q[ProjectionMetrics.AdditionalExports].P50);
            Assert.Equal(annual[y].BaselineBalanceUsd, q[ProjectionMetrics.BaselineBalance].P50);
            Assert.Equal(annual[y].BalanceEffectUsd, q[ProjectionMetrics.BalanceEffect].P50);
            foreach (var (name, rows) in mc.DivertedTo)
            {
                var k = path.Suppliers.ToList().IndexOf(name);
                Assert.Equal(annual[y].DivertedToUsd[k], rows[y].Metrics["diverted_usd"].P50);
            }
        }

        Assert.Equal(path.Monthly.Count, mc.Monthly.Count);
        for (var m = 0; m < path.Monthly.Count; m++)
        {
            var q = mc.Monthly[m].Metrics;
            Assert.Equal(path.Monthly[m].Period.ToString("yyyy-MM"), mc.Monthly[m].Period);
            Assert.Equal(path.Monthly[m].ImportsUsd, q[ProjectionMetrics.Imports].P50);
            Assert.Equal(path.Monthly[m].BalanceUsd, q[ProjectionMetrics.Balance].P50);
            Assert.Equal(path.Monthly[m].Etr, q[ProjectionMetrics.Etr].P50);
            Assert.Equal(q[ProjectionMetrics.Imports].P5, q[ProjectionMetrics.Imports].P95);
            foreach (var (name, rows) in mc.DivertedToMonthly)
            {
                Assert.Equal(path.Monthly[m].DivertedToUsd[path.Suppliers.ToList().IndexOf(name)], rows[m].Metrics["diverted_usd"].P50);
            }
        }
    }

    [Fact]
    public void Real_timeline_has_its_regimes_and_tables()
    {
        var model = Real;
        Assert.Equal(new DateOnly(2025, 2, 1), model.RegimeStarts[0]);
        Assert.Contains(new DateOnly(2025, 4, 1), model.RegimeStarts);
        Assert.Contains(new DateOnly(2026, 8, 1), model.RegimeStarts); // Section 301 from 2026-07-24 fills August
        var (evaluations, dates) = model.PreparationDiagnostics;
        Assert.True(evaluations >= model.RegimeCount * 25, $"{evaluations}");
        Assert.True(dates > model.RegimeCount, $"{dates}");
        TestContext.Current.TestOutputHelper?.WriteLine($"regimes {model.RegimeCount}, PE evaluations {evaluations}, rate dates {dates}, λ {model.HaukElasticityLogSd:F4}");
    }

    [Fact]
    public void Same_seed_gives_bit_identical_results_on_one_or_many_threads_and_another_seed_differs()
    {
        var model = Real;
        var one = model.MonteCarlo(new MonteCarloOptions(300, 2026, MaxDegreeOfParallelism: 1), cancellationToken: Ct);
        var many = model.MonteCarlo(new MonteCarloOptions(300, 2026, MaxDegreeOfParallelism: -1), cancellationToken: Ct);
        var three = model.MonteCarlo(new MonteCarloOptions(300, 2026, MaxDegreeOfParallelism: 3), cancellationToken: Ct);
        var other = model.MonteCarlo(new MonteCarloOptions(300, 2027), cancellationToken: Ct);
        foreach (var year in one.Years)
        {
            foreach (var metric in ProjectionMetrics.Annual)
            {
                for (var d = 0; d < 300; d++)
                {
                    var v = one.AnnualValue(d, year, metric);
                    Assert.Equal(BitConverter.DoubleToInt64Bits(v), BitConverter.DoubleToInt64Bits(many.AnnualValue(d, year, metric)));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(v), BitConverter.DoubleToInt64Bits(three.AnnualValue(d, year, metric)));
                }
            }
        }

        for (var i = 0; i < one.Monthly.Count; i++)
        {
            foreach (var metric in ProjectionMetrics.Headline)
            {
                Assert.Equal(one.Monthly[i].Metrics[metric], many.Monthly[i].Metrics[metric]);
            }
        }

        Assert.Equal(one.Sensitivity(), many.Sensitivity());
        Assert.NotEqual(one.AnnualValue(0, 2026, ProjectionMetrics.Balance), other.AnnualValue(0, 2026, ProjectionMetrics.Balance));
    }

    [Fact]
    public void Each_draw_equals_the_projection_of_its_inputs()
    {
        var model = Real;
        var mc = model.MonteCarlo(new MonteCarloOptions(40, 9), cancellationToken: Ct);
        foreach (var d in new[] { 0, 17, 39 })
        {
            var annual = model.Project(model.DrawInputs(UncertaintySpec.Default, 9, d)).Annual();
            foreach (var row in annual)
            {
                Assert.Equal(row.ImportsUsd, mc.AnnualValue(d, row.Period.Year, ProjectionMetrics.Imports));
                Assert.Equal(row.BalanceUsd, mc.AnnualValue(d, row.Period.Year, ProjectionMetrics.Balance));
                Assert.Equal(row.RevenueUsd, mc.AnnualValue(d, row.Period.Year, ProjectionMetrics.Revenue));
            }
        }
    }

    [Fact]
    public void No_tariff_preset_equals_the_baseline_path()
    {
        var model = NoTariffs;
        Assert.Equal(0, model.RegimeCount);
        Assert.Equal(0, model.PreparationDiagnostics.PeEvaluations);
        var path = model.Deterministic();
        Assert.Equal(72, path.Monthly.Count);
        foreach (var m in path.Monthly)
        {
            Assert.Equal(m.BaselineImportsUsd, m.ImportsUsd);
            Assert.Equal(m.BaselineExportsUsd, m.ExportsUsd);
            Assert.Equal(m.BaselineRevenueUsd, m.RevenueUsd);
            Assert.Equal(m.BaselineBalanceUsd, m.BalanceUsd);
            Assert.Equal(0.0, m.BalanceEffectUsd);
            Assert.All(m.DivertedToUsd, v => Assert.Equal(0.0, v));
            Assert.True(m.ImportsUsd > 0);
        }

        // …also under uncertainty, draw by draw.
        var inputs = model.DrawInputs(UncertaintySpec.Default, 5, 3);
        Assert.All(model.Project(inputs).Monthly, m => Assert.Equal(m.BaselineImportsUsd, m.ImportsUsd));
    }

    [Fact]
    public void A_scenario_whose_measures_all_start_after_the_horizon_equals_the_baseline()
    {
        var late = Shifted(Presets.Get("real-2025-2026"), 10);
        Assert.True(late.Measures.All(m => m.From > ProjectionOptions.DefaultHorizon.AddMonths(1)));
        var model = ProjectionModel.Create(Dataset, late, cancellationToken: Ct);
        Assert.Equal(0, model.RegimeCount);
        var path = model.Deterministic();
        foreach (var m in path.Monthly)
        {
            Assert.Equal(m.BaselineImportsUsd, m.ImportsUsd);
            Assert.Equal(m.BaselineExportsUsd, m.ExportsUsd);
            Assert.Equal(m.BaselineRevenueUsd, m.RevenueUsd);
            Assert.Equal(0.0, m.CommitmentExportsUsd);
        }
    }

    [Fact]
    public void Annual_rows_are_the_sums_of_the_monthly_rows()
    {
        var path = Real.Deterministic();
        var annual = path.Annual();
        Assert.Equal(Enumerable.Range(2025, 6), annual.Select(a => a.Period.Year));
        foreach (var a in annual)
        {
            var months = path.Monthly.Where(m => m.Period.Year == a.Period.Year).ToArray();
            Assert.Equal(12, months.Length);
            Assert.Equal(months.Sum(m => m.ImportsUsd), a.ImportsUsd, 1e-3);
            Assert.Equal(months.Sum(m => m.ExportsUsd), a.ExportsUsd, 1e-3);
            Assert.Equal(months.Sum(m => m.BalanceUsd), a.BalanceUsd, 1e-3);
            Assert.Equal(months.Sum(m => m.RevenueUsd), a.RevenueUsd, 1e-3);
            Assert.Equal(months.Sum(m => m.BaselineImportsUsd), a.BaselineImportsUsd, 1e-3);
            Assert.Equal(months.Sum(m => m.DivertedToUsd[5]), a.DivertedToUsd[5], 1e-3);
            Assert.Equal(a.RevenueUsd / a.ImportsUsd, a.Etr, 15);
        }
    }

    [Fact]
    public void Baseline_path_reproduces_2024_and_states_its_method()
    {
        var model = Real;
        var path = model.Deterministic();
        Span<double> y2024 = stackalloc double[12];
        model.ImportTrend.Fill(new DateOnly(2024, 1, 1), model.ImportTrend.LogGrowthPerYear, y2024);
        var sum = 0.0;
        foreach (var v in y2024)
        {
            sum += v;
        }

        Assert.Equal(Dataset.ImportsFromVietnamUsd, sum, 1e-3 * sum / 1e9);
        var first = path.Annual()[0];
        Assert.Equal(Dataset.ImportsFromVietnamUsd * Math.Exp(model.ImportTrend.LogGrowthPerYear), first.BaselineImportsUsd, 1e-9 * first.BaselineImportsUsd);
        Assert.Contains(path.Assumptions, a => a.Contains("OLS log-linear trend + month dummies on imports/VIETNAM/00", StringComparison.Ordinal));
        Assert.Contains(path.Assumptions, a => a.Contains("2013–2024", StringComparison.Ordinal));
        Assert.Equal(1.0, model.ImportTrend.SeasonalFactors.Average(), 12);

        var given = ProjectionModel.Create(Dataset, Presets.Get("no-tariffs"), new ProjectionOptions(ImportGrowthPerYear: 0.02, ExportGrowthPerYear: -0.01), cancellationToken: Ct);
        var a = given.Deterministic().Annual();
        Assert.Equal(Dataset.ImportsFromVietnamUsd * 1.02, a[0].BaselineImportsUsd, 1e-6 * a[0].BaselineImportsUsd);
        Assert.Equal(Dataset.ExportsToVietnamUsd * 0.99 * 0.99, a[1].BaselineExportsUsd, 1e-6 * a[1].BaselineExportsUsd);
        Assert.Contains(given.Deterministic().Assumptions, s => s.Contains("user growth +2.0%/yr", StringComparison.Ordinal));
    }

    [Fact]
    public void Tariff_rise_lowers_imports_from_vietnam_more_as_elasticities_adjust_and_with_higher_elasticities()
    {
        var model = Real;
        var central = model.CentralInputs;
        var path = model.Deterministic().Annual();
        Assert.All(path, a => Assert.True(a.ImportsUsd < a.BaselineImportsUsd));
        Assert.True(path[^1].ImportsUsd / path[^1].BaselineImportsUsd < path[1].ImportsUsd / path[1].BaselineImportsUsd);
        var high = model.Project(central with { ElasticityScale = 1.5 }).Annual();
        Assert.True(high[1].ImportsUsd < path[1].ImportsUsd);
        var immediate = model.Project(central with { Kernel = AdjustmentKernel.Immediate }).Annual();
        Assert.True(immediate[1].ImportsUsd < path[1].ImportsUsd);
        Assert.All(path, a => Assert.True(a.RevenueUsd > a.BaselineRevenueUsd));
    }

    [Fact]
    public void Once_fully_adjusted_a_month_matches_the_exact_PE_model_on_that_date()
    {
        // reciprocal-20 with the immediate kernel: in a month whose rates equal those of the two months before (no list
        // change inside it), the projection is the exact PE response to that month's rates. ln-scale 0 is not a grid
        // node: this checks the interpolation (and the aggregate kernel) against PeSolver.
        var model = ProjectionModel.Create(Dataset, Presets.Get("reciprocal-20"), new ProjectionOptions(Horizon: new DateOnly(2026, 6, 1), Kernel: AdjustmentKernel.Immediate), cancellationToken: Ct);
        Assert.Equal(AdjustmentKernel.Immediate, model.DrawInputs(UncertaintySpec.Default, 1, 0).Kernel); // a custom kernel is not redrawn
        Assert.NotEqual(AdjustmentKernel.Blp2023, Real.DrawInputs(UncertaintySpec.Default, 1, 0).Kernel);
        var starts = model.RegimeStarts.ToHashSet();
        var month = model.Months.First(m => m >= new DateOnly(2025, 10, 1) && !starts.Contains(m) && !starts.Contains(m.AddMonths(-1)));
        var sep = model.Deterministic().Monthly.Single(m => m.Period == month);
        var pe = ScenarioModel.Run(Dataset, Presets.Get("reciprocal-20"), new PeRunOptions(month.AddDays(14)));
        Assert.Equal(pe.Result.ImportsFromVietnamUsd / pe.Baseline.ImportsFromVietnamUsd, sep.ImportsUsd / sep.BaselineImportsUsd, 3e-5);
        Assert.Equal(pe.Result.TariffRevenueUsd / pe.Result.ImportsFromVietnamUsd, sep.Etr, 3e-5);
        var china = model.Suppliers.ToList().IndexOf("CHINA");
        var peChina = pe.Imports.SupplierTotals[china];
        Assert.Equal(peChina.NewImports / peChina.BaselineImports - 1, sep.DivertedToUsd[china] / model.SupplierBaselineUsd[china] / WorldIndex(model, sep), 3e-5);
    }

    [Fact]
    public void Aggregate_kernel_equals_the_PE_solver_at_any_scale()
    {
        var rates = TariffSchedule.Compile(Presets.Get("real-2025-2026"), Dataset).RatesOn(new DateOnly(2025, 9, 1));
        var problem = ScenarioModel.BuildProblem(Dataset, rates.BaseToArray(), rates.BaseToArray(), new PeRunOptions(new DateOnly(2025, 9, 1)));
        var t1 = rates.ToArray();
        var vn = Dataset.IndexOfPartner(Dataset.Vietnam);
        var kernel = new RegimeKernel(problem, t1, vn);
        var mine = new double[Dataset.Partners.Count];
        foreach (var scale in new[] { 0.013, 0.37, 1.0, 2.9 })
        {
            kernel.Evaluate(scale, mine, out var revenue);
            var eps = problem.ImportDemandElasticities.ToArray().Select(e => Math.Min(e * scale, 50)).ToArray();
            var sig = problem.SubstitutionElasticities.ToArray().Select(x => Math.Min(x * scale, 1000)).ToArray();
            var exact = PeSolver.Solve(problem.WithTariffs1(t1).WithElasticities(eps, sig));
            for (var k = 0; k < mine.Length; k++)
            {
                Assert.Equal(exact.SupplierTotals[k].NewImports, mine[k], 1e-9 * Math.Max(1, exact.SupplierTotals[k].NewImports));
            }

            Assert.Equal(exact.SupplierTotals[vn].NewRevenue, revenue, 1e-9 * revenue);
        }
    }

    [Fact]
    public void Line_major_tabulation_equals_the_regime_kernel_bit_for_bit()
    {
        // Vectors that share most line slices (consecutive dates), a repeated vector and the 2024 rates (no line changed).
        var schedule = TariffSchedule.Compile(Presets.Get("real-2025-2026"), Dataset);
        var dates = new[] { new DateOnly(2025, 4, 5), new DateOnly(2025, 4, 9), new DateOnly(2025, 9, 1), new DateOnly(2025, 11, 13), new DateOnly(2026, 3, 1), new DateOnly(2025, 9, 1) };
        var baseRates = schedule.RatesOn(dates[0]).BaseToArray();
        var problem = ScenarioModel.BuildProblem(Dataset, baseRates, baseRates, new PeRunOptions(new DateOnly(2025, 1, 1)));
        var vectors = dates.Select(d => schedule.RatesOn(d).ToArray()).Append(baseRates).ToArray();
        var scales = new[] { 0.01, 0.013, 0.37, 1.0, 2.9, 4.0 };
        var vn = Dataset.IndexOfPartner(Dataset.Vietnam);
        var p = Dataset.Partners.Count;
        var imports = new double[vectors.Length * scales.Length * p];
        var revenue = new double[vectors.Length * scales.Length];
        new PeResponseModel(problem, vn).Tabulate(vectors, scales, imports, revenue, Ct);
        var one = new double[p];
        for (var v = 0; v < vectors.Length; v++)
        {
            var kernel = new RegimeKernel(problem, vectors[v], vn);
            for (var x = 0; x < scales.Length; x++)
            {
                kernel.Evaluate(scales[x], one, out var r);
                Assert.Equal(BitConverter.DoubleToInt64Bits(r), BitConverter.DoubleToInt64Bits(revenue[(v * scales.Length) + x]));
                for (var k = 0; k < p; k++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(one[k]), BitConverter.DoubleToInt64Bits(imports[(((v * scales.Length) + x) * p) + k]));
                }
            }
        }
    }

    private static double WorldIndex(ProjectionModel model, ProjectionMonth month)
    {
        Span<double> one = stackalloc double[1];
        model.WorldTrend.Fill(month.Period, model.WorldTrend.LogGrowthPerYear, one);
        return one[0] / model.WorldTrend.BaselineYearTotalUsd;
    }

    [Fact]
    public void Anticipation_front_loads_before_a_rise_and_nets_to_zero()
    {
        var options = new ProjectionOptions(Horizon: new DateOnly(2026, 6, 1));
        var off = ProjectionModel.Create(Dataset, Presets.Get("snapback-46"), options, cancellationToken: Ct).Deterministic();
        var on = ProjectionModel.Create(Dataset, Presets.Get("snapback-46"), options with { AnticipationMonths = 2 }, cancellationToken: Ct).Deterministic();
        Assert.Equal(off.Monthly.Sum(m => m.ImportsUsd), on.Monthly.Sum(m => m.ImportsUsd), 1e-6 * off.Monthly.Sum(m => m.ImportsUsd));
        var nov = new DateOnly(2025, 11, 1);
        Assert.True(on.Monthly.Single(m => m.Period == nov).ImportsUsd > off.Monthly.Single(m => m.Period == nov).ImportsUsd);
        Assert.True(on.Monthly.Single(m => m.Period == nov.AddMonths(2)).ImportsUsd < off.Monthly.Single(m => m.Period == nov.AddMonths(2)).ImportsUsd);
        Assert.Contains(on.Assumptions, a => a.StartsWith("anticipation: front-loading over 2 months", StringComparison.Ordinal));
    }

    [Fact]
    public void Transshipment_share_is_drawn_and_raises_revenue()
    {
        var model = Transshipment;
        Assert.True(model.HasTransshipment);
        Assert.Equal(Presets.EnforcedTransshipmentShare, model.CentralTransshipmentShare);
        var central = model.CentralInputs;
        var none = model.Project(central with { TransshipmentShare = 0 }).Annual()[1];
        var full = model.Project(central).Annual()[1];
        Assert.True(full.EtrFixedWeights > none.EtrFixedWeights);
        Assert.True(full.ImportsUsd < none.ImportsUsd);
        var mc = model.MonteCarlo(new MonteCarloOptions(200, 1, UncertaintySpec.None with { TransshipmentShareHigh = 0.25 }), cancellationToken: Ct);
        var s = mc.Sensitivity(ProjectionMetrics.Imports, 2026);
        Assert.Equal("transshipment_share", s[0].Input);
        Assert.True(s[0].FirstOrderIndex > 0.9);
        Assert.All(s.Skip(1), r => Assert.Equal(0.0, r.FirstOrderIndex));
    }

    [Fact]
    public void Sensitivity_attributes_the_spread_to_the_inputs_that_vary()
    {
        var model = Real;
        var onlyGrowth = model.MonteCarlo(new MonteCarloOptions(400, 77, UncertaintySpec.None with { BaselineGrowth = true }), cancellationToken: Ct);
        var rows = onlyGrowth.Sensitivity();
        Assert.Equal(9, rows.Count); // seven inputs, the relocation share and the realised path shocks (both 0 without an as-of month)
        Assert.Equal("import_growth", rows[0].Input);
        Assert.True(rows[0].FirstOrderIndex > 0.9);
        Assert.True(rows[0].Correlation < 0);
        Assert.Contains(rows, r => r.Input == "elasticity_level" && r.FirstOrderIndex == 0.0);

        var all = model.MonteCarlo(new MonteCarloOptions(400, 77), cancellationToken: Ct).Sensitivity();
        Assert.All(all, r => Assert.InRange(r.FirstOrderIndex, 0.0, 1.0));
        Assert.True(all.Single(r => r.Input == "elasticity_level").FirstOrderIndex > 0.02);
    }

    [Fact]
    public void Progress_reaches_all_draws_and_cancellation_stops_the_run()
    {
        var model = Real;
        var seen = new SyncProgress();
        model.MonteCarlo(new MonteCarloOptions(150, 1), seen, Ct);
        Assert.Equal(150, seen.Max);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => model.MonteCarlo(new MonteCarloOptions(1000, 1), cancellationToken: cts.Token));
    }

    [Fact]
    public void Monthly_quantiles_use_at_most_the_monthly_draw_limit()
    {
        var mc = Real.MonteCarlo(new MonteCarloOptions(120, 3, MonthlyDrawLimit: 50, CompetitorCount: 3, MonthlyDiversion: true), cancellationToken: Ct);
        Assert.Equal(50, mc.MonthlyDraws);
        Assert.Equal(mc.DivertedTo.Keys.Order(), mc.DivertedToMonthly.Keys.Order());
        Assert.All(mc.DivertedToMonthly.Values, rows => Assert.Equal(72, rows.Count));
        var china = mc.DivertedToMonthly["CHINA"];
        Assert.Equal("2026-03", china[14].Period);
        Assert.Equal(72, mc.Monthly.Count);
        Assert.Equal(3, mc.DivertedTo.Count);
        Assert.DoesNotContain(mc.DivertedTo.Keys, k => k == "VIETNAM");
        var none = Real.MonteCarlo(new MonteCarloOptions(20, 3, MonthlyDrawLimit: 0), cancellationToken: Ct);
        Assert.Empty(none.Monthly);
        Assert.Empty(none.DivertedToMonthly);
    }

    [Fact]
    public void Bad_options_name_the_parameter()
    {
        Assert.Equal("GridNodes", Assert.Throws<ArgumentException>(() => new ProjectionOptions(GridNodes: 3).Validate()).ParamName);
        Assert.Equal("Horizon", Assert.Throws<ArgumentException>(() => new ProjectionOptions(Horizon: new DateOnly(2024, 6, 1)).Validate()).ParamName);
        Assert.Equal("ImportGrowthPerYear", Assert.Throws<ArgumentException>(() => new ProjectionOptions(ImportGrowthPerYear: double.NaN).Validate()).ParamName);
        Assert.Equal("Draws", Assert.Throws<ArgumentException>(() => Real.MonteCarlo(new MonteCarloOptions(0, 1), cancellationToken: Ct)).ParamName);
        Assert.Equal("ElasticityScale", Assert.Throws<ArgumentException>(() => Real.Project(Real.CentralInputs with { ElasticityScale = 0 })).ParamName);
        Assert.Equal("TransshipmentShare", Assert.Throws<ArgumentException>(() => Real.Project(Real.CentralInputs with { TransshipmentShare = 2 })).ParamName);
        Assert.Equal("ElasticityLogSd", Assert.Throws<ArgumentException>(() => new UncertaintySpec(ElasticityLogSd: -1).Validate()).ParamName);
        Assert.Equal("timeConstantMonths", Assert.Throws<ArgumentException>(() => new AdjustmentKernel(0.1, 0)).ParamName);
        Assert.Equal("impactFraction", Assert.Throws<ArgumentException>(() => new AdjustmentKernel(1.5, 10)).ParamName);
        Assert.Throws<ArgumentException>(() => Real.MonteCarlo(new MonteCarloOptions(10, 1), cancellationToken: Ct).Sensitivity());
        Assert.Throws<ArgumentException>(() => Real.MonteCarlo(new MonteCarloOptions(30, 1), cancellationToken: Ct).Sensitivity(year: 2040));
    }

    private sealed class SyncProgress : IProgress<MonteCarloProgress>
    {
        private int _max;

        public int Max => Volatile.Read(ref _max);

        public void Report(MonteCarloProgress value)
        {
            int current;
            do
            {
                current = Volatile.Read(ref _max);
            }
            while (value.CompletedDraws > current && Interlocked.CompareExchange(ref _max, value.CompletedDraws, current) != current);
        }
    }
}
