using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>One code of a product list, in force on [<see cref="From"/>, <see cref="Until"/>).</summary>
public sealed class ProductListEntry
{
    /// <summary>An HTS prefix (2–10 digits); it covers every line that starts with it.</summary>
    public HtsCode Code { get; }

    /// <summary>First day the code is on the list (null = always).</summary>
    public DateOnly? From { get; }

    internal DateOnly? Until { get; }

    internal string Basis { get; }

    internal ProductListEntry(HtsCode Code, DateOnly? From, DateOnly? Until, string Basis)
    {
        this.Code = Code;
        this.From = From;
        this.Until = Until;
        this.Basis = Basis;
    }

    /// <summary>True when the entry is in force on <paramref name="date"/>.</summary>
    /// <param name="date">The entry date of the goods.</param>
    /// <returns>Whether From ≤ date &lt; Until.</returns>
    internal bool ActiveOn(DateOnly date) => (From is null || date >= From) && (Until is null || date < Until);
}
