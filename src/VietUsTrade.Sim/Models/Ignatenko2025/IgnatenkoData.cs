using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Data.Ignatenko;

namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>
/// The raw inputs of the Ignatenko, Macedoni, Lashkaripour &amp; Simonovska (2025) one-sector model: the 2023
/// BACI bilateral goods trade matrix for 194 countries, WDI nominal GDP and the USTR "Liberation Day" rates,
/// exactly as in the replication package's <c>data/base_data</c> folder.
/// </summary>
/// <remarks>
/// <para>
/// Source: A. Ignatenko, A. Lashkaripour, L. Macedoni and I. Simonovska, "Making America Great Again? The
/// Economic Impacts of Liberation Day Tariffs", Journal of International Economics 157 (2025) 104138,
/// replication package files <c>trade_cepii.csv</c>, <c>gdp.csv</c>, <c>tariffs.csv</c>, <c>country_labels.csv</c>.
/// </para>
/// <para>
/// Units: trade in thousands of US dollars (BACI units, valued before the importer's tariff); GDP in US
/// dollars (the model divides it by 1,000); tariffs as fractions (0.46 = 46%). The country order is the order
/// of the files; nothing in the model depends on it.
/// </para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class IgnatenkoData
{
    /// <summary>File name of the trade matrix in the replication package layout.</summary>
    internal const string TradeFileName = IgnatenkoSource.TradeFileName;

    /// <summary>File name of the GDP column in the replication package layout.</summary>
    internal const string GdpFileName = IgnatenkoSource.GdpFileName;

    /// <summary>File name of the USTR applied tariff column in the replication package layout.</summary>
    internal const string TariffFileName = IgnatenkoSource.TariffFileName;

    /// <summary>File name of the country labels in the replication package layout.</summary>
    internal const string LabelFileName = IgnatenkoSource.LabelFileName;

    private readonly double[] trade;
    private readonly double[] gdpUsd;
    private readonly double[] appliedTariffs;
    private readonly string[] iso3;
    private readonly string[] names;
    private readonly Dictionary<string, int> indexByIso3;

    /// <summary>Creates the inputs from arrays, validating and copying them.</summary>
    /// <param name="iso3">ISO3 code of each country (upper case, unique).</param>
    /// <param name="names">Country names, in the same order.</param>
    /// <param name="trade">Bilateral exports, row = exporter, column = importer, thousands of USD; the diagonal is ignored (set to 0).</param>
    /// <param name="gdpUsd">Nominal GDP in US dollars (positive).</param>
    /// <param name="appliedTariffs">The USTR "Liberation Day" rate on each country's goods as a fraction (≥ 0).</param>
    /// <exception cref="ArgumentException">A dimension does not match, a code is duplicated or invalid, or a value is negative or not finite.</exception>
    internal IgnatenkoData(IReadOnlyList<string> iso3, IReadOnlyList<string> names, double[,] trade, IReadOnlyList<double> gdpUsd, IReadOnlyList<double> appliedTariffs)
    {
        ArgumentNullException.ThrowIfNull(iso3);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(trade);
        ArgumentNullException.ThrowIfNull(gdpUsd);
        ArgumentNullException.ThrowIfNull(appliedTariffs);
        int n = iso3.Count;
        if (n < 2)
        {
            throw new ArgumentException($"iso3 must list at least 2 countries, got {n}.", nameof(iso3));
        }

        if (names.Count != n || gdpUsd.Count != n || appliedTariffs.Count != n || trade.GetLength(0) != n || trade.GetLength(1) != n)
        {
            throw new ArgumentException(
                $"Dimensions differ: iso3 {n}, names {names.Count}, gdpUsd {gdpUsd.Count}, appliedTariffs {appliedTariffs.Count}, trade {trade.GetLength(0)}x{trade.GetLength(1)}.",
                nameof(trade));
        }

        this.iso3 = new string[n];
        this.names = new string[n];
        indexByIso3 = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            string code = iso3[i] ?? throw new ArgumentException($"iso3[{i}] is null.", nameof(iso3));
            if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
            {
                throw new ArgumentException($"iso3[{i}] = '{code}' is not a three-letter upper-case code.", nameof(iso3));
            }

            if (!indexByIso3.TryAdd(code, i))
            {
                throw new ArgumentException($"iso3[{i}] = '{code}' is duplicated.", nameof(iso3));
            }

            this.iso3[i] = code;
            this.names[i] = names[i] ?? code;
        }

        this.trade = new double[n * n];
        this.gdpUsd = new double[n];
        this.appliedTariffs = new double[n];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                double v = trade[j, i];
                if (!double.IsFinite(v) || v < 0)
                {
                    throw new ArgumentException($"trade[{this.iso3[j]}->{this.iso3[i]}] = {v.ToString(CultureInfo.InvariantCulture)} must be finite and non-negative.", nameof(trade));
                }

                this.trade[(j * n) + i] = i == j ? 0.0 : v;
            }

            double g = gdpUsd[j];
            if (!double.IsFinite(g) || g <= 0)
            {
                throw new ArgumentException($"gdpUsd[{this.iso3[j]}] = {g.ToString(CultureInfo.InvariantCulture)} must be finite and positive.", nameof(gdpUsd));
            }

            this.gdpUsd[j] = g;
            double t = appliedTariffs[j];
            if (!double.IsFinite(t) || t < 0)
            {
                throw new ArgumentException($"appliedTariffs[{this.iso3[j]}] = {t.ToString(CultureInfo.InvariantCulture)} must be finite and non-negative.", nameof(appliedTariffs));
            }

            this.appliedTariffs[j] = t;
        }

        Iso3 = Array.AsReadOnly(this.iso3);
        Names = Array.AsReadOnly(this.names);
        GdpUsd = Array.AsReadOnly(this.gdpUsd);
        AppliedTariffs = Array.AsReadOnly(this.appliedTariffs);
    }

    /// <summary>Gets the number of countries (194 in the paper).</summary>
    public int Count => iso3.Length;

    /// <summary>Gets the ISO3 code of each country, in file order.</summary>
    internal IReadOnlyList<string> Iso3 { get; }

    /// <summary>Gets the country names, in file order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Gets nominal GDP in US dollars (WDI, latest year per country).</summary>
    internal IReadOnlyList<double> GdpUsd { get; }

    /// <summary>Gets the USTR "Liberation Day" rate on each country's goods as a fraction (0.46 = 46%).</summary>
    internal IReadOnlyList<double> AppliedTariffs { get; }

    /// <summary>Gets the exports of <paramref name="exporter"/> to <paramref name="importer"/> in thousands of USD (0 on the diagonal).</summary>
    /// <param name="exporter">Index of the exporter.</param>
    /// <param name="importer">Index of the importer.</param>
    /// <returns>The flow.</returns>
    public double Trade(int exporter, int importer) => trade[(exporter * Count) + importer];

    /// <summary>Gets the index of a country by ISO3 code.</summary>
    /// <param name="iso3">The code, e.g. "VNM".</param>
    /// <returns>The index.</returns>
    /// <exception cref="ArgumentException">The code is not in the data.</exception>
    internal int IndexOf(string iso3)
    {
        ArgumentNullException.ThrowIfNull(iso3);
        return indexByIso3.TryGetValue(iso3, out int i) ? i : throw new ArgumentException($"iso3 '{iso3}' is not one of the {Count} countries of the data.", nameof(iso3));
    }

    /// <summary>Tries to get the index of a country by ISO3 code.</summary>
    /// <param name="iso3">The code.</param>
    /// <param name="index">The index, or -1.</param>
    /// <returns>Whether the code is in the data.</returns>
    internal bool TryIndexOf(string iso3, out int index)
    {
        ArgumentNullException.ThrowIfNull(iso3);
        if (indexByIso3.TryGetValue(iso3, out index))
        {
            return true;
        }

        index = -1;
        return false;
    }

    /// <summary>Returns the same data with the countries in another order (used to check order independence).</summary>
    /// <param name="order">For each new position, the old index; a permutation of 0..N-1.</param>
    /// <returns>The reordered data.</returns>
    /// <exception cref="ArgumentException"><paramref name="order"/> is not a permutation.</exception>
    internal IgnatenkoData Permute(IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        int n = Count;
        if (order.Count != n || order.Distinct().Count() != n || order.Any(k => k < 0 || k >= n))
        {
            throw new ArgumentException($"order must be a permutation of 0..{n - 1}.", nameof(order));
        }

        var t = new double[n, n];
        for (int a = 0; a < n; a++)
        {
            for (int b = 0; b < n; b++)
            {
                t[a, b] = Trade(order[a], order[b]);
            }
        }

        return new IgnatenkoData(
            order.Select(k => iso3[k]).ToArray(),
            order.Select(k => names[k]).ToArray(),
            t,
            order.Select(k => gdpUsd[k]).ToArray(),
            order.Select(k => appliedTariffs[k]).ToArray());
    }

    /// <summary>Loads the inputs bundled in the library (byte-identical copies of the replication package files, read by <c>Data/Ignatenko/IgnatenkoSource</c>).</summary>
    /// <returns>The 194-country data.</returns>
    public static IgnatenkoData LoadEmbedded() => FromTables(IgnatenkoSource.ReadEmbedded());

    /// <summary>Loads the inputs from a folder laid out like the replication package's <c>data/base_data</c>.</summary>
    /// <param name="directory">The folder holding trade_cepii.csv, gdp.csv, tariffs.csv and country_labels.csv.</param>
    /// <returns>The data.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="DataFileException">A file cannot be parsed; the message names the file, line, column and value.</exception>
    public static IgnatenkoData LoadFromDirectory(string directory) => FromTables(IgnatenkoSource.ReadDirectory(directory));

    /// <summary>Parses the four CSV texts of the replication package (headers <c>export_ij1..export_ijN</c>, <c>gdp</c>,
    /// <c>applied_tariff</c> and <c>iso3,iso_code,CountryName</c>, exactly).</summary>
    /// <param name="tradeCsv">Contents of trade_cepii.csv.</param>
    /// <param name="gdpCsv">Contents of gdp.csv.</param>
    /// <param name="tariffCsv">Contents of tariffs.csv.</param>
    /// <param name="labelCsv">Contents of country_labels.csv.</param>
    /// <returns>The data.</returns>
    /// <exception cref="DataFileException">A file cannot be parsed; the message names the file, line, column and value.</exception>
    internal static IgnatenkoData Parse(string tradeCsv, string gdpCsv, string tariffCsv, string labelCsv) =>
        FromTables(IgnatenkoSource.Parse(tradeCsv, gdpCsv, tariffCsv, labelCsv));

    private static IgnatenkoData FromTables(IgnatenkoTables t) => new(t.Iso3, t.Names, t.Trade, t.GdpUsd, t.AppliedTariffs);
}
