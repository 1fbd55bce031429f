using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>
/// A dated list of HTS codes: an exemption list (Annex II, the 2025-11-13 farm goods, the Section 122 exemptions)
/// or a product list (Section 232 coverage), with provenance.
/// </summary>
/// <remarks>
/// A line is on the list on a date when one of its entries is a prefix of the line's code and is in force on that
/// date. Lists are immutable and thread-safe; set operations return new lists. Codes that match no line of a
/// dataset are reported by <see cref="UnmatchedCodes"/>, never dropped silently.
/// </remarks>
public sealed class ProductList
{
    private readonly Dictionary<HtsCode, ProductListEntry[]> _byCode;

    /// <summary>Creates a list.</summary>
    /// <param name="name">A kebab-case name, e.g. "annex-ii".</param>
    /// <param name="description">What the list is.</param>
    /// <param name="source">Where it comes from (legal text, file).</param>
    /// <param name="entries">The entries.</param>
    /// <exception cref="ArgumentException">The name is empty, or an entry ends before it starts.</exception>
    internal ProductList(string name, string description, string source, IEnumerable<ProductListEntry> entries)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(entries);
        Name = name;
        Description = description ?? string.Empty;
        Source = source ?? string.Empty;
        Entries = entries.OrderBy(e => e.Code).ThenBy(e => e.From).ToArray();
        foreach (var e in Entries)
        {
            if (e.From is { } f && e.Until is { } u && u <= f)
            {
                throw new ArgumentException($"Product list '{name}': entry {e.Code} ends ({u:yyyy-MM-dd}) on or before it starts ({f:yyyy-MM-dd}).", nameof(entries));
            }
        }

        _byCode = Entries.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The list's name.</summary>
    internal string Name { get; }

    /// <summary>What the list is.</summary>
    public string Description { get; }

    /// <summary>Its source.</summary>
    internal string Source { get; }

    /// <summary>The entries, sorted by code.</summary>
    internal IReadOnlyList<ProductListEntry> Entries { get; }

    /// <summary>True when a line is on the list on a date.</summary>
    /// <param name="line">The line's code (usually HTS10).</param>
    /// <param name="date">The entry date.</param>
    /// <returns>Whether an entry covers the line on that date.</returns>
    internal bool Contains(HtsCode line, DateOnly date)
    {
        for (var n = 2; n <= line.Length; n += 2)
        {
            if (_byCode.TryGetValue(n == line.Length ? line : line.Truncate(n), out var entries))
            {
                foreach (var e in entries)
                {
                    if (e.ActiveOn(date))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>True when a line, given by its prefixes (2, 4, … digits up to the full code), is on the list on a date.</summary>
    /// <param name="prefixes">The line's prefixes, shortest first, the full code last.</param>
    /// <param name="date">The entry date.</param>
    /// <returns>Whether an entry covers the line on that date.</returns>
    internal bool ContainsPrefixes(HtsCode[] prefixes, DateOnly date)
    {
        foreach (var prefix in prefixes)
        {
            if (_byCode.TryGetValue(prefix, out var entries))
            {
                foreach (var e in entries)
                {
                    if (e.ActiveOn(date))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>True when a line is on the list on any date.</summary>
    /// <param name="line">The line's code.</param>
    /// <returns>Whether any entry's code is a prefix of the line.</returns>
    internal bool ContainsEver(HtsCode line)
    {
        for (var n = 2; n <= line.Length; n += 2)
        {
            if (_byCode.ContainsKey(n == line.Length ? line : line.Truncate(n)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The dates on which the list changes (entry starts and ends), sorted.</summary>
    /// <returns>The dates.</returns>
    public IEnumerable<DateOnly> ChangeDates() =>
        Entries.SelectMany(e => new[] { e.From, e.Until }).Where(d => d.HasValue).Select(d => d!.Value).Distinct().Order();

    /// <summary>Both lists' entries under a new name (a line is on the union when it is on either list).</summary>
    /// <param name="other">The other list.</param>
    /// <param name="name">The new name.</param>
    /// <returns>The union.</returns>
    internal ProductList Union(ProductList other, string name)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ProductList(name, $"{Name} ∪ {other.Name}", $"{Source}; {other.Source}", Entries.Concat(other.Entries).Distinct());
    }

    /// <summary>This list without the entries whose code is on <paramref name="other"/> (at any date, as a prefix or equal).</summary>
    /// <param name="other">The codes to remove.</param>
    /// <param name="name">The new name.</param>
    /// <returns>The difference.</returns>
    internal ProductList Difference(ProductList other, string name)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ProductList(name, $"{Name} minus {other.Name}", Source, Entries.Where(e => !other.ContainsEver(e.Code)));
    }

    /// <summary>The entries that satisfy a predicate, under a new name.</summary>
    /// <param name="predicate">Which entries to keep.</param>
    /// <param name="name">The new name.</param>
    /// <param name="description">The new description.</param>
    /// <returns>The filtered list.</returns>
    public ProductList Where(Func<ProductListEntry, bool> predicate, string name, string description)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new ProductList(name, description, Source, Entries.Where(predicate));
    }

    /// <summary>The codes of the list that match none of the given lines (reported, never dropped).</summary>
    /// <param name="lines">The baseline's line codes.</param>
    /// <returns>The unmatched codes.</returns>
    internal IReadOnlyList<HtsCode> UnmatchedCodes(IEnumerable<HtsCode> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var matched = new HashSet<HtsCode>();
        foreach (var line in lines)
        {
            for (var n = 2; n <= line.Length; n += 2)
            {
                var prefix = n == line.Length ? line : line.Truncate(n);
                if (_byCode.ContainsKey(prefix))
                {
                    matched.Add(prefix);
                }
            }
        }

        return _byCode.Keys.Where(k => !matched.Contains(k)).Order().ToArray();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Entries.Count} codes)";
}
