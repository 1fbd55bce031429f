using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.GeneralEquilibrium;
using VietUsTrade.Sim.Models.Ignatenko2025;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Projection;

namespace VietUsTrade.Sim;

/// <summary>
/// The short entry point: the bundled data and policy library, the presets by name, and one call per model, all on the
/// same <see cref="Scenario"/> objects.
/// <code>
/// var sim = Simulator.LoadEmbedded();
/// var pe = sim.RunPartialEquilibrium(sim.Presets["reciprocal-20"], new DateOnly(2025, 12, 1));
/// </code>
/// </summary>
/// <remarks>
/// Wraps <see cref="ScenarioModel.Run"/> (PE), <see cref="GeScenarioModel.Run"/> (ICIO GE),
/// <see cref="IgnatenkoScenarioModel.Run"/> (Ignatenko et al. 2025 GE) and
/// <see cref="ProjectionModel"/> with <see cref="ProjectionModel.MonteCarlo"/> (projection) with their documented
/// defaults; use those for every option. Immutable and thread-safe; the datasets load once.
/// </remarks>
public sealed class Simulator
{
    private readonly Lazy<ObservedTrade?> _observed;
    private readonly Lazy<IcioDataset> _icio;
    private readonly Lazy<IgnatenkoBaseline> _ignatenko;

    /// <summary>A simulator on given data (the ICIO GE data is the bundled one).</summary>
    /// <param name="baseline">The PE baseline.</param>
    /// <param name="library">The policy library (default: embedded).</param>
    /// <param name="observed">Observed Census months for the projection's nowcast (null: none).</param>
    public Simulator(BaselineDataset baseline, PolicyLibrary? library = null, ObservedTrade? observed = null)
        : this(baseline, library ?? PolicyLibrary.LoadEmbedded(), () => observed)
    {
    }

    private Simulator(BaselineDataset baseline, PolicyLibrary library, Func<ObservedTrade?> observed)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        Baseline = baseline;
        Library = library;
        _observed = new(observed);
        _icio = new(IcioDataset.LoadEmbedded);
        _ignatenko = new(() => IgnatenkoBaseline.Build(IgnatenkoData.LoadEmbedded()));
    }

    /// <summary>The PE baseline (2024 HTS10 lines, 51 suppliers).</summary>
    public BaselineDataset Baseline { get; }

    /// <summary>The policy library (exemption and product lists).</summary>
    public PolicyLibrary Library { get; }

    /// <summary>The presets by name: <c>sim.Presets["real-2025-2026"]</c>.</summary>
    public PresetCatalog Presets { get; } = new();

    /// <summary>The bundled data: the 2024 baseline, the policy library, the observed Census months of 2025–2026 and (when first needed) OECD ICIO 2022.</summary>
    /// <returns>The simulator.</returns>
    public static Simulator LoadEmbedded() => new(BaselineDataset.LoadEmbedded(), PolicyLibrary.LoadEmbedded(), () => ObservedTrade.LoadEmbedded());

    /// <summary>Runs a scenario through the exact PE model with the default parameters (<see cref="PeRunOptions"/>) on a date.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="date">The date whose tariff regime applies.</param>
    /// <returns>The run: <see cref="ScenarioRun.ImportsFromVietnamUsd"/>, <see cref="ScenarioRun.BalanceUsd"/>, <see cref="ScenarioRun.DivertedTo"/>, <see cref="ScenarioRun.ToTable"/>.</returns>
    /// <exception cref="ScenarioValidationException">The scenario references an unknown list or supplier.</exception>
    public ScenarioRun RunPartialEquilibrium(Scenario scenario, DateOnly date) => RunPartialEquilibrium(scenario, PeRunOptions.Default with { Date = date });

    /// <summary>Runs a scenario through the exact PE model with given parameters.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">The parameters, date included.</param>
    /// <returns>The run.</returns>
    /// <exception cref="ArgumentException">Invalid options (named).</exception>
    /// <exception cref="ScenarioValidationException">The scenario references an unknown list or supplier.</exception>
    public ScenarioRun RunPartialEquilibrium(Scenario scenario, PeRunOptions options) => ScenarioModel.Run(Baseline, scenario, options, Library);

    /// <summary>
    /// Runs a scenario through the ICIO structural gravity model (OECD ICIO 2022, 81 economies × 28 sectors): its US
    /// tariffs on the date, aggregated to exporter × sector by <see cref="GeScenarioModel.AggregationRule"/>.
    /// </summary>
    /// <param name="scenario">The scenario (commitments and Vietnam's concessions are not part of the GE shock; see <see cref="GeAggregatedShock.Omitted"/>).</param>
    /// <param name="date">The date whose rates apply.</param>
    /// <param name="options">GE options (default: those of <c>vietus-sim ge icio</c>, <see cref="GeScenarioModel.DefaultOptions"/>).</param>
    /// <returns>The run: <see cref="GeScenarioRun.ImportsFromVietnamUsd"/>, <see cref="GeScenarioRun.Welfare"/>, <see cref="GeScenarioRun.ToTable"/>.</returns>
    /// <exception cref="Models.ConvergenceException">The solver did not converge.</exception>
    public GeScenarioRun RunGeneralEquilibrium(Scenario scenario, DateOnly date, GeOptions? options = null) =>
        GeScenarioModel.Run(_icio.Value, Baseline, scenario, date, options, Library);

    /// <summary>
    /// Runs a scenario through the Ignatenko et al. (2025) model (194 countries, one sector, bundled replication data):
    /// its US tariffs on the date, aggregated to one rate per exporter by <see cref="IgnatenkoScenarioModel.AggregationRule"/>.
    /// </summary>
    /// <param name="scenario">The scenario (commitments and Vietnam's concessions are not part of the shock; see <see cref="IgnatenkoScenarioRun.Omitted"/>).</param>
    /// <param name="date">The date whose rates apply.</param>
    /// <param name="revenueUse">How US tariff revenue is used (default: income-tax relief, the paper's case 1).</param>
    /// <returns>The run: <see cref="IgnatenkoScenarioRun.Result"/>, <see cref="IgnatenkoScenarioRun.UsTariffOn"/>, <see cref="IgnatenkoScenarioRun.AggregationRule"/>.</returns>
    /// <exception cref="Models.ConvergenceException">The solver did not converge.</exception>
    public IgnatenkoScenarioRun RunIgnatenko(Scenario scenario, DateOnly date, RevenueUse revenueUse = RevenueUse.IncomeTaxRelief) =>
        IgnatenkoScenarioModel.Run(_ignatenko.Value, Baseline, scenario, date, revenueUse, library: Library);

    /// <summary>Projects a scenario month by month with Monte Carlo bands (<see cref="ProjectionModel"/> with its default options and the observed months).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="settings">Draws, seed, as-of month and horizon (default <c>new ProjectionSettings()</c>).</param>
    /// <returns>The bands: <c>Annual(2026).BalanceUsd.P50</c>.</returns>
    /// <exception cref="ArgumentException">Invalid settings (named).</exception>
    public ProjectionBands Project(Scenario scenario, ProjectionSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        settings ??= new ProjectionSettings();
        var observed = settings.UseObservedData ? _observed.Value : null;
        var asOf = observed is null ? null : settings.AsOf ?? observed.LatestImportMonth;
        var model = ProjectionModel.Create(Baseline, scenario, new ProjectionOptions(Horizon: settings.Horizon, AsOf: asOf), Library, observed);
        var result = model.MonteCarlo(new MonteCarloOptions(settings.Draws, settings.Seed, settings.WithUncertainty ? UncertaintySpec.Default : UncertaintySpec.None, settings.MaxDegreeOfParallelism));
        return new ProjectionBands(scenario.Name, result);
    }
}
