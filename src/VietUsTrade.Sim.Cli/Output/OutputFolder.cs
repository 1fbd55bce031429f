using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Cli.Output;

/// <summary>
/// An output folder (flagship --out, ge solve --out, backtest --chart): every file written stays inside it; a folder that
/// is not empty is refused unless --force; a run that completes writes manifest.json listing the files it wrote (with
/// their sizes and SHA-256) and its command line, so a folder never mixes runs silently.
/// </summary>
internal sealed class OutputFolder
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestName = "manifest.json";

    private readonly Dictionary<string, DateTime> _before;
    private readonly DateTime _started;

    private OutputFolder(string root, Dictionary<string, DateTime> before)
    {
        Root = root;
        _before = before;
        _started = DateTime.UtcNow;
    }

    /// <summary>The full path of the folder, with a trailing separator.</summary>
    public string Root { get; }

    /// <summary>
    /// Creates the folder if missing. An existing file at that path is an error; an existing folder that holds anything is
    /// refused unless <paramref name="force"/> (then files of the same names are replaced atomically and the previous
    /// manifest is removed first, so a run that fails leaves no manifest that would vouch for the folder).
    /// </summary>
    public static OutputFolder Create(string path, string option, bool force)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new CliUsageException($"{option} needs a folder");
        }

        var full = Path.GetFullPath(path);
        if (System.IO.File.Exists(full))
        {
            throw new CliUsageException($"{option} '{path}' is a file, not a folder");
        }

        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            if (!force)
            {
                throw new CliUsageException($"{option} '{path}' is not empty: pass --force to write into it (files of the same names are replaced)");
            }

            var manifest = Path.Combine(full, ManifestName);
            if (System.IO.File.Exists(manifest))
            {
                System.IO.File.Delete(manifest);
            }
        }

        Directory.CreateDirectory(full);
        var before = Directory.EnumerateFiles(full).ToDictionary(f => Path.GetFileName(f), System.IO.File.GetLastWriteTimeUtc, StringComparer.Ordinal);
        return new OutputFolder(Path.TrimEndingDirectorySeparator(full) + Path.DirectorySeparatorChar, before);
    }

    /// <summary>The full path of a file name inside the folder; throws if it would escape it (e.g. "../x").</summary>
    public string File(string name)
    {
        var full = Path.GetFullPath(Path.Combine(Root, name));
        if (!full.StartsWith(Root, StringComparison.Ordinal) || Path.GetDirectoryName(full) + Path.DirectorySeparatorChar != Root)
        {
            throw new ArgumentException($"file name '{name}' escapes the output folder {Root}", nameof(name));
        }

        return full;
    }

    /// <summary>
    /// Writes manifest.json (atomically): the tool and its version, the command line, the start and end times (UTC) and
    /// every file this run wrote (new since the folder was opened, or replaced), with its size and SHA-256.
    /// </summary>
    /// <returns>The manifest's full path.</returns>
    public string WriteManifest(IReadOnlyList<string> arguments)
    {
        // Plain loops, not LINQ over (path, name) tuples: those generic instantiations are not in any precompiled image
        // and cost some sixty JIT compilations per run.
        var written = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Root))
        {
            var name = Path.GetFileName(path);
            if (name != ManifestName && !name.StartsWith('.') && (!_before.TryGetValue(name, out var t) || System.IO.File.GetLastWriteTimeUtc(path) != t))
            {
                written.Add(name);
            }
        }

        var names = written.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        var sizes = new long[names.Length];
        var hashes = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            using var stream = System.IO.File.OpenRead(Path.Combine(Root, names[i]));
            sizes[i] = stream.Length;
            hashes[i] = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        var version = typeof(OutputFolder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

        // Written with Utf8JsonWriter in the layout of CliJson (indented, relaxed escaping): the
        // reflection-based serializer cost a few dozen milliseconds of start-up per run (run-time code generation and
        // JIT) and cannot work in a trimmed or Native AOT build.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("tool", "vietus-sim");
            json.WriteString("version", version);
            json.WriteStartArray("arguments");
            foreach (var argument in arguments)
            {
                json.WriteStringValue(argument);
            }

            json.WriteEndArray();
            json.WriteString("started_utc", _started.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteString("finished_utc", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteStartArray("files");
            for (var i = 0; i < names.Length; i++)
            {
                json.WriteStartObject();
                json.WriteString("name", names[i]);
                json.WriteNumber("bytes", sizes[i]);
                json.WriteString("sha256", hashes[i]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return AtomicFile.WriteAllText(File(ManifestName), System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n");
    }

    /// <summary>A file-name-safe form of a scenario name: lower-case letters, digits and dashes.</summary>
    public static string Slug(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "scenario" : slug;
    }
}
