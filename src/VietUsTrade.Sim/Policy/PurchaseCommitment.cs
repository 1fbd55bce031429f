using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>
/// A commitment by Vietnam to buy US goods (farm MOUs, aircraft orders, energy MOUs) with its uncertainty.
/// </summary>
/// <remarks>
/// US exports <b>to Vietnam</b> rise by amount × fulfilment × the share of the period (by <see cref="PhaseIn"/>)
/// between two dates: every purchase counts in the bilateral balance. <b>Total</b> US exports rise only by the
/// additional part, × additionality, because the rest is sales diverted from other destinations (a Boeing
/// delivery slot sold to Vietnam is not sold elsewhere; soybean meal shipped to Vietnam is not shipped to another
/// buyer). Fulfilment is uncertain: the US–China Phase One deal reached about 58% of the committed total (Bown,
/// PIIE 2022). Immutable.
/// </remarks>
public sealed class PurchaseCommitment
{
    /// <summary>The largest amount a commitment may have: US$ 10 trillion, about five years of all US goods exports (≈ US$ 2.1 trillion in 2024).</summary>
    internal const double MaxAmountUsd = 1e13;

    /// <summary>Creates a commitment, validating every field.</summary>
    /// <param name="id">Unique id (kebab-case).</param>
    /// <param name="name">Readable name.</param>
    /// <param name="products">US export codes covered (HS prefixes; 8800000000 for civilian aircraft).</param>
    /// <param name="amountUsd">Committed amount over the period, US dollars (list prices for aircraft).</param>
    /// <param name="start">First day of the period.</param>
    /// <param name="end">First day after the period.</param>
    /// <param name="phaseIn">How the amount is spread.</param>
    /// <param name="fulfilment">Central fulfilment rate in [0, 1].</param>
    /// <param name="fulfilmentLow">Low end of its range.</param>
    /// <param name="fulfilmentHigh">High end of its range.</param>
    /// <param name="additionality">Central additionality in [0, 1].</param>
    /// <param name="additionalityLow">Low end.</param>
    /// <param name="additionalityHigh">High end.</param>
    /// <param name="source">Where the facts come from.</param>
    /// <exception cref="ScenarioValidationException">A field is invalid (named with its value).</exception>
    internal PurchaseCommitment(string id, string name, IReadOnlyList<HtsCode> products, double amountUsd, DateOnly start, DateOnly end, PhaseIn phaseIn,
        double fulfilment, double fulfilmentLow, double fulfilmentHigh, double additionality, double additionalityLow, double additionalityHigh, string source)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ScenarioValidationException("id", id ?? "null", "a commitment needs an id");
        }

        ArgumentNullException.ThrowIfNull(products);
        if (products.Count == 0)
        {
            throw new ScenarioValidationException("products", "[]", "a commitment needs at least one product code");
        }

        for (var i = 0; i < products.Count; i++)
        {
            if (products[i].IsDefault)
            {
                throw new ScenarioValidationException($"products[{i}]", "default", "an HTS code must be created with HtsCode.Parse (default(HtsCode) holds no code)");
            }
        }

        if (!double.IsFinite(amountUsd) || amountUsd < 0 || amountUsd > MaxAmountUsd)
        {
            throw new ScenarioValidationException("amount_usd", amountUsd, "must be a finite amount from 0 to 1e13 US dollars (about five years of all US goods exports)");
        }

        if (end <= start)
        {
            throw new ScenarioValidationException("end", end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"ends on or before it starts ({start:yyyy-MM-dd})");
        }

        CheckRange("fulfilment", fulfilment, fulfilmentLow, fulfilmentHigh);
        CheckRange("additionality", additionality, additionalityLow, additionalityHigh);
        Id = id;
        Name = name ?? id;
        Products = products.ToArray();
        AmountUsd = amountUsd;
        Start = start;
        End = end;
        PhaseIn = phaseIn;
        Fulfilment = fulfilment;
        FulfilmentLow = fulfilmentLow;
        FulfilmentHigh = fulfilmentHigh;
        Additionality = additionality;
        AdditionalityLow = additionalityLow;
        AdditionalityHigh = additionalityHigh;
        Source = source ?? string.Empty;
    }

    /// <summary>Unique id.</summary>
    public string Id { get; }

    /// <summary>Readable name.</summary>
    internal string Name { get; }

    /// <summary>US export codes covered.</summary>
    public IReadOnlyList<HtsCode> Products { get; }

    /// <summary>Committed amount over the period, US dollars.</summary>
    internal double AmountUsd { get; }

    /// <summary>First day of the period.</summary>
    internal DateOnly Start { get; }

    /// <summary>First day after the period.</summary>
    internal DateOnly End { get; }

    /// <summary>Spread over the period.</summary>
    internal PhaseIn PhaseIn { get; }

    /// <summary>Central fulfilment rate.</summary>
    internal double Fulfilment { get; }

    /// <summary>Low fulfilment.</summary>
    internal double FulfilmentLow { get; }

    /// <summary>High fulfilment.</summary>
    internal double FulfilmentHigh { get; }

    /// <summary>Central additionality.</summary>
    internal double Additionality { get; }

    /// <summary>Low additionality.</summary>
    internal double AdditionalityLow { get; }

    /// <summary>High additionality.</summary>
    internal double AdditionalityHigh { get; }

    /// <summary>Source.</summary>
    internal string Source { get; }

    /// <summary>
    /// The HS headings (or chapters) observed exports of this commitment are summed over: each code cut to at most four
    /// digits (LNG 2711.11 is widened to 2711), trailing zeros of chapter-level codes dropped (8800 → 88).
    /// </summary>
    internal string[] ObservedHeadings() => Products.Select(p => Cut(p.Digits)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    private static string Cut(string digits)
    {
        var d = digits.Length > 4 ? digits[..4] : digits;
        while (d.Length > 2 && d.EndsWith("00", StringComparison.Ordinal))
        {
            d = d[..^2];
        }

        return d;
    }

    /// <summary>The share of the committed amount that falls in [from, to) under the phase-in profile (0–1).</summary>
    /// <param name="from">Start of the window.</param>
    /// <param name="to">End of the window (exclusive).</param>
    /// <returns>The share.</returns>
    public double ShareIn(DateOnly from, DateOnly to)
    {
        var a = Math.Max(from.DayNumber, Start.DayNumber);
        var b = Math.Min(to.DayNumber, End.DayNumber);
        if (b <= a)
        {
            return 0;
        }

        double length = End.DayNumber - Start.DayNumber;
        var x0 = (a - Start.DayNumber) / length;
        var x1 = (b - Start.DayNumber) / length;
        return PhaseIn switch
        {
            PhaseIn.Even => x1 - x0,
            _ => (x1 * x1) - (x0 * x0), // density 2x on [0,1]
        };
    }

    /// <summary>US exports to Vietnam the commitment brings in [from, to): amount × fulfilment × share of the period.</summary>
    /// <param name="from">Start.</param>
    /// <param name="to">End (exclusive).</param>
    /// <param name="fulfilment">Fulfilment to use (default: the central value).</param>
    /// <returns>US dollars.</returns>
    internal double BilateralExportsUsd(DateOnly from, DateOnly to, double? fulfilment = null) =>
        AmountUsd * (fulfilment ?? Fulfilment) * ShareIn(from, to);

    /// <summary>The increase of total US exports in [from, to): amount × fulfilment × additionality × share of the period.</summary>
    /// <param name="from">Start.</param>
    /// <param name="to">End (exclusive).</param>
    /// <param name="fulfilment">Fulfilment to use (default: the central value).</param>
    /// <param name="additionality">Additionality to use (default: the central value).</param>
    /// <returns>US dollars.</returns>
    internal double AdditionalTotalExportsUsd(DateOnly from, DateOnly to, double? fulfilment = null, double? additionality = null) =>
        BilateralExportsUsd(from, to, fulfilment) * (additionality ?? Additionality);

    private static void CheckRange(string field, double central, double low, double high)
    {
        foreach (var (n, v) in new[] { (field, central), ($"{field}_low", low), ($"{field}_high", high) })
        {
            if (!double.IsFinite(v) || v is < 0 or > 1)
            {
                throw new ScenarioValidationException(n, v, "must be in [0, 1]");
            }
        }

        if (!(low <= central && central <= high))
        {
            throw new ScenarioValidationException(field, central, $"must lie between {field}_low ({low}) and {field}_high ({high})");
        }
    }
}
