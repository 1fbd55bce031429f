namespace VietUsTrade.Sim.Policy;

/// <summary>One row of the measure-kind table (<see cref="MeasureKinds"/>): everything the library needs to know about a kind.</summary>
public sealed class MeasureKindInfo
{
    /// <summary>The kind.</summary>
    public MeasureKind Kind { get; }

    /// <summary>Its name in scenario files (<c>"kind": "section-301"</c>).</summary>
    public string JsonName { get; }

    /// <summary>How its measures combine with the other layers.</summary>
    public StackingRule Stacking { get; }

    /// <summary>The layer's display label in tables and charts ("Section 301").</summary>
    public string Label { get; }

    /// <summary>True when two measures of the kind may cover the same supplier, products and days (Section 232: the highest applies; additional duties add up); false makes such a pair a validation error.</summary>
    public bool MayOverlap { get; }

    /// <summary>True when charts label a measure by <see cref="Label"/> and its rate ("Section 301 12.5%"); false uses the measure's own name.</summary>
    public bool RateInLabel { get; }

    /// <summary>How it applies, in one sentence (shown by <c>vietus-sim presets kinds</c> and in docs/policy.md).</summary>
    public string Rule { get; }

    internal MeasureKindInfo(MeasureKind Kind, string JsonName, StackingRule Stacking, string Label, bool MayOverlap, bool RateInLabel, string Rule)
    {
        this.Kind = Kind;
        this.JsonName = JsonName;
        this.Stacking = Stacking;
        this.Label = Label;
        this.MayOverlap = MayOverlap;
        this.RateInLabel = RateInLabel;
        this.Rule = Rule;
    }
}
