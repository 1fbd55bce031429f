using System.IO.Compression;
using System.Text;
using VietUsTrade.Sim.Data.Csv;

namespace VietUsTrade.Sim.Data.Ignatenko;

/// <summary>
/// Reads the inputs of the Ignatenko et al. (2025) replication package (<c>data/base_data</c>): from a folder, from the
/// four texts, or from the embedded bundle (byte-identical copies, written by
/// <c>tools/VietUsTrade.Sim.DataBuild/Ignatenko/IgnatenkoBundleBuilder</c>).
/// </summary>
internal static class IgnatenkoSource
{
    /// <summary>File name of the trade matrix.</summary>
    public const string TradeFileName = "trade_cepii.csv";

    /// <summary>File name of the GDP column.</summary>
    public const string GdpFileName = "gdp.csv";

    /// <summary>File name of the USTR applied tariff column.</summary>
    public const string TariffFileName = "tariffs.csv";

    /// <summary>File name of the country labels.</summary>
    public const string LabelFileName = "country_labels.csv";

    /// <summary>Logical name of the embedded resource that bundles the four files.</summary>
    public const string ResourceName = "VietUsTrade.Sim.ignatenko2025.bundle.gz";

    /// <summary>The four file names, in the order they are stored in the embedded bundle.</summary>
    public static readonly string[] BundleFileNames = [TradeFileName, GdpFileName, TariffFileName, LabelFileName];

    /// <summary>Reads the four files of a folder.</summary>
    /// <param name="directory">The folder.</param>
    /// <returns>The tables.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="DataFileException">A file cannot be parsed.</exception>
    public static IgnatenkoTables ReadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"directory '{directory}' does not exist.");
        }

        string Read(string name)
        {
            string path = Path.Combine(directory, name);
            return File.Exists(path) ? BoundedInput.ReadAllText(path, StrictCsv.MaxFileBytes, "data file")
                : throw new FileNotFoundException($"'{name}' is missing from '{directory}'.", path);
        }

        return Parse(Read(TradeFileName), Read(GdpFileName), Read(TariffFileName), Read(LabelFileName));
    }

    /// <summary>Reads the embedded bundle.</summary>
    /// <returns>The tables.</returns>
    public static IgnatenkoTables ReadEmbedded()
    {
        var files = ReadEmbeddedFiles();
        return Parse(files[TradeFileName], files[GdpFileName], files[TariffFileName], files[LabelFileName]);
    }

    /// <summary>Reads the texts of the four files from the embedded bundle.</summary>
    /// <returns>The texts by file name.</returns>
    /// <exception cref="InvalidDataException">The resource is missing.</exception>
    public static Dictionary<string, string> ReadEmbeddedFiles()
    {
        using var stream = EmbeddedResource.Open(ResourceName);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip, Encoding.UTF8);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        int count = reader.ReadInt32();
        for (int k = 0; k < count; k++)
        {
            string name = reader.ReadString();
            int length = reader.ReadInt32();
            byte[] bytes = reader.ReadBytes(length);
            files[name] = Encoding.UTF8.GetString(bytes);
        }

        return files;
    }

    /// <summary>Parses the four CSV texts: labels <c>iso3,iso_code,CountryName</c> (iso_code 1..N in order), one column
    /// <c>gdp</c> and one <c>applied_tariff</c> of N rows, and the N × N matrix with header <c>export_ij1..export_ijN</c>.</summary>
    /// <param name="tradeCsv">Contents of trade_cepii.csv.</param>
    /// <param name="gdpCsv">Contents of gdp.csv.</param>
    /// <param name="tariffCsv">Contents of tariffs.csv.</param>
    /// <param name="labelCsv">Contents of country_labels.csv.</param>
    /// <returns>The tables.</returns>
    /// <exception cref="DataFileException">A file cannot be parsed.</exception>
    public static IgnatenkoTables Parse(string tradeCsv, string gdpCsv, string tariffCsv, string labelCsv)
    {
        ArgumentNullException.ThrowIfNull(tradeCsv);
        ArgumentNullException.ThrowIfNull(gdpCsv);
        ArgumentNullException.ThrowIfNull(tariffCsv);
        ArgumentNullException.ThrowIfNull(labelCsv);
        var labels = Rows(labelCsv, LabelFileName, ["iso3", "iso_code", "CountryName"], null);
        int n = labels.Count;
        var codes = new string[n];
        var names = new string[n];
        for (int r = 0; r < n; r++)
        {
            if (labels[r].Integer(1) != r + 1)
            {
                throw labels[r].Fail(1, $"expected iso_code {r + 1} (the codes number the rows 1..N)");
            }

            codes[r] = labels[r].Text(0);
            names[r] = labels[r].Text(2);
        }

        var gdp = Column(gdpCsv, GdpFileName, "gdp", n);
        var tariffs = Column(tariffCsv, TariffFileName, "applied_tariff", n);
        var rows = Rows(tradeCsv, TradeFileName, [.. Enumerable.Range(1, n).Select(k => $"export_ij{k}")], n);
        var trade = new double[n, n];
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                trade[r, c] = rows[r].Number(c, emptyIs: 0.0);
            }
        }

        return new IgnatenkoTables(codes, names, trade, gdp, tariffs);
    }

    private static List<CsvRow> Rows(string text, string file, string[] columns, int? expected)
    {
        using var reader = new StringReader(text);
        var rows = StrictCsv.Read(reader, file, columns);
        if (rows.Count < 1 || (expected is { } n && rows.Count != n))
        {
            throw new DataFileException(file, 0, string.Empty, string.Empty, $"expected {expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "at least one"} data row(s) (one per country of {LabelFileName}), got {rows.Count}");
        }

        return rows;
    }

    private static double[] Column(string text, string file, string column, int n) =>
        [.. Rows(text, file, [column], n).Select(row => row.Number(0, emptyIs: 0.0))];
}
