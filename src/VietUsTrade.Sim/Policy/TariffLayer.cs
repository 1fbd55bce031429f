namespace VietUsTrade.Sim.Policy;

/// <summary>One measure's part of the rate a line pays on a date (see <see cref="TariffSchedule.TariffsOn"/>).</summary>
/// <param name="MeasureId">The measure's id in the scenario.</param>
/// <param name="Kind">Its kind (stacking class).</param>
/// <param name="Name">Its name.</param>
/// <param name="Rate">The rate it adds to the cell, as a fraction of customs value, after the stacking rules (e.g. a reciprocal rate only on the value outside Section 232 metal content).</param>
/// <param name="Source">Its legal source as the scenario gives it.</param>
/// <param name="From">First day in force.</param>
/// <param name="Until">Last day in force, or null.</param>
public sealed record TariffLayer(string MeasureId, MeasureKind Kind, string Name, double Rate, string Source, DateOnly From, DateOnly? Until);
