using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>
/// The bundled policy data: exemption and product lists with dates and provenance (Annex II and its history,
/// the 2025-11-13 farm goods, Section 232 lists, the Section 122 and Section 301 exemptions) and Vietnam's
/// MFN tariff on US goods before and after Decree 73/2025.
/// </summary>
/// <remarks>Built from <c>shared/data/raw/policy</c> and <c>vn-tariff-schedule-tariffvn</c> by the data-build tool; immutable and thread-safe.</remarks>
public sealed class PolicyLibrary
{
    internal const string ResourceName = "VietUsTrade.Sim.policy-lists.json.gz";
    private static readonly Lazy<PolicyLibrary> Embedded = new(() => ReadEmbedded(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Dictionary<string, ProductList> _lists;
    private readonly Dictionary<string, (double Before, double After, int Lines)> _vnHs6;

    internal PolicyLibrary(IEnumerable<ProductList> lists, IEnumerable<VietnamTariffLine> vietnamTariff, IReadOnlyList<Data.SourceFileInfo> sources)
    {
        Sources = sources;
        var all = lists.ToList();
        var annex = all.Single(l => l.Name == "annex-ii");
        var farm = all.Single(l => l.Name == "farm-goods-2025-11-13");
        all.Add(annex.Difference(farm, "annex-ii-pre-farm"));
        _lists = all.ToDictionary(l => l.Name, StringComparer.Ordinal);
        VietnamTariff = vietnamTariff.OrderBy(l => l.Hs8).ToArray();
        _vnHs6 = VietnamTariff.GroupBy(l => l.Hs8.Digits[..6], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Average(l => l.MfnBefore), g.Average(l => l.MfnAfter), g.Count()), StringComparer.Ordinal);
    }

    /// <summary>The raw files the library was built from (checksums, rows read, kept, rejected by reason).</summary>
    public IReadOnlyList<Data.SourceFileInfo> Sources { get; }

    /// <summary>The lists by name, sorted.</summary>
    internal IReadOnlyList<ProductList> Lists => _lists.Values.OrderBy(l => l.Name, StringComparer.Ordinal).ToArray();

    /// <summary>Vietnam's tariff lines (chapters 01–97) with MFN before and after the 2025 changes.</summary>
    internal IReadOnlyList<VietnamTariffLine> VietnamTariff { get; }

    /// <summary>The embedded library (cached; immutable).</summary>
    /// <returns>The library.</returns>
    public static PolicyLibrary LoadEmbedded() => Embedded.Value;

    /// <summary>The list with this name.</summary>
    /// <param name="name">e.g. "annex-ii", "farm-goods-2025-11-13", "s232-upholstered-furniture".</param>
    /// <returns>The list.</returns>
    /// <exception cref="KeyNotFoundException">No list has that name; the message lists the known names.</exception>
    public ProductList Get(string name) => _lists.TryGetValue(name, out var l)
        ? l
        : throw new KeyNotFoundException($"Unknown product list '{name}'. Known lists: {string.Join(", ", _lists.Keys.Order(StringComparer.Ordinal))}.");

    /// <summary>True when a list of that name exists.</summary>
    /// <param name="name">The name.</param>
    /// <returns>Whether it exists.</returns>
    internal bool Has(string name) => _lists.ContainsKey(name);

    /// <summary>Vietnam's simple-average MFN over the national lines of an HS6 subheading, before or after Decree 73/2025.</summary>
    /// <param name="hs6">The subheading (6 digits, or a longer code whose first 6 digits are used).</param>
    /// <param name="afterDecree73">True for the rate in force from 2025-03-31.</param>
    /// <returns>The rate (fraction), or null when Vietnam's schedule has no line there (e.g. the aircraft code 8800000000).</returns>
    internal double? VietnamMfn(HtsCode hs6, bool afterDecree73) =>
        hs6.Length >= 6 && _vnHs6.TryGetValue(hs6.Digits[..6], out var r) ? (afterDecree73 ? r.After : r.Before) : null;

    internal static PolicyLibrary ReadEmbedded()
    {
        using var stream = typeof(PolicyLibrary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The embedded resource {ResourceName} is missing; rebuild it with tools/VietUsTrade.Sim.DataBuild.");
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        using var doc = JsonDocument.Parse(gz);
        var library = FromJson(doc.RootElement);
        library.IsEmbedded = true;
        return library;
    }

    /// <summary>True for an instance read from the embedded resource <see cref="ResourceName"/> (immutable, so its content is that resource's).</summary>
    internal bool IsEmbedded { get; private set; }

    internal static PolicyLibrary FromJson(JsonElement root)
    {
        var lists = new List<ProductList>();
        foreach (var l in root.GetProperty("lists").EnumerateArray())
        {
            var entries = l.GetProperty("entries").EnumerateArray().Select(e => new ProductListEntry(
                HtsCode.Parse(e[0].GetString()!), ParseDate(e[1].GetString()), ParseDate(e[2].GetString()), e[3].GetString()!));
            lists.Add(new ProductList(l.GetProperty("name").GetString()!, l.GetProperty("description").GetString()!, l.GetProperty("source").GetString()!, entries));
        }

        var vn = root.GetProperty("vietnam_tariff").EnumerateArray().Select(e => new VietnamTariffLine(
            HtsCode.Parse(e[0].GetString()!), e[1].GetDouble(), e[2].GetDouble(), e[3].GetString()!));
        var sources = root.GetProperty("sources").EnumerateArray().Select(e => new Data.SourceFileInfo(
            e.GetProperty("file").GetString()!, e.GetProperty("sha256").GetString()!, e.GetProperty("rows_read").GetInt32(), e.GetProperty("rows_kept").GetInt32(),
            e.GetProperty("rejections").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal))).ToArray();
        return new PolicyLibrary(lists, vn, sources);
    }

    internal static void WriteJson(Utf8JsonWriter w, IEnumerable<ProductList> lists, IEnumerable<VietnamTariffLine> vietnamTariff, IEnumerable<Data.SourceFileInfo> sources)
    {
        w.WriteStartObject();
        w.WriteStartArray("sources");
        foreach (var s in sources)
        {
            w.WriteStartObject();
            w.WriteString("file", s.File);
            w.WriteString("sha256", s.Sha256);
            w.WriteNumber("rows_read", s.RowsRead);
            w.WriteNumber("rows_kept", s.RowsKept);
            w.WriteStartObject("rejections");
            foreach (var kv in s.Rejections.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WriteNumber(kv.Key, kv.Value);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("lists");
        foreach (var l in lists.OrderBy(l => l.Name, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("name", l.Name);
            w.WriteString("description", l.Description);
            w.WriteString("source", l.Source);
            w.WriteStartArray("entries");
            foreach (var e in l.Entries)
            {
                w.WriteStartArray();
                w.WriteStringValue(e.Code.Digits);
                w.WriteStringValue(e.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteStringValue(e.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteStringValue(e.Basis);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("vietnam_tariff");
        foreach (var t in vietnamTariff.OrderBy(t => t.Hs8))
        {
            w.WriteStartArray();
            w.WriteStringValue(t.Hs8.Digits);
            w.WriteNumberValue(t.MfnBefore);
            w.WriteNumberValue(t.MfnAfter);
            w.WriteStringValue(t.ChangeGroup);
            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static DateOnly? ParseDate(string? s) => s is null ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
