using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace VietUsTrade.Sim.Data.Csv;

/// <summary>
/// One row of a user CSV file as a read-only dictionary from column name to trimmed cell: the row's fields and the
/// header's shared index (<see cref="CsvColumns"/>), instead of a dictionary of its own per row.
/// </summary>
/// <param name="columns">The file's header.</param>
/// <param name="fields">The row's trimmed fields, one per column.</param>
internal sealed class CsvCells(CsvColumns columns, string[] fields) : IReadOnlyDictionary<string, string>
{
    /// <inheritdoc/>
    public int Count => fields.Length;

    /// <inheritdoc/>
    public IEnumerable<string> Keys => columns.Names;

    /// <inheritdoc/>
    public IEnumerable<string> Values => fields;

    /// <inheritdoc/>
    public string this[string key] => columns.Index.TryGetValue(key, out var i) ? fields[i] : throw new KeyNotFoundException($"The row has no column '{key}'.");

    /// <inheritdoc/>
    public bool ContainsKey(string key) => columns.Index.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        if (columns.Index.TryGetValue(key, out var i))
        {
            value = fields[i];
            return true;
        }

        value = null;
        return false;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < fields.Length; i++)
        {
            yield return new KeyValuePair<string, string>(columns.Names[i], fields[i]);
        }
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
