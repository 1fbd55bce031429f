namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>A counterfactual: a full tariff matrix and the use of its revenue. Immutable.</summary>
public sealed class IgnatenkoScenario
{
    /// <summary>Creates a scenario.</summary>
    /// <param name="name">A short name (not empty).</param>
    /// <param name="tariffs">The whole tariff matrix t′ (not the change).</param>
    /// <param name="revenueUse">How revenue is used.</param>
    /// <exception cref="ArgumentException">The name is empty or the revenue use is not defined.</exception>
    internal IgnatenkoScenario(string name, TariffMatrix tariffs, RevenueUse revenueUse = RevenueUse.IncomeTaxRelief)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(tariffs);
        if (!Enum.IsDefined(revenueUse))
        {
            throw new ArgumentException($"revenueUse = {(int)revenueUse} is not a defined RevenueUse.", nameof(revenueUse));
        }

        Name = name;
        Tariffs = tariffs;
        RevenueUse = revenueUse;
    }

    /// <summary>Gets the scenario's name.</summary>
    public string Name { get; }

    /// <summary>Gets the whole tariff matrix t′ (fractions).</summary>
    internal TariffMatrix Tariffs { get; }

    /// <summary>Gets how tariff revenue is used.</summary>
    internal RevenueUse RevenueUse { get; }
}
