using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Policy;
using Xunit;

namespace VietUsTrade.Sim.Tests.Models.PartialEquilibrium;

public class ScenarioModelTests
{
    private static readonly BaselineDataset D = BaselineDataset.LoadEmbedded();
    private static readonly PeRunOptions Dec2025 = new(new DateOnly(2025, 12, 1));

    [Fact]
    public void No_tariffs_leaves_every_figure_at_the_2024_baseline()
    {
        var r = ScenarioModel.Run(D, Presets.Get("no-tariffs"), Dec2025);
        Assert.Equal(D.ImportsFromVietnamUsd, r.Result.ImportsFromVietnamUsd, 1e-3);
        Assert.Equal(r.Baseline.ImportsFromVietnamUsd, r.Result.ImportsFromVietnamUsd);
        Assert.Equal(D.ExportsToVietnamUsd, r.Result.ExportsToVietnamUsd, 1e-3);
        Assert.Equal(D.DutyOnVietnamUsd, r.Result.TariffRevenueUsd, 1e-2);
        Assert.Equal(0.0, r.Result.ImportPriceIndexChange, 15);
        Assert.All(r.Result.DivertedTo.Values, v => Assert.Equal(0.0, v, 6));
        Assert.Equal(0.0, r.Imports.Totals.ConsumerSurplusChange, 6);
    }

    [Fact]
    public void Headline_totals_equal_the_sum_over_lines_and_the_balance_identity_holds()
    {
        var r = ScenarioModel.Run(D, Presets.Get("reciprocal-20-farm-exempt"), Dec2025);
        var vn = D.IndexOfPartner(D.Vietnam);
        var p = r.Imports.Problem;
        double sum = 0;
        for (var c = 0; c < p.CellCount; c++)
        {
            if (p.CellSuppliers[c] == vn)
            {
                sum += r.Imports.CellNewImports[c];
            }
        }

        Assert.Equal(sum, r.Result.ImportsFromVietnamUsd, 1e-3);
        Assert.Equal(r.ByChapter().Sum(c => c.ScenarioImportsFromVietnamUsd), r.Result.ImportsFromVietnamUsd, 1e-2);
        Assert.Equal(r.Result.ExportsToVietnamUsd - r.Result.ImportsFromVietnamUsd, r.Result.BalanceUsd, 1e-3);
        Assert.Equal(r.Imports.Totals.ImportChange - (r.Result.ImportsFromVietnamUsd - r.Baseline.ImportsFromVietnamUsd), r.Result.DivertedTo.Values.Sum(), 1e-2);
        Assert.True(r.Result.ImportsFromVietnamUsd < r.Baseline.ImportsFromVietnamUsd);
        Assert.True(r.Result.DivertedTo["CHINA"] > 0);
        Assert.True(r.Result.ImportPriceIndexChange > 0);
    }

    [Fact]
    public void A_higher_reciprocal_rate_lowers_imports_from_vietnam_further()
    {
        var r20 = ScenarioModel.Run(D, Presets.Get("reciprocal-20"), Dec2025);
        var r46 = ScenarioModel.Run(D, Presets.Get("liberation-day-46"), Dec2025);
        Assert.True(r46.Result.ImportsFromVietnamUsd < r20.Result.ImportsFromVietnamUsd);
        Assert.True(r46.Result.BalanceUsd > r20.Result.BalanceUsd);
        Assert.True(r46.VietnamEtr.EtrTotal > r20.VietnamEtr.EtrTotal);
    }

    [Fact]
    public void Concessions_and_commitments_raise_us_exports_to_vietnam()
    {
        var date = new DateOnly(2026, 6, 1);
        var deal = ScenarioModel.Run(D, Presets.Get("deal-zero-list"), new PeRunOptions(date));
        Assert.True(deal.Exports.AfterTariffResponseUsd > D.ExportsToVietnamUsd); // Vietnam's tariff cuts on US goods
        var farm = deal.Exports.Commitments.Single(c => c.Id == "farm-mous-2025");
        Assert.Equal(2.9e9 * 0.58 / 3, farm.BilateralExportsUsd, 0.02e9); // a year of a three-year MOU at 58% fulfilment
        Assert.Equal(farm.BilateralExportsUsd * 0.5, farm.TotalExportsUsd, 1.0);
        Assert.Equal(0.0, deal.Exports.Commitments.Single(c => c.Id == "aircraft-vietnam-airlines").BilateralExportsUsd); // deliveries from 2030
        Assert.Equal(deal.Exports.AfterTariffResponseUsd + deal.Exports.Commitments.Sum(c => c.BilateralExportsUsd), deal.Result.ExportsToVietnamUsd, 1e-3);
        // Decree 73 alone (an MFN cut for everyone) raises US exports much less than a preferential zero rate.
        var decree = new Scenario("decree-only", "", null, [], concessions: [Presets.Decree73()]);
        var d73 = ScenarioModel.ExportSide(D, decree, PolicyLibrary.LoadEmbedded(), new PeRunOptions(date));
        Assert.InRange(d73.AfterTariffResponseUsd - D.ExportsToVietnamUsd, 1.0, deal.Exports.AfterTariffResponseUsd - D.ExportsToVietnamUsd);
    }

    [Fact]
    public void Finite_export_supply_shifts_part_of_the_tariff_to_exporters()
    {
        var inf = ScenarioModel.Run(D, Presets.Get("reciprocal-20"), Dec2025);
        var fin = ScenarioModel.Run(D, Presets.Get("reciprocal-20"), Dec2025 with { ExportSupplyElasticity = 2.0 });
        Assert.True(fin.Result.ImportPriceIndexChange < inf.Result.ImportPriceIndexChange); // exporters bear part of the tariff
        var taxed = Enumerable.Range(0, D.ImportLines.Count).First(i => fin.Imports.Problem.Tariffs1[fin.Imports.Problem.LineOffsets[i]] > fin.Imports.Problem.Tariffs0[fin.Imports.Problem.LineOffsets[i]] + 0.1);
        Assert.True(fin.Imports.CellExporterPriceChange(fin.Imports.Problem.LineOffsets[taxed]) < 0);
        Assert.Equal(0.0, inf.Imports.CellExporterPriceChange(inf.Imports.Problem.LineOffsets[taxed]));
        Assert.True(fin.Imports.Totals.MaxResidual < 1e-9);
    }

    [Theory]
    [InlineData(nameof(PeRunOptions.SigmaScale), 0.0)]
    [InlineData(nameof(PeRunOptions.ExportSupplyElasticity), -1.0)]
    [InlineData(nameof(PeRunOptions.UsShareOfVietnamImports), 1.5)]
    [InlineData(nameof(PeRunOptions.FulfilmentOverride), 2.0)]
    public void Invalid_options_name_the_parameter(string name, double value)
    {
        // The options refuse the value when it is set (the with expression), before the run.
        var ex = Assert.Throws<ArgumentException>(() => ScenarioModel.Run(D, Presets.Get("reciprocal-20"), name switch
        {
            nameof(PeRunOptions.SigmaScale) => Dec2025 with { SigmaScale = value },
            nameof(PeRunOptions.ExportSupplyElasticity) => Dec2025 with { ExportSupplyElasticity = value },
            nameof(PeRunOptions.UsShareOfVietnamImports) => Dec2025 with { UsShareOfVietnamImports = value },
            _ => Dec2025 with { FulfilmentOverride = value },
        }));
        Assert.Equal(name, ex.ParamName);
    }

    [Fact]
    public void A_transshipment_share_is_refused_where_no_transshipment_measure_could_use_it()
    {
        var o = Dec2025 with { TransshipmentShareOverride = 0.3 };
        var ex = Assert.Throws<ArgumentException>(() => ScenarioModel.Run(D, Presets.Get("reciprocal-20"), o));
        Assert.Equal(nameof(PeRunOptions.TransshipmentShareOverride), ex.ParamName);
        var share0 = ScenarioModel.Run(D, Presets.Get("transshipment-enforced"), Dec2025 with { TransshipmentShareOverride = 0.0 });
        var share30 = ScenarioModel.Run(D, Presets.Get("transshipment-enforced"), o);
        Assert.True(share30.Result.ImportsFromVietnamUsd < share0.Result.ImportsFromVietnamUsd);
        Assert.True(share30.VietnamEtr.EtrTotal > share0.VietnamEtr.EtrTotal);
    }

    [Fact]
    public void Runs_in_parallel_on_one_shared_dataset_are_identical_to_sequential_runs()
    {
        var names = new[] { "real-2025-2026", "reciprocal-20", "liberation-day-46", "deal-zero-list" };
        var sequential = names.Select(n => ScenarioModel.Run(D, Presets.Get(n), Dec2025).Result.BalanceUsd).ToArray();
        var parallel = new double[names.Length * 3];
        Parallel.For(0, parallel.Length, i => parallel[i] = ScenarioModel.Run(D, Presets.Get(names[i % names.Length]), Dec2025).Result.BalanceUsd);
        for (var i = 0; i < parallel.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(sequential[i % names.Length]), BitConverter.DoubleToInt64Bits(parallel[i]));
        }
    }

    [Fact]
    public void Top_lines_carry_their_elasticity_sources()
    {
        var top = ScenarioModel.Run(D, Presets.Get("reciprocal-20"), Dec2025).TopLines(15);
        Assert.Equal(15, top.Count);
        Assert.True(top.Zip(top.Skip(1)).All(p => Math.Abs(p.First.ChangeUsd) >= Math.Abs(p.Second.ChangeUsd)));
        Assert.All(top, l => Assert.False(string.IsNullOrEmpty(l.Sigma.SourceCode)));
    }
}
