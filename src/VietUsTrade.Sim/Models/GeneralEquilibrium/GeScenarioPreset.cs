using System.Collections.Frozen;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>
/// A GE tariff scenario: additional US ad valorem tariffs by supplier on goods, applied on top of the baseline
/// (the ICIO 2022 baseline carries no 2025 duties, so each rate enters as τ′ with τ = 0).
/// </summary>
public sealed class GeScenarioPreset
{
    /// <summary>Preset name.</summary>
    public string Name { get; }

    /// <summary>What it represents and its sources.</summary>
    public string Description { get; }

    internal IReadOnlyDictionary<string, double> UsAdditionalRates { get; }

    internal GeScenarioPreset(string Name, string Description, IReadOnlyDictionary<string, double> UsAdditionalRates)
    {
        this.Name = Name;
        this.Description = Description;
        this.UsAdditionalRates = UsAdditionalRates;
    }

    /// <summary>The US tariff changes of the preset for the given sectors (rates for countries not in the baseline are left out).</summary>
    /// <param name="baseline">The baseline; must contain USA.</param>
    /// <param name="sectors">The sectors the tariffs apply to (goods; services are not tariffed).</param>
    /// <returns>The shock.</returns>
    public GeShock ToShock(GeBaseline baseline, IEnumerable<string> sectors)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(sectors);
        if (!baseline.ContainsCountry("USA"))
        {
            throw new ArgumentException("baseline: the preset needs the importer 'USA'.", nameof(baseline));
        }

        var list = sectors.ToList();
        var changes = new List<GeTariffChange>();
        foreach (var (exporter, rate) in UsAdditionalRates.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (exporter == "USA" || !baseline.ContainsCountry(exporter) || rate == 0)
            {
                continue;
            }

            changes.AddRange(list.Select(s => new GeTariffChange(exporter, "USA", rate, 0.0, baseline.SectorCount == 1 ? null : s)));
        }

        return GeShock.FromTariffs(changes);
    }
}
