namespace VietUsTrade.Sim.Data;

/// <summary>An elasticity value attached to a product line, with its provenance.</summary>
/// <param name="Value">The value used by the models: a positive magnitude (after any documented cap).</param>
/// <param name="RawValue">The value as published (before the cap); equals <paramref name="Value"/> when no cap applied.</param>
/// <param name="StandardError">The standard error of the estimate where the source gives one (Hauk 2012), otherwise null.</param>
/// <param name="Source">The publication the number comes from.</param>
/// <param name="Level">The fallback level that gave the value.</param>
/// <param name="SourceCode">The code in the source's nomenclature that matched (e.g. the HS 1992 subheading), or the chapter for a chapter median.</param>
/// <remarks>Elasticities are positive magnitudes: a tariff increase lowers quantities (sign convention of docs/data.md).</remarks>
public sealed record Elasticity(double Value, double RawValue, double? StandardError, ElasticitySource Source, MatchLevel Level, string SourceCode)
{
    /// <summary>The code in the source's nomenclature that matched (e.g. the HS 1992 subheading), or the chapter for a chapter median.</summary>
    public string SourceCode { get; internal init; } = SourceCode;

    // Checked when set (constructor and `with` alike); ranges in docs/input-limits.md.

    /// <summary>The value used by the models: finite, in [0, 1,000].</summary>
    public double Value { get; internal init => field = Magnitude(value, nameof(Value)); } = Magnitude(Value, nameof(Value));

    /// <summary>The value as published (before the cap): finite.</summary>
    public double RawValue { get; internal init => field = Published(value); } = Published(RawValue);

    /// <summary>The standard error where the source gives one: finite and ≥ 0, or null.</summary>
    internal double? StandardError { get; init => field = Error(value); } = Error(StandardError);

    /// <summary>The publication the number comes from (a defined <see cref="ElasticitySource"/>).</summary>
    internal ElasticitySource Source { get; init => field = FieldRule.Check(value, Enum.IsDefined(value), nameof(Source), "is not a defined source"); } = FieldRule.Check(Source, Enum.IsDefined(Source), nameof(Source), "is not a defined source");

    /// <summary>The fallback level that gave the value (a defined <see cref="MatchLevel"/>).</summary>
    public MatchLevel Level { get; internal init => field = FieldRule.Check(value, Enum.IsDefined(value), nameof(Level), "is not a defined match level"); } = FieldRule.Check(Level, Enum.IsDefined(Level), nameof(Level), "is not a defined match level");

    private static double Magnitude(double v, string field) => FieldRule.Check(v, v is >= 0 and <= ValueRanges.MaxElasticity, field, "must be a finite magnitude in [0, 1000]");

    private static double Published(double v) => FieldRule.Check(v, double.IsFinite(v), nameof(RawValue), "must be finite");

    private static double? Error(double? v) => FieldRule.Check(v, v is null or (>= 0 and <= double.MaxValue), nameof(StandardError), "must be finite and ≥ 0, or null");

    /// <summary>True when the documented cap lowered the published value.</summary>
    internal bool IsCapped => Value < RawValue;
}
