using VietUsTrade.Sim.Models.Ignatenko2025;
using System.Globalization;
using System.Text;

namespace VietUsTrade.Sim.Reporting;

/// <summary>Plain-text summaries of <see cref="IgnatenkoResult"/>s. Pure and thread-safe; invariant culture.</summary>
public static class IgnatenkoReports
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The paper's table rows (USA, non-US average, EU, CHN) plus Vietnam, with the seven map columns.</summary>
    /// <param name="result">A solved scenario.</param>
    /// <returns>A fixed-width table.</returns>
    public static string Table(IgnatenkoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        sb.AppendLine(Inv, $"{"row",-18} {"welfare",9} {"deficit",9} {"exp/GDP",9} {"imp/GDP",9} {"employ.",9} {"prices",9} {"rev/E",9}");
        foreach (var o in new[] { result.UsaRow, result.NonUsAverage, result.EuAverage, result.ChinaRow, result.Country("VNM") })
        {
            sb.AppendLine(Inv, $"{o.Label,-18} {NumberFormat.Number(o.WelfarePct, 2),8}% {NumberFormat.Number(o.DeficitPct, 1),8}% {NumberFormat.Number(o.ExportsGdpPct, 1),8}% {NumberFormat.Number(o.ImportsGdpPct, 1),8}% {NumberFormat.Number(o.EmploymentPct, 2),8}% {NumberFormat.Number(o.PricesPct, 1),8}% {NumberFormat.Number(100 * o.RevenueShare, 2),8}%");
        }

        // Legend of the abbreviations (every column is a change from the 2023 baseline except rev/E, a level).
        sb.AppendLine("welfare: real income change; deficit: change of the trade deficit (imports − exports, producer prices), % of |baseline deficit|;");
        sb.AppendLine("exp/GDP, imp/GDP: change of exports, imports over income; employ.: employment change; prices: price index change vs the world numeraire;");
        sb.AppendLine("rev/E: tariff revenue after the shock over baseline expenditure E (a level, not a change).");

        return sb.ToString();
    }

    /// <summary>
    /// A short report on Vietnam: the US tariff it faces, its welfare, employment, price, trade and deficit changes,
    /// its rank among the 194 countries, and US–Vietnam bilateral flows and balance before and after.
    /// </summary>
    /// <param name="result">A solved scenario.</param>
    /// <returns>The report, a few lines of text.</returns>
    public static string Vietnam(IgnatenkoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var b = result.Baseline;
        int vn = b.Data.IndexOf("VNM");
        var v = result.Countries[vn];
        var bil = result.UsVietnam;
        int rank = 1 + result.Countries.Count(o => o.WelfarePct < v.WelfarePct);
        double usOnVn = result.Scenario.Tariffs[vn, b.UsIndex];
        double vnOnUs = result.Scenario.Tariffs[b.UsIndex, vn];
        var sb = new StringBuilder();
        sb.AppendLine(Inv, $"Vietnam under \"{result.Scenario.Name}\" (Ignatenko et al. 2025 model, 2023 data):");
        sb.AppendLine(Inv, $"  US tariff on Vietnamese goods {NumberFormat.Number(100 * usOnVn, 1)}%; Vietnam's tariff on US goods {NumberFormat.Number(100 * vnOnUs, 1)}%.");
        sb.AppendLine(Inv, $"  Welfare {NumberFormat.Number(v.WelfarePct, 2)}% (rank {rank} of {result.Countries.Count}, 1 = largest loss); employment {NumberFormat.Number(v.EmploymentPct, 2)}%; prices {NumberFormat.Number(v.PricesPct, 1)}% (vs world numeraire).");
        sb.AppendLine(Inv, $"  Exports/GDP {NumberFormat.Number(v.ExportsGdpPct, 1)}%; imports/GDP {NumberFormat.Number(v.ImportsGdpPct, 1)}%; overall trade balance change {NumberFormat.Number(v.DeficitPct, 1)}% of |baseline deficit|.");
        sb.AppendLine(Inv, $"  US imports from Vietnam: {Bn(bil.ImportsBefore)} -> {Bn(bil.ImportsAfter)} bn USD at producer prices ({NumberFormat.Number(bil.ImportsChangePct, 1)}%), {Bn(bil.ImportsAfterTariffInclusive)} bn incl. tariff.");
        sb.AppendLine(Inv, $"  US exports to Vietnam: {Bn(bil.ExportsBefore)} -> {Bn(bil.ExportsAfter)} bn USD ({NumberFormat.Number(bil.ExportsChangePct, 1)}%).");
        sb.AppendLine(Inv, $"  US bilateral balance with Vietnam: {Bn(bil.BalanceBefore)} -> {Bn(bil.BalanceAfter)} bn USD.");
        return sb.ToString();
    }

    /// <summary>Solver diagnostics on one line.</summary>
    /// <param name="result">A solved scenario.</param>
    /// <returns>The line.</returns>
    public static string Diagnostics(IgnatenkoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var d = result.Diagnostics;
        return string.Create(Inv, $"solver: {d.Unknowns} unknowns, {d.Iterations} Newton iterations, {d.JacobianFactorizations} Jacobian LU factorizations, max scaled residual {d.MaxScaledResidual:G3}{(d.ContinuationStages > 0 ? $", {d.ContinuationStages} continuation stages" : "")}");
    }

    private static string Bn(double thousandUsd) => NumberFormat.Number(thousandUsd / 1e6, 2);
}
