using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Data;

/// <summary>The US MFN (column 1 general) rate of an HTS8 line.</summary>
/// <param name="Hts8">The 8-digit tariff line.</param>
/// <param name="RateType">free, ad_valorem, specific, compound, free_conditional or other (as parsed from the HTSUS text).</param>
/// <param name="AdValorem">The ad valorem part as a fraction (0 for free and pure specific rates), or null when the text has none ("other").</param>
/// <param name="Text">The rate text verbatim, e.g. "6.5%" or "0.9¢/kg + 4%".</param>
/// <remarks>Source: USITC, HTSUS 2025 Basic Edition (column 1 text unchanged through 2026 Rev 10); used as the 2024 MFN by assumption.</remarks>
/// <remarks>The ad valorem part is checked when set (constructor and <c>with</c> alike): null, or a finite fraction from 0 to 10 (1,000 %; the
/// highest column 1 rate of the HTSUS is 350 %).</remarks>
internal sealed record MfnRate(HtsCode Hts8, string RateType, double? AdValorem, string Text)
{
    /// <summary>The ad valorem part as a fraction, or null (checked when set: finite, 0 to 10).</summary>
    public double? AdValorem { get; init => field = Checked(value); } = Checked(AdValorem);

    private static double? Checked(double? rate) =>
        FieldRule.Check(rate, rate is null or (>= 0 and <= 10), nameof(AdValorem), "must be null or a finite fraction from 0 to 10 (1,000 %)");
}
