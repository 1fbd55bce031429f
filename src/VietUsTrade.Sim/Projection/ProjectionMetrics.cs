using System.Globalization;

namespace VietUsTrade.Sim.Projection;

/// <summary>Metric names of the Monte Carlo output (tidy, snake_case).</summary>
public static class ProjectionMetrics
{
    /// <summary>US imports from Vietnam (imports for consumption, customs value).</summary>
    public const string Imports = "imports_from_vietnam_usd";

    /// <summary>US exports to Vietnam (total exports, FAS), including commitments.</summary>
    public const string Exports = "exports_to_vietnam_usd";

    /// <summary>Exports − imports.</summary>
    public const string Balance = "balance_usd";

    /// <summary>Tariff revenue on imports from Vietnam.</summary>
    public const string Revenue = "tariff_revenue_usd";

    /// <summary>Vietnam's realised ETR: revenue / imports.</summary>
    public const string Etr = "etr";

    /// <summary>Increase of total US exports from the additional part of commitments (annual rows only).</summary>
    internal const string AdditionalExports = "additional_us_exports_usd";

    /// <summary>The no-policy balance (annual rows only): it varies with the drawn baseline growth.</summary>
    public const string BaselineBalance = "baseline_balance_usd";

    /// <summary>The policy effect on the balance, scenario − no-policy (annual rows only).</summary>
    public const string BalanceEffect = "balance_effect_usd";

    /// <summary>The metrics with monthly and annual quantiles.</summary>
    public static IReadOnlyList<string> Headline { get; } = [Imports, Exports, Balance, Revenue, Etr];

    /// <summary>The metrics with annual quantiles.</summary>
    public static IReadOnlyList<string> Annual { get; } = [Imports, Exports, Balance, Revenue, Etr, AdditionalExports, BaselineBalance, BalanceEffect];
}
