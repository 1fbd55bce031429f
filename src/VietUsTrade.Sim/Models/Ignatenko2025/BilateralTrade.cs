namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>Bilateral goods trade of two countries before and after a scenario, thousands of USD at producer prices.</summary>
/// <param name="Home">ISO3 of the reporting country (e.g. "USA").</param>
/// <param name="Partner">ISO3 of the partner (e.g. "VNM").</param>
/// <param name="ExportsBefore">Home's exports to the partner, baseline.</param>
/// <param name="ExportsAfter">Home's exports to the partner, counterfactual.</param>
/// <param name="ImportsBefore">Home's imports from the partner, baseline (before Home's tariff).</param>
/// <param name="ImportsAfter">Home's imports from the partner, counterfactual (before Home's tariff).</param>
/// <param name="ImportsAfterTariffInclusive">Home's counterfactual imports from the partner including Home's tariff.</param>
internal sealed record BilateralTrade(
    string Home,
    string Partner,
    double ExportsBefore,
    double ExportsAfter,
    double ImportsBefore,
    double ImportsAfter,
    double ImportsAfterTariffInclusive)
{
    /// <summary>Gets Home's bilateral balance (exports − imports) before.</summary>
    public double BalanceBefore => ExportsBefore - ImportsBefore;

    /// <summary>Gets Home's bilateral balance (exports − imports) after, at producer prices.</summary>
    public double BalanceAfter => ExportsAfter - ImportsAfter;

    /// <summary>Gets the percentage change of Home's exports to the partner.</summary>
    public double ExportsChangePct => 100 * ((ExportsAfter / ExportsBefore) - 1);

    /// <summary>Gets the percentage change of Home's imports from the partner (producer prices).</summary>
    public double ImportsChangePct => 100 * ((ImportsAfter / ImportsBefore) - 1);
}
