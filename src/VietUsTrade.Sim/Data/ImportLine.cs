using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Data;

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
    internal int Chapter => Code.Chapter;

    /// <summary>The Census short description of the code.</summary>
    public string Description { get; }

    /// <summary>Suppliers of the line: Vietnam first (also when its value is 0), then other partners, then the rest of the world.</summary>
    internal IReadOnlyList<SupplierFlow> Suppliers => SuppliersArray;

    /// <summary>Vietnam's flow on this line.</summary>
    internal SupplierFlow Vietnam => SuppliersArray[0];

    /// <summary>US imports of the line from all suppliers (detailed partners + rest-of-world residual), US dollars.</summary>
    internal double WorldValueUsd { get; }

    /// <summary>Calculated duty on the line from all suppliers, US dollars.</summary>
    internal double WorldDutyUsd { get; }

    /// <summary>Vietnam's share of US imports of the line (0 when the line has no imports).</summary>
    internal double VietnamShare => WorldValueUsd > 0 ? Vietnam.ValueUsd / WorldValueUsd : 0.0;

    /// <summary>Elasticity of substitution between suppliers (Broda–Weinstein with fallbacks; capped, see docs/data.md).</summary>
    public Elasticity Sigma { get; }

    /// <summary>Import demand elasticity of the line's import composite (Hauk 2012 with fallbacks).</summary>
    internal Elasticity Epsilon { get; }

    /// <summary>Alternative elasticity of substitution from Hauk (2012) with its standard error, where a valid estimate (σ &gt; 1) matches; otherwise null.</summary>
    internal Elasticity? SigmaHauk { get; }

    /// <summary>The US MFN rate of the line's HTS8, or null when the line has no HTS8 in the 2025 schedule (e.g. chapter 99).</summary>
    internal MfnRate? Mfn { get; }

    /// <summary>The NAICS code of the line (Census import concordance, 2022 vintage), or null when not listed.</summary>
    internal string? Naics { get; }

    /// <summary>The GTAP v11 sector code (Budget Lab crosswalk), or null (chapters 98/99).</summary>
    internal string? GtapSector { get; }

    /// <summary>The share of each supplier in the line's imports; the shares sum to one when the line has imports.</summary>
    /// <returns>One share per entry of <see cref="Suppliers"/>.</returns>
    internal double[] SupplierShares()
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
