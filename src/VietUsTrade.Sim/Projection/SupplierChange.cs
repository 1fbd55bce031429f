namespace VietUsTrade.Sim.Projection;

/// <summary>
/// A supplier's projected change of US imports of the bundled lines over a backtest window: the months after the
/// as-of month up to its end, against the same calendar months a year earlier, in percent.
/// </summary>
/// <param name="CensusCode">The Census country code.</param>
/// <param name="Name">The Census name.</param>
/// <param name="ChangePct">Quantiles of the change, in percent.</param>
public sealed record SupplierChange(string CensusCode, string Name, Quantiles ChangePct)
{
    /// <summary>The ISO 3166-1 alpha-3 code, or null (EU-27, rest of world).</summary>
    public string? Iso3 => Products.Iso3Codes.Of(CensusCode);
}
