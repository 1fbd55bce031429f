using System.Globalization;
using VietUsTrade.Sim.Models.Ignatenko2025;

namespace VietUsTrade.Sim.Tests.Models.Ignatenko2025;

/// <summary>Shared, lazily built baseline and reference outputs (immutable, so safe to share across tests).</summary>
internal static class IgnatenkoFixture
{
    private static readonly Lazy<IgnatenkoBaseline> LazyBaseline = new(IgnatenkoBaseline.Paper);
    private static readonly Lazy<IgnatenkoResult> LazyCase1 = new(() => IgnatenkoModel.SolvePaperRun(Baseline, IgnatenkoPaperRun.UstrIncomeTaxRelief));

    public static IgnatenkoBaseline Baseline => LazyBaseline.Value;

    public static IgnatenkoResult Case1 => LazyCase1.Value;

    /// <summary>Reads a reference map (Country, Value_1..Value_7) shipped with the tests.</summary>
    public static Dictionary<string, double[]> ReadMap(string fileName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Models", "Ignatenko2025", "Fixtures", fileName);
        return File.ReadAllLines(path)
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split(','))
            .ToDictionary(c => c[0], c => c.Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
    }

    public static double[] Values(IgnatenkoOutcome o)
        => [o.WelfarePct, o.DeficitPct, o.ExportsGdpPct, o.ImportsGdpPct, o.EmploymentPct, o.PricesPct, o.RevenueShare];

    /// <summary>The shared raw folder, if this checkout sits next to it.</summary>
    public static string? SharedRawDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            string candidate = Path.Combine(dir.FullName, "..", "shared", "data", "raw", "ignatenko2025");
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }

            dir = dir.Parent;
        }

        return null;
    }
}
