using System.IO.Compression;
using System.Text;
using VietUsTrade.Sim.Data.Ignatenko;

namespace VietUsTrade.Sim.DataBuild.Ignatenko;

/// <summary>
/// Builds src/VietUsTrade.Sim/Data/Resources/ignatenko2025.bundle.gz: the four input files of the Ignatenko et al.
/// (2025) replication package (data/base_data), byte for byte, in a gzipped (name, bytes) list.
/// </summary>
public static class IgnatenkoBundleBuilder
{
    /// <summary>The bundle's file name.</summary>
    public const string BundleFileName = "ignatenko2025.bundle.gz";

    /// <summary>Reads <c>{sharedRawDir}/ignatenko2025/*.csv</c>, checks that they parse, and writes the bundle to <paramref name="outputDir"/>.</summary>
    /// <param name="sharedRawDir">The shared raw-data folder (../shared/data/raw).</param>
    /// <param name="outputDir">The resources folder.</param>
    public static void Write(string sharedRawDir, string outputDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sharedRawDir);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDir);
        string source = Path.Combine(sharedRawDir, "ignatenko2025");
        _ = IgnatenkoSource.ReadDirectory(source); // validates the files before bundling
        var files = IgnatenkoSource.BundleFileNames
            .Select(name => new KeyValuePair<string, byte[]>(name, File.ReadAllBytes(Path.Combine(source, name))))
            .ToList();
        Directory.CreateDirectory(outputDir);
        using var output = File.Create(Path.Combine(outputDir, BundleFileName));
        WriteBundle(output, files);
    }

    /// <summary>Command-line entry: <c>ignatenko RAW_DIR RESOURCES_DIR [EXAMPLES_DIR]</c>.</summary>
    /// <param name="sharedRawDir">The shared raw-data folder.</param>
    /// <param name="outputDir">The resources folder.</param>
    /// <param name="examplesDir">If given, also writes the Annex I US tariff file there (see <see cref="AnnexIRatesBuilder"/>).</param>
    /// <returns>0.</returns>
    public static int Run(string sharedRawDir, string outputDir, string? examplesDir = null)
    {
        Write(sharedRawDir, outputDir);
        Console.WriteLine($"wrote {Path.Combine(outputDir, BundleFileName)}");
        if (examplesDir is not null)
        {
            AnnexIRatesBuilder.Write(sharedRawDir, examplesDir);
            Console.WriteLine($"wrote {Path.Combine(examplesDir, AnnexIRatesBuilder.FileName)}");
        }

        return 0;
    }

    /// <summary>Writes the bundle format read by <see cref="IgnatenkoSource.ReadEmbeddedFiles"/>: a gzipped list of (name, bytes).</summary>
    /// <param name="output">The stream to write to.</param>
    /// <param name="files">The file names and their raw bytes, in order.</param>
    internal static void WriteBundle(Stream output, IReadOnlyList<KeyValuePair<string, byte[]>> files)
    {
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        writer.Write(files.Count);
        foreach (var (name, bytes) in files)
        {
            writer.Write(name);
            writer.Write(bytes.Length);
            writer.Write(bytes);
        }
    }
}
