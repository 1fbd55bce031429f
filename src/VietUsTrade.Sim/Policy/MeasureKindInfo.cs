namespace VietUsTrade.Sim.Policy;

/// <summary>One row of the measure-kind table (<see cref="MeasureKinds"/>): everything the library needs to know about a kind.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="JsonName">Its name in scenario files (<c>"kind": "section-301"</c>).</param>
/// <param name="Stacking">How its measures combine with the other layers.</param>
/// <param name="Label">The layer's display label in tables and charts ("Section 301").</param>
/// <param name="MayOverlap">True when two measures of the kind may cover the same supplier, products and days (Section 232: the highest applies; additional duties add up); false makes such a pair a validation error.</param>
/// <param name="RateInLabel">True when charts label a measure by <paramref name="Label"/> and its rate ("Section 301 12.5%"); false uses the measure's own name.</param>
/// <param name="Rule">How it applies, in one sentence (shown by <c>vietus-sim presets kinds</c> and in docs/policy.md).</param>
public sealed record MeasureKindInfo(MeasureKind Kind, string JsonName, StackingRule Stacking, string Label, bool MayOverlap, bool RateInLabel, string Rule);
