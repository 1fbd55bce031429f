using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>Vietnam's effective tariff rate on a date.</summary>
public sealed class EtrPoint
{
    /// <summary>The date.</summary>
    public DateOnly Date { get; }

    /// <summary>Import-weighted total rate (2024 weights), fraction.</summary>
    public double EtrTotal { get; }

    /// <summary>Total minus the 2024 applied rate (3.77%).</summary>
    public double EtrAddedVs2024 { get; }

    /// <summary>Share of Vietnam's 2024 import value on which each layer adds a non-zero rate.</summary>
    public IReadOnlyDictionary<MeasureKind, double> ValueShareUnderLayer { get; }

    internal IReadOnlyDictionary<MeasureKind, double> LayerContribution { get; }

    internal EtrPoint(DateOnly Date, double EtrTotal, double EtrAddedVs2024, IReadOnlyDictionary<MeasureKind, double> ValueShareUnderLayer, IReadOnlyDictionary<MeasureKind, double> LayerContribution)
    {
        this.Date = Date;
        this.EtrTotal = EtrTotal;
        this.EtrAddedVs2024 = EtrAddedVs2024;
        this.ValueShareUnderLayer = ValueShareUnderLayer;
        this.LayerContribution = LayerContribution;
    }

    /// <summary>An ETR path as a tidy table, one row per date: scenario, date, etr_total, etr_added_vs_2024 and the value share under each layer (share_under_KIND).</summary>
    /// <param name="scenario">The scenario name written in each row.</param>
    /// <param name="path">The points, e.g. <see cref="TariffSchedule.VietnamEtrPath"/>.</param>
    /// <returns>The table.</returns>
    public static Reporting.TidyTable Table(string scenario, IEnumerable<EtrPoint> path)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(path);
        var kinds = Enum.GetValues<MeasureKind>();
        var t = new Reporting.TidyTable(["scenario", "date", "etr_total", "etr_added_vs_2024", .. kinds.Select(k => $"share_under_{ScenarioJson.KindName(k).Replace('-', '_')}")]);
        foreach (var p in path)
        {
            t.Add([scenario, p.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p.EtrTotal, p.EtrAddedVs2024, .. kinds.Select(k => (object?)p.ValueShareUnderLayer[k])]);
        }

        return t;
    }

    internal bool SameRatesAs(EtrPoint other) =>
        Math.Abs(EtrTotal - other.EtrTotal) < 1e-12 && ValueShareUnderLayer.All(kv => Math.Abs(kv.Value - other.ValueShareUnderLayer[kv.Key]) < 1e-12);
}
