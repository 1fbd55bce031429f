using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>A cut in Vietnam's tariff on US goods, acting on US exports through Vietnam's import demand.</summary>
/// <remarks>Vietnam's 2024 tariff on US goods is its MFN rate (no US–Vietnam FTA), the HS6 simple average of its national lines. Immutable.</remarks>
public sealed class MarketAccessConcession
{
    /// <summary>Creates a concession.</summary>
    /// <param name="id">Unique id.</param>
    /// <param name="kind">What it does.</param>
    /// <param name="from">First day in force.</param>
    /// <param name="rate">The new rate for <see cref="ConcessionKind.UniformRate"/> and <see cref="ConcessionKind.ListedProducts"/> (fraction ≥ 0); ignored for Decree 73.</param>
    /// <param name="products">HS prefixes for <see cref="ConcessionKind.ListedProducts"/>.</param>
    /// <param name="name">Readable name.</param>
    /// <param name="source">Source.</param>
    /// <exception cref="ScenarioValidationException">A field is invalid.</exception>
    internal MarketAccessConcession(string id, ConcessionKind kind, DateOnly from, double rate = 0, IReadOnlyList<HtsCode>? products = null, string? name = null, string? source = null)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ScenarioValidationException("id", id ?? "null", "a concession needs an id");
        }

        if (!double.IsFinite(rate) || rate < 0 || rate > 10)
        {
            throw new ScenarioValidationException("rate", rate, "must be a fraction ≥ 0");
        }

        if (kind == ConcessionKind.ListedProducts && (products is null || products.Count == 0))
        {
            throw new ScenarioValidationException("products", "[]", "listed-products concession needs product codes");
        }

        Id = id;
        Kind = kind;
        From = from;
        Rate = rate;
        Products = products?.ToArray() ?? [];
        Name = name ?? id;
        Source = source ?? string.Empty;
    }

    /// <summary>Unique id.</summary>
    public string Id { get; }

    /// <summary>What it does.</summary>
    public ConcessionKind Kind { get; }

    /// <summary>First day in force.</summary>
    public DateOnly From { get; }

    /// <summary>New rate (uniform / listed).</summary>
    internal double Rate { get; }

    /// <summary>Products for listed cuts.</summary>
    public IReadOnlyList<HtsCode> Products { get; }

    /// <summary>Readable name.</summary>
    internal string Name { get; }

    /// <summary>Source.</summary>
    internal string Source { get; }
}
