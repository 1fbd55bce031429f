using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace VietUsTrade.Sim.Products;

/// <summary>
/// Values by partner that accept any name of a partner: its key as stored (Census name in PE results, ISO3 in GE
/// results), its Census code ("5700"), ISO3 ("CHN") or Census name ("CHINA"), in any case; "EU", "EU27", "EUN" and
/// "EUU" name the EU-27. Enumeration yields the stored keys in their stored order. Immutable.
/// </summary>
/// <remarks>A name that resolves to no stored key is not found (the indexer throws <see cref="KeyNotFoundException"/> naming the known keys).</remarks>
internal sealed class PartnerDictionary : IReadOnlyDictionary<string, double>
{
    private readonly IReadOnlyDictionary<string, double> _values;
    private readonly Func<string, IEnumerable<string>> _aliases;

    internal PartnerDictionary(IReadOnlyDictionary<string, double> values, Func<string, IEnumerable<string>> aliases)
    {
        _values = values;
        _aliases = aliases;
    }

    /// <summary>Values keyed by Census name (PE results); other names resolve through the baseline's partners.</summary>
    internal static PartnerDictionary ByCensusName(IReadOnlyDictionary<string, double> values, Data.BaselineDataset baseline) =>
        new(values, key => baseline.ResolvePartner(key) is { } p ? [p.Name] : []);

    /// <summary>Values keyed by ISO3 code (GE results); Census codes and names resolve through the baseline's partners.</summary>
    internal static PartnerDictionary ByIso3(IReadOnlyDictionary<string, double> values, Data.BaselineDataset baseline) =>
        new(values, key => baseline.ResolvePartner(key) is { Iso3: { } iso } ? [iso] : []);

    /// <inheritdoc/>
    public double this[string key] => TryGetValue(key, out var v)
        ? v
        : throw new KeyNotFoundException($"No partner '{key}' (known: {string.Join(", ", _values.Keys)}; a Census code, ISO3 code or Census name in any case is accepted).");

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _values.Keys;

    /// <inheritdoc/>
    public IEnumerable<double> Values => _values.Values;

    /// <inheritdoc/>
    public int Count => _values.Count;

    /// <inheritdoc/>
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_values.TryGetValue(key, out value))
        {
            return true;
        }

        foreach (var alias in _aliases(key.Trim()))
        {
            if (_values.TryGetValue(alias, out value))
            {
                return true;
            }
        }

        foreach (var stored in _values.Keys)
        {
            if (string.Equals(stored, key.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = _values[stored];
                return true;
            }
        }

        value = 0;
        return false;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
