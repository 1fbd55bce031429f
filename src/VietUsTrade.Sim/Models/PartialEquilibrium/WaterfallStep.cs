namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>One bar of a waterfall: a named change in US dollars.</summary>
public sealed class WaterfallStep
{
    /// <summary>Bar label.</summary>
    public string Label { get; }

    /// <summary>The change, USD (positive = the US balance improves, i.e. the deficit shrinks).</summary>
    public double ValueUsd { get; }

    internal WaterfallStep(string Label, double ValueUsd)
    {
        this.Label = Label;
        this.ValueUsd = ValueUsd;
    }
}
