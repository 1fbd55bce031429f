using VietUsTrade.Sim.Models.GeneralEquilibrium;

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
            IcioDataset.WriteCompressed(Path.Combine(sharedRawDir, "icio-tariffwar"), file);
        }

        using var baci = File.Create(Path.Combine(outputDir, BaciFileName));
        BaciDataset.WriteCompressed(Path.Combine(sharedRawDir, "baci2023-ignatenko"), baci);
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
}
