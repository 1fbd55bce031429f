namespace VietUsTrade.Sim.Policy;

/// <summary>One measure's part of the rate a line pays on a date (see <see cref="TariffSchedule.TariffsOn"/>).</summary>
public sealed class TariffLayer
{
    /// <summary>The measure's id in the scenario.</summary>
    public string MeasureId { get; }

    /// <summary>Its kind (stacking class).</summary>
    public MeasureKind Kind { get; }

    /// <summary>Its name.</summary>
    public string Name { get; }

    /// <summary>The rate it adds to the cell, as a fraction of customs value, after the stacking rules (e.g. a reciprocal rate only on the value outside Section 232 metal content).</summary>
    public double Rate { get; }

    /// <summary>Its legal source as the scenario gives it.</summary>
    public string Source { get; }

    /// <summary>First day in force.</summary>
    public DateOnly From { get; }

    /// <summary>Last day in force, or null.</summary>
    public DateOnly? Until { get; }

    internal TariffLayer(string MeasureId, MeasureKind Kind, string Name, double Rate, string Source, DateOnly From, DateOnly? Until)
    {
        this.MeasureId = MeasureId;
        this.Kind = Kind;
        this.Name = Name;
        this.Rate = Rate;
        this.Source = Source;
        this.From = From;
        this.Until = Until;
    }
}
