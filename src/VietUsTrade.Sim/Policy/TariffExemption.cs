namespace VietUsTrade.Sim.Policy;

/// <summary>An exemption that keeps a measure off a line on a date (see <see cref="LineTariff.Exemptions"/>).</summary>
/// <param name="MeasureId">The measure exempted from.</param>
/// <param name="MeasureName">Its name.</param>
/// <param name="List">The exemption list (or "exempt_codes of the measure").</param>
/// <param name="Source">The list's legal source.</param>
public sealed record TariffExemption(string MeasureId, string MeasureName, string List, string Source);
