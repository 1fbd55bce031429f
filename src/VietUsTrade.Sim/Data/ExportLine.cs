using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Data;

/// <summary>US exports to Vietnam of one HS6 subheading (or the Census aircraft code) in the baseline year.</summary>
/// <param name="Code">The HS6 code (Schedule B codes joined at 6 digits), or 8800000000 (civilian aircraft, engines and parts; a Census export-only code kept as its own line).</param>
/// <param name="Description">HS 2022 subheading text, or the Census Schedule B description for 8800000000.</param>
/// <param name="Value2024Usd">Total exports (domestic + foreign), FAS value at the US port, calendar 2024, US dollars.</param>
/// <param name="Value2023Usd">The same for calendar 2023.</param>
internal sealed record ExportLine(HtsCode Code, string Description, double Value2024Usd, double Value2023Usd)
{
    /// <summary>Exports in 2024, US dollars: finite, in [0, <see cref="ValueRanges.MaxTradeUsd"/>] (checked when set).</summary>
    public double Value2024Usd { get; init => field = FieldRule.Usd(value, nameof(Value2024Usd)); } = FieldRule.Usd(Value2024Usd, nameof(Value2024Usd));

    /// <summary>Exports in 2023, US dollars: finite, in [0, <see cref="ValueRanges.MaxTradeUsd"/>] (checked when set).</summary>
    public double Value2023Usd { get; init => field = FieldRule.Usd(value, nameof(Value2023Usd)); } = FieldRule.Usd(Value2023Usd, nameof(Value2023Usd));

    /// <summary>The HS chapter.</summary>
    public int Chapter => Code.Chapter;
}
