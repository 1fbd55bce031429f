using System.Globalization;
using VietUsTrade.Sim.Models.GeneralEquilibrium;
using Xunit;

namespace VietUsTrade.Sim.Tests.Models.GeneralEquilibrium;

/// <summary>Reads the shared GE fixtures (../shared/data/reference/ge); skips when they are absent.</summary>
internal static class GeFixtureData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    public static string ReferenceDir()
    {
        var root = Root.Value;
        if (root is null)
        {
            Assert.Skip("GE fixtures not found: no folder containing shared/data/reference/ge above " + AppContext.BaseDirectory);
        }

        return Path.Combine(root!, "shared", "data", "reference", "ge");
    }

    public static string? SharedRawDir() => Root.Value is { } r ? Path.Combine(r, "shared", "data", "raw") : null;

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "shared", "data", "reference", "ge")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Reads a CSV into rows of column → text (quotes stripped; no embedded commas in these files).</summary>
    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Split(lines[0]);
        var rows = new List<Dictionary<string, string>>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = Split(line);
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Length; c++)
            {
                row[header[c]] = cells[c];
            }

            rows.Add(row);
        }

        return rows;
    }

    public static double D(this Dictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);

    private static string[] Split(string line) => [.. line.Split(',').Select(c => c.Trim().Trim('"'))];

    public static GeBaseline C0Observed()
    {
        var rows = ReadCsv(Path.Combine(ReferenceDir(), "data", "gegravity_baseline_bilateral.csv"));
        return GeBaseline.FromFlows(rows.Select(r => new GeFlow(r["exporter"], r["importer"], r.D("observed_trade"))));
    }

    public static GeBaseline C0Modeled()
    {
        var rows = ReadCsv(Path.Combine(ReferenceDir(), "data", "gegravity_baseline_bilateral.csv"));
        return GeBaseline.FromFlows(rows.Select(r => new GeFlow(r["exporter"], r["importer"], r.D("gegravity_baseline_modeled_trade"))));
    }

    public static string C0Dir() => Path.Combine(ReferenceDir(), "cases", "C0_CAN_JPN_PTA");

    public static GeShock C0Shock()
    {
        var rows = ReadCsv(Path.Combine(C0Dir(), "shock.csv"));
        return GeShock.FromCostChanges(rows.Select(r => new GeCostChange(r["exporter"], r["importer"], r.D("delta_ln_t_pow_1_minus_sigma"))));
    }

    public static double RelErr(double actual, double expected) =>
        Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300);
}
