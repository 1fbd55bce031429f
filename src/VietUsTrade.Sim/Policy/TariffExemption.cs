namespace VietUsTrade.Sim.Policy;

/// <summary>An exemption that keeps a measure off a line on a date (see <see cref="LineTariff.Exemptions"/>).</summary>
public sealed class TariffExemption
{
    /// <summary>The measure exempted from.</summary>
    public string MeasureId { get; }

    internal string MeasureName { get; }

    /// <summary>The exemption list (or "exempt_codes of the measure").</summary>
    public string List { get; }

    /// <summary>The list's legal source.</summary>
    public string Source { get; }

    internal TariffExemption(string MeasureId, string MeasureName, string List, string Source)
    {
        this.MeasureId = MeasureId;
        this.MeasureName = MeasureName;
        this.List = List;
        this.Source = Source;
    }
}
