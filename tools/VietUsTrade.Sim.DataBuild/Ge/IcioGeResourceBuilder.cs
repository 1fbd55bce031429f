using System.IO.Compression;
using System.Text;
using VietUsTrade.Sim.Data.Ge;

namespace VietUsTrade.Sim.DataBuild.Ge;

/// <summary>
/// Builds the embedded GE resource <c>icio2022_ge.bin.gz</c> from <c>shared/data/raw/icio-tariffwar/</c>:
/// the dense 81 × 81 × 28 OECD ICIO 2022 cube (USD million × 1e4 as 7-bit integers, exact for the source's 4 decimals)
/// and the 8 elasticity sets; and <c>baci2023_ge.bin.gz</c> from <c>shared/data/raw/baci2023-ignatenko/</c> (BACI 2023
/// goods flows, GDP and Liberation Day rates, values as stored). Deterministic: the same input gives the same bytes.
/// </summary>
public static class IcioGeResourceBuilder
{
    /// <summary>The ICIO file name written.</summary>
    public const string FileName = "icio2022_ge.bin.gz";

    /// <summary>The BACI file name written.</summary>
    public const string BaciFileName = "baci2023_ge.bin.gz";

    /// <summary>Reads the raw folder and writes the resource.</summary>
    /// <param name="sharedRawDir">The <c>shared/data/raw</c> folder.</param>
    /// <param name="outputDir">The output folder, normally <c>src/VietUsTrade.Sim/Data/Resources</c>.</param>
    public static void Write(string sharedRawDir, string outputDir)
    {
        ArgumentNullException.ThrowIfNull(sharedRawDir);
        ArgumentNullException.ThrowIfNull(outputDir);
        Directory.CreateDirectory(outputDir);
        var path = Path.Combine(outputDir, FileName);
        using (var file = File.Create(path))
        {
            WriteIcio(IcioSource.ReadCsv(Path.Combine(sharedRawDir, "icio-tariffwar")), file);
        }

        using var baci = File.Create(Path.Combine(outputDir, BaciFileName));
        WriteBaci(BaciSource.ReadCsv(Path.Combine(sharedRawDir, "baci2023-ignatenko")), baci);
    }

    /// <summary>Command-line entry: <c>ge RAW_DIR OUTPUT_DIR</c>; prints what was written.</summary>
    /// <param name="sharedRawDir">The <c>shared/data/raw</c> folder.</param>
    /// <param name="outputDir">The output folder.</param>
    /// <returns>Exit code 0.</returns>
    public static int Run(string sharedRawDir, string outputDir)
    {
        Write(sharedRawDir, outputDir);
        foreach (var name in new[] { FileName, BaciFileName })
        {
            var info = new FileInfo(Path.Combine(outputDir, name));
            Console.WriteLine($"wrote {info.FullName} ({info.Length:N0} bytes)");
        }
        return 0;
    }

    /// <summary>Writes the compact binary form of the ICIO tables (gzip) read by <see cref="IcioSource.ReadCompressed"/>; deterministic.</summary>
    /// <param name="d">The tables.</param>
    /// <param name="destination">The stream.</param>
    internal static void WriteIcio(IcioTables d, Stream destination)
    {
        using var gz = new GZipStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8, leaveOpen: true);
        w.Write(IcioSource.Magic);
        w.Write("OECD ICIO 2022 (Extended), 81 economies x 28 sectors, via ahmadlp/tariffwar commit 98636984");
        w.Write(d.Countries.Length);
        foreach (var c in d.Countries)
        {
            w.Write(c);
        }

        w.Write(d.Sectors.Length);
        foreach (var s in d.Sectors)
        {
            w.Write(s);
        }

        foreach (var u in d.Units)
        {
            w.Write7BitEncodedInt64(u);
        }

        w.Write(d.ElasticitySets.Count);
        foreach (var set in d.ElasticitySets)
        {
            w.Write(set.Code);
            w.Write(set.Source);
            foreach (var s in d.Sectors)
            {
                w.Write(set.ThetaBySector.TryGetValue(s, out var t) ? t : double.NaN);
            }
        }
    }

    /// <summary>Writes the compact binary form of the BACI tables (gzip) read by <see cref="BaciSource.ReadEmbedded"/>; deterministic.</summary>
    /// <param name="d">The tables.</param>
    /// <param name="destination">The stream.</param>
    internal static void WriteBaci(BaciTables d, Stream destination)
    {
        using var gz = new GZipStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8, leaveOpen: true);
        w.Write(BaciSource.Magic);
        w.Write(d.Countries.Length);
        for (var i = 0; i < d.Countries.Length; i++)
        {
            w.Write(d.Countries[i]);
            w.Write(d.Gdp[i]);
            w.Write(d.Rates[i]);
        }

        w.Write(d.Flows.Count);
        foreach (var (i, j, v) in d.Flows)
        {
            w.Write7BitEncodedInt(i);
            w.Write7BitEncodedInt(j);
            w.Write(v);
        }
    }
}
