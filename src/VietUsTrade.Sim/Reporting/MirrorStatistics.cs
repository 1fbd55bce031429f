using VietUsTrade.Sim.Data;

namespace VietUsTrade.Sim.Reporting;

/// <summary>
/// Reconciliation of the US and Vietnamese figures for bilateral goods trade that the news quote side by side
/// (e.g. a US deficit of $123.5 bn versus a Vietnamese surplus of $104.4 bn for 2024).
/// </summary>
/// <remarks>
/// The two sides differ by concept and timing: the US values imports at customs value (≈ FOB at the foreign
/// port) and by country of origin, counts general imports (headline) or imports for consumption (duties; this
/// library); Vietnam reports FOB exports by destination, and goods re-exported or routed via third countries
/// are counted differently. Figures from shared/research/policy-facts.md §4 (sources listed there).
/// </remarks>
public static class MirrorStatistics
{
    /// <summary>The reconciliation table: the published figures of both sides and this library's 2024 consumption basis.</summary>
    /// <param name="baseline">The bundled baseline (adds its 2024 row).</param>
    /// <returns>The rows, by period then side.</returns>
    public static IReadOnlyList<MirrorFigure> Table(BaselineDataset baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return
        [
            new("2023", "US Census", "general imports; exports FAS", 114.4e9, 9.8e9, -104.6e9, "[CWN] (secondary)"),
            new("2024", "US Census", "general imports (headline); exports FAS", 136.5612e9, 13.0982e9, -123.46e9, "[BOARDIQ] [SEED-001]"),
            new("2024", "this library", baseline.ImportConcept + "; " + baseline.ExportConcept, baseline.ImportsFromVietnamUsd, baseline.ExportsToVietnamUsd, baseline.BalanceUsd, "bundled dataset (Census International Trade API)"),
            new("2024", "Vietnam NSO", "exports FOB to the US; surplus", 119.5e9, null, -104.4e9, "[VNA-NSO-0705]"),
            new("2025", "US Census", "general imports (released 2026-02-19)", null, null, -178.2e9, "[NEWSRALLY] [CALINSIDER] [REDCENSOR]"),
            new("2025", "Vietnam NSO", "exports FOB to the US (preliminary, 2026-01-05); surplus", 153.2e9, null, -133.9e9, "[CGSP] [PROFIT-0106]"),
        ];
    }
}
