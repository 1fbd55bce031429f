namespace VietUsTrade.Sim.Policy;

/// <summary>How the measures of a kind combine with the other layers on one line and supplier (applied by <see cref="TariffSchedule"/>; rows in <see cref="MeasureKinds"/>).</summary>
public enum StackingRule
{
    /// <summary>Section 232: of the measures covering a cell the highest rate × share applies; the share of value it covers is removed from the <see cref="DisplacedBySection232"/> and <see cref="Reciprocal"/> layers.</summary>
    HighestDisplaces,

    /// <summary>The IEEPA reciprocal rate: adds rate × share × (1 − 232-covered share) and is the rate a <see cref="ReplacesReciprocal"/> measure replaces.</summary>
    Reciprocal,

    /// <summary>Adds rate × share × (1 − 232-covered share): the layer does not reach Section 232 goods (Section 122, Section 301).</summary>
    DisplacedBySection232,

    /// <summary>Replaces the reciprocal rate r on its share s of the goods: adds s·(rate − r)·(1 − 232-covered share); nothing where no reciprocal rate applies.</summary>
    ReplacesReciprocal,

    /// <summary>Adds rate × share on the full value, on top of every other layer (fentanyl, additional duties, minimum import prices).</summary>
    AddsToAll,
}
