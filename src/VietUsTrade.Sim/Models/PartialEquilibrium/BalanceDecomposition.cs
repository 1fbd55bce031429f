namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>
/// Decomposition of the change in the US–Vietnam goods balance (US exports − imports) of a partial-equilibrium
/// <see cref="ScenarioRun"/> into four additive parts that sum exactly to the total change.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item><b>Tariff effect on imports</b>: minus the change of US imports from Vietnam when only Vietnam's own tariffs
/// move to the scenario's rates and every other supplier keeps its 2024 rate (the same exact CES model, re-solved with
/// the PE problem with only Vietnam's cells changed). Positive when the tariff cuts imports.</item>
/// <item><b>Diversion and other suppliers' tariffs</b>: minus the rest of the import change, i.e. full scenario
/// imports from Vietnam minus the own-tariff-only imports. Tariffs on competitors (e.g. China) divert US demand
/// toward Vietnam, which lowers this bar. The split is sequential (own tariffs first), so it depends on that order.</item>
/// <item><b>Concessions</b>: change of US exports to Vietnam from Vietnam's tariff cuts on US goods
/// (<see cref="ExportSideResult.AfterTariffResponseUsd"/> − <see cref="ExportSideResult.BaselineUsd"/>).</item>
/// <item><b>Purchase commitments</b>: the commitments' added US exports to Vietnam in the run's window
/// (sum of <see cref="CommitmentEffect.BilateralExportsUsd"/>).</item>
/// </list>
/// </remarks>
public sealed class BalanceDecomposition
{
    private BalanceDecomposition(string scenarioName, DateOnly date, double baseline, double own, double diversion, double concessions, double commitments, double scenario)
    {
        ScenarioName = scenarioName;
        Date = date;
        BaselineBalanceUsd = baseline;
        ImportTariffEffectUsd = own;
        DiversionOtherUsd = diversion;
        ConcessionsUsd = concessions;
        CommitmentsUsd = commitments;
        ScenarioBalanceUsd = scenario;
    }

    /// <summary>The scenario's name.</summary>
    public string ScenarioName { get; }

    /// <summary>The run's entry date (tariff regime; commitments are counted over the run's window from it).</summary>
    public DateOnly Date { get; }

    /// <summary>2024 balance (exports − imports), USD.</summary>
    public double BaselineBalanceUsd { get; }

    /// <summary>Balance change from Vietnam's own tariffs on US imports from Vietnam, USD.</summary>
    public double ImportTariffEffectUsd { get; }

    /// <summary>Balance change from the rest of the import response (competitors' tariffs, diversion), USD.</summary>
    public double DiversionOtherUsd { get; }

    /// <summary>Balance change from Vietnam's tariff cuts on US goods, USD.</summary>
    public double ConcessionsUsd { get; }

    /// <summary>Balance change from purchase commitments, USD.</summary>
    public double CommitmentsUsd { get; }

    /// <summary>Scenario balance, USD.</summary>
    public double ScenarioBalanceUsd { get; }

    /// <summary>Total change = the sum of the four parts = scenario − baseline balance, USD.</summary>
    public double TotalChangeUsd => ImportTariffEffectUsd + DiversionOtherUsd + ConcessionsUsd + CommitmentsUsd;

    /// <summary>The four parts as waterfall steps (the chart adds the total bar).</summary>
    public IReadOnlyList<WaterfallStep> Steps =>
    [
        new("Tariff effect on imports", ImportTariffEffectUsd),
        new("Diversion / other suppliers' tariffs", DiversionOtherUsd),
        new("Concessions (Vietnam's tariff cuts)", ConcessionsUsd),
        new("Purchase commitments", CommitmentsUsd),
    ];

    /// <summary>Decomposes a run (re-solves the import side once with only Vietnam's tariffs changed).</summary>
    /// <param name="run">The run.</param>
    /// <returns>The decomposition.</returns>
    public static BalanceDecomposition FromRun(ScenarioRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var p = run.Imports.Problem;
        var offsets = p.LineOffsets;
        var t1 = p.Tariffs0.ToArray();
        var vnCells = new int[p.LineCount];
        for (var i = 0; i < p.LineCount; i++)
        {
            // Vietnam is the first supplier of every line in the bundled dataset (ImportLine.Vietnam).
            vnCells[i] = offsets[i];
            t1[offsets[i]] = p.Tariffs1[offsets[i]];
        }

        var ownOnly = PeSolver.Solve(p.WithTariffs1(t1));
        double base0 = 0, own = 0, full = 0;
        foreach (var c in vnCells)
        {
            base0 += p.BaselineValues[c];
            own += ownOnly.CellNewImports[c];
            full += run.Imports.CellNewImports[c];
        }

        var concessions = run.Exports.AfterTariffResponseUsd - run.Exports.BaselineUsd;
        var commitments = run.Exports.Commitments.Sum(c => c.BilateralExportsUsd);
        return new BalanceDecomposition(run.Scenario.Name, run.Options.Date, run.Baseline.BalanceUsd, -(own - base0), -(full - own), concessions, commitments, run.Result.BalanceUsd);
    }
}
