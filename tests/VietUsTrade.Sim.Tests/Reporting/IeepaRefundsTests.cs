using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Reporting;
using Xunit;

namespace VietUsTrade.Sim.Tests.Reporting;

public class IeepaRefundsTests
{
    private static readonly BaselineDataset Data = BaselineDataset.LoadEmbedded();
    private static readonly ObservedTrade Observed = ObservedTrade.LoadEmbedded();
    private static readonly TariffSchedule Real = TariffSchedule.Compile(Presets.Get("real-2025-2026"), Data);

    [Fact]
    public void The_refund_is_the_ieepa_part_of_the_increment_times_the_share_and_nothing_before_april_2025()
    {
        var rows = IeepaRefunds.Table(Observed, Real, 2025, IeepaRefunds.RefundedShareAugust2026);
        Assert.Equal(11, rows.Count); // Jan-Nov 2025 observed
        var base24 = Observed.Get(ObservedTrade.VietnamImportsKey).Points.Where(p => p.Month.Year == 2024).ToArray();
        var c0 = base24.Sum(p => p.DutyUsd) / base24.Sum(p => p.ValueUsd);
        foreach (var r in rows)
        {
            Assert.InRange(r.IeepaShareOfIncrement, 0, 1);
            Assert.Equal(Math.Max(r.DutyUsd - (c0 * r.ImportsUsd), 0) * r.IeepaShareOfIncrement, r.IeepaDutyUsd, 1e-6);
            Assert.Equal(r.IeepaDutyUsd * (100.0 / 166.0), r.RefundedUsd, 1e-6);
            Assert.Equal(r.DutyUsd - r.RefundedUsd, r.NetDutyUsd, 1e-6);
        }

        Assert.All(rows.Where(r => r.Month < new DateOnly(2025, 4, 1)), r => Assert.Equal(0, r.IeepaDutyUsd));
        Assert.All(rows.Where(r => r.Month >= new DateOnly(2025, 5, 1)), r => Assert.True(r.IeepaShareOfIncrement > 0.5));

        // Nothing refunded at share 0, everything IEEPA at share 1.
        Assert.All(IeepaRefunds.Table(Observed, Real, 2025, 0), r => Assert.Equal(r.DutyUsd, r.NetDutyUsd));
        var all = IeepaRefunds.Table(Observed, Real, 2025, 1);
        Assert.Equal(all.Sum(r => r.IeepaDutyUsd), all.Sum(r => r.RefundedUsd), 1e-6);
        Assert.Throws<ArgumentOutOfRangeException>(() => IeepaRefunds.Table(Observed, Real, 2025, 1.5));
    }

    [Theory]
    [InlineData("--share", "1.5")]
    [InlineData("--share", "-0.1")]
    [InlineData("--year", "2019")]
    public void Cli_bad_values_exit_2_with_one_line(string option, string value)
    {
        var (code, _, err) = CliRunner.Run("refunds", option, value);
        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains(option, err, StringComparison.Ordinal);
    }
}
