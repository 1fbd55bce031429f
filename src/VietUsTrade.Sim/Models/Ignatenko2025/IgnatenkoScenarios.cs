using System.Globalization;

namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>
/// The tariff scenarios of Ignatenko et al. (2025) (docs/models/ignatenko2025.md §4) and user scenarios. All
/// methods are pure and thread-safe; rates are fractions.
/// </summary>
public static class IgnatenkoScenarios
{
    /// <summary>The USTR floor: every partner pays at least 10%.</summary>
    internal const double UstrFloor = 0.10;

    /// <summary>The 25 EU members of the authors' code (CZE and SVK left out; a documented quirk).</summary>
    internal static readonly IReadOnlyList<string> EuMembersInCode =
    [
        "AUT", "BEL", "BGR", "CYP", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GRC", "HRV", "HUN",
        "IRL", "ITA", "LTU", "LUX", "LVA", "MLT", "NLD", "POL", "PRT", "ROU", "SVN", "SWE",
    ];

    /// <summary>The 27 EU members (the 25 of the code plus CZE and SVK).</summary>
    public static readonly IReadOnlyList<string> EuMembers = [.. EuMembersInCode, "CZE", "SVK"];

    /// <summary>
    /// The USTR "Liberation Day" rates as the paper applies them: t[j, US] = max(0.10, applied_j) for every j ≠ US
    /// (Table 1 cases 1–2). With <see cref="IgnatenkoOptions.ExemptUsmca"/> Canada and Mexico pay zero.
    /// </summary>
    /// <param name="baseline">The baseline.</param>
    /// <returns>One US rate per partner (zero for the US itself), in data order.</returns>
    internal static double[] UstrRates(IgnatenkoBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var data = baseline.Data;
        var rates = new double[data.Count];
        for (int j = 0; j < data.Count; j++)
        {
            rates[j] = j == baseline.UsIndex ? 0.0 : Math.Max(UstrFloor, data.AppliedTariffs[j]);
        }

        if (baseline.Options.ExemptUsmca)
        {
            foreach (var iso in new[] { "CAN", "MEX" })
            {
                if (data.TryIndexOf(iso, out int k))
                {
                    rates[k] = 0.0;
                }
            }
        }

        return rates;
    }

    /// <summary>The USTR tariffs (scenario 1; Table 1 case 1 with income-tax relief, case 2 with a lump-sum rebate).</summary>
    /// <param name="baseline">The baseline.</param>
    /// <param name="revenueUse">How revenue is used.</param>
    /// <returns>The scenario.</returns>
    internal static IgnatenkoScenario Ustr(IgnatenkoBaseline baseline, RevenueUse revenueUse = RevenueUse.IncomeTaxRelief)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var t = TariffMatrix.Zero(baseline.Count).WithImporterRates(baseline.UsIndex, UstrRates(baseline));
        return new IgnatenkoScenario(revenueUse == RevenueUse.LumpSumRebate ? "USTR tariffs, lump-sum rebate" : "USTR tariffs, income-tax relief", t, revenueUse);
    }

    /// <summary>
    /// The exporter statistic δ_j = Σ_{i≠j} X_ji(1−ν_i)(1−λ_ji) / [(1−ν_j)(D_j − X_jj)], with D = E (case 3) or
    /// D = Y (the "optimal + optimal retaliation" run; a documented quirk).
    /// </summary>
    /// <param name="baseline">The baseline.</param>
    /// <param name="exporter">Index of the exporter j.</param>
    /// <param name="incomeDenominator">Use Y_j instead of E_j in the denominator.</param>
    /// <returns>δ_j.</returns>
    internal static double ExporterDelta(IgnatenkoBaseline baseline, int exporter, bool incomeDenominator = false)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        int n = baseline.Count;
        if (exporter < 0 || exporter >= n)
        {
            throw new ArgumentOutOfRangeException(nameof(exporter), exporter, $"exporter = {exporter} must be in [0, {n - 1}].");
        }

        double num = 0;
        for (int i = 0; i < n; i++)
        {
            if (i != exporter)
            {
                num += baseline.Flow(exporter, i) * (1 - baseline.Nu[i]) * (1 - baseline.ImportShare(exporter, i));
            }
        }

        double d = incomeDenominator ? baseline.Income[exporter] : baseline.Expenditure[exporter];
        return num / ((1 - baseline.Nu[exporter]) * (d - baseline.Flow(exporter, exporter)));
    }

    /// <summary>
    /// The unilaterally optimal uniform US tariff t* = 1/((1 + εδ_US)φ_US − 1): 21.80% in the paper's Table 1 case 3
    /// (E denominator), 18.54% with the Y denominator of the retaliation run.
    /// </summary>
    /// <param name="baseline">The baseline.</param>
    /// <param name="incomeDenominator">Use Y instead of E in δ (the quirk of Table 2 panel 4).</param>
    /// <returns>t*.</returns>
    internal static double OptimalUsTariff(IgnatenkoBaseline baseline, bool incomeDenominator = false)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        double delta = ExporterDelta(baseline, baseline.UsIndex, incomeDenominator);
        double eps = baseline.Parameters.TradeElasticity;
        return 1 / (((1 + (eps * delta)) * baseline.Phi[baseline.UsIndex]) - 1);
    }

    /// <summary>A uniform US tariff on every partner.</summary>
    /// <param name="baseline">The baseline.</param>
    /// <param name="rate">The rate, a fraction &gt; −1.</param>
    /// <param name="revenueUse">How revenue is used.</param>
    /// <param name="name">Optional name.</param>
    /// <returns>The scenario.</returns>
    internal static IgnatenkoScenario UniformUsTariff(IgnatenkoBaseline baseline, double rate, RevenueUse revenueUse = RevenueUse.IncomeTaxRelief, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var rates = Enumerable.Repeat(rate, baseline.Count).ToArray();
        var t = TariffMatrix.Zero(baseline.Count).WithImporterRates(baseline.UsIndex, rates);
        return new IgnatenkoScenario(name ?? $"Uniform US tariff {(rate * 100).ToString("0.##", CultureInfo.InvariantCulture)}%", t, revenueUse);
    }

    /// <summary>The optimal uniform US tariff with income-tax relief (Table 1 case 3).</summary>
    /// <param name="baseline">The baseline.</param>
    /// <returns>The scenario.</returns>
    internal static IgnatenkoScenario OptimalUs(IgnatenkoBaseline baseline)
        => UniformUsTariff(baseline, OptimalUsTariff(baseline), RevenueUse.IncomeTaxRelief, "Optimal US tariff, income-tax relief");

    /// <summary>USTR tariffs plus reciprocal retaliation: every partner taxes US goods at the rate the US charges it (Table 2 (1)).</summary>
    /// <param name="baseline">The baseline.</param>
    /// <returns>The scenario.</returns>
    internal static IgnatenkoScenario ReciprocalRetaliation(IgnatenkoBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var rates = UstrRates(baseline);
        var t = TariffMatrix.Zero(baseline.Count).WithImporterRates(baseline.UsIndex, rates).WithExporterRates(baseline.UsIndex, rates);
        return new IgnatenkoScenario("USTR tariffs, reciprocal retaliation", t);
    }

    /// <summary>
    /// The optimal retaliation rate of non-US countries from the two-region aggregate of the baseline:
    /// 1/((1 + εδ̃₁)φ_nonUS − 1) = 22.74% in the paper.
    /// </summary>
    /// <param name="baseline">The baseline.</param>
    /// <returns>The rate.</returns>
    internal static double OptimalRetaliationRate(IgnatenkoBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        int n = baseline.Count, us = baseline.UsIndex;
        double x11 = 0, x12 = 0, x21 = 0, x22 = 0, y1 = 0;
        for (int j = 0; j < n; j++)
        {
            if (j != us)
            {
                y1 += baseline.Income[j];
            }

            for (int i = 0; i < n; i++)
            {
                double v = baseline.Flow(j, i);
                if (j != us && i != us) { x11 += v; }
                else if (j != us) { x12 += v; }
                else if (i != us) { x21 += v; }
                else { x22 += v; }
            }
        }

        double lambda12 = x12 / (x12 + x22);
        int nonUs = us == 0 ? 1 : 0;
        double nu1 = baseline.Nu[nonUs];
        double delta = x12 * (1 - baseline.Nu[us]) * (1 - lambda12) / ((1 - nu1) * (y1 - x11));
        return 1 / (((1 + (baseline.Parameters.TradeElasticity * delta)) * baseline.Phi[nonUs]) - 1);
    }

    /// <summary>USTR tariffs and optimal retaliation by every partner (Table 2 (3); <c>output_map_retal.csv</c>).</summary>
    /// <param name="baseline">The baseline.</param>
    /// <returns>The scenario.</returns>
    internal static IgnatenkoScenario OptimalRetaliation(IgnatenkoBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var retaliation = Enumerable.Repeat(OptimalRetaliationRate(baseline), baseline.Count).ToArray();
        var t = TariffMatrix.Zero(baseline.Count).WithImporterRates(baseline.UsIndex, UstrRates(baseline)).WithExporterRates(baseline.UsIndex, retaliation);
        return new IgnatenkoScenario("USTR tariffs, optimal retaliation", t);
    }

    /// <summary>The optimal US tariff (Y-denominator δ, 18.54%) and optimal retaliation (Table 2 (4)).</summary>
    /// <param name="baseline">The baseline.</param>
    /// <returns>The scenario.</returns>
    internal static IgnatenkoScenario OptimalWithOptimalRetaliation(IgnatenkoBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        int n = baseline.Count;
        var us = Enumerable.Repeat(OptimalUsTariff(baseline, incomeDenominator: true), n).ToArray();
        var retaliation = Enumerable.Repeat(OptimalRetaliationRate(baseline), n).ToArray();
        var t = TariffMatrix.Zero(n).WithImporterRates(baseline.UsIndex, us).WithExporterRates(baseline.UsIndex, retaliation);
        return new IgnatenkoScenario("Optimal US tariff, optimal retaliation", t);
    }

    /// <summary>
    /// Any US tariff vector by partner: listed partners pay their rate, every other partner pays
    /// <paramref name="otherPartnersRate"/> (no retaliation).
    /// </summary>
    /// <param name="baseline">The baseline.</param>
    /// <param name="ratesByIso3">ISO3 → rate, a fraction in [0, 10] (10 = 1,000 %); "USA" is not allowed.</param>
    /// <param name="otherPartnersRate">The rate on partners not listed (e.g. 0.10, the Annex I floor), in [0, 10].</param>
    /// <param name="revenueUse">How revenue is used.</param>
    /// <param name="name">Optional name.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ArgumentException">An ISO3 code is unknown, is USA, or a rate is invalid.</exception>
    public static IgnatenkoScenario UsTariffsByPartner(
        IgnatenkoBaseline baseline,
        IReadOnlyDictionary<string, double> ratesByIso3,
        double otherPartnersRate,
        RevenueUse revenueUse = RevenueUse.IncomeTaxRelief,
        string? name = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(ratesByIso3);
        var rates = Enumerable.Repeat(UsRate(otherPartnersRate, nameof(otherPartnersRate)), baseline.Count).ToArray();
        foreach (var (iso, rate) in ratesByIso3)
        {
            UsRate(rate, $"{nameof(ratesByIso3)}[{iso}]");
            if (!baseline.Data.TryIndexOf(iso, out int j))
            {
                throw new ArgumentException($"ratesByIso3: country '{iso}' is not one of the {baseline.Count} countries of the model.", nameof(ratesByIso3));
            }

            if (j == baseline.UsIndex)
            {
                throw new ArgumentException("ratesByIso3: 'USA' cannot be a partner of the United States.", nameof(ratesByIso3));
            }

            rates[j] = rate;
        }

        var t = TariffMatrix.Zero(baseline.Count).WithImporterRates(baseline.UsIndex, rates);
        return new IgnatenkoScenario(name ?? "User US tariffs by partner", t, revenueUse);
    }

    /// <summary>The paper's USTR rates on every partner except Vietnam, which pays <paramref name="vietnamRate"/>.</summary>
    /// <param name="baseline">The baseline.</param>
    /// <param name="vietnamRate">The rate on Vietnamese goods (e.g. 0.20 under the 2025-07-31 Annex I), in [0, 10].</param>
    /// <param name="revenueUse">How revenue is used.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ArgumentException">The rate is negative, above 10 (1,000 %) or not finite.</exception>
    public static IgnatenkoScenario VietnamOnly(IgnatenkoBaseline baseline, double vietnamRate, RevenueUse revenueUse = RevenueUse.IncomeTaxRelief)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        UsRate(vietnamRate, nameof(vietnamRate));
        var t = Ustr(baseline, revenueUse).Tariffs.With(baseline.Data.IndexOf("VNM"), baseline.UsIndex, vietnamRate);
        return new IgnatenkoScenario($"USTR tariffs, Vietnam at {(vietnamRate * 100).ToString("0.##", CultureInfo.InvariantCulture)}%", t, revenueUse);
    }

    // A US tariff set by a user: a fraction from 0 to 10 (a negative rate is an import subsidy the scenarios do not model;
    // -0.9 used to report US welfare -116 %).
    private static double UsRate(double rate, string field) =>
        FieldRule.Check(rate, rate is >= 0 and <= ValueRanges.MaxTariffRate, field, "must be a fraction from 0 to 10 (0.20 = 20%; 10 = 1,000%)");
}
