using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>One code of a product list, in force on [<see cref="From"/>, <see cref="Until"/>).</summary>
/// <param name="Code">An HTS prefix (2–10 digits); it covers every line that starts with it.</param>
/// <param name="From">First day the code is on the list (null = always).</param>
/// <param name="Until">First day it is no longer on the list (null = open-ended).</param>
/// <param name="Basis">The legal basis or source of this entry.</param>
public sealed record ProductListEntry(HtsCode Code, DateOnly? From, DateOnly? Until, string Basis)
{
    /// <summary>True when the entry is in force on <paramref name="date"/>.</summary>
    /// <param name="date">The entry date of the goods.</param>
    /// <returns>Whether From ≤ date &lt; Until.</returns>
    public bool ActiveOn(DateOnly date) => (From is null || date >= From) && (Until is null || date < Until);
}
