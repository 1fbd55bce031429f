using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>
/// Runs a policy scenario through the exact partial-equilibrium model on the bundled baseline: US imports by HTS10
/// line and supplier (import side), US exports to Vietnam by HS6 (export side) with purchase commitments, the
/// bilateral balance, tariff revenue, prices and diversion.
/// </summary>
/// <remarks>
/// <para>Import side: <see cref="PeSolver"/> (nested CES, exact; docs/models/partial-equilibrium.md) with the 2024
/// applied rates as t0 and the scenario's rates on <see cref="PeRunOptions.Date"/> as t1, ε and σ of each line from
/// the dataset (their sources travel with the lines). Export side: <see cref="UsExportResponse.Ces"/> per HS6 line with
/// Vietnam's MFN before Decree 73 as τ0 and the concessions in force on the date as τ1; commitments add
/// amount × fulfilment × the share of their period inside the window to US exports to Vietnam, and × additionality to
/// total US exports. A pure function of its inputs; thread-safe.</para>
/// </remarks>
public static class ScenarioModel
{
    /// <summary>Runs a scenario.</summary>
    /// <param name="baseline">The baseline.</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">Parameters (default <see cref="PeRunOptions.Default"/>).</param>
    /// <param name="library">Policy library (default: embedded).</param>
    /// <returns>The run.</returns>
    /// <exception cref="ArgumentException">Invalid options (named).</exception>
    /// <exception cref="ScenarioValidationException">The scenario references an unknown list or supplier.</exception>
    public static ScenarioRun Run(BaselineDataset baseline, Scenario scenario, PeRunOptions? options = null, PolicyLibrary? library = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= PeRunOptions.Default;
        options.Validate(scenario);
        library ??= PolicyLibrary.LoadEmbedded();
        if (options.TransshipmentShareOverride is { } share)
        {
            scenario = scenario.WithTransshipmentShare(share);
        }

        var schedule = TariffSchedule.Compile(scenario, baseline, library);
        var rates = schedule.RatesOn(options.Date);
        var problem = BuildProblem(baseline, rates.BaseToArray(), rates.ToArray(), options);
        var imports = PeSolver.Solve(problem);
        var exports = ExportSide(baseline, scenario, library, options);
        return new ScenarioRun(baseline, scenario, options, rates.VietnamEtr(baseline), imports, exports);
    }

    /// <summary>The PE problem of a baseline with given cell tariffs (cells in the dataset's line/supplier order).</summary>
    /// <param name="baseline">The baseline.</param>
    /// <param name="tariffs0">Baseline tariffs per cell.</param>
    /// <param name="tariffs1">New tariffs per cell.</param>
    /// <param name="options">Elasticity choices.</param>
    /// <returns>The problem (suppliers are the dataset's partners, by index).</returns>
    internal static PeProblem BuildProblem(BaselineDataset baseline, ReadOnlySpan<double> tariffs0, ReadOnlySpan<double> tariffs1, PeRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(options);
        var lines = baseline.LinesArray;
        var partnerIndex = new Dictionary<Partner, int>(ReferenceEqualityComparer.Instance);
        for (var p = 0; p < baseline.PartnersArray.Length; p++)
        {
            partnerIndex[baseline.PartnersArray[p]] = p;
        }

        var offsets = new int[lines.Length + 1];
        for (var i = 0; i < lines.Length; i++)
        {
            offsets[i + 1] = offsets[i] + lines[i].SuppliersArray.Length;
        }

        var n = offsets[^1];
        var suppliers = new int[n];
        var values = new double[n];
        var omega = double.IsPositiveInfinity(options.ExportSupplyElasticity) ? [] : new double[n];
        var eps = new double[lines.Length];
        var sigma = new double[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var s = lines[i].SuppliersArray;
            for (var k = 0; k < s.Length; k++)
            {
                suppliers[offsets[i] + k] = partnerIndex[s[k].Partner];
                values[offsets[i] + k] = s[k].ValueUsd;
                if (omega.Length > 0)
                {
                    omega[offsets[i] + k] = options.ExportSupplyElasticity;
                }
            }

            var sig = options.Sigma == SigmaSet.Hauk2012 && lines[i].SigmaHauk is { } h ? h.Value : lines[i].Sigma.Value;
            sigma[i] = Math.Max(1.01, sig * options.SigmaScale);
            eps[i] = lines[i].Epsilon.Value * options.EpsilonScale;
        }

        return new PeProblem(baseline.PartnersArray.Select(p => p.Name).ToArray(), offsets, suppliers, values, tariffs0, tariffs1, omega, eps, sigma,
            lines.Select(l => (string?)l.Code.Digits).ToArray());
    }

    /// <summary>The export side of a scenario on <see cref="PeRunOptions.Date"/>.</summary>
    /// <param name="baseline">The baseline.</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="library">The policy library.</param>
    /// <param name="options">Parameters.</param>
    /// <returns>The export-side result.</returns>
    public static ExportSideResult ExportSide(BaselineDataset baseline, Scenario scenario, PolicyLibrary library, PeRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(options);
        var date = options.Date;
        var (tau0, mfn, tau1) = ExportRates(baseline, scenario, library, date);
        var x1 = new double[tau0.Length];
        var (baseTotal, newTotal) = ExportResponse(baseline, tau0, mfn, tau1, options, x1);

        var end = date.AddMonths(options.CommitmentMonths);
        var commitments = scenario.Commitments.Select(c => new CommitmentEffect(c.Id,
            c.BilateralExportsUsd(date, end, options.FulfilmentOverride),
            c.AdditionalTotalExportsUsd(date, end, options.FulfilmentOverride, options.AdditionalityOverride))).ToArray();
        return new ExportSideResult(baseTotal, newTotal, tau0, tau1, x1, commitments, date, end);
    }

    /// <summary>
    /// Vietnam's tariff on every US export line on a date under a scenario's concessions: before any concession, the MFN
    /// rate in force (after Decree 73 when it is active) and the rate on US goods (the lowest concession rate that applies).
    /// </summary>
    internal static (double[] Before, double[] Mfn, double[] Us) ExportRates(BaselineDataset baseline, Scenario scenario, PolicyLibrary library, DateOnly date)
    {
        var active = scenario.Concessions.Where(c => c.From <= date).ToArray();
        var decree73 = active.Any(c => c.Kind == ConcessionKind.Decree73);
        var lines = baseline.ExportsArray;
        var before = new double[lines.Length];
        var mfnRates = new double[lines.Length];
        var usRates = new double[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var code = lines[i].Code;
            var b = library.VietnamMfn(code, afterDecree73: false) ?? 0.0;
            var mfn = decree73 ? library.VietnamMfn(code, afterDecree73: true) ?? 0.0 : b;
            var us = mfn;
            foreach (var c in active)
            {
                if (c.Kind == ConcessionKind.UniformRate || (c.Kind == ConcessionKind.ListedProducts && c.Products.Any(p => p.Contains(code) || code.Contains(p))))
                {
                    us = Math.Min(us, c.Rate);
                }
            }

            before[i] = b;
            mfnRates[i] = mfn;
            usRates[i] = us;
        }

        return (before, mfnRates, usRates);
    }

    /// <summary>US exports to Vietnam line by line (<paramref name="lineExports"/>) and in total, before and after, for the rates of <see cref="ExportRates"/> and the elasticities of <paramref name="options"/>.</summary>
    internal static (double BaselineUsd, double NewUsd) ExportResponse(BaselineDataset baseline, double[] before, double[] mfnRates, double[] usRates, PeRunOptions options, Span<double> lineExports)
    {
        var lines = baseline.ExportsArray;
        double baseTotal = 0, newTotal = 0;

        // The CES response is the line's exports times a ratio that depends on the three rates only (the same shares and
        // elasticities on every line): UsExportResponse.Ces(1, …) is that ratio exactly (x · 1 = x), computed once per
        // distinct triple of rates (by their bits) instead of once per line; a line without exports keeps the direct call.
        var ratios = new Dictionary<(long, long, long), double>();
        for (var i = 0; i < lines.Length; i++)
        {
            var b = before[i];
            var mfn = mfnRates[i];
            var us = usRates[i];
            var value = lines[i].Value2024Usd;
            if (us == b && mfn == b)
            {
                lineExports[i] = value;
            }
            else if (value > 0 && value <= PeProblem.MaxCellValue)
            {
                var key = (BitConverter.DoubleToInt64Bits(b), BitConverter.DoubleToInt64Bits(us), BitConverter.DoubleToInt64Bits(mfn));
                if (!ratios.TryGetValue(key, out var ratio))
                {
                    ratio = UsExportResponse.Ces(1.0, b, us, options.UsShareOfVietnamImports, options.VietnamImportDemandElasticity, options.VietnamSubstitutionElasticity, b, mfn);
                    ratios[key] = ratio;
                }

                lineExports[i] = value * ratio;
            }
            else
            {
                lineExports[i] = UsExportResponse.Ces(value, b, us, options.UsShareOfVietnamImports, options.VietnamImportDemandElasticity, options.VietnamSubstitutionElasticity, b, mfn);
            }

            baseTotal += value;
            newTotal += lineExports[i];
        }

        return (baseTotal, newTotal);
    }
}
