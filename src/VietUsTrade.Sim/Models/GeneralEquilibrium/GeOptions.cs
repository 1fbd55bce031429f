using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>Options of a general-equilibrium counterfactual.</summary>
public sealed record GeOptions
{
    /// <summary>Creates options; every argument is validated.</summary>
    /// <param name="elasticities">σ by sector.</param>
    /// <param name="closure">Imbalance closure (default additive).</param>
    /// <param name="normalization">Numeraire (default world output).</param>
    /// <param name="tariffTreatment">Iceberg (default, gegravity convention) or revenue.</param>
    /// <param name="mode">Exact (default) or gegravity-compatible.</param>
    /// <param name="tolerance">Convergence tolerance on the maximum relative market-clearing residual (default 1e-12).</param>
    /// <param name="maxIterations">Iteration cap (default 20,000).</param>
    /// <param name="damping">Step damping in (0, 1] of the fixed point (default 1).</param>
    public GeOptions(
        GeElasticities elasticities,
        GeClosure closure = GeClosure.Additive,
        GeNormalization? normalization = null,
        GeTariffTreatment tariffTreatment = GeTariffTreatment.Iceberg,
        GeSolutionMode mode = GeSolutionMode.Exact,
        double tolerance = 1e-12,
        int maxIterations = 20_000,
        double damping = 1.0)
    {
        ArgumentNullException.ThrowIfNull(elasticities);
        if (!Enum.IsDefined(closure))
        {
            throw new ArgumentOutOfRangeException(nameof(closure), closure, $"closure = {closure} is not a defined value.");
        }

        if (!Enum.IsDefined(tariffTreatment))
        {
            throw new ArgumentOutOfRangeException(nameof(tariffTreatment), tariffTreatment, $"tariffTreatment = {tariffTreatment} is not a defined value.");
        }

        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode = {mode} is not a defined value.");
        }

        if (!double.IsFinite(tolerance) || tolerance < 1e-15 || tolerance > 1e-2)
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, string.Create(CultureInfo.InvariantCulture, $"tolerance = {tolerance} must be in [1e-15, 1e-2]."));
        }

        if (maxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, string.Create(CultureInfo.InvariantCulture, $"maxIterations = {maxIterations} must be at least 1."));
        }

        if (!double.IsFinite(damping) || damping <= 0.0 || damping > 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(damping), damping, string.Create(CultureInfo.InvariantCulture, $"damping = {damping} must be in (0, 1]."));
        }

        normalization ??= GeNormalization.WorldOutput;
        if (mode == GeSolutionMode.GegravityCompatible)
        {
            if (normalization.IsWorldOutput)
            {
                throw new ArgumentException("normalization = world-output is not available in the gegravity-compatible mode: gegravity normalises on a reference importer (use ref:ISO3).", nameof(normalization));
            }

            if (closure != GeClosure.Multiplicative)
            {
                throw new ArgumentException($"closure = {closure} is not available in the gegravity-compatible mode: gegravity's expenditure is a fixed multiple of output (use Multiplicative).", nameof(closure));
            }

            if (tariffTreatment != GeTariffTreatment.Iceberg)
            {
                throw new ArgumentException($"tariffTreatment = {tariffTreatment} is not available in the gegravity-compatible mode: gegravity treats tariffs as iceberg costs.", nameof(tariffTreatment));
            }
        }

        Elasticities = elasticities;
        Closure = closure;
        Normalization = normalization;
        TariffTreatment = tariffTreatment;
        Mode = mode;
        Tolerance = tolerance;
        MaxIterations = maxIterations;
        Damping = damping;
    }

    /// <summary>σ by sector.</summary>
    public GeElasticities Elasticities { get; }

    /// <summary>Imbalance closure.</summary>
    public GeClosure Closure { get; }

    /// <summary>Numeraire.</summary>
    internal GeNormalization Normalization { get; }

    /// <summary>Tariff treatment.</summary>
    public GeTariffTreatment TariffTreatment { get; }

    /// <summary>Exact or gegravity-compatible.</summary>
    internal GeSolutionMode Mode { get; }

    /// <summary>Convergence tolerance on the maximum relative market-clearing residual.</summary>
    internal double Tolerance { get; }

    /// <summary>Iteration cap.</summary>
    public int MaxIterations { get; }

    /// <summary>Step damping of the fixed point.</summary>
    internal double Damping { get; }
}
