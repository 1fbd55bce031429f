using System.IO.Compression;
using System.Text;
using VietUsTrade.Sim.Data.Csv;

namespace VietUsTrade.Sim.Data.Ge;

/// <summary>
/// Reads the OECD ICIO 2022 GE data: the raw CSV files of <c>shared/data/raw/icio-tariffwar</c> or the embedded compact
/// binary copy (written by <c>tools/VietUsTrade.Sim.DataBuild/Ge/IcioGeResourceBuilder</c>).
/// </summary>
internal static class IcioSource
{
    /// <summary>The name of the embedded resource.</summary>
    public const string ResourceName = "VietUsTrade.Sim.icio2022_ge.bin.gz";

    /// <summary>The first string of the binary form.</summary>
    public const string Magic = "VUS-GE-ICIO-1";

    /// <summary>The flows file of the raw folder.</summary>
    public const string FlowsFileName = "icio_2022_bilateral_by_sector_usd_m.csv";

    /// <summary>The elasticities file of the raw folder.</summary>
    public const string ElasticitiesFileName = "trade_elasticities_by_icio_sector_tariffwar.csv";

    private static readonly string[] FlowColumns = ["year", "exporter", "importer", "sector", "value_usd_m"];
    private static readonly string[] ElasticityColumns = ["sector", "source_code", "source_function", "trade_elasticity_epsilon", "sigma"];

    /// <summary>Reads the raw CSV files of the icio-tariffwar folder.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The tables.</returns>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="DataFileException">A header or a value cannot be read.</exception>
    public static IcioTables ReadCsv(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var cells = new List<(string E, string I, string S, long Units)>();
        var countries = new SortedSet<string>(StringComparer.Ordinal);
        var sectors = new List<string>();
        foreach (var row in StrictCsv.ReadFile(Path.Combine(folder, FlowsFileName), FlowColumns))
        {
            _ = row.Integer(0);
            var v = row.NonNegative(4);
            countries.Add(row.Text(1));
            countries.Add(row.Text(2));
            if (!sectors.Contains(row.Text(3)))
            {
                sectors.Add(row.Text(3));
            }

            cells.Add((row.Text(1), row.Text(2), row.Text(3), (long)Math.Round(v * 1e4)));
        }

        var byCode = new Dictionary<string, (string Source, Dictionary<string, double> Theta)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var row in StrictCsv.ReadFile(Path.Combine(folder, ElasticitiesFileName), ElasticityColumns))
        {
            var theta = row.Number(3);
            _ = row.Number(4);
            if (!byCode.TryGetValue(row.Text(1), out var entry))
            {
                entry = (row.Text(2), new Dictionary<string, double>(StringComparer.Ordinal));
                byCode[row.Text(1)] = entry;
                order.Add(row.Text(1));
            }

            entry.Theta[row.Text(0)] = theta;
        }

        var cList = countries.ToArray();
        var sList = sectors.ToArray();
        return new IcioTables(
            cList,
            sList,
            Dense(cList, sList, cells),
            [.. order.Select(c => new IcioElasticityTable(c, byCode[c].Source, byCode[c].Theta))],
            "OECD ICIO 2022 (Extended) by 28 sectors via ahmadlp/tariffwar, read from " + Path.GetFileName(Path.GetFullPath(folder)));
    }

    /// <summary>Reads the embedded copy.</summary>
    /// <returns>The tables.</returns>
    /// <exception cref="InvalidDataException">The resource is missing or corrupt.</exception>
    public static IcioTables ReadEmbedded()
    {
        using var stream = EmbeddedResource.Open(ResourceName);
        return ReadCompressed(stream);
    }

    /// <summary>Reads the compact binary form.</summary>
    /// <param name="source">The gzipped stream.</param>
    /// <returns>The tables.</returns>
    /// <exception cref="InvalidDataException">The stream is not in the format.</exception>
    public static IcioTables ReadCompressed(Stream source)
    {
        using var gz = new GZipStream(source, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(gz, Encoding.UTF8, leaveOpen: true);
        if (r.ReadString() != Magic)
        {
            throw new InvalidDataException($"Resource '{ResourceName}' has an unknown format.");
        }

        var provenance = r.ReadString();
        var countries = new string[r.ReadInt32()];
        for (var i = 0; i < countries.Length; i++)
        {
            countries[i] = r.ReadString();
        }

        var sectors = new string[r.ReadInt32()];
        for (var s = 0; s < sectors.Length; s++)
        {
            sectors[s] = r.ReadString();
        }

        var units = new long[sectors.Length * countries.Length * countries.Length];
        for (var k = 0; k < units.Length; k++)
        {
            units[k] = r.Read7BitEncodedInt64();
        }

        var sets = new List<IcioElasticityTable>();
        var count = r.ReadInt32();
        for (var e = 0; e < count; e++)
        {
            var code = r.ReadString();
            var sourceName = r.ReadString();
            var theta = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var s in sectors)
            {
                theta[s] = r.ReadDouble();
            }

            sets.Add(new IcioElasticityTable(code, sourceName, theta));
        }

        return new IcioTables(countries, sectors, units, sets, provenance);
    }

    private static long[] Dense(string[] countries, string[] sectors, List<(string E, string I, string S, long Units)> cells)
    {
        var n = countries.Length;
        var ci = countries.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k, StringComparer.Ordinal);
        var si = sectors.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k, StringComparer.Ordinal);
        var units = new long[sectors.Length * n * n];
        foreach (var (e, i, s, u) in cells)
        {
            units[(si[s] * n + ci[e]) * n + ci[i]] += u;
        }

        return units;
    }
}
