using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Data;

/// <summary>US imports of one product from one supplier in the baseline year.</summary>
/// <param name="Partner">The supplier.</param>
/// <param name="ValueUsd">Imports for consumption, customs value (transaction value excluding US duties, freight and insurance), US dollars.</param>
/// <param name="DutyUsd">Calculated duty (Census estimate, including Chapter 99 additional duties in force), US dollars.</param>
public readonly record struct SupplierFlow(Partner Partner, double ValueUsd, double DutyUsd)
{
    /// <summary>Imports for consumption, US dollars: finite, in [0, <see cref="ValueRanges.MaxTradeUsd"/>] (checked when set).</summary>
    public double ValueUsd { get; init => field = FieldRule.Usd(value, nameof(ValueUsd)); } = FieldRule.Usd(ValueUsd, nameof(ValueUsd));

    /// <summary>Calculated duty, US dollars: finite, in [0, <see cref="ValueRanges.MaxTradeUsd"/>] (checked when set).</summary>
    public double DutyUsd { get; init => field = FieldRule.Usd(value, nameof(DutyUsd)); } = FieldRule.Usd(DutyUsd, nameof(DutyUsd));

    /// <summary>The applied ad valorem rate duty / value as a fraction (0 when the value is 0).</summary>
    public double AppliedRate => ValueUsd > 0 ? DutyUsd / ValueUsd : 0.0;
}

/// <summary>The US MFN (column 1 general) rate of an HTS8 line.</summary>
/// <param name="Hts8">The 8-digit tariff line.</param>
/// <param name="RateType">free, ad_valorem, specific, compound, free_conditional or other (as parsed from the HTSUS text).</param>
/// <param name="AdValorem">The ad valorem part as a fraction (0 for free and pure specific rates), or null when the text has none ("other").</param>
/// <param name="Text">The rate text verbatim, e.g. "6.5%" or "0.9¢/kg + 4%".</param>
/// <remarks>Source: USITC, HTSUS 2025 Basic Edition (column 1 text unchanged through 2026 Rev 10); used as the 2024 MFN by assumption.</remarks>
public sealed record MfnRate(HtsCode Hts8, string RateType, double? AdValorem, string Text);

/// <summary>One HTS10 product line of US imports from Vietnam in the baseline year, with every supplier of it.</summary>
/// <remarks>
/// Concept: US imports for consumption, customs value, calendar 2024 (U.S. Census Bureau, International Trade API,
/// via tradewartracker/trade-war-redux-2025). <see cref="Suppliers"/> lists Vietnam first, then the other partners
/// with HTS10 detail in Census code order, then the rest-of-world residual (the chapter's residual allocated in
/// proportion to the line's imports from the detailed partners; see docs/data.md). Only suppliers with a positive
/// value are listed. Immutable and thread-safe.
/// </remarks>
public sealed class ImportLine
{
    internal ImportLine(HtsCode code, string description, SupplierFlow[] suppliers, Elasticity sigma, Elasticity epsilon,
        Elasticity? sigmaHauk, MfnRate? mfn, string? naics, string? gtapSector)
    {
        Code = code;
        Description = description;
        SuppliersArray = suppliers;
        Sigma = sigma;
        Epsilon = epsilon;
        SigmaHauk = sigmaHauk;
        Mfn = mfn;
        Naics = naics;
        GtapSector = gtapSector;
        double wv = 0, wd = 0;
        foreach (var s in suppliers)
        {
            wv += s.ValueUsd;
            wd += s.DutyUsd;
        }

        WorldValueUsd = wv;
        WorldDutyUsd = wd;
    }

    internal SupplierFlow[] SuppliersArray { get; }

    /// <summary>The 10-digit HTS code.</summary>
    public HtsCode Code { get; }

    /// <summary>The HS chapter (1–99).</summary>
    public int Chapter => Code.Chapter;

    /// <summary>The Census short description of the code.</summary>
    public string Description { get; }

    /// <summary>Suppliers of the line: Vietnam first (also when its value is 0), then other partners, then the rest of the world.</summary>
    public IReadOnlyList<SupplierFlow> Suppliers => SuppliersArray;

    /// <summary>Vietnam's flow on this line.</summary>
    public SupplierFlow Vietnam => SuppliersArray[0];

    /// <summary>US imports of the line from all suppliers (detailed partners + rest-of-world residual), US dollars.</summary>
    public double WorldValueUsd { get; }

    /// <summary>Calculated duty on the line from all suppliers, US dollars.</summary>
    public double WorldDutyUsd { get; }

    /// <summary>Vietnam's share of US imports of the line (0 when the line has no imports).</summary>
    public double VietnamShare => WorldValueUsd > 0 ? Vietnam.ValueUsd / WorldValueUsd : 0.0;

    /// <summary>Elasticity of substitution between suppliers (Broda–Weinstein with fallbacks; capped, see docs/data.md).</summary>
    public Elasticity Sigma { get; }

    /// <summary>Import demand elasticity of the line's import composite (Hauk 2012 with fallbacks).</summary>
    public Elasticity Epsilon { get; }

    /// <summary>Alternative elasticity of substitution from Hauk (2012) with its standard error, where a valid estimate (σ &gt; 1) matches; otherwise null.</summary>
    public Elasticity? SigmaHauk { get; }

    /// <summary>The US MFN rate of the line's HTS8, or null when the line has no HTS8 in the 2025 schedule (e.g. chapter 99).</summary>
    public MfnRate? Mfn { get; }

    /// <summary>The NAICS code of the line (Census import concordance, 2022 vintage), or null when not listed.</summary>
    public string? Naics { get; }

    /// <summary>The GTAP v11 sector code (Budget Lab crosswalk), or null (chapters 98/99).</summary>
    public string? GtapSector { get; }

    /// <summary>The share of each supplier in the line's imports; the shares sum to one when the line has imports.</summary>
    /// <returns>One share per entry of <see cref="Suppliers"/>.</returns>
    public double[] SupplierShares()
    {
        var shares = new double[SuppliersArray.Length];
        if (WorldValueUsd <= 0)
        {
            return shares;
        }

        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = SuppliersArray[i].ValueUsd / WorldValueUsd;
        }

        return shares;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Code.ToDottedString()} {Description}";
}

/// <summary>US exports to Vietnam of one HS6 subheading (or the Census aircraft code) in the baseline year.</summary>
/// <param name="Code">The HS6 code (Schedule B codes joined at 6 digits), or 8800000000 (civilian aircraft, engines and parts; a Census export-only code kept as its own line).</param>
/// <param name="Description">HS 2022 subheading text, or the Census Schedule B description for 8800000000.</param>
/// <param name="Value2024Usd">Total exports (domestic + foreign), FAS value at the US port, calendar 2024, US dollars.</param>
/// <param name="Value2023Usd">The same for calendar 2023.</param>
public sealed record ExportLine(HtsCode Code, string Description, double Value2024Usd, double Value2023Usd)
{
    /// <summary>Exports in 2024, US dollars: finite, in [0, <see cref="ValueRanges.MaxTradeUsd"/>] (checked when set).</summary>
    public double Value2024Usd { get; init => field = FieldRule.Usd(value, nameof(Value2024Usd)); } = FieldRule.Usd(Value2024Usd, nameof(Value2024Usd));

    /// <summary>Exports in 2023, US dollars: finite, in [0, <see cref="ValueRanges.MaxTradeUsd"/>] (checked when set).</summary>
    public double Value2023Usd { get; init => field = FieldRule.Usd(value, nameof(Value2023Usd)); } = FieldRule.Usd(Value2023Usd, nameof(Value2023Usd));

    /// <summary>The HS chapter.</summary>
    public int Chapter => Code.Chapter;
}

/// <summary>US imports of one HS chapter in the baseline year: all partners and Vietnam.</summary>
/// <param name="Chapter">The HS chapter, 1–99.</param>
/// <param name="Name">Short English name (Budget Lab list).</param>
/// <param name="WorldValueUsd">Imports for consumption from all partners (Census HS2 file, sum over every country code except the EU aggregate), US dollars.</param>
/// <param name="WorldDutyUsd">Calculated duty from all partners.</param>
/// <param name="VietnamValueUsd">Imports from Vietnam.</param>
/// <param name="VietnamDutyUsd">Duty on imports from Vietnam.</param>
/// <param name="RestOfWorldValueUsd">The residual: world minus the 50 detailed partners (allocated to lines as the rest-of-world supplier).</param>
public sealed record ChapterTotals(int Chapter, string Name, double WorldValueUsd, double WorldDutyUsd, double VietnamValueUsd, double VietnamDutyUsd, double RestOfWorldValueUsd)
{
    /// <summary>Vietnam's share of US imports of the chapter.</summary>
    public double VietnamShare => WorldValueUsd > 0 ? VietnamValueUsd / WorldValueUsd : 0.0;
}

/// <summary>One month of a trade series.</summary>
/// <param name="Month">The first day of the month.</param>
/// <param name="ValueUsd">Value in US dollars (imports for consumption, customs value; or exports, FAS).</param>
/// <param name="DutyUsd">Calculated duty in US dollars (0 for exports).</param>
public readonly record struct MonthlyPoint(DateOnly Month, double ValueUsd, double DutyUsd)
{
    /// <summary>Value in US dollars: finite, in [0, <see cref="ValueRanges.MaxTradeUsd"/>] (checked when set).</summary>
    public double ValueUsd { get; init => field = FieldRule.Usd(value, nameof(ValueUsd)); } = FieldRule.Usd(ValueUsd, nameof(ValueUsd));

    /// <summary>Calculated duty in US dollars: finite, in [0, <see cref="ValueRanges.MaxTradeUsd"/>] (checked when set).</summary>
    public double DutyUsd { get; init => field = FieldRule.Usd(value, nameof(DutyUsd)); } = FieldRule.Usd(DutyUsd, nameof(DutyUsd));
}

/// <summary>A monthly series with a label, e.g. US imports from Vietnam of NAICS 334.</summary>
/// <param name="Key">A stable key, e.g. "imports/VIETNAM/334", "imports/TOTAL FOR ALL COUNTRIES/00" or "exports/VIETNAM/total".</param>
/// <param name="Description">What the series is.</param>
/// <param name="Points">The months in order.</param>
public sealed record MonthlySeries(string Key, string Description, IReadOnlyList<MonthlyPoint> Points);

/// <summary>Provenance of one raw file used to build the dataset.</summary>
/// <param name="File">Path relative to shared/data/raw.</param>
/// <param name="Sha256">SHA-256 of the file's bytes (lower-case hex).</param>
/// <param name="RowsRead">Data rows read.</param>
/// <param name="RowsKept">Rows that entered the dataset.</param>
/// <param name="Rejections">Rows not kept, by reason (reason → count); their sum is RowsRead − RowsKept.</param>
public sealed record SourceFileInfo(string File, string Sha256, int RowsRead, int RowsKept, IReadOnlyDictionary<string, int> Rejections);
