using System.Globalization;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>
/// One dated tariff measure: a rate on the goods of some suppliers, on some products, with exemptions, in force on
/// [<see cref="From"/>, <see cref="Until"/>).
/// </summary>
/// <remarks>
/// <para><b>Stacking</b> (applied by <see cref="TariffSchedule"/>): every layer adds to the line's 2024 applied rate
/// (Census calculated duty / customs value; it contains MFN and any duty already in force in 2024, e.g. Section 301
/// on China). Section 232 measures covering a line: the highest rate × <see cref="ShareOfGoods"/> applies, where
/// the share is 1 for duties on full value and the metal content share for derivatives; the reciprocal,
/// transshipment, Section 122 and Section 301 layers then reach only the remaining (1 − share) of the value
/// (EO 14257 §3(b); Section 122 proclamation ¶4; proposed Section 301 Annex A). Fentanyl and additional duties stack on everything. A transshipment measure of
/// rate p on share s of a supplier's goods adds s·(p − r) where the reciprocal rate r applies. A floor measure
/// (<see cref="IsFloor"/>, the EU/Japan "15% all-in") adds max(0, rate − 2024 applied rate).</para>
/// <para>A measure with no product coverage covers every product except chapters 98 and 99 (US goods returned,
/// temporary legislation), which are special classifications outside the country measures.</para>
/// <para>Rates are ad valorem fractions (0.20 = 20%). Section 232 duties are applied to the full customs value,
/// although for steel/aluminium/copper derivatives the law taxes the metal content only (an upper bound; docs/policy.md).</para>
/// </remarks>
public sealed class TariffMeasure
{
    /// <summary>Creates a measure, validating every field.</summary>
    /// <param name="id">A unique id within the scenario (kebab-case).</param>
    /// <param name="kind">The layer.</param>
    /// <param name="rate">The ad valorem rate, a fraction ≥ 0.</param>
    /// <param name="from">First day in force (entry date).</param>
    /// <param name="until">First day no longer in force; null = open-ended.</param>
    /// <param name="suppliers">Census codes of the suppliers it applies to; empty = every supplier.</param>
    /// <param name="products">HTS prefixes it covers; empty (and no product lists) = every product.</param>
    /// <param name="productLists">Names of product lists that define its coverage (e.g. "s232-autos").</param>
    /// <param name="exemptionLists">Names of exemption lists (e.g. "annex-ii").</param>
    /// <param name="exemptCodes">Extra exempt HTS prefixes.</param>
    /// <param name="shareOfGoods">Share of the suppliers' goods it applies to (transshipment share; non-USMCA share), in [0, 1].</param>
    /// <param name="isFloor">True for an "all-in" floor: adds max(0, rate − applied 2024 rate).</param>
    /// <param name="name">A readable name.</param>
    /// <param name="source">The legal instrument and where the fact is documented.</param>
    /// <param name="minimumPrice">The floor and unit value of a <see cref="MeasureKind.MinimumImportPrice"/> measure (required for that kind, not allowed for others); its <paramref name="rate"/> is then 0 or the floor's ad valorem equivalent, and <see cref="Rate"/> is the equivalent.</param>
    /// <param name="allowHighRate">Accept a rate above 10 (1,000 %) up to 100 (10,000 %): the explicit override of the JSON field <c>allow_high_rate</c>; off by default.</param>
    /// <exception cref="ScenarioValidationException">A field is invalid; the exception names the field and the value.</exception>
    public TariffMeasure(string id, MeasureKind kind, double rate, DateOnly from, DateOnly? until = null,
        IReadOnlyList<string>? suppliers = null, IReadOnlyList<HtsCode>? products = null, IReadOnlyList<string>? productLists = null,
        IReadOnlyList<string>? exemptionLists = null, IReadOnlyList<HtsCode>? exemptCodes = null, double shareOfGoods = 1.0,
        bool isFloor = false, string? name = null, string? source = null, MinimumPrice? minimumPrice = null, bool allowHighRate = false)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ScenarioValidationException("id", id ?? "null", "a measure needs an id");
        }

        if (!double.IsFinite(rate) || rate < 0)
        {
            throw new ScenarioValidationException("rate", rate, "must be a finite fraction ≥ 0 (0.20 = 20%)");
        }

        if (rate > (allowHighRate ? ValueRanges.MaxTariffRateWithOverride : ValueRanges.MaxTariffRate))
        {
            throw new ScenarioValidationException("rate", rate, allowHighRate
                ? "exceeds 10000% even with allow_high_rate: rates are fractions (0.20 = 20%)"
                : "exceeds 1000%: rates are fractions (0.20 = 20%); set allow_high_rate to accept up to 100");
        }

        if (until is { } u && u <= from)
        {
            throw new ScenarioValidationException("until", u.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"ends on or before it starts ({from:yyyy-MM-dd})");
        }

        if (!double.IsFinite(shareOfGoods) || shareOfGoods is < 0 or > 1)
        {
            throw new ScenarioValidationException("share_of_goods", shareOfGoods, "must be in [0, 1]");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ScenarioValidationException("kind", (int)kind, "unknown measure kind");
        }

        if (kind == MeasureKind.MinimumImportPrice)
        {
            if (minimumPrice is null)
            {
                throw new ScenarioValidationException("minimum_price", "null", "a minimum-import-price measure needs its floor and unit value (floor_usd_per_unit, unit_value_usd_per_unit, unit)");
            }

            if (rate != 0 && Math.Abs(rate - minimumPrice.AdValoremEquivalent) > 1e-12)
            {
                throw new ScenarioValidationException("rate", rate, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"a minimum-import-price measure's rate is its floor's ad valorem equivalent ({minimumPrice.AdValoremEquivalent:R}); give 0 or leave it out"));
            }

            if (isFloor)
            {
                throw new ScenarioValidationException("is_floor", true, "a minimum-import-price measure is a floor per unit, not an all-in ad valorem floor");
            }

            rate = minimumPrice.AdValoremEquivalent;
        }
        else if (minimumPrice is not null)
        {
            throw new ScenarioValidationException("minimum_price", minimumPrice.FloorUsdPerUnit, $"only a minimum-import-price measure has a floor per unit (kind is {MeasureKinds.Of(kind).JsonName})");
        }

        Id = id;
        Kind = kind;
        Rate = rate;
        From = from;
        Until = until;
        Suppliers = suppliers?.ToArray() ?? [];
        foreach (var s in Suppliers)
        {
            if (string.IsNullOrWhiteSpace(s))
            {
                throw new ScenarioValidationException("suppliers", s ?? "null", "empty supplier code");
            }
        }

        Products = products?.ToArray() ?? [];
        CheckCodes("products", Products);
        CheckCodes("exempt_codes", exemptCodes);
        ProductLists = productLists?.ToArray() ?? [];
        ExemptionLists = exemptionLists?.ToArray() ?? [];
        ExemptCodes = exemptCodes?.ToArray() ?? [];
        ShareOfGoods = shareOfGoods;
        IsFloor = isFloor;
        Name = name ?? id;
        Source = source ?? string.Empty;
        MinimumPrice = minimumPrice;
        AllowHighRate = allowHighRate;
    }

    /// <summary>Unique id within the scenario.</summary>
    public string Id { get; }

    private static void CheckCodes(string field, IReadOnlyList<HtsCode>? codes)
    {
        for (var i = 0; i < (codes?.Count ?? 0); i++)
        {
            if (codes![i].IsDefault)
            {
                throw new ScenarioValidationException($"{field}[{i}]", "default", "an HTS code must be created with HtsCode.Parse (default(HtsCode) holds no code and would match nothing)");
            }
        }
    }

    /// <summary>The layer.</summary>
    public MeasureKind Kind { get; }

    /// <summary>Ad valorem rate (fraction).</summary>
    public double Rate { get; }

    /// <summary>First day in force.</summary>
    public DateOnly From { get; }

    /// <summary>First day no longer in force (null = open).</summary>
    public DateOnly? Until { get; }

    /// <summary>Census codes of the suppliers covered; empty = all.</summary>
    public IReadOnlyList<string> Suppliers { get; }

    /// <summary>HTS prefixes covered; with no product lists either, empty = all products.</summary>
    public IReadOnlyList<HtsCode> Products { get; }

    /// <summary>Names of product lists that define coverage.</summary>
    public IReadOnlyList<string> ProductLists { get; }

    /// <summary>Names of exemption lists.</summary>
    public IReadOnlyList<string> ExemptionLists { get; }

    /// <summary>Extra exempt prefixes.</summary>
    internal IReadOnlyList<HtsCode> ExemptCodes { get; }

    /// <summary>Share of the suppliers' goods it applies to.</summary>
    public double ShareOfGoods { get; }

    /// <summary>True for an all-in floor.</summary>
    internal bool IsFloor { get; }

    /// <summary>Readable name.</summary>
    public string Name { get; }

    /// <summary>Legal instrument / documentation.</summary>
    internal string Source { get; }

    /// <summary>One readable line: the name, the rate (or "floor" / share of goods where they apply) and the dates in force, e.g. "IEEPA reciprocal 20% on Vietnam: 20% from 2025-08-07".</summary>
    public string Description
    {
        get
        {
            var ic = CultureInfo.InvariantCulture;
            var rate = (Rate * 100).ToString("0.##", ic) + "%" + (IsFloor ? " all-in floor" : string.Empty);
            var share = ShareOfGoods < 1 ? " on " + (ShareOfGoods * 100).ToString("0.##", ic) + "% of goods" : string.Empty;
            var until = Until is { } u ? " until " + u.ToString("yyyy-MM-dd", ic) : string.Empty;
            return $"{Name}: {rate}{share} from {From.ToString("yyyy-MM-dd", ic)}{until}";
        }
    }

    /// <summary>The floor and unit value of a minimum-import-price measure; null for every other kind.</summary>
    internal MinimumPrice? MinimumPrice { get; }

    /// <summary>True when the rate may exceed 10 (1,000 %), up to 100: the explicit override (JSON <c>allow_high_rate</c>).</summary>
    internal bool AllowHighRate { get; }

    /// <summary>The row of <see cref="Kind"/> in the kind table (JSON name, stacking rule, label).</summary>
    public MeasureKindInfo KindInfo => MeasureKinds.Of(Kind);

    /// <summary>True when in force on a date.</summary>
    /// <param name="date">The entry date.</param>
    /// <returns>From ≤ date &lt; Until.</returns>
    public bool ActiveOn(DateOnly date) => date >= From && (Until is null || date < Until);

    /// <summary>True when the measure covers a supplier.</summary>
    /// <param name="censusCode">The supplier's Census code.</param>
    /// <returns>Whether it applies to that supplier.</returns>
    public bool CoversSupplier(string censusCode) => Suppliers.Count == 0 || Suppliers.Contains(censusCode, StringComparer.Ordinal);

    /// <summary>True when the two measures are in force on a common day.</summary>
    /// <param name="other">The other measure.</param>
    /// <returns>Whether the intervals overlap.</returns>
    internal bool OverlapsInTime(TariffMeasure other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return From < (other.Until ?? DateOnly.MaxValue) && other.From < (Until ?? DateOnly.MaxValue);
    }

    /// <summary>A copy in force on a different interval.</summary>
    /// <param name="from">New start.</param>
    /// <param name="until">New end.</param>
    /// <returns>The copy.</returns>
    internal TariffMeasure WithDates(DateOnly from, DateOnly? until) =>
        new(Id, Kind, Rate, from, until, Suppliers, Products, ProductLists, ExemptionLists, ExemptCodes, ShareOfGoods, IsFloor, Name, Source, MinimumPrice, AllowHighRate);

    /// <summary>A copy with another rate.</summary>
    /// <param name="rate">New rate.</param>
    /// <returns>The copy.</returns>
    public TariffMeasure WithRate(double rate) =>
        new(Id, Kind, rate, From, Until, Suppliers, Products, ProductLists, ExemptionLists, ExemptCodes, ShareOfGoods, IsFloor, Name, Source, MinimumPrice, AllowHighRate);

    /// <summary>A copy with another share of goods.</summary>
    /// <param name="share">New share.</param>
    /// <returns>The copy.</returns>
    internal TariffMeasure WithShare(double share) =>
        new(Id, Kind, Rate, From, Until, Suppliers, Products, ProductLists, ExemptionLists, ExemptCodes, share, IsFloor, Name, Source, MinimumPrice, AllowHighRate);

    /// <summary>A copy with more exemption lists.</summary>
    /// <param name="lists">List names to add.</param>
    /// <returns>The copy.</returns>
    internal TariffMeasure WithExemptions(params string[] lists) =>
        new(Id, Kind, Rate, From, Until, Suppliers, Products, ProductLists, ExemptionLists.Concat(lists).Distinct(StringComparer.Ordinal).ToArray(), ExemptCodes, ShareOfGoods, IsFloor, Name, Source, MinimumPrice, AllowHighRate);
}
