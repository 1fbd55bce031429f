using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using VietUsTrade.Sim.Cli.Output;
using VietUsTrade.Sim.Cli.Sweep;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Cli.Commands;

/// <summary>
/// vietus-sim sweep GRID.json --out DIR [--shard K/N] and vietus-sim sweep merge DIR: a scenario grid evaluated in
/// independent shard processes (a SLURM job array or a Kubernetes Indexed Job), one Parquet file per shard, merged
/// into one table (docs/sweeps.md).
/// </summary>
internal static partial class SweepCommands
{
    public static Command Create(CliContext context)
    {
        var sweep = new Command("sweep", "Run a grid of scenarios (presets or files × Vietnam rates × exemption lists × elasticity scales × dates, and a Monte Carlo projection per point if asked) through the PE model: one Parquet file per shard in DIR (docs/sweeps.md).");
        var grid = new Argument<string>("GRID") { Description = "The grid file (JSON; docs/sweeps.md)." };
        var output = new Option<string>("--out") { Description = "Folder for the shard files shard-K-of-N.parquet and shard-K-of-N.json (created if missing; other shards may write into it at the same time).", Required = true, HelpName = "DIR" };
        var shard = new Option<string>("--shard")
        {
            Description = "Run only shard K of N, 0-based (K = 0 … N−1): points K, K+N, K+2N, … Use --shard $SLURM_ARRAY_TASK_ID/N (sbatch --array=0-(N−1)) or --shard $JOB_COMPLETION_INDEX/N (Kubernetes Indexed Job).",
            DefaultValueFactory = _ => "0/1",
            HelpName = "K/N",
        };
        sweep.Arguments.Add(grid);
        sweep.Options.Add(output);
        sweep.Options.Add(shard);
        sweep.SetAction(parse => RunShard(context, parse.GetValue(grid)!, parse.GetValue(output)!, parse.GetValue(shard)!, parse.GetValue(context.Force)));
        sweep.Subcommands.Add(Merge(context));
        return sweep;
    }

    private static Command Merge(CliContext context)
    {
        var merge = new Command("merge", "Combine the shard files of a sweep folder into one table ordered by point (all N shards of one grid must be there, unchanged): DIR/sweep.parquet, or --out FILE (.csv, .json, .parquet, .xlsx).");
        var dir = new Argument<string>("DIR") { Description = "The sweep folder." };
        var output = new Option<string?>("--out") { Description = "The merged table (default DIR/sweep.parquet).", HelpName = "FILE" };
        merge.Arguments.Add(dir);
        merge.Options.Add(output);
        merge.SetAction(parse =>
        {
            var folder = parse.GetValue(dir)!;
            var target = parse.GetValue(output) ?? Path.Combine(folder, "sweep.parquet");
            TableWriter.FormatOf(target);
            var (table, grid, shards) = MergeFolder(folder);
            var path = TableWriter.Write(table, target, parse.GetValue(context.Force));
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"merged {shards} shards of grid {grid[..12]}…: {table.Rows.Count} points"));
            context.Error.WriteLine($"wrote {path}");
            return 0;
        });
        return merge;
    }

    private static int RunShard(CliContext context, string gridPath, string outDir, string shardText, bool force)
    {
        var (k, n) = ParseShard(shardText);
        SweepGrid grid;
        try
        {
            grid = SweepGrid.Load(gridPath);
        }
        catch (SweepGridException ex)
        {
            throw new CliUsageException($"{gridPath}: {ex.Message}");
        }

        var full = Path.GetFullPath(outDir);
        if (File.Exists(full))
        {
            throw new CliUsageException($"--out '{outDir}' is a file, not a folder");
        }

        Directory.CreateDirectory(full);
        var name = string.Create(CultureInfo.InvariantCulture, $"shard-{k}-of-{n}");
        var parquet = Path.Combine(full, name + ".parquet");
        var manifest = Path.Combine(full, name + ".json");
        if (!force && (File.Exists(parquet) || File.Exists(manifest)))
        {
            throw new CliUsageException($"--out '{outDir}' already holds {name}: pass --force to replace it");
        }

        // A folder holds one sweep: shards of another grid or another N are refused (merge would refuse them too).
        foreach (var other in ShardManifests(full))
        {
            if (other.Grid != grid.Sha256 || other.Shards != n)
            {
                if (!force)
                {
                    throw new CliUsageException($"--out '{outDir}' holds {Path.GetFileName(other.Path)} of another sweep (grid {other.Grid[..12]}…, {other.Shards} shards): use another folder or --force");
                }
            }
        }

        var watch = Stopwatch.StartNew();
        var points = SweepRunner.ShardPoints(grid, k, n).ToArray();
        var table = SweepRunner.Evaluate(grid, points, BaselineDataset.LoadEmbedded());
        TableWriter.Write(table, parquet, force: true);
        var entry = new Dictionary<string, object>
        {
            ["tool"] = "vietus-sim",
            ["arguments"] = context.Arguments,
            ["grid_sha256"] = grid.Sha256,
            ["shard"] = k,
            ["shards"] = n,
            ["grid_points"] = grid.PointCount,
            ["points"] = points.Length,
            ["file"] = Path.GetFileName(parquet),
            ["sha256"] = Sha256(parquet),
            ["seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 3),
        };
        AtomicFile.WriteAllText(manifest, CliJson.Serialize(entry) + "\n");
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"shard {k}/{n} of grid {grid.Sha256[..12]}…: {points.Length} of {grid.PointCount} points in {watch.Elapsed.TotalSeconds:F2} s ({(points.Length == 0 ? 0 : points.Length / watch.Elapsed.TotalSeconds):F1} points/s)"));
        context.Error.WriteLine($"wrote {parquet}");
        return 0;
    }

    /// <summary>Reads every shard of a folder, checks they are the complete, unchanged set of one grid, and returns the rows ordered by point.</summary>
    internal static (TidyTable Table, string Grid, int Shards) MergeFolder(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new CliUsageException($"sweep merge: folder '{folder}' does not exist");
        }

        var manifests = ShardManifests(full).ToArray();
        if (manifests.Length == 0)
        {
            throw new InvalidDataException($"sweep merge: '{folder}' holds no shard-K-of-N.json files");
        }

        var grids = manifests.Select(m => m.Grid).Distinct(StringComparer.Ordinal).ToArray();
        var counts = manifests.Select(m => m.Shards).Distinct().ToArray();
        if (grids.Length > 1 || counts.Length > 1)
        {
            throw new InvalidDataException($"sweep merge: '{folder}' mixes sweeps ({grids.Length} grids, shard counts {string.Join("/", counts)}); keep one sweep per folder");
        }

        var n = counts[0];
        var missing = Enumerable.Range(0, n).Except(manifests.Select(m => m.Shard)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException($"sweep merge: shards {string.Join(", ", missing)} of {n} are missing in '{folder}'");
        }

        TidyTable? merged = null;
        var rows = new List<object?[]>();
        foreach (var m in manifests.OrderBy(m => m.Shard))
        {
            var parquet = Path.Combine(full, m.File);
            if (!File.Exists(parquet) || Sha256(parquet) != m.Sha256)
            {
                throw new InvalidDataException($"sweep merge: {m.File} is missing or differs from its manifest {Path.GetFileName(m.Path)} (sha256)");
            }

            var table = ParquetFile.Read(parquet);
            if (table.Rows.Count != m.Points)
            {
                throw new InvalidDataException($"sweep merge: {m.File} has {table.Rows.Count} rows, its manifest says {m.Points}");
            }

            merged ??= new TidyTable([.. table.Columns]);
            if (!table.Columns.SequenceEqual(merged.Columns, StringComparer.Ordinal))
            {
                throw new InvalidDataException($"sweep merge: {m.File} has other columns than shard 0");
            }

            rows.AddRange(table.Rows.Select(r => r.ToArray()));
        }

        var ordered = rows.OrderBy(r => (double)r[0]!).ToArray();
        var total = manifests[0].GridPoints;
        for (var i = 0; i < ordered.Length; i++)
        {
            if ((double)ordered[i][0]! != i)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"sweep merge: point {i} is missing or repeated"));
            }
        }

        if (ordered.Length != total)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"sweep merge: {ordered.Length} points, the grid has {total}"));
        }

        foreach (var r in ordered)
        {
            merged!.Add(r);
        }

        return (merged!, grids[0], n);
    }

    internal static (int Shard, int Shards) ParseShard(string text)
    {
        var m = ShardPattern().Match(text ?? string.Empty);
        if (!m.Success || !int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var k) || !int.TryParse(m.Groups[2].Value, CultureInfo.InvariantCulture, out var n)
            || n is < 1 or > 100_000 || k >= n)
        {
            throw new CliUsageException($"--shard '{text}' must be K/N with 0 ≤ K < N ≤ 100000 (0-based, e.g. 0/4 … 3/4)");
        }

        return (k, n);
    }

    private sealed record ShardManifest(string Path, string Grid, int Shard, int Shards, long GridPoints, int Points, string File, string Sha256);

    private static IEnumerable<ShardManifest> ShardManifests(string folder)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "shard-*-of-*.json").Order(StringComparer.Ordinal))
        {
            ShardManifest manifest;
            try
            {
                using var doc = JsonDocument.Parse(BoundedInput.ReadAllText(path, 1024 * 1024, "shard manifest"));
                var r = doc.RootElement;
                manifest = new ShardManifest(path, r.GetProperty("grid_sha256").GetString()!, r.GetProperty("shard").GetInt32(), r.GetProperty("shards").GetInt32(),
                    r.GetProperty("grid_points").GetInt64(), r.GetProperty("points").GetInt32(), r.GetProperty("file").GetString()!, r.GetProperty("sha256").GetString()!);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"sweep: '{path}' is not a shard manifest ({ex.Message})");
            }

            if (manifest.File.Contains('/') || manifest.File.Contains('\\') || manifest.File.Contains(".."))
            {
                throw new InvalidDataException($"sweep: '{path}' names a file outside its folder ({manifest.File})");
            }

            yield return manifest;
        }
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    [GeneratedRegex(@"^([0-9]{1,6})/([0-9]{1,6})$")]
    private static partial Regex ShardPattern();
}
