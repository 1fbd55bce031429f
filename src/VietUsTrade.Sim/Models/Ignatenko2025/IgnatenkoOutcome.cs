namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>
/// The seven columns of the paper's per-country map (<c>output_map.csv</c>, Value_1..Value_7) for one country or
/// one table row. Percentages are in percent; <see cref="RevenueShare"/> is a fraction.
/// </summary>
public sealed class IgnatenkoOutcome
{
    /// <summary>ISO3 code, or the row label ("non-US (average)", "EU").</summary>
    public string Label { get; }

    /// <summary>100(Ŵ − 1), Ŵ = δ·Ê/P̂ + (1−δ)·ŵL̂/P̂ with δ = E/(E − κ(1−τ)Y/(1+κ)).</summary>
    public double WelfarePct { get; }

    /// <summary>100(D′ − D)/|D|, D = imports − exports at producer prices (positive = deficit).</summary>
    public double DeficitPct { get; }

    /// <summary>Change in off-diagonal exports over income, percent.</summary>
    public double ExportsGdpPct { get; }

    /// <summary>Change in off-diagonal imports (before tariff) over income, percent.</summary>
    public double ImportsGdpPct { get; }

    /// <summary>100(L̂ − 1).</summary>
    public double EmploymentPct { get; }

    /// <summary>100(P̂ − 1), against the world numeraire.</summary>
    public double PricesPct { get; }

    /// <summary>Counterfactual tariff revenue over baseline expenditure, R′/E (a fraction).</summary>
    public double RevenueShare { get; }

    internal IgnatenkoOutcome(string Label, double WelfarePct, double DeficitPct, double ExportsGdpPct, double ImportsGdpPct, double EmploymentPct, double PricesPct, double RevenueShare)
    {
        this.Label = Label;
        this.WelfarePct = WelfarePct;
        this.DeficitPct = DeficitPct;
        this.ExportsGdpPct = ExportsGdpPct;
        this.ImportsGdpPct = ImportsGdpPct;
        this.EmploymentPct = EmploymentPct;
        this.PricesPct = PricesPct;
        this.RevenueShare = RevenueShare;
    }

    /// <summary>The same outcome under another row label (the paper's "USA" row is the US country row).</summary>
    /// <param name="label">The row label.</param>
    /// <returns>A copy with <see cref="Label"/> = <paramref name="label"/>.</returns>
    internal IgnatenkoOutcome Relabel(string label)
        => new(label, WelfarePct, DeficitPct, ExportsGdpPct, ImportsGdpPct, EmploymentPct, PricesPct, RevenueShare);
}
