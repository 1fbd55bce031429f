namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>One bar of a waterfall: a named change in US dollars.</summary>
/// <param name="Label">Bar label.</param>
/// <param name="ValueUsd">The change, USD (positive = the US balance improves, i.e. the deficit shrinks).</param>
public sealed record WaterfallStep(string Label, double ValueUsd);
