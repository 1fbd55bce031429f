using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>
/// A counterfactual: cost changes and tariff changes on listed pairs; every other pair is unchanged.
/// Immutable; validated at construction (finite values, dlog_cost within ±50, rates in [0, 10] or with the override in
/// [0, 100], no pair listed twice). Country and
/// sector codes are checked against the baseline when the model is solved.
/// </summary>
/// <remarks>
/// Pairs that are not listed carry no tariff in the baseline or the counterfactual. In the revenue treatment, list an
/// unchanged tariff with <see cref="GeTariffChange.NewRate"/> = <see cref="GeTariffChange.BaselineRate"/> so that its
/// revenue and its wedge in the shares are counted; in the iceberg treatment only the ratio (1+τ′)/(1+τ) matters.
/// For tariffs, a sector-specific entry overrides an all-sector entry for the same pair; for cost changes, an all-sector
/// entry and a sector-specific entry on the same pair add up.
/// </remarks>
public sealed class GeShock
{
    /// <summary>Creates a shock.</summary>
    /// <param name="costChanges">Non-tariff cost changes (may be empty).</param>
    /// <param name="tariffChanges">Tariff changes (may be empty).</param>
    /// <param name="allowHighTariffs">Accept rates above <see cref="ValueRanges.MaxTariffRate"/> (1,000 %) up to <see cref="ValueRanges.MaxTariffRateWithOverride"/> (10,000 %); off by default.</param>
    /// <exception cref="ArgumentException">A value is not finite, a rate is outside [0, 10] (or [0, 100] with the override), or a pair is listed twice.</exception>
    public GeShock(IEnumerable<GeCostChange>? costChanges = null, IEnumerable<GeTariffChange>? tariffChanges = null, bool allowHighTariffs = false)
    {
        var maxRate = allowHighTariffs ? ValueRanges.MaxTariffRateWithOverride : ValueRanges.MaxTariffRate;
        var costs = (costChanges ?? []).ToList();
        var tariffs = (tariffChanges ?? []).ToList();
        var seen = new HashSet<(string, string, string?)>();
        foreach (var c in costs)
        {
            ArgumentNullException.ThrowIfNull(c, nameof(costChanges));
            CheckCodes(c.Exporter, c.Importer, nameof(costChanges));
            if (!double.IsFinite(c.DeltaLogCost) || Math.Abs(c.DeltaLogCost) > 50)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"dlog_cost for {c.Exporter}->{c.Importer} = {c.DeltaLogCost} must be finite and within ±50."), nameof(costChanges));
            }

            if (!seen.Add((c.Exporter, c.Importer, c.Sector)))
            {
                throw new ArgumentException($"Cost change {c.Exporter}->{c.Importer} (sector {c.Sector ?? "all"}) is listed twice.", nameof(costChanges));
            }
        }

        seen.Clear();
        foreach (var t in tariffs)
        {
            ArgumentNullException.ThrowIfNull(t, nameof(tariffChanges));
            CheckCodes(t.Exporter, t.Importer, nameof(tariffChanges));
            CheckRate(t.NewRate, $"tariff for {t.Exporter}->{t.Importer}", maxRate);
            CheckRate(t.BaselineRate, $"baseline tariff for {t.Exporter}->{t.Importer}", maxRate);
            if (!seen.Add((t.Exporter, t.Importer, t.Sector)))
            {
                throw new ArgumentException($"Tariff change {t.Exporter}->{t.Importer} (sector {t.Sector ?? "all"}) is listed twice.", nameof(tariffChanges));
            }
        }

        CostChanges = costs;
        TariffChanges = tariffs;
    }

    /// <summary>The shock that changes nothing.</summary>
    public static GeShock None { get; } = new();

    /// <summary>Non-tariff cost changes.</summary>
    internal IReadOnlyList<GeCostChange> CostChanges { get; }

    /// <summary>Tariff changes.</summary>
    internal IReadOnlyList<GeTariffChange> TariffChanges { get; }

    /// <summary>A shock of cost changes only.</summary>
    /// <param name="changes">The changes.</param>
    /// <returns>The shock.</returns>
    internal static GeShock FromCostChanges(IEnumerable<GeCostChange> changes) => new(changes, null);

    /// <summary>A shock of tariff changes only.</summary>
    /// <param name="changes">The changes.</param>
    /// <returns>The shock.</returns>
    internal static GeShock FromTariffs(IEnumerable<GeTariffChange> changes) => new(null, changes);

    private static void CheckCodes(string exporter, string importer, string field)
    {
        if (string.IsNullOrWhiteSpace(exporter) || string.IsNullOrWhiteSpace(importer))
        {
            throw new ArgumentException($"{field}: exporter '{exporter}' and importer '{importer}' must be non-empty codes.", field);
        }
    }

    private static void CheckRate(double rate, string field, double maxRate)
    {
        if (!double.IsFinite(rate) || rate < 0 || rate > maxRate)
        {
            var hint = maxRate < ValueRanges.MaxTariffRateWithOverride ? "; rates above 10 = 1,000% need allowHighTariffs" : string.Empty;
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{field} = {rate} must be a fraction in [0, {maxRate}] (0.20 = 20%){hint}."), field);
        }
    }
}
