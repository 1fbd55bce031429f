using System.Globalization;
using System.Text;
using VietUsTrade.Sim.Models.Ignatenko2025;

namespace VietUsTrade.Sim.DataBuild.Ignatenko;

/// <summary>
/// Converts the Annex I reciprocal rates of EO 14326 (2025-07-31; policy/eo14326_annex1_reciprocal_rates_2025-07-31.csv)
/// into the <c>country,tariff</c> file (ISO3, fraction) read by <c>vietus-sim ge ignatenko --us-tariffs</c>, for the
/// 194 countries of the Ignatenko et al. (2025) data.
/// </summary>
/// <remarks>
/// EU members get 15% (the Annex's "15% minus Column 1 duty" floor, with the model's zero baseline tariffs).
/// Annex entries outside the model's 194 countries (Taiwan, Falkland Islands, Liechtenstein, Nauru) are dropped;
/// countries not listed are left out of the file, so the CLI's --other-rate (10% by default) applies to them.
/// </remarks>
public static class AnnexIRatesBuilder
{
    /// <summary>The output file name.</summary>
    public const string FileName = "us_tariffs_annex1_2025-07-31.csv";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Côte d`Ivoire"] = "CIV",
        ["Democratic Republic of the Congo"] = "COD",
        ["Myanmar (Burma)"] = "MMR",
    };

    private static readonly HashSet<string> OutsideModel = new(StringComparer.OrdinalIgnoreCase) { "Taiwan", "Falkland Islands", "Liechtenstein", "Nauru" };

    /// <summary>Writes the file to <paramref name="outputDir"/>.</summary>
    /// <param name="sharedRawDir">The shared raw-data folder (../shared/data/raw).</param>
    /// <param name="outputDir">The output folder.</param>
    public static void Write(string sharedRawDir, string outputDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sharedRawDir);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDir);
        var data = IgnatenkoData.LoadFromDirectory(Path.Combine(sharedRawDir, "ignatenko2025"));
        var byName = Enumerable.Range(0, data.Count).ToDictionary(i => data.Names[i], i => data.Iso3[i], StringComparer.OrdinalIgnoreCase);
        var rates = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path.Combine(sharedRawDir, "policy", "eo14326_annex1_reciprocal_rates_2025-07-31.csv"), Encoding.UTF8).Skip(1))
        {
            int comma = line.LastIndexOf(',');
            if (comma < 0)
            {
                continue;
            }

            string name = line[..comma].Trim();
            string rate = line[(comma + 1)..].Trim();
            if (name.StartsWith("European Union", StringComparison.Ordinal))
            {
                foreach (var iso in IgnatenkoScenarios.EuMembers)
                {
                    rates[iso] = 0.15;
                }

                continue;
            }

            if (OutsideModel.Contains(name))
            {
                continue;
            }

            string code = Aliases.TryGetValue(name, out var alias) ? alias
                : byName.TryGetValue(name, out var found) ? found
                : throw new InvalidDataException($"Annex I country '{name}' has no ISO3 code in the model's country list.");
            rates[code] = double.Parse(rate.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture) / 100;
        }

        Directory.CreateDirectory(outputDir);
        var sb = new StringBuilder("country,tariff\n");
        foreach (var (iso, rate) in rates)
        {
            sb.Append(iso).Append(',').Append(rate.ToString("0.####", CultureInfo.InvariantCulture)).Append('\n');
        }

        File.WriteAllText(Path.Combine(outputDir, FileName), sb.ToString());
    }
}
