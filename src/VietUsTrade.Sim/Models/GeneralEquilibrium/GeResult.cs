using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>
/// The result of a counterfactual: country results, flows, balances, diagnostics and what the closure implies.
/// Immutable and thread-safe.
/// </summary>
public sealed class GeResult
{
    private readonly double[][] _counterfactual;
    private readonly GeCountryResult[] _countries;

    internal GeResult(GeBaseline baseline, GeOptions options, double[][] counterfactualFlows, GeCountryResult[] countries, GeSolverDiagnostics diagnostics)
    {
        Baseline = baseline;
        Options = options;
        _counterfactual = counterfactualFlows;
        _countries = countries;
        Diagnostics = diagnostics;
    }

    /// <summary>The baseline.</summary>
    public GeBaseline Baseline { get; }

    /// <summary>The options used.</summary>
    internal GeOptions Options { get; }

    /// <summary>Solver diagnostics.</summary>
    public GeSolverDiagnostics Diagnostics { get; }

    /// <summary>Results by country, in the baseline's order.</summary>
    public IReadOnlyList<GeCountryResult> Countries => _countries;

    /// <summary>What the closure implies for aggregate trade balances (the statement a report should carry).</summary>
    public string ClosureNote => Options.Closure == GeClosure.Additive
        ? "Additive closure: every country's aggregate trade balance (at producer prices) is held at its baseline value in units of the numeraire, so the model cannot move the aggregate US balance; it moves bilateral balances and the composition of trade only."
        : "Multiplicative closure: every country's expenditure is a fixed multiple of its output, so the aggregate trade balance changes only in proportion to nominal output (and tariff revenue); the model does not explain the aggregate balance.";

    /// <summary>A caveat about the solution concept, or null for the exact mode.</summary>
    public string? Caveat => Options.Mode == GeSolutionMode.GegravityCompatible
        ? string.Create(CultureInfo.InvariantCulture, $"gegravity-compatible mode: reproduces gegravity v0.3, whose counterfactual keeps output and expenditure shares at baseline values in the multilateral-resistance system; it is not the exact equilibrium (max market-clearing residual {Diagnostics.MaxMarketClearingResidual:E2}).")
        : null;

    /// <summary>The result of one country.</summary>
    /// <param name="country">Country code.</param>
    /// <returns>Its result.</returns>
    internal GeCountryResult Country(string country) => _countries[Baseline.IndexOfCountry(country)];

    /// <summary>A counterfactual flow.</summary>
    /// <param name="sector">Sector index.</param>
    /// <param name="exporter">Exporter index.</param>
    /// <param name="importer">Importer index.</param>
    /// <returns>X′_ij,s.</returns>
    internal double CounterfactualFlow(int sector, int exporter, int importer) => _counterfactual[sector][exporter * Baseline.CountryCount + importer];

    /// <summary>A counterfactual flow summed over sectors.</summary>
    /// <param name="exporter">Exporter code.</param>
    /// <param name="importer">Importer code.</param>
    /// <returns>Σ_s X′_ij,s.</returns>
    internal double CounterfactualFlow(string exporter, string importer)
    {
        var k = Baseline.IndexOfCountry(exporter) * Baseline.CountryCount + Baseline.IndexOfCountry(importer);
        return _counterfactual.Sum(x => x[k]);
    }

    /// <summary>Bilateral balance of <paramref name="country"/> with <paramref name="partner"/>: its exports to the partner minus its imports from it.</summary>
    /// <param name="country">The country, e.g. "USA".</param>
    /// <param name="partner">The partner, e.g. "VNM".</param>
    /// <returns>Baseline and counterfactual.</returns>
    public GeBalance BilateralBalance(string country, string partner) => new(
        Baseline.Flow(country, partner) - Baseline.Flow(partner, country),
        CounterfactualFlow(country, partner) - CounterfactualFlow(partner, country));

    /// <summary>Aggregate trade balance of a country (exports − imports, all partners, all sectors). See <see cref="ClosureNote"/>.</summary>
    /// <param name="country">The country.</param>
    /// <returns>Baseline and counterfactual.</returns>
    public GeBalance AggregateBalance(string country)
    {
        var c = Country(country);
        return new GeBalance(c.TradeBalanceBaseline, c.TradeBalanceCounterfactual);
    }

    /// <summary>All pairs, summed over sectors (N² rows, exporter-major).</summary>
    /// <returns>The rows; sector is "TOTAL" for many-sector baselines.</returns>
    public IReadOnlyList<GeBilateralResult> Bilateral()
    {
        var n = Baseline.CountryCount;
        var label = Baseline.SectorCount == 1 ? Baseline.Sectors[0] : "TOTAL";
        var rows = new GeBilateralResult[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double b = 0, c = 0;
                for (var s = 0; s < Baseline.SectorCount; s++)
                {
                    b += Baseline.SectorFlows(s)[i * n + j];
                    c += _counterfactual[s][i * n + j];
                }

                rows[i * n + j] = new GeBilateralResult(label, Baseline.Countries[i], Baseline.Countries[j], b, c);
            }
        }

        return rows;
    }

    /// <summary>All pairs by sector (S·N² rows).</summary>
    /// <returns>The rows.</returns>
    internal IReadOnlyList<GeBilateralResult> SectorBilateral()
    {
        var n = Baseline.CountryCount;
        var rows = new List<GeBilateralResult>(Baseline.SectorCount * n * n);
        for (var s = 0; s < Baseline.SectorCount; s++)
        {
            var x = Baseline.SectorFlows(s);
            for (var k = 0; k < n * n; k++)
            {
                rows.Add(new GeBilateralResult(Baseline.Sectors[s], Baseline.Countries[k / n], Baseline.Countries[k % n], x[k], _counterfactual[s][k]));
            }
        }

        return rows;
    }
}
