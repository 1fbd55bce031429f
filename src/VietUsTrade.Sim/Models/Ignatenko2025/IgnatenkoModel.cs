namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>
/// Entry point to the Ignatenko, Macedoni, Lashkaripour &amp; Simonovska (2025) "Liberation Day" general-equilibrium
/// model (J. Int. Econ. 157, 104138): 194 countries, tariff revenue, transfers fixed as a share of world income,
/// endogenous labour supply and a scale effect, solved in hat form (3N unknowns) by Newton's method.
/// </summary>
/// <remarks>Pure functions; thread-safe. See docs/models/ignatenko2025.md.</remarks>
public static class IgnatenkoModel
{
    /// <summary>Solves the equilibrium of a scenario from x₀ = 1.</summary>
    /// <param name="baseline">The calibrated baseline.</param>
    /// <param name="scenario">The tariffs and the use of revenue.</param>
    /// <param name="settings">Solver settings; <see cref="IgnatenkoSolverSettings.Default"/> if null.</param>
    /// <returns>The solved counterfactual.</returns>
    /// <exception cref="ArgumentException">The scenario's dimension differs from the baseline's.</exception>
    /// <exception cref="ConvergenceException">Newton's method does not converge (carries iterations and residual).</exception>
    public static IgnatenkoResult Solve(IgnatenkoBaseline baseline, IgnatenkoScenario scenario, IgnatenkoSolverSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(scenario);
        settings ??= IgnatenkoSolverSettings.Default;
        var system = new IgnatenkoSystem(baseline, scenario);
        var x = new double[system.Unknowns];
        Array.Fill(x, 1.0);
        try
        {
            var diagnostics = system.Solve(x, settings);
            return new IgnatenkoResult(baseline, scenario, system, diagnostics);
        }
        catch (ConvergenceException direct) when (settings.Continuation)
        {
            return SolveByContinuation(baseline, scenario, settings, direct);
        }
    }

    /// <summary>
    /// Continuation in the tariff level for shocks Newton cannot reach from x₀ = 1: solves t′ = s·t for an increasing
    /// s ∈ (0, 1], each solve starting from the previous solution; the step in s grows after a success and halves
    /// after a failure.
    /// </summary>
    private static IgnatenkoResult SolveByContinuation(IgnatenkoBaseline baseline, IgnatenkoScenario scenario, IgnatenkoSolverSettings settings, ConvergenceException direct)
    {
        var x = new double[3 * baseline.Count];
        Array.Fill(x, 1.0);
        double s = 0, ds = 0.25;
        int iterations = direct.Iterations, factorizations = 0, residuals = 0, stages = 0;
        var steps = new List<double>();
        while (true)
        {
            double target = Math.Min(1.0, s + ds);
            var stage = target == 1.0 ? scenario : new IgnatenkoScenario(scenario.Name, scenario.Tariffs.Scaled(target), scenario.RevenueUse);
            var system = new IgnatenkoSystem(baseline, stage);
            var trial = (double[])x.Clone();
            try
            {
                var d = system.Solve(trial, settings);
                iterations += d.Iterations;
                factorizations += d.JacobianFactorizations;
                residuals += d.ResidualEvaluations;
                steps.AddRange(d.StepSizes);
                stages++;
                x = trial;
                s = target;
                if (s == 1.0)
                {
                    var diagnostics = d with
                    {
                        Iterations = iterations,
                        JacobianFactorizations = factorizations,
                        ResidualEvaluations = residuals,
                        StepSizes = steps.AsReadOnly(),
                        ContinuationStages = stages,
                    };
                    return new IgnatenkoResult(baseline, scenario, system, diagnostics);
                }

                ds = Math.Min(0.5, ds * 1.5);
            }
            catch (ConvergenceException failed)
            {
                iterations += failed.Iterations;
                ds /= 2;
                if (ds < 1.0 / 64)
                {
                    throw new ConvergenceException(
                        failed.Model,
                        $"the equilibrium did not converge, even by continuation in the tariff level (reached {s:P1} of the tariffs)",
                        iterations,
                        failed.MaxResidual,
                        failed.Settings + "; continuation in the tariff level");
                }
            }
        }
    }

    /// <summary>Builds the baseline and scenario of one of the paper's runs from a baseline built with the paper's parameters.</summary>
    /// <param name="baseline">The paper's baseline (its parameters are the starting point of the variants).</param>
    /// <param name="run">The run.</param>
    /// <returns>The baseline variant and the scenario.</returns>
    internal static (IgnatenkoBaseline Baseline, IgnatenkoScenario Scenario) PaperRun(IgnatenkoBaseline baseline, IgnatenkoPaperRun run)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return run switch
        {
            IgnatenkoPaperRun.UstrIncomeTaxRelief => (baseline, IgnatenkoScenarios.Ustr(baseline)),
            IgnatenkoPaperRun.UstrLumpSum => (baseline, IgnatenkoScenarios.Ustr(baseline, RevenueUse.LumpSumRebate)),
            IgnatenkoPaperRun.OptimalUsTariff => (baseline, IgnatenkoScenarios.OptimalUs(baseline)),
            IgnatenkoPaperRun.ReciprocalRetaliation => (baseline, IgnatenkoScenarios.ReciprocalRetaliation(baseline)),
            IgnatenkoPaperRun.OptimalRetaliation => (baseline, IgnatenkoScenarios.OptimalRetaliation(baseline)),
            IgnatenkoPaperRun.OptimalWithOptimalRetaliation => (baseline, IgnatenkoScenarios.OptimalWithOptimalRetaliation(baseline)),
            IgnatenkoPaperRun.IncompletePassThrough => Variant(baseline.WithParameters(baseline.Parameters.WithFirmPassThrough(0.25))),
            IgnatenkoPaperRun.HighTradeElasticity => Variant(baseline.WithParameters(baseline.Parameters.WithTradeElasticity(2 * baseline.Parameters.TradeElasticity))),
            IgnatenkoPaperRun.EatonKortum => Variant(baseline.EatonKortum()),
            _ => throw new ArgumentOutOfRangeException(nameof(run), run, $"run = {(int)run} is not a defined IgnatenkoPaperRun."),
        };

        static (IgnatenkoBaseline, IgnatenkoScenario) Variant(IgnatenkoBaseline b) => (b, IgnatenkoScenarios.Ustr(b));
    }

    /// <summary>Solves one of the paper's runs.</summary>
    /// <param name="baseline">The paper's baseline.</param>
    /// <param name="run">The run.</param>
    /// <param name="settings">Solver settings.</param>
    /// <returns>The solved counterfactual.</returns>
    public static IgnatenkoResult SolvePaperRun(IgnatenkoBaseline baseline, IgnatenkoPaperRun run, IgnatenkoSolverSettings? settings = null)
    {
        var (b, s) = PaperRun(baseline, run);
        return Solve(b, s, settings);
    }
}
