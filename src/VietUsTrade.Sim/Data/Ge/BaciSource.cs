using System.IO.Compression;
using System.Text;
using VietUsTrade.Sim.Data.Csv;

namespace VietUsTrade.Sim.Data.Ge;

/// <summary>
/// Reads the BACI 2023 GE data: the raw CSV files of <c>shared/data/raw/baci2023-ignatenko</c> or the embedded compact
/// binary copy (written by <c>tools/VietUsTrade.Sim.DataBuild/Ge/IcioGeResourceBuilder</c>).
/// </summary>
internal static class BaciSource
{
    /// <summary>The name of the embedded resource.</summary>
    public const string ResourceName = "VietUsTrade.Sim.baci2023_ge.bin.gz";

    /// <summary>The first string of the binary form.</summary>
    public const string Magic = "VUS-GE-BACI-1";

    /// <summary>The country file of the raw folder.</summary>
    public const string CountryFileName = "countries_gdp_and_liberation_day_rate.csv";

    /// <summary>The flows file of the raw folder.</summary>
    public const string FlowFileName = "baci_hs22_2023_goods_exports_194x194_usd_thousand.csv";

    private static readonly string[] CountryColumns = ["iso3", "country_id", "country_name", "gdp_usd_current", "gdp_latest_year_min", "gdp_latest_year_max", "liberation_day_applied_tariff"];
    private static readonly string[] FlowColumns = ["exporter", "importer", "value_usd_thousand"];

    /// <summary>Reads the two raw CSV files of the baci2023-ignatenko folder.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The tables.</returns>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="DataFileException">A header or a value cannot be read, or a flow names an unknown country.</exception>
    public static BaciTables ReadCsv(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var countries = new List<string>();
        var gdp = new List<double>();
        var rates = new List<double>();
        foreach (var row in StrictCsv.ReadFile(Path.Combine(folder, CountryFileName), CountryColumns))
        {
            var g = row.Number(3);
            var t = row.Number(6);
            countries.Add(row.Text(0));
            gdp.Add(g);
            rates.Add(t);
        }

        var index = countries.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k, StringComparer.Ordinal);
        var flows = new List<(int, int, double)>();
        foreach (var row in StrictCsv.ReadFile(Path.Combine(folder, FlowFileName), FlowColumns))
        {
            var i = index.TryGetValue(row.Text(0), out var a) ? a : throw row.Fail(0, $"is not a country of {CountryFileName}");
            var j = index.TryGetValue(row.Text(1), out var b) ? b : throw row.Fail(1, $"is not a country of {CountryFileName}");
            flows.Add((i, j, row.NonNegative(2)));
        }

        return new BaciTables([.. countries], [.. gdp], [.. rates], flows);
    }

    /// <summary>Reads the embedded copy.</summary>
    /// <returns>The tables.</returns>
    /// <exception cref="InvalidDataException">The resource is missing or corrupt.</exception>
    public static BaciTables ReadEmbedded()
    {
        using var stream = EmbeddedResource.Open(ResourceName);
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        using var r = new BinaryReader(gz, Encoding.UTF8);
        if (r.ReadString() != Magic)
        {
            throw new InvalidDataException($"Resource '{ResourceName}' has an unknown format.");
        }

        var n = r.ReadInt32();
        var countries = new string[n];
        var gdp = new double[n];
        var rates = new double[n];
        for (var i = 0; i < n; i++)
        {
            countries[i] = r.ReadString();
            gdp[i] = r.ReadDouble();
            rates[i] = r.ReadDouble();
        }

        var count = r.ReadInt32();
        var flows = new List<(int, int, double)>(count);
        for (var k = 0; k < count; k++)
        {
            flows.Add((r.Read7BitEncodedInt(), r.Read7BitEncodedInt(), r.ReadDouble()));
        }

        return new BaciTables(countries, gdp, rates, flows);
    }
}
