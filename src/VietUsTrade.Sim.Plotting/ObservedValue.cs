namespace VietUsTrade.Sim.Plotting;

/// <summary>An observed value of one period before a projection (e.g. the balance of a past calendar year), drawn as a point.</summary>
/// <param name="Period">The period's date (the same day of the period as the projected periods, e.g. 1 July for years).</param>
/// <param name="ValueUsd">The observed value, USD.</param>
public sealed record ObservedValue(DateOnly Period, double ValueUsd);
