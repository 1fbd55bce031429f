namespace VietUsTrade.Sim.Products;

/// <summary>A supplier of US imports: a Census country code, the EU-27 aggregate, or the rest of the world.</summary>
/// <param name="CensusCode">The 4-digit US Census country code ("5520" Vietnam, "5700" China, "0003" EU-27, "ROW" rest of world).</param>
/// <param name="Name">The Census name, e.g. "VIETNAM".</param>
/// <param name="Imports2024Usd">US imports for consumption from this partner in calendar 2024, all products, customs value in US dollars.</param>
/// <param name="Duty2024Usd">Calculated duty on those imports in US dollars.</param>
/// <remarks>
/// The bundled baseline has 50 non-overlapping partner codes with HTS10 detail (the 27 EU members as the
/// one aggregate "0003"; Slovakia's own code 4359 is dropped because it is inside the EU-27 figure) and a
/// rest-of-world residual per HS chapter. Immutable and thread-safe.
/// </remarks>
public sealed record Partner(string CensusCode, string Name, double Imports2024Usd, double Duty2024Usd)
{
    /// <summary>The 4-digit US Census country code ("5520" Vietnam, "5700" China, "0003" EU-27, "ROW" rest of world).</summary>
    public string CensusCode { get; internal init; } = CensusCode;

    /// <summary>The Census name, e.g. "VIETNAM".</summary>
    public string Name { get; internal init; } = Name;

    /// <summary>US imports from the partner in 2024, US dollars: finite, in [0, <see cref="ValueRanges.MaxTradeUsd"/>] (checked when set).</summary>
    internal double Imports2024Usd { get; init => field = FieldRule.Usd(value, nameof(Imports2024Usd)); } = FieldRule.Usd(Imports2024Usd, nameof(Imports2024Usd));

    /// <summary>Calculated duty on those imports, US dollars: finite, in [0, <see cref="ValueRanges.MaxTradeUsd"/>] (checked when set).</summary>
    internal double Duty2024Usd { get; init => field = FieldRule.Usd(value, nameof(Duty2024Usd)); } = FieldRule.Usd(Duty2024Usd, nameof(Duty2024Usd));

    /// <summary>Census code of Vietnam.</summary>
    public const string VietnamCode = "5520";

    /// <summary>Census code of China.</summary>
    public const string ChinaCode = "5700";

    /// <summary>Census code of the EU-27 aggregate.</summary>
    internal const string EuropeanUnionCode = "0003";

    /// <summary>Code used for the rest-of-world residual (all partners without HTS10 detail).</summary>
    internal const string RestOfWorldCode = "ROW";

    /// <summary>True for Vietnam.</summary>
    public bool IsVietnam => CensusCode == VietnamCode;

    /// <summary>True for the rest-of-world residual.</summary>
    internal bool IsRestOfWorld => CensusCode == RestOfWorldCode;

    /// <summary>The ISO 3166-1 alpha-3 code ("VNM", "CHN", …), or null for the EU-27 aggregate and the rest of the world.</summary>
    public string? Iso3 => Iso3Codes.Of(CensusCode);
}
