using System.IO.Compression;
using VietUsTrade.Sim.Data;

namespace VietUsTrade.Sim.DataBuild;

/// <summary>
/// Builds the datasets the package embeds from shared/data/raw.
/// Usage: dotnet run --project tools/VietUsTrade.Sim.DataBuild -c Release -- [RAW_DIR] [OUT_DIR]
/// (or `hs RAW_DIR OUT_DIR` for the HS 2022 nomenclature alone, or `prepared [OUT_DIR]` for the precomputed projection
/// preparation of the bundled presets, computed from the embedded data of the core assembly as built: rebuild after
/// regenerating the data, then run `prepared`, then rebuild)
/// (defaults: ../shared/data/raw next to the repository, and src/VietUsTrade.Sim/Data/Resources).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args is ["ignatenko", var igRaw, var igOut, .. var rest])
        {
            return Ignatenko.IgnatenkoBundleBuilder.Run(igRaw, igOut, rest.FirstOrDefault());
        }

        if (args is ["ge", var geRaw, var geOut])
        {
            return Ge.IcioGeResourceBuilder.Run(geRaw, geOut);
        }

        if (args is ["prepared", .. var preparedRest])
        {
            var dir = preparedRest.FirstOrDefault() ?? Path.Combine(RepoPaths.FindRepositoryRoot(), "src", "VietUsTrade.Sim", "Data", "Resources");
            var preparedPath = Path.Combine(dir, "projection-prepared.bin.gz");
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var bytes = VietUsTrade.Sim.Projection.ProjectionModel.BuildPrecomputedResource(Console.WriteLine);
            File.WriteAllBytes(preparedPath, bytes);
            Console.WriteLine($"wrote {preparedPath}: {bytes.Length:N0} bytes in {watch.Elapsed.TotalSeconds:F1} s");
            return 0;
        }

        if (args is ["hs", var hsRaw, var hsOut])
        {
            Console.WriteLine($"wrote {WriteHsNomenclature(hsRaw, hsOut)}");
            return 0;
        }

        var repo = RepoPaths.FindRepositoryRoot();
        var raw = args.Length > 0 ? args[0] : Path.Combine(repo, "..", "shared", "data", "raw");
        var outDir = args.Length > 1 ? args[1] : Path.Combine(repo, "src", "VietUsTrade.Sim", "Data", "Resources");
        Directory.CreateDirectory(outDir);
        var dataset = BaselineBuilder.Build(raw);
        var payload = DatasetSerializer.Serialize(dataset);
        var path = Path.Combine(outDir, "baseline-2024.bin.gz");
        File.WriteAllBytes(path, Compress(payload));
        Console.WriteLine($"wrote {path}: {new FileInfo(path).Length:N0} bytes ({payload.Length:N0} uncompressed), {dataset.ImportLines.Count} import lines, {dataset.ExportLines.Count} export lines");
        var policy = PolicyBuilder.BuildPayload(raw, out var policySources);
        var policyPath = Path.Combine(outDir, "policy-lists.json.gz");
        File.WriteAllBytes(policyPath, Compress(policy));
        Console.WriteLine($"wrote {policyPath}: {new FileInfo(policyPath).Length:N0} bytes ({policy.Length:N0} uncompressed)");
        var observed = ObservedBuilder.Build(raw);
        var observedPayload = ObservedTradeSerializer.Serialize(observed);
        var observedPath = Path.Combine(outDir, "observed-2025.bin.gz");
        File.WriteAllBytes(observedPath, Compress(observedPayload));
        Console.WriteLine($"wrote {observedPath}: {new FileInfo(observedPath).Length:N0} bytes ({observedPayload.Length:N0} uncompressed), {observed.Series.Count} series, imports to {observed.LatestImportMonth:yyyy-MM}, exports to {observed.LatestExportMonth:yyyy-MM}");
        Console.WriteLine($"wrote {WriteHsNomenclature(raw, outDir)}");
        Ignatenko.IgnatenkoBundleBuilder.Write(raw, outDir);
        Ge.IcioGeResourceBuilder.Write(raw, outDir);
        Ignatenko.AnnexIRatesBuilder.Write(raw, Path.Combine(repo, "docs", "models", "data"));
        Console.WriteLine($"wrote {Path.Combine(outDir, "ignatenko2025.bundle.gz")}, the GE resources (ICIO 2022, BACI 2023) and docs/models/data/us_tariffs_annex1_2025-07-31.csv");
        foreach (var s in dataset.Sources.Concat(policySources).Concat(observed.Sources))
        {
            Console.WriteLine($"  {s.File}: read {s.RowsRead}, kept {s.RowsKept}, rejected {s.RowsRead - s.RowsKept} {string.Join("; ", s.Rejections.Select(kv => $"[{kv.Key}: {kv.Value}]"))}");
        }

        return 0;
    }

    /// <summary>The HS 2022 nomenclature (Products.HsNomenclature): the raw descriptions CSV, verbatim, compressed.</summary>
    private static string WriteHsNomenclature(string raw, string outDir)
    {
        var path = Path.Combine(outDir, "hs2022-descriptions.csv.gz");
        File.WriteAllBytes(path, Compress(File.ReadAllBytes(Path.Combine(raw, "concordance-insongkim", "hs2022_descriptions.csv"))));
        return path;
    }

    internal static byte[] Compress(byte[] payload)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gz.Write(payload);
        }

        return ms.ToArray();
    }
}

/// <summary>Locates the repository and the shared folder beside it.</summary>
public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the current directory or the program that holds VietUsTrade.Sim.sln.</summary>
    /// <returns>The path.</returns>
    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "VietUsTrade.Sim.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("VietUsTrade.Sim.sln not found above the current directory or the program.");
    }

    /// <summary>The raw data folder ../shared/data/raw beside the repository, or null when absent.</summary>
    /// <returns>The path or null.</returns>
    public static string? FindSharedRaw()
    {
        var path = Path.GetFullPath(Path.Combine(FindRepositoryRoot(), "..", "shared", "data", "raw"));
        return Directory.Exists(path) ? path : null;
    }
}
