using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>Solver diagnostics of a general-equilibrium counterfactual.</summary>
/// <param name="Method">The algorithm, e.g. "damped fixed point (exact hat algebra)".</param>
/// <param name="Iterations">Iterations used.</param>
/// <param name="MaxResidual">The largest residual of the system that was solved (relative market clearing in the exact mode; relative multilateral-resistance residual in the gegravity-compatible mode).</param>
/// <param name="MaxMarketClearingResidual">max_i |Σ_j X′_ij − κ·Y′_i| / (κ·Y′_i) of the counterfactual. Near 0 in the exact mode; in the gegravity-compatible mode it shows how far that mode is from an equilibrium.</param>
/// <param name="Kappa">κ = Σ_j (E′_j − R′_j) / Σ_i Y′_i: 1 under the additive closure; under the multiplicative closure market clearing can only hold up to this common factor (fixture README §3.3).</param>
/// <param name="Elapsed">Wall-clock time of the solve.</param>
public sealed record GeSolverDiagnostics(string Method, int Iterations, double MaxResidual, double MaxMarketClearingResidual, double Kappa, TimeSpan Elapsed)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Method}: {Iterations} iterations, max residual {MaxResidual:E2}, max market-clearing residual {MaxMarketClearingResidual:E2}, kappa {Kappa:R}, {Elapsed.TotalMilliseconds:F3} ms");
}

/// <summary>Baseline and counterfactual of a balance (exports − imports, US dollars).</summary>
/// <param name="Baseline">Baseline balance.</param>
/// <param name="Counterfactual">Counterfactual balance.</param>
public sealed record GeBalance(double Baseline, double Counterfactual)
{
    /// <summary>Counterfactual − baseline.</summary>
    public double Change => Counterfactual - Baseline;
}

/// <summary>Country-level results. Hats are counterfactual/baseline ratios; the percentage properties are 100(hat − 1).</summary>
/// <param name="Country">Country code.</param>
/// <param name="FactoryGatePriceHat">p̂_i (= ŵ_i): the change of the factory-gate price (wage, output price).</param>
/// <param name="PriceIndexHat">P̂_j: the consumer price index (inward multilateral resistance), tariffs included.</param>
/// <param name="OutputBaseline">Y_i.</param>
/// <param name="OutputCounterfactual">Y′_i.</param>
/// <param name="ExpenditureBaseline">E_j, tariff revenue included.</param>
/// <param name="ExpenditureCounterfactual">E′_j, tariff revenue included.</param>
/// <param name="ExportsBaseline">Foreign exports (off-diagonal row sum) at producer prices.</param>
/// <param name="ExportsCounterfactual">Counterfactual foreign exports.</param>
/// <param name="ImportsBaseline">Foreign imports (off-diagonal column sum) at producer prices.</param>
/// <param name="ImportsCounterfactual">Counterfactual foreign imports.</param>
/// <param name="TariffRevenueBaseline">Tariff revenue in the baseline (0 in the iceberg treatment).</param>
/// <param name="TariffRevenueCounterfactual">Counterfactual tariff revenue (0 in the iceberg treatment).</param>
public sealed record GeCountryResult(
    string Country,
    double FactoryGatePriceHat,
    double PriceIndexHat,
    double OutputBaseline,
    double OutputCounterfactual,
    double ExpenditureBaseline,
    double ExpenditureCounterfactual,
    double ExportsBaseline,
    double ExportsCounterfactual,
    double ImportsBaseline,
    double ImportsCounterfactual,
    double TariffRevenueBaseline,
    double TariffRevenueCounterfactual)
{
    /// <summary>Ê_j.</summary>
    public double ExpenditureHat => ExpenditureCounterfactual / ExpenditureBaseline;

    /// <summary>Real expenditure change Ê/P̂: the welfare change (equals ge_gravity's "welfare" under the additive closure; its inverse is gegravity's welfare statistic).</summary>
    public double RealExpenditureHat => ExpenditureHat / PriceIndexHat;

    /// <summary>100(p̂ − 1).</summary>
    public double FactoryGatePriceChangePct => 100 * (FactoryGatePriceHat - 1);

    /// <summary>100(P̂ − 1).</summary>
    public double PriceIndexChangePct => 100 * (PriceIndexHat - 1);

    /// <summary>100(Ê − 1).</summary>
    public double ExpenditureChangePct => 100 * (ExpenditureHat - 1);

    /// <summary>100(Ê/P̂ − 1): welfare.</summary>
    public double RealExpenditureChangePct => 100 * (RealExpenditureHat - 1);

    /// <summary>100(p̂/P̂ − 1): the real factory-gate price (real wage); gegravity's "terms of trade" and "GDP" change.</summary>
    public double RealWageChangePct => 100 * (FactoryGatePriceHat / PriceIndexHat - 1);

    /// <summary>% change of foreign exports.</summary>
    public double ExportsChangePct => Pct(ExportsCounterfactual, ExportsBaseline);

    /// <summary>% change of foreign imports.</summary>
    public double ImportsChangePct => Pct(ImportsCounterfactual, ImportsBaseline);

    /// <summary>Baseline trade balance = exports − imports.</summary>
    public double TradeBalanceBaseline => ExportsBaseline - ImportsBaseline;

    /// <summary>Counterfactual trade balance = exports − imports.</summary>
    public double TradeBalanceCounterfactual => ExportsCounterfactual - ImportsCounterfactual;

    internal static double Pct(double counterfactual, double baseline) => baseline > 0 ? 100 * (counterfactual / baseline - 1) : 0.0;
}

/// <summary>One pair's baseline and counterfactual flow (producer prices).</summary>
/// <param name="Sector">Sector, or <see cref="GeBaseline.SingleSectorName"/> / "TOTAL" for sums over sectors.</param>
/// <param name="Exporter">Exporter.</param>
/// <param name="Importer">Importer.</param>
/// <param name="Baseline">X_ij.</param>
/// <param name="Counterfactual">X′_ij.</param>
public sealed record GeBilateralResult(string Sector, string Exporter, string Importer, double Baseline, double Counterfactual)
{
    /// <summary>100(X′/X − 1); 0 when the baseline flow is 0.</summary>
    public double ChangePct => GeCountryResult.Pct(Counterfactual, Baseline);
}

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
    public GeOptions Options { get; }

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
    public GeCountryResult Country(string country) => _countries[Baseline.IndexOfCountry(country)];

    /// <summary>A counterfactual flow.</summary>
    /// <param name="sector">Sector index.</param>
    /// <param name="exporter">Exporter index.</param>
    /// <param name="importer">Importer index.</param>
    /// <returns>X′_ij,s.</returns>
    public double CounterfactualFlow(int sector, int exporter, int importer) => _counterfactual[sector][exporter * Baseline.CountryCount + importer];

    /// <summary>A counterfactual flow summed over sectors.</summary>
    /// <param name="exporter">Exporter code.</param>
    /// <param name="importer">Importer code.</param>
    /// <returns>Σ_s X′_ij,s.</returns>
    public double CounterfactualFlow(string exporter, string importer)
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
    public IReadOnlyList<GeBilateralResult> SectorBilateral()
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
