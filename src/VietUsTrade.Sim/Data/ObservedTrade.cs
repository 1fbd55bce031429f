namespace VietUsTrade.Sim.Data;

/// <summary>
/// The observed months in the box: US imports for consumption and calculated duty from Vietnam and from all countries by
/// NAICS-3 (2022-01 … latest), the longer monthly history of imports from Vietnam (2013-01 … latest), and US exports to
/// Vietnam in total (2013-01 … latest) and by HS-4 heading (2023-01 … latest). Census statistics; provenance per file in
/// <see cref="Sources"/>; built by tools/VietUsTrade.Sim.DataBuild from shared/data/raw/census-monthly-2025.
/// </summary>
/// <remarks>
/// <para>These months <b>anchor and evaluate</b> the line-level model; they never enter its 2024 calibration weights
/// (<see cref="BaselineDataset"/> stays the 2024 cross-section). A projection "as of" a month sees only
/// <see cref="AsOf"/> of that month: every series cut after it. Only Vietnam's and the all-country months after 2024
/// are in the box; other suppliers' 2025 months are not (the library projects them).</para>
/// <para>Keys: <c>imports/VIETNAM/{naics3}</c> and <c>imports/WORLD/{naics3}</c> (<c>00</c> = all products),
/// <c>imports/VIETNAM/history</c>, <c>exports/VIETNAM/total</c>, <c>exports/VIETNAM/hs4/{hhhh}</c> (months with no
/// recorded exports of a heading are absent and mean zero). Immutable and thread-safe.</para>
/// </remarks>
public sealed class ObservedTrade
{
    /// <summary>Key of the long monthly history of US imports for consumption from Vietnam.</summary>
    public const string VietnamImportsHistoryKey = "imports/VIETNAM/history";

    /// <summary>Key of US imports for consumption from Vietnam, all products (NAICS file).</summary>
    public const string VietnamImportsKey = "imports/VIETNAM/00";

    /// <summary>Key of US imports for consumption from all countries, all products.</summary>
    internal const string WorldImportsKey = "imports/WORLD/00";

    /// <summary>Key of US total exports to Vietnam.</summary>
    public const string VietnamExportsKey = "exports/VIETNAM/total";

    private static readonly Lazy<ObservedTrade> Embedded = new(LoadEmbeddedCore, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Dictionary<string, MonthlySeries> _byKey;

    internal ObservedTrade(string vintage, IReadOnlyList<SourceFileInfo> sources, IReadOnlyList<MonthlySeries> series, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        Vintage = vintage ?? string.Empty;
        Sources = sources ?? [];
        Series = series;
        _byKey = new Dictionary<string, MonthlySeries>(StringComparer.Ordinal);
        foreach (var s in series)
        {
            if (!_byKey.TryAdd(s.Key, s))
            {
                throw new InvalidDataException($"Observed data: duplicate series '{s.Key}'.");
            }

            for (var i = 1; i < s.Points.Count; i++)
            {
                if (s.Points[i].Month <= s.Points[i - 1].Month)
                {
                    throw new InvalidDataException($"Observed data: series '{s.Key}' is not in strictly increasing month order at {s.Points[i].Month:yyyy-MM}.");
                }
            }
        }

        LatestImportMonth = Last(VietnamImportsHistoryKey) ?? Last(VietnamImportsKey);
        LatestExportMonth = Last(VietnamExportsKey);
        AsOfMonth = asOf;
    }

    /// <summary>Which pulls of the data these are (stated in every result that uses them).</summary>
    public string Vintage { get; }

    /// <summary>Provenance of every raw file (path, SHA-256, rows read and kept).</summary>
    public IReadOnlyList<SourceFileInfo> Sources { get; }

    /// <summary>Every series.</summary>
    internal IReadOnlyList<MonthlySeries> Series { get; }

    /// <summary>The latest month of imports from Vietnam in this (possibly truncated) data; null when none.</summary>
    public DateOnly? LatestImportMonth { get; }

    /// <summary>The latest month of US exports to Vietnam in this (possibly truncated) data; null when none.</summary>
    public DateOnly? LatestExportMonth { get; }

    /// <summary>The as-of month this copy was cut at (<see cref="AsOf"/>), or null for the whole box.</summary>
    internal DateOnly? AsOfMonth { get; }

    /// <summary>The observed data that ship with the package (cached after the first call).</summary>
    /// <returns>The data.</returns>
    public static ObservedTrade LoadEmbedded() => Embedded.Value;

    /// <summary>Reads observed data from a gzip stream in the library's format (as written by the data-build tool).</summary>
    /// <param name="compressed">The stream.</param>
    /// <returns>The data.</returns>
    /// <exception cref="InvalidDataException">Not observed data of a supported format, corrupt (a value no record accepts, a truncated
    /// list) or more than 256 MiB decompressed.</exception>
    internal static ObservedTrade Read(Stream compressed)
    {
        using var buffer = CompressedPayload.Decompress(compressed, "Observed data");
        return ObservedTradeSerializer.Deserialize(buffer);
    }

    /// <summary>The series with this key, or null.</summary>
    /// <param name="key">A key (see the type's remarks).</param>
    /// <returns>The series or null.</returns>
    internal MonthlySeries? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The series with this key.</summary>
    /// <param name="key">A key.</param>
    /// <returns>The series.</returns>
    /// <exception cref="KeyNotFoundException">No such series (the message names the key).</exception>
    public MonthlySeries Get(string key) => Find(key) ?? throw new KeyNotFoundException($"The observed data have no series '{key}'.");

    /// <summary>
    /// The data as they stood at the end of a month: every point after <paramref name="month"/> removed. A projection
    /// as of that month is built from this copy only (the truncation test proves it).
    /// </summary>
    /// <param name="month">The as-of month (any day of it).</param>
    /// <returns>The truncated copy.</returns>
    public ObservedTrade AsOf(DateOnly month)
    {
        var cut = new DateOnly(month.Year, month.Month, 1);
        var kept = Series.Select(s => new MonthlySeries(s.Key, s.Description, s.Points.Where(p => p.Month <= cut).ToArray())).ToArray();
        return new ObservedTrade(Vintage, Sources, kept, cut);
    }

    /// <summary>The points of a series after a month and up to another (inclusive), e.g. the observed months a backtest scores.</summary>
    /// <param name="key">The series key.</param>
    /// <param name="after">Points strictly after this month.</param>
    /// <param name="to">Points up to this month inclusive.</param>
    /// <returns>The points in order.</returns>
    internal IReadOnlyList<MonthlyPoint> Between(string key, DateOnly after, DateOnly to) =>
        Get(key).Points.Where(p => p.Month > after && p.Month <= to).ToArray();

    /// <summary>The sum of a series over the months of a calendar year present in the data.</summary>
    /// <param name="key">The series key.</param>
    /// <param name="year">The year.</param>
    /// <returns>Value and duty sums and the number of months found.</returns>
    internal (double ValueUsd, double DutyUsd, int Months) YearToDate(string key, int year)
    {
        double v = 0, d = 0;
        var n = 0;
        foreach (var p in Get(key).Points.Where(p => p.Month.Year == year))
        {
            v += p.ValueUsd;
            d += p.DutyUsd;
            n++;
        }

        return (v, d, n);
    }

    private static ObservedTrade LoadEmbeddedCore()
    {
        using var stream = typeof(ObservedTrade).Assembly.GetManifestResourceStream("VietUsTrade.Sim.observed-2025.bin.gz")
            ?? throw new InvalidDataException("The embedded observed data (observed-2025.bin.gz) are missing from the assembly.");
        return Read(stream);
    }

    private DateOnly? Last(string key) => _byKey.TryGetValue(key, out var s) && s.Points.Count > 0 ? s.Points[^1].Month : null;
}
