using System.IO.Compression;

namespace VietUsTrade.Sim.Products;

/// <summary>
/// The Harmonized System nomenclature, 2022 edition: the description of every chapter (2 digits), heading (4) and
/// subheading (6), bundled with the package, e.g. 8471.30 "Automatic data processing machines; portable, weighing not
/// more than 10kg, consisting of at least a central processing unit, a keyboard and a display". Immutable and
/// thread-safe.
/// </summary>
/// <remarks>
/// Source: the HS 2022 descriptions of In Song Kim's concordance package (<c>hs2022_descriptions.csv</c>, after the WCO
/// nomenclature), 97 chapters, 1,229 headings and 5,613 subheadings; built into the package by
/// <c>tools/VietUsTrade.Sim.DataBuild hs</c>. The HTS adds US 8- and 10-digit lines under each subheading; their Census
/// short descriptions are <see cref="Data.ImportLine.Description"/>.
/// </remarks>
public sealed class HsNomenclature
{
    internal const string ResourceName = "VietUsTrade.Sim.hs2022-descriptions.csv.gz";
    private static readonly Lazy<HsNomenclature> Embedded = new(ReadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Dictionary<string, string> _byCode;

    private HsNomenclature(Dictionary<string, string> byCode) => _byCode = byCode;

    /// <summary>Number of codes described (chapters, headings and subheadings).</summary>
    public int Count => _byCode.Count;

    /// <summary>The nomenclature bundled with the package (read once).</summary>
    /// <returns>The nomenclature.</returns>
    public static HsNomenclature LoadEmbedded() => Embedded.Value;

    /// <summary>The description of an HS code of exactly 2, 4 or 6 digits, or null when the nomenclature has no such code.</summary>
    /// <param name="digits">The code's digits, e.g. <c>847130</c>.</param>
    /// <returns>The description, or null.</returns>
    internal string? Find(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        return _byCode.GetValueOrDefault(digits);
    }

    /// <summary>The most detailed description of the HS code above an HTS code: its subheading (6 digits), else its heading, else its chapter; null when none is described.</summary>
    /// <param name="code">An HTS code of any length.</param>
    /// <returns>The description, or null.</returns>
    public string? Describe(HtsCode code)
    {
        foreach (var digits in new[] { 6, 4, 2 })
        {
            if (code.Length >= digits && Find(code.Digits[..digits]) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    private static HsNomenclature ReadEmbedded()
    {
        using var stream = typeof(HsNomenclature).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the assembly.");
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        return Parse(reader);
    }

    /// <summary>Reads the CSV <c>code,desc</c> (descriptions quoted when they hold commas, <c>""</c> for a quote).</summary>
    internal static HsNomenclature Parse(TextReader reader)
    {
        var header = reader.ReadLine();
        if (header != "code,desc")
        {
            throw new InvalidDataException($"HS nomenclature: expected the header 'code,desc', found '{header}'.");
        }

        var byCode = new Dictionary<string, string>(StringComparer.Ordinal);
        var row = 1;
        while (reader.ReadLine() is { } line)
        {
            row++;
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var code = comma > 0 ? line[..comma] : string.Empty;
            if (code.Length is not (2 or 4 or 6) || !code.All(char.IsAsciiDigit))
            {
                throw new InvalidDataException($"HS nomenclature row {row}: code '{code}' is not 2, 4 or 6 digits.");
            }

            var text = line[(comma + 1)..];
            if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
            {
                text = text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
            }

            if (!byCode.TryAdd(code, text.Trim()))
            {
                throw new InvalidDataException($"HS nomenclature row {row}: code {code} is given twice.");
            }
        }

        return new HsNomenclature(byCode);
    }
}
