using VietUsTrade.Sim.Models.GeneralEquilibrium;
using VietUsTrade.Sim.Policy;

namespace VietUsTrade.Sim;

/// <summary>
/// The named scenarios by name (<see cref="Simulator.Presets"/>): every policy preset runs in the PE model, the ICIO GE
/// model (aggregated by <see cref="GeScenarioModel.AggregationRule"/>) and the projection. Immutable; thread-safe.
/// </summary>
public sealed class PresetCatalog
{
    /// <summary>The model names of <see cref="ModelsOf"/>.</summary>
    public const string PartialEquilibrium = "pe";

    /// <summary>The ICIO structural gravity model.</summary>
    internal const string GeneralEquilibriumIcio = "ge-icio";

    /// <summary>The monthly projection (Monte Carlo).</summary>
    public const string Projection = "projection";

    internal PresetCatalog()
    {
    }

    /// <summary>The policy presets (scenarios for every model), in the order of <see cref="Policy.Presets.Names"/>.</summary>
    public IReadOnlyList<string> Names { get; } = Policy.Presets.Names;

    /// <summary>The stylized GE presets that are not policy scenarios (uniform additional rates by country, <see cref="GePresets"/>): they run in the ICIO model only.</summary>
    public static IReadOnlyList<string> GeOnlyNames { get; } = [.. GePresets.Names.Where(n => !Policy.Presets.Names.Contains(n))];

    /// <summary>A policy preset by name (case-insensitive).</summary>
    /// <param name="name">A name from <see cref="Names"/>.</param>
    /// <returns>The scenario (a new immutable object per call).</returns>
    /// <exception cref="KeyNotFoundException">Unknown name; the message lists the known names.</exception>
    public Scenario this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            return Policy.Presets.Get(Names.FirstOrDefault(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase)) ?? name);
        }
    }

    /// <summary>The models a preset runs in: <see cref="PartialEquilibrium"/>, <see cref="GeneralEquilibriumIcio"/> and <see cref="Projection"/> for a policy preset, <see cref="GeneralEquilibriumIcio"/> only for a stylized GE preset.</summary>
    /// <param name="name">A preset name (case-insensitive).</param>
    /// <returns>The model names.</returns>
    /// <exception cref="KeyNotFoundException">Unknown name.</exception>
    public static IReadOnlyList<string> ModelsOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Policy.Presets.Names.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return [PartialEquilibrium, GeneralEquilibriumIcio, Projection];
        }

        return GePresets.Names.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase)
            ? [GeneralEquilibriumIcio]
            : throw new KeyNotFoundException($"Unknown preset '{name}'. Known presets: {string.Join(", ", Policy.Presets.Names.Concat(GePresets.Names).Distinct())}.");
    }
}
