using System.Globalization;
using System.Text;

namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>Exact-versus-SMART comparison for one supplier (US dollars).</summary>
/// <param name="Supplier">Supplier name.</param>
/// <param name="BaselineImports">Baseline imports at world prices.</param>
/// <param name="ExactChange">Import change in the exact CES model.</param>
/// <param name="SmartChange">Import change with the SMART formulas.</param>
internal sealed record PeComparisonRow(string Supplier, double BaselineImports, double ExactChange, double SmartChange)
{
    /// <summary>SmartChange − ExactChange.</summary>
    public double Difference => SmartChange - ExactChange;

    /// <summary>Difference relative to the exact change (0 when both are 0; ±∞ avoided: NaN-free, uses the baseline when the exact change is 0).</summary>
    public double RelativeDifference =>
        ExactChange != 0 ? Difference / Math.Abs(ExactChange) : BaselineImports != 0 ? Difference / BaselineImports : 0.0;
}

/// <summary>
/// Side-by-side results of the exact CES model (<see cref="PeSolver"/>) and the WITS-SMART formulas
/// (<see cref="SmartModel"/>) for the same problem and shock, with a plain-text report.
/// </summary>
/// <remarks>
/// The two differ for two reasons (pe-methods.md §1, §2.9): SMART books all of the demand (creation) effect on the
/// supplier whose tariff changed, while CES spreads it over all suppliers by their shares; and SMART is linear, so for
/// large shocks (20% → 46%) its approximation error is large. On Example A (§6.3) SMART cuts Vietnam from 100 to 56.9,
/// the exact model to 76.4. The welfare figures are different concepts: SMART's triangle ½|Δt||TC| against the exact
/// importer net welfare ΔCS + ΔTR.
/// </remarks>
internal sealed class PeComparison
{
    private PeComparison(PeResult exact, SmartResult smart)
    {
        Exact = exact;
        Smart = smart;
        Rows = [.. exact.SupplierTotals.Select((e, s) => new PeComparisonRow(e.Supplier, e.BaselineImports, e.ImportChange, smart.SupplierTotals[s].ImportChange))];
    }

    /// <summary>The exact results.</summary>
    public PeResult Exact { get; }

    /// <summary>The SMART results.</summary>
    public SmartResult Smart { get; }

    /// <summary>One row per supplier, indexed like the problem's suppliers.</summary>
    public IReadOnlyList<PeComparisonRow> Rows { get; }

    /// <summary>Solves the problem with both models.</summary>
    /// <param name="problem">Problem with at most one supplier (with imports) whose tariff changes per line.</param>
    /// <param name="smartOptions">SMART options; null = <see cref="SmartOptions.Default"/> (μ from the problem, so both models use the same parameters).</param>
    /// <param name="solverOptions">Exact solver options.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="PartialEquilibriumException">SMART cannot handle a line (several beneficiaries, or negative flows with the Throw policy).</exception>
    public static PeComparison Compare(PeProblem problem, SmartOptions? smartOptions = null, PeSolverOptions? solverOptions = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new PeComparison(PeSolver.Solve(problem, solverOptions), SmartModel.Solve(problem, smartOptions));
    }

    /// <summary>A plain-text table: import change by supplier in both models, totals, revenue and welfare.</summary>
    /// <param name="scale">Divisor for display (e.g. 1e6 for millions); must be &gt; 0.</param>
    /// <param name="unit">Unit label shown in the header.</param>
    /// <returns>The report.</returns>
    public string ToText(double scale = 1.0, string unit = "USD")
    {
        if (!(scale > 0) || double.IsInfinity(scale))
        {
            throw new ArgumentException($"scale = {PeValidation.Fmt(scale)} must be a finite number > 0.", nameof(scale));
        }

        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(ci, $"Exact CES vs WITS-SMART ({unit}; changes at world prices)");
        sb.AppendLine(ci, $"{"supplier",-20} {"baseline",14} {"exact Δ",14} {"SMART Δ",14} {"SMART−exact",14} {"rel.",8}");
        foreach (var r in Rows)
        {
            sb.AppendLine(ci, $"{r.Supplier,-20} {r.BaselineImports / scale,14:N3} {r.ExactChange / scale,14:N3} {r.SmartChange / scale,14:N3} {r.Difference / scale,14:N3} {r.RelativeDifference,8:P1}");
        }

        var e = Exact.Totals;
        var s = Smart.Totals;
        sb.AppendLine(ci, $"{"total imports",-20} {e.BaselineImports / scale,14:N3} {e.ImportChange / scale,14:N3} {s.ImportChange / scale,14:N3} {(s.ImportChange - e.ImportChange) / scale,14:N3}");
        sb.AppendLine(ci, $"{"tariff revenue",-20} {e.BaselineRevenue / scale,14:N3} {e.RevenueChange / scale,14:N3} {s.RevenueChange / scale,14:N3} {(s.RevenueChange - e.RevenueChange) / scale,14:N3}");
        sb.AppendLine(ci, $"welfare: exact ΔCS {e.ConsumerSurplusChange / scale:N3}, importer net ΔCS+ΔTR {e.ImporterNetWelfareChange / scale:N3}; SMART triangle {s.WelfareChange / scale:N3} (different concepts)");
        if (s.ClampedLines > 0)
        {
            sb.AppendLine(ci, $"SMART: {s.ClampedLines} line(s) clamped at zero imports (linear formulas implied negative flows).");
        }

        return sb.ToString();
    }
}
