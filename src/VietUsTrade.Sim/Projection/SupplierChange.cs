namespace VietUsTrade.Sim.Projection;

/// <summary>
/// A supplier's projected change of US imports of the bundled lines over a backtest window: the months after the
/// as-of month up to its end, against the same calendar months a year earlier, in percent.
/// </summary>
public sealed class SupplierChange
{
    /// <summary>The Census country code.</summary>
    public string CensusCode { get; }

    /// <summary>The Census name.</summary>
    public string Name { get; }

    /// <summary>Quantiles of the change, in percent.</summary>
    public Quantiles ChangePct { get; }

    internal SupplierChange(string CensusCode, string Name, Quantiles ChangePct)
    {
        this.CensusCode = CensusCode;
        this.Name = Name;
        this.ChangePct = ChangePct;
    }

    /// <summary>The ISO 3166-1 alpha-3 code, or null (EU-27, rest of world).</summary>
    public string? Iso3 => Products.Iso3Codes.Of(CensusCode);
}
