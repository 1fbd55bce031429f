using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.DataBuild;
using Xunit;

namespace VietUsTrade.Sim.Tests.Data;

public class ObservedTradeTests
{
    [Fact]
    public void Embedded_observed_data_hold_the_census_checks_of_the_raw_readme()
    {
        var o = ObservedTrade.LoadEmbedded();
        Assert.Equal(new DateOnly(2025, 11, 1), o.LatestImportMonth);
        Assert.Equal(new DateOnly(2026, 1, 1), o.LatestExportMonth);
        Assert.Null(o.AsOfMonth);

        var vn2025 = o.YearToDate(ObservedTrade.VietnamImportsKey, 2025);
        Assert.Equal(11, vn2025.Months);
        Assert.Equal(179_197_269_468d, vn2025.ValueUsd);
        Assert.Equal(15_038_320_298d, vn2025.DutyUsd);
        Assert.Equal(141_361_159_091d, o.YearToDate(ObservedTrade.VietnamImportsKey, 2024).ValueUsd);
        Assert.Equal(3_115_363_862_498d, o.YearToDate(ObservedTrade.WorldImportsKey, 2025).ValueUsd);
        Assert.Equal(15_656_824_670d, o.YearToDate(ObservedTrade.VietnamExportsKey, 2025).ValueUsd);

        // The long history equals the NAICS file where both exist, and has no gap from 2013-01.
        var hist = o.Get(ObservedTrade.VietnamImportsHistoryKey).Points;
        Assert.Equal(155, hist.Count);
        Assert.Equal(new DateOnly(2013, 1, 1), hist[0].Month);
        for (var i = 1; i < hist.Count; i++)
        {
            Assert.Equal(hist[i - 1].Month.AddMonths(1), hist[i].Month);
        }

        var naics = o.Get(ObservedTrade.VietnamImportsKey).Points.ToDictionary(p => p.Month, p => p.ValueUsd);
        Assert.All(hist.Where(p => p.Month.Year >= 2022), p => Assert.Equal(naics[p.Month], p.ValueUsd));

        // NAICS-3 rows add up to the all-products row in every month (Vietnam and world).
        foreach (var who in new[] { "VIETNAM", "WORLD" })
        {
            var all = o.Get($"imports/{who}/00").Points;
            var parts = o.Series.Where(s => s.Key.StartsWith($"imports/{who}/", StringComparison.Ordinal) && !s.Key.EndsWith("/00", StringComparison.Ordinal) && !s.Key.EndsWith("/history", StringComparison.Ordinal))
                .SelectMany(s => s.Points).GroupBy(p => p.Month).ToDictionary(g => g.Key, g => g.Sum(p => p.ValueUsd));
            Assert.All(all, p => Assert.Equal(p.ValueUsd, parts[p.Month], 1e-6 * p.ValueUsd));
        }

        // HS-4 export headings add up to the monthly total.
        var hs4 = o.Series.Where(s => s.Key.StartsWith("exports/VIETNAM/hs4/", StringComparison.Ordinal)).SelectMany(s => s.Points)
            .GroupBy(p => p.Month).ToDictionary(g => g.Key, g => g.Sum(p => p.ValueUsd));
        Assert.Equal(37, hs4.Count);
        foreach (var p in o.Get(ObservedTrade.VietnamExportsKey).Points.Where(p => p.Month.Year >= 2023))
        {
            Assert.Equal(p.ValueUsd, hs4[p.Month], 1e-6 * p.ValueUsd);
        }
    }

    [Fact]
    public void As_of_cuts_every_series_after_the_month()
    {
        var o = ObservedTrade.LoadEmbedded();
        var cut = o.AsOf(new DateOnly(2025, 8, 17));
        Assert.Equal(new DateOnly(2025, 8, 1), cut.AsOfMonth);
        Assert.Equal(new DateOnly(2025, 8, 1), cut.LatestImportMonth);
        Assert.Equal(new DateOnly(2025, 8, 1), cut.LatestExportMonth);
        Assert.All(cut.Series.SelectMany(s => s.Points), p => Assert.True(p.Month <= new DateOnly(2025, 8, 1)));
        Assert.Equal(8, cut.YearToDate(ObservedTrade.VietnamImportsKey, 2025).Months);
        Assert.Equal(o.Series.Count, cut.Series.Count);
        Assert.Throws<KeyNotFoundException>(() => o.Get("imports/NOWHERE/00"));
    }

    [Fact]
    public void Rebuilding_from_shared_raw_gives_the_embedded_observed_data_byte_for_byte()
    {
        var raw = TestPaths.RequireSharedRaw();
        var rebuilt = ObservedTradeSerializer.Serialize(ObservedBuilder.Build(raw));
        var embedded = ObservedTradeSerializer.Serialize(ObservedTrade.LoadEmbedded());
        Assert.True(embedded.AsSpan().SequenceEqual(rebuilt), "The embedded observed data differ from a rebuild: run `dotnet run --project tools/VietUsTrade.Sim.DataBuild -c Release`.");
        Assert.All(ObservedTrade.LoadEmbedded().Sources, s => Assert.Equal(s.RowsRead - s.RowsKept, s.Rejections.Values.Sum()));
    }

    [Fact]
    public void Truncated_or_foreign_bytes_are_rejected()
    {
        var payload = ObservedTradeSerializer.Serialize(ObservedTrade.LoadEmbedded());
        using var truncated = new MemoryStream(payload[..(payload.Length / 2)]);
        Assert.Throws<InvalidDataException>(() => ObservedTradeSerializer.Deserialize(truncated));
        using var foreign = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.Throws<InvalidDataException>(() => ObservedTradeSerializer.Deserialize(foreign));
    }
}
