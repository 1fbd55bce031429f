using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>The price normalisation (numeraire) of a counterfactual.</summary>
public sealed class GeNormalization
{
    private GeNormalization(string? referenceCountry) => ReferenceCountry = referenceCountry;

    /// <summary>World nominal output is held constant: Σ_i Y_i·ŵ_i = Σ_i Y_i (ge_gravity's default).</summary>
    public static GeNormalization WorldOutput { get; } = new((string?)null);

    /// <summary>Null for world-output normalisation; otherwise the country whose consumer price index is the numeraire.</summary>
    internal string? ReferenceCountry { get; }

    /// <summary>True when world output is the numeraire.</summary>
    internal bool IsWorldOutput => ReferenceCountry is null;

    /// <summary>The reference country's price index is held at 1: P̂_ref = 1 (gegravity's reference importer).</summary>
    /// <param name="country">The country code, e.g. "DEU".</param>
    /// <returns>The normalisation.</returns>
    /// <exception cref="ArgumentException">The code is empty.</exception>
    internal static GeNormalization ReferencePriceIndex(string country)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            throw new ArgumentException($"Reference country '{country}' must be a non-empty country code.", nameof(country));
        }

        return new GeNormalization(country.Trim());
    }

    /// <summary>Parses "world-output" or "ref:ISO3" (the CLI syntax).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The normalisation.</returns>
    /// <exception cref="ArgumentException">The text is neither form.</exception>
    public static GeNormalization Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Equals("world-output", StringComparison.OrdinalIgnoreCase))
        {
            return WorldOutput;
        }

        if (t.StartsWith("ref:", StringComparison.OrdinalIgnoreCase) && t.Length > 4)
        {
            return ReferencePriceIndex(t[4..].ToUpperInvariant());
        }

        throw new ArgumentException($"Normalization '{text}' is not valid: expected 'world-output' or 'ref:ISO3'.", nameof(text));
    }

    /// <inheritdoc/>
    public override string ToString() => ReferenceCountry is null ? "world-output" : "ref:" + ReferenceCountry;
}
