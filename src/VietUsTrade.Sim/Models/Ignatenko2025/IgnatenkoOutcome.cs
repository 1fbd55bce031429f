namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>
/// The seven columns of the paper's per-country map (<c>output_map.csv</c>, Value_1..Value_7) for one country or
/// one table row. Percentages are in percent; <see cref="RevenueShare"/> is a fraction.
/// </summary>
/// <param name="Label">ISO3 code, or the row label ("non-US (average)", "EU").</param>
/// <param name="WelfarePct">100(Ŵ − 1), Ŵ = δ·Ê/P̂ + (1−δ)·ŵL̂/P̂ with δ = E/(E − κ(1−τ)Y/(1+κ)).</param>
/// <param name="DeficitPct">100(D′ − D)/|D|, D = imports − exports at producer prices (positive = deficit).</param>
/// <param name="ExportsGdpPct">Change in off-diagonal exports over income, percent.</param>
/// <param name="ImportsGdpPct">Change in off-diagonal imports (before tariff) over income, percent.</param>
/// <param name="EmploymentPct">100(L̂ − 1).</param>
/// <param name="PricesPct">100(P̂ − 1), against the world numeraire.</param>
/// <param name="RevenueShare">Counterfactual tariff revenue over baseline expenditure, R′/E (a fraction).</param>
public sealed record IgnatenkoOutcome(
    string Label,
    double WelfarePct,
    double DeficitPct,
    double ExportsGdpPct,
    double ImportsGdpPct,
    double EmploymentPct,
    double PricesPct,
    double RevenueShare);
