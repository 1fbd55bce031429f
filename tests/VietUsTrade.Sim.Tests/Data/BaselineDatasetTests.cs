using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Products;
using Xunit;

namespace VietUsTrade.Sim.Tests.Data;

public class BaselineDatasetTests
{
    private static readonly BaselineDataset D = BaselineDataset.LoadEmbedded();

    [Fact]
    public void Imports_duty_and_exports_match_the_published_census_totals_to_the_dollar()
    {
        Assert.Equal(141_361_159_091d, D.ImportsFromVietnamUsd, 1.0);
        Assert.Equal(5_335_457_796d, D.DutyOnVietnamUsd, 1.0);
        Assert.Equal(13_044_118_564d, D.ExportsToVietnamUsd, 1.0);
        Assert.Equal(D.ExportsToVietnamUsd - D.ImportsFromVietnamUsd, D.BalanceUsd, 1e-3);
        Assert.Equal(7_272, D.ImportLines.Count);
        Assert.Equal(2024, D.Year);
        Assert.Contains("imports for consumption", D.ImportConcept, StringComparison.Ordinal);
    }

    [Fact]
    public void Consumption_basis_is_within_4_percent_of_the_general_imports_headline()
    {
        // USTR/Census headline: general imports $136.6 bn, exports $13.1 bn, deficit $123.5 bn (docs/data.md explains the gap).
        Assert.InRange(Math.Abs(D.ImportsFromVietnamUsd / 136.6e9 - 1), 0, 0.04);
        Assert.InRange(Math.Abs(D.ExportsToVietnamUsd / 13.1e9 - 1), 0, 0.01);
        Assert.InRange(Math.Abs(-D.BalanceUsd / 123.5e9 - 1), 0, 0.04);
    }

    [Fact]
    public void Effective_tariff_rate_2024_is_3_77_percent()
    {
        Assert.Equal(0.0377, D.DutyOnVietnamUsd / D.ImportsFromVietnamUsd, 4);
    }

    [Theory]
    [InlineData(64, 0.323)]
    [InlineData(94, 0.198)]
    [InlineData(85, 0.100)]
    [InlineData(61, 0.182)]
    [InlineData(62, 0.190)]
    public void Vietnam_chapter_shares_match_the_hs2_world_file(int chapter, double published)
    {
        var c = D.FindChapter(chapter)!;
        Assert.Equal(published, c.VietnamShare, 3);
        // The chapter's Vietnam total equals the sum of its HTS10 lines.
        Assert.Equal(c.VietnamValueUsd, D.LinesInChapter(chapter).Sum(l => l.Vietnam.ValueUsd), 0.5);
        // The lines' world totals cannot exceed the chapter's world total.
        Assert.True(D.LinesInChapter(chapter).Sum(l => l.WorldValueUsd) <= c.WorldValueUsd * (1 + 1e-12));
    }

    [Fact]
    public void Chapter_totals_add_up_to_the_census_world_total()
    {
        // World 2024 (sum of the HS2 file excl. the EU aggregate): $3,251.152 bn.
        Assert.Equal(3_251.152e9, D.Chapters.Sum(c => c.WorldValueUsd), 0.001e9);
        Assert.Equal(D.ImportsFromVietnamUsd, D.Chapters.Sum(c => c.VietnamValueUsd), 1.0);
        Assert.All(D.Chapters, c => Assert.True(c.RestOfWorldValueUsd >= 0));
    }

    [Fact]
    public void Every_line_has_valid_sigma_and_epsilon_with_a_source_and_coverage_sums_to_one()
    {
        Assert.All(D.ImportLines, l =>
        {
            Assert.True(l.Sigma.Value > 1 && l.Sigma.Value <= D.SigmaCap, $"{l.Code} σ {l.Sigma.Value}");
            Assert.True(l.Sigma.RawValue >= l.Sigma.Value);
            Assert.True(l.Epsilon.Value > 0 && double.IsFinite(l.Epsilon.Value), $"{l.Code} ε {l.Epsilon.Value}");
            Assert.False(string.IsNullOrEmpty(l.Sigma.SourceCode));
            if (l.Epsilon.Level <= MatchLevel.Hs6ViaHs1992)
            {
                Assert.NotNull(l.Epsilon.StandardError);
            }
        });
        foreach (var kind in new[] { "sigma", "epsilon" })
        {
            var coverage = D.ElasticityCoverage(kind);
            Assert.Equal(1.0, coverage.Sum(c => c.ValueShare), 12);
            Assert.Equal(D.ImportLines.Count, coverage.Sum(c => c.Lines));
        }

        // Broda–Weinstein matches (HTS10, HS6, via HS1992) cover most of the value; the BGW HS3 fallback takes it near 100 %.
        var sigma = D.ElasticityCoverage("sigma");
        Assert.Equal(0.252, sigma.Where(c => c.Level == MatchLevel.Hts10).Sum(c => c.ValueShare), 3);
        Assert.True(sigma.Where(c => c.Level <= MatchLevel.Hs3ViaHs1992).Sum(c => c.ValueShare) > 0.98);
        Assert.Throws<ArgumentException>(() => D.ElasticityCoverage("omega"));
    }

    [Fact]
    public void Each_line_lists_vietnam_first_and_supplier_shares_sum_to_one()
    {
        Assert.All(D.ImportLines, l =>
        {
            Assert.True(l.Suppliers[0].Partner.IsVietnam);
            Assert.Equal(l.Suppliers.Count, l.Suppliers.Select(s => s.Partner.CensusCode).Distinct().Count());
            Assert.All(l.Suppliers.Skip(1), s => Assert.True(s.ValueUsd > 0));
            if (l.WorldValueUsd > 0)
            {
                Assert.Equal(1.0, l.SupplierShares().Sum(), 12);
            }
        });
        Assert.Equal(1.0, D.SupplierShares().Sum(kv => kv.Value), 12);
        Assert.Equal(1.0, D.SupplierShares(HtsCode.Parse("64")).Sum(kv => kv.Value), 12);
        Assert.Null(D.FindPartner("4359")); // Slovakia is inside the EU-27 aggregate
        Assert.NotNull(D.FindPartner(Partner.EuropeanUnionCode));
        Assert.Equal(51, D.Partners.Count); // 50 detailed partners + rest of world
    }

    [Fact]
    public void Queries_by_code_prefix_and_chapter_agree()
    {
        var coffee = D.LinesWithPrefix(HtsCode.Parse("0901")).ToArray();
        Assert.NotEmpty(coffee);
        Assert.All(coffee, l => Assert.StartsWith("0901", l.Code.Digits, StringComparison.Ordinal));
        Assert.Equal(D.LinesInChapter(9).Count(), D.LinesWithPrefix(HtsCode.Parse("09")).Count());
        var first = D.ImportLines[0];
        Assert.Same(first, D.FindLine(first.Code));
        Assert.Equal(0, D.IndexOf(first.Code));
        Assert.Null(D.FindLine(HtsCode.Parse("9999999999")));
        Assert.Equal("Free", D.FindMfn(HtsCode.Parse("0901110015"))!.Text);
        Assert.Contains(D.ExportLines, e => e.Code.Digits == "8800000000" && e.Value2024Usd > 400e6);
    }

    [Fact]
    public void Monthly_series_add_up_to_the_annual_totals()
    {
        var vn = D.FindMonthly("imports/VIETNAM/00")!;
        Assert.Equal(36, vn.Points.Count);
        Assert.Equal(D.ImportsFromVietnamUsd, vn.Points.Where(p => p.Month.Year == 2024).Sum(p => p.ValueUsd), 1.0);
        var exports = D.FindMonthly("exports/VIETNAM/total")!;
        Assert.Equal(24, exports.Points.Count);
        Assert.Equal(D.ExportsToVietnamUsd, exports.Points.Where(p => p.Month.Year == 2024).Sum(p => p.ValueUsd), 1.0);
        Assert.Equal(9.813e9, exports.Points.Where(p => p.Month.Year == 2023).Sum(p => p.ValueUsd), 0.001e9);
    }

    [Fact]
    public void Provenance_accounts_for_every_row_read()
    {
        Assert.NotEmpty(D.Sources);
        Assert.All(D.Sources, s =>
        {
            Assert.Equal(64, s.Sha256.Length);
            Assert.Equal(s.RowsRead - s.RowsKept, s.Rejections.Values.Sum());
        });
        var partners = D.Sources.Single(s => s.File.EndsWith("us_imports_cons_2024_hs10_51partners.csv", StringComparison.Ordinal));
        Assert.Equal(209_616, partners.RowsRead);
        Assert.Equal(2_468, partners.Rejections.Single().Value); // Slovakia's rows
        Assert.NotEmpty(D.BuildNotes);
    }
}

public class MirrorStatisticsTests
{
    [Fact]
    public void The_library_row_sits_between_the_two_sides_and_carries_the_consumption_concept()
    {
        var rows = VietUsTrade.Sim.Reporting.MirrorStatistics.Table(BaselineDataset.LoadEmbedded());
        var us = rows.Single(r => r.Period == "2024" && r.Side == "US Census");
        var lib = rows.Single(r => r.Period == "2024" && r.Side == "this library");
        var vn = rows.Single(r => r.Period == "2024" && r.Side == "Vietnam NSO");
        Assert.Contains("consumption", lib.Concept, StringComparison.Ordinal);
        Assert.Equal(lib.UsExportsToVietnamUsd!.Value - lib.UsImportsFromVietnamUsd!.Value, lib.UsBalanceUsd!.Value, 1e-3);
        Assert.True(vn.UsImportsFromVietnamUsd < us.UsImportsFromVietnamUsd && us.UsImportsFromVietnamUsd < lib.UsImportsFromVietnamUsd);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.Source)));
    }
}
