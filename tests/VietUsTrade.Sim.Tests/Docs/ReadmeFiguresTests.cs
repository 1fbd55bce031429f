using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Projection;
using VietUsTrade.Sim.Reporting;
using Xunit;

namespace VietUsTrade.Sim.Tests.Docs;

/// <summary>
/// The figures README.md and docs/policy.md quote, recomputed with the settings of the commands they cite: a quoted
/// figure that no longer matches what the command gives fails here (docs true by construction, issue 16 item 3).
/// </summary>
public class ReadmeFiguresTests
{
    private static readonly BaselineDataset Data = BaselineDataset.LoadEmbedded();
    private static readonly ObservedTrade Observed = ObservedTrade.LoadEmbedded();
    private static readonly string Readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot(), "README.md"));
    private static readonly string ProjectionDoc = File.ReadAllText(Path.Combine(TestPaths.RepoRoot(), "docs", "models", "projection.md"));
    private static readonly string PolicyDoc = File.ReadAllText(Path.Combine(TestPaths.RepoRoot(), "docs", "policy.md"));

    // −12.3 with the typographic minus the documents use.
    private static string Bn(double usd, string format = "F1") => (usd < 0 ? "−" : string.Empty) + Math.Abs(usd / 1e9).ToString(format, CultureInfo.InvariantCulture);

    private static string Pct(double fraction, string format = "F1") => (fraction * 100).ToString(format, CultureInfo.InvariantCulture) + " %";

    private static void Quoted(string document, string text, string where) =>
        Assert.True(document.Contains(text, StringComparison.Ordinal), $"{where} no longer quotes '{text}' (what the command gives now)");

    [Fact]
    public void The_etr_path_quoted_in_the_readme_is_what_etr_gives()
    {
        // vietus-sim etr --preset real-2025-2026 --from 2024-12-31 --to 2026-12-31
        var schedule = TariffSchedule.Compile(Presets.Get("real-2025-2026"), Data);
        Quoted(Readme, $"{Pct(schedule.VietnamEtr(new DateOnly(2025, 8, 7)).EtrTotal)} from 2025-08-07", "README");
        Quoted(Readme, $"{Pct(schedule.VietnamEtr(new DateOnly(2026, 2, 24)).EtrTotal)} under the Section 122 surcharge", "README");
        Quoted(Readme, $"{Pct(schedule.VietnamEtr(new DateOnly(2026, 7, 24)).EtrTotal)} with the", "README");
        Quoted(Readme, $"{Pct(schedule.VietnamEtr(new DateOnly(2026, 12, 4)).EtrTotal)} from 2026-12-04", "README");
        Quoted(PolicyDoc, $"| 2026-12-04 | {Pct(schedule.VietnamEtr(new DateOnly(2026, 12, 4)).EtrTotal, "F2")} |", "docs/policy.md");
    }

    [Fact]
    public void The_projection_quoted_in_the_readme_is_what_project_gives()
    {
        // vietus-sim project --preset real-2025-2026 --draws 10000 --seed 2026 --to 2026-12 (as of the latest month, 2025-11)
        var model = ProjectionModel.Create(Data, Presets.Get("real-2025-2026"), new ProjectionOptions(Horizon: new DateOnly(2026, 12, 1), AsOf: Observed.LatestImportMonth), null, Observed, TestContext.Current.CancellationToken);
        var mc = model.MonteCarlo(new MonteCarloOptions(10_000, 2026), null, TestContext.Current.CancellationToken);
        var y2025 = mc.Annual.Single(r => r.Year == 2025).Metrics[ProjectionMetrics.Balance];
        var y2026 = mc.Annual.Single(r => r.Year == 2026).Metrics[ProjectionMetrics.Balance];
        Quoted(Readme, $"2025 balance −${Bn(-y2025.P50)} bn (90 % band", "README");
        Quoted(Readme, $"2026 balance median −${Bn(-y2026.P50)} bn (90 % band {Bn(y2026.P5)} … {Bn(y2026.P95)})", "README");
        var etr2026 = mc.Annual.Single(r => r.Year == 2026).Metrics[ProjectionMetrics.Etr];
        Quoted(Readme, $"(2026 collected ETR {Pct(etr2026.P50, "F2")}, median)", "README");
        Quoted(ProjectionDoc, $"2026 collected ETR {Pct(etr2026.P50, "F2")} (with the entry lag", "docs/models/projection.md");
    }

    [Fact]
    public void The_backtest_quoted_in_the_readme_is_what_backtest_gives()
    {
        // vietus-sim backtest --rolling 2024-06..2025-08 --horizon 3 --draws 1000 --seed 1 [--given-market]
        var origins = Enumerable.Range(0, 15).Select(k => new DateOnly(2024, 6, 1).AddMonths(k)).ToArray();
        var rolling = Backtest.Run(Data, Presets.Get("real-2025-2026"), new BacktestOptions(origins, new DateOnly(2025, 11, 1), 1000, 1, 3), Observed, null, TestContext.Current.CancellationToken);
        var imports = rolling.Pooled["imports"];
        string P(double share) => (share * 100).ToString("F0", CultureInfo.InvariantCulture) + " %";
        string Signed(double pct) => (pct < 0 ? "−" : "+") + Math.Abs(pct).ToString("F1", CultureInfo.InvariantCulture) + " %";
        Quoted(Readme, $"covered {P(imports.Coverage90)} and the 50 % band {P(imports.Coverage50)} (bias of the\n  median {Signed(imports.BiasPct)}, MAPE {imports.MapePct.ToString("F1", CultureInfo.InvariantCulture)} %)", "README");

        var duty = rolling.Pooled["duty"];
        Quoted(Readme, $"has a bias of {Signed(duty.BiasPct)} (MAPE {duty.MapePct.ToString("F1", CultureInfo.InvariantCulture)} %, 90 % coverage {P(duty.Coverage90)}, 50 % coverage {P(duty.Coverage50)})", "README");
        Quoted(ProjectionDoc, $"| duty (collected-rate layer by sector, entry lag) | {P(duty.Coverage50)} | {P(duty.Coverage90)} | {Signed(duty.BiasPct)} | {duty.MapePct.ToString("F1", CultureInfo.InvariantCulture)} % |", "docs/models/projection.md");

        var given = Backtest.Run(Data, Presets.Get("real-2025-2026"), new BacktestOptions([new DateOnly(2024, 12, 1)], new DateOnly(2025, 11, 1), 1000, 1, GivenMarket: true), Observed, null, TestContext.Current.CancellationToken);
        Quoted(Readme, $"the median is {(given.Origins[0].WindowImportsUsd.P50 / 1e9).ToString("F1", CultureInfo.InvariantCulture)} (", "README");
    }

    [Fact]
    public void The_refunds_quoted_in_the_policy_doc_are_what_refunds_gives()
    {
        // vietus-sim refunds (share 100/166) and --share 1
        var schedule = TariffSchedule.Compile(Presets.Get("real-2025-2026"), Data);
        var part = IeepaRefunds.Table(Observed, schedule, 2025, IeepaRefunds.RefundedShareAugust2026);
        var all = IeepaRefunds.Table(Observed, schedule, 2025, 1);
        string B2(double usd) => (usd / 1e9).ToString("F2", CultureInfo.InvariantCulture);
        Quoted(PolicyDoc, $"duty collected ${B2(part.Sum(r => r.DutyUsd))} bn, of which IEEPA an\nestimated ${B2(part.Sum(r => r.IeepaDutyUsd))} bn; refunded ${B2(part.Sum(r => r.RefundedUsd))} bn at 0.602 (net ${B2(part.Sum(r => r.NetDutyUsd))} bn) and ${B2(all.Sum(r => r.RefundedUsd))} bn if every claim is paid (net ${B2(all.Sum(r => r.NetDutyUsd))} bn)", "docs/policy.md");
    }
}
