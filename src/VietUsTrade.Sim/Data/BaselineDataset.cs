using System.Reflection;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Data;

/// <summary>
/// The bundled 2024 US–Vietnam trade baseline: US imports from Vietnam and from every other supplier of the same
/// HTS10 lines, US exports to Vietnam, chapter totals, monthly series, US MFN rates and elasticities, with provenance.
/// </summary>
/// <remarks>
/// <para>Import concept: <b>imports for consumption</b>, customs value, with Census calculated duty. The headline
/// figure usually quoted for 2024 ($136.6 bn) is <b>general imports</b>; the two differ by goods entering or leaving
/// bonded warehouses and foreign-trade zones (docs/data.md). Export concept: total exports, FAS value.</para>
/// <para>Money is in US dollars (double), rates are fractions. The dataset is produced by
/// <c>tools/VietUsTrade.Sim.DataBuild</c> from <c>shared/data/raw</c> and embedded in the assembly; loading
/// needs no network. Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed class BaselineDataset
{
    internal const string ResourceName = "VietUsTrade.Sim.baseline-2024.bin.gz";
    private static readonly Lazy<BaselineDataset> Embedded = new(LoadEmbeddedCore, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<HtsCode, int> _lineIndex;
    private readonly Dictionary<string, Partner> _partnersByCode;
    private readonly Dictionary<HtsCode, MfnRate> _mfnByCode;

    internal BaselineDataset(DatasetHeader header, IReadOnlyList<SourceFileInfo> sources, Partner[] partners, ChapterTotals[] chapters,
        MfnRate[] mfn, ImportLine[] lines, ExportLine[] exports, MonthlySeries[] monthly)
    {
        Header = header;
        Sources = sources;
        PartnersArray = partners;
        ChaptersArray = chapters;
        MfnArray = mfn;
        LinesArray = lines;
        ExportsArray = exports;
        MonthlyArray = monthly;
        _lineIndex = new Dictionary<HtsCode, int>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!_lineIndex.TryAdd(lines[i].Code, i))
            {
                throw new InvalidDataException($"Baseline dataset: duplicate import line {lines[i].Code}.");
            }
        }

        _partnersByCode = partners.ToDictionary(p => p.CensusCode, StringComparer.Ordinal);
        _mfnByCode = mfn.ToDictionary(m => m.Hts8);
        Vietnam = _partnersByCode[Partner.VietnamCode];
    }

    internal DatasetHeader Header { get; }

    /// <summary>True for the instance read from the embedded resource <see cref="ResourceName"/> (immutable, so its content is that resource's).</summary>
    internal bool IsEmbedded { get; private set; }

    internal Partner[] PartnersArray { get; }

    internal ChapterTotals[] ChaptersArray { get; }

    internal MfnRate[] MfnArray { get; }

    internal ImportLine[] LinesArray { get; }

    internal ExportLine[] ExportsArray { get; }

    internal MonthlySeries[] MonthlyArray { get; }

    /// <summary>The calendar year of the baseline (2024).</summary>
    public int Year => Header.Year;

    /// <summary>The import concept, "imports for consumption, customs value".</summary>
    internal string ImportConcept => Header.ImportConcept;

    /// <summary>The export concept, "total exports, FAS value".</summary>
    internal string ExportConcept => Header.ExportConcept;

    /// <summary>The cap applied to the elasticity of substitution σ (published values above it are set to it).</summary>
    internal double SigmaCap => Header.SigmaCap;

    /// <summary>Notes written by the data build: assumptions and rules applied, one per entry.</summary>
    public IReadOnlyList<string> BuildNotes => Header.Notes;

    /// <summary>The raw files the dataset was built from, with checksums and row counts (read, kept, rejected by reason).</summary>
    public IReadOnlyList<SourceFileInfo> Sources { get; }

    /// <summary>The suppliers: the 50 partners with HTS10 detail (Vietnam, China, EU-27, …) and the rest of the world.</summary>
    internal IReadOnlyList<Partner> Partners => PartnersArray;

    /// <summary>Vietnam.</summary>
    public Partner Vietnam { get; }

    /// <summary>The HTS10 lines of US imports from Vietnam (7,272 in 2024), sorted by code.</summary>
    public IReadOnlyList<ImportLine> ImportLines => LinesArray;

    /// <summary>US exports to Vietnam by HS6 (plus the aircraft code 8800000000), sorted by code.</summary>
    internal IReadOnlyList<ExportLine> ExportLines => ExportsArray;

    /// <summary>Chapter totals of US imports (all partners and Vietnam), chapters 01–99 as published.</summary>
    internal IReadOnlyList<ChapterTotals> Chapters => ChaptersArray;

    /// <summary>US MFN rates by HTS8 (2025 Basic Edition).</summary>
    internal IReadOnlyList<MfnRate> MfnRates => MfnArray;

    /// <summary>Monthly series: imports from Vietnam by NAICS-3 and all products 2022–2024, all-country imports, exports to Vietnam 2023–2024 in total and by HS chapter.</summary>
    internal IReadOnlyList<MonthlySeries> Monthly => MonthlyArray;

    /// <summary>US imports from Vietnam in the baseline year (imports for consumption, customs value), US dollars.</summary>
    public double ImportsFromVietnamUsd => LinesArray.Sum(l => l.Vietnam.ValueUsd);

    /// <summary>Calculated duty on imports from Vietnam, US dollars.</summary>
    internal double DutyOnVietnamUsd => LinesArray.Sum(l => l.Vietnam.DutyUsd);

    /// <summary>US exports to Vietnam in the baseline year (FAS), US dollars.</summary>
    public double ExportsToVietnamUsd => ExportsArray.Sum(e => e.Value2024Usd);

    /// <summary>US bilateral goods balance with Vietnam: exports minus imports (negative = US deficit), US dollars.</summary>
    public double BalanceUsd => ExportsToVietnamUsd - ImportsFromVietnamUsd;

    /// <summary>Loads the dataset embedded in the assembly (cached after the first call; the instance is immutable).</summary>
    /// <returns>The bundled 2024 baseline.</returns>
    /// <exception cref="InvalidDataException">The embedded resource is missing or corrupt.</exception>
    public static BaselineDataset LoadEmbedded() => Embedded.Value;

    /// <summary>Reads a dataset from a stream in the library's compressed format (as written by the data-build tool).</summary>
    /// <param name="compressed">A gzip stream of the binary dataset.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="InvalidDataException">The stream is not a dataset of a supported format version, is corrupt (a value no record accepts,
    /// a truncated list) or decompresses to more than 256 MiB.</exception>
    internal static BaselineDataset Read(Stream compressed)
    {
        using var buffer = CompressedPayload.Decompress(compressed, "Dataset");
        return DatasetSerializer.Deserialize(buffer);
    }

    /// <summary>The line with this 10-digit code, or null.</summary>
    /// <param name="code">An HTS10 code.</param>
    /// <returns>The line or null.</returns>
    internal ImportLine? FindLine(HtsCode code) => _lineIndex.TryGetValue(code, out var i) ? LinesArray[i] : null;

    /// <summary>The index of the line in <see cref="ImportLines"/>, or −1.</summary>
    /// <param name="code">An HTS10 code.</param>
    /// <returns>The index or −1.</returns>
    internal int IndexOf(HtsCode code) => _lineIndex.TryGetValue(code, out var i) ? i : -1;

    /// <summary>The index of a partner in <see cref="Partners"/>.</summary>
    /// <param name="partner">A partner of this dataset.</param>
    /// <returns>The index.</returns>
    /// <exception cref="ArgumentException">The partner is not one of this dataset's.</exception>
    internal int IndexOfPartner(Partner partner)
    {
        var i = Array.IndexOf(PartnersArray, partner);
        return i >= 0 ? i : throw new ArgumentException($"Partner {partner?.CensusCode} is not in this dataset.", nameof(partner));
    }

    /// <summary>The partner with this Census code ("5700", "0003", "ROW", …), or null.</summary>
    /// <param name="censusCode">The code.</param>
    /// <returns>The partner or null.</returns>
    internal Partner? FindPartner(string censusCode) => _partnersByCode.GetValueOrDefault(censusCode);

    /// <summary>The partner named by a Census code ("5700"), an ISO3 code ("CHN"), its Census name ("CHINA") or, for the EU-27 (0003), "EU", "EU27", "EUN" or "EUU", in any case; or null.</summary>
    /// <param name="codeIso3OrName">The code or name.</param>
    /// <returns>The partner or null.</returns>
    public Partner? ResolvePartner(string codeIso3OrName)
    {
        ArgumentNullException.ThrowIfNull(codeIso3OrName);
        var key = codeIso3OrName.Trim();
        key = Products.Iso3Codes.CensusCodeOfAlias(key) ?? key;
        return PartnersArray.FirstOrDefault(p => string.Equals(p.CensusCode, key, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.Iso3, key, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The MFN rate of an HTS8 (or the HTS8 of a longer code), or null.</summary>
    /// <param name="code">A code of 8 or 10 digits.</param>
    /// <returns>The rate or null.</returns>
    internal MfnRate? FindMfn(HtsCode code) => code.Length >= 8 && _mfnByCode.TryGetValue(code.Truncate(8), out var m) ? m : null;

    /// <summary>The import lines whose code starts with <paramref name="prefix"/> (2 to 10 digits).</summary>
    /// <param name="prefix">The prefix code.</param>
    /// <returns>The matching lines in code order.</returns>
    internal IEnumerable<ImportLine> LinesWithPrefix(HtsCode prefix) => LinesArray.Where(l => prefix.Contains(l.Code));

    /// <summary>The import lines of one HS chapter.</summary>
    /// <param name="chapter">1–99.</param>
    /// <returns>The lines in code order.</returns>
    internal IEnumerable<ImportLine> LinesInChapter(int chapter) => LinesArray.Where(l => l.Chapter == chapter);

    /// <summary>The chapter totals of one chapter, or null when the chapter has no US imports.</summary>
    /// <param name="chapter">1–99.</param>
    /// <returns>The totals or null.</returns>
    internal ChapterTotals? FindChapter(int chapter) => ChaptersArray.FirstOrDefault(c => c.Chapter == chapter);

    /// <summary>The monthly series with this key (see <see cref="Monthly"/>), or null.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The series or null.</returns>
    internal MonthlySeries? FindMonthly(string key) => MonthlyArray.FirstOrDefault(s => s.Key == key);

    /// <summary>Each supplier's share of US imports of the lines under <paramref name="prefix"/> (all lines when null).</summary>
    /// <param name="prefix">An optional code prefix.</param>
    /// <returns>Supplier → share, in descending order of share; the shares sum to one.</returns>
    internal IReadOnlyList<KeyValuePair<Partner, double>> SupplierShares(HtsCode? prefix = null)
    {
        var totals = new Dictionary<Partner, double>();
        double world = 0;
        foreach (var line in LinesArray)
        {
            if (prefix is { } p && !p.Contains(line.Code))
            {
                continue;
            }

            foreach (var s in line.SuppliersArray)
            {
                totals[s.Partner] = totals.GetValueOrDefault(s.Partner) + s.ValueUsd;
                world += s.ValueUsd;
            }
        }

        return world <= 0
            ? []
            : totals.Select(kv => new KeyValuePair<Partner, double>(kv.Key, kv.Value / world))
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.CensusCode, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The value-weighted share of Vietnam's imports whose elasticity came from each source and fallback level.</summary>
    /// <param name="which">"sigma" (substitution) or "epsilon" (import demand).</param>
    /// <returns>(source, level) → share of Vietnam's 2024 import value; the shares sum to one.</returns>
    /// <exception cref="ArgumentException"><paramref name="which"/> is neither "sigma" nor "epsilon".</exception>
    internal IReadOnlyList<ElasticityCoverage> ElasticityCoverage(string which)
    {
        Func<ImportLine, Elasticity> pick = which switch
        {
            "sigma" => l => l.Sigma,
            "epsilon" => l => l.Epsilon,
            _ => throw new ArgumentException($"Elasticity kind '{which}' is not 'sigma' or 'epsilon'.", nameof(which)),
        };
        var total = ImportsFromVietnamUsd;
        return LinesArray.GroupBy(l => (pick(l).Source, pick(l).Level))
            .Select(g => new ElasticityCoverage(which, g.Key.Source, g.Key.Level, g.Count(), total > 0 ? g.Sum(l => l.Vietnam.ValueUsd) / total : 0))
            .OrderBy(c => c.Level).ThenBy(c => c.Source).ToArray();
    }

    private static BaselineDataset LoadEmbeddedCore()
    {
        using var stream = typeof(BaselineDataset).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The embedded resource {ResourceName} is missing from {typeof(BaselineDataset).Assembly.GetName().Name}; rebuild it with tools/VietUsTrade.Sim.DataBuild.");
        var dataset = Read(stream);
        dataset.IsEmbedded = true;
        return dataset;
    }

    internal static byte[] ReadEmbeddedPayload()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The embedded resource {ResourceName} is missing.");
        using var buffer = CompressedPayload.Decompress(stream, "Dataset");
        return buffer.ToArray();
    }
}
