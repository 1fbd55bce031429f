namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>
/// The solved counterfactual of Ignatenko et al. (2025) for one scenario: hat values, levels, the per-country
/// outputs of the paper's map, its table rows and solver diagnostics. Immutable and thread-safe.
/// </summary>
public sealed class IgnatenkoResult
{
    private readonly double[] flowsNew; // exporter-major X′_ji
    private readonly Dictionary<string, int> index;

    internal IgnatenkoResult(
        IgnatenkoBaseline baseline,
        IgnatenkoScenario scenario,
        IgnatenkoSystem system,
        IgnatenkoSolverDiagnostics diagnostics)
    {
        Baseline = baseline;
        Scenario = scenario;
        Diagnostics = diagnostics;
        int n = baseline.Count;
        var w = system.WageHat.ToArray();
        var e = system.ExpenditureHat.ToArray();
        var l = system.EmploymentHat.ToArray();
        var p = system.PriceHat.ToArray();
        var r = system.Revenue.ToArray();
        var yNew = system.IncomeNew.ToArray();
        var tax = system.TaxRate.ToArray();
        WageHat = Array.AsReadOnly(w);
        ExpenditureHat = Array.AsReadOnly(e);
        EmploymentHat = Array.AsReadOnly(l);
        PriceIndexHat = Array.AsReadOnly(p);
        Revenue = Array.AsReadOnly(r);
        flowsNew = new double[n * n];
        var xpImporterMajor = system.FlowsImporterMajor;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                flowsNew[(j * n) + i] = xpImporterMajor[(i * n) + j];
            }
        }

        double kappa = baseline.Parameters.LaborSupplyElasticity;
        bool taxRelief = scenario.RevenueUse == RevenueUse.IncomeTaxRelief;
        var outcomes = new IgnatenkoOutcome[n];
        index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            double eBase = baseline.Expenditure[i], yBase = baseline.Income[i];
            double tauW = !taxRelief ? 0.0
                : baseline.Options.WelfareWeightAtBaselineTax ? baseline.BaselineRevenue[i] / yBase
                : tax[i];
            double delta = eBase / (eBase - (kappa * (1 - tauW) * yBase / (1 + kappa)));
            double welfare = (delta * e[i] / p[i]) + ((1 - delta) * w[i] * l[i] / p[i]);
            double exp0 = 0, exp1 = 0, imp0 = 0, imp1 = 0;
            for (int k = 0; k < n; k++)
            {
                if (k == i)
                {
                    continue;
                }

                exp0 += baseline.Flow(i, k);
                exp1 += flowsNew[(i * n) + k];
                imp0 += baseline.Flow(k, i);
                imp1 += flowsNew[(k * n) + i];
            }

            double d0 = imp0 - exp0, d1 = imp1 - exp1;
            outcomes[i] = new IgnatenkoOutcome(
                baseline.Data.Iso3[i],
                100 * (welfare - 1),
                100 * (d1 - d0) / Math.Abs(d0),
                100 * (((exp1 / yNew[i]) / (exp0 / yBase)) - 1),
                100 * (((imp1 / yNew[i]) / (imp0 / yBase)) - 1),
                100 * (l[i] - 1),
                100 * (p[i] - 1),
                r[i] / eBase);
            index[baseline.Data.Iso3[i]] = i;
        }

        Countries = Array.AsReadOnly(outcomes);

        double sumY = 0, sumYNew = 0, emp = 0, trade0 = 0, trade1 = 0;
        for (int i = 0; i < n; i++)
        {
            sumY += baseline.Income[i];
            sumYNew += yNew[i];
            emp += baseline.Income[i] * outcomes[i].EmploymentPct;
            for (int j = 0; j < n; j++)
            {
                if (j != i)
                {
                    trade0 += baseline.Flow(j, i) * (1 + baseline.BaselineTariff(j, i));
                    trade1 += flowsNew[(j * n) + i] * (1 + scenario.Tariffs[j, i]);
                }
            }
        }

        GlobalEmploymentPct = emp / sumY;
        GlobalTradeToGdpPct = 100 * (((trade1 / trade0) / (sumYNew / sumY)) - 1);
    }

    /// <summary>Gets the baseline.</summary>
    public IgnatenkoBaseline Baseline { get; }

    /// <summary>Gets the scenario.</summary>
    public IgnatenkoScenario Scenario { get; }

    /// <summary>Gets the solver diagnostics (iterations, factorizations, residual).</summary>
    internal IgnatenkoSolverDiagnostics Diagnostics { get; }

    /// <summary>Gets ŵ_i, the change in the wage (against the world numeraire).</summary>
    internal IReadOnlyList<double> WageHat { get; }

    /// <summary>Gets Ê_i, the change in total expenditure.</summary>
    internal IReadOnlyList<double> ExpenditureHat { get; }

    /// <summary>Gets L̂_i, the change in employment.</summary>
    internal IReadOnlyList<double> EmploymentHat { get; }

    /// <summary>Gets P̂_i, the change in the consumer price index.</summary>
    internal IReadOnlyList<double> PriceIndexHat { get; }

    /// <summary>Gets R′_i, counterfactual tariff revenue, thousands of USD.</summary>
    public IReadOnlyList<double> Revenue { get; }

    /// <summary>Gets the seven map columns for every country, in data order.</summary>
    public IReadOnlyList<IgnatenkoOutcome> Countries { get; }

    /// <summary>Gets the income-weighted change in world employment, percent.</summary>
    internal double GlobalEmploymentPct { get; }

    /// <summary>Gets the change in world trade (gross of tariff) over world income, percent.</summary>
    internal double GlobalTradeToGdpPct { get; }

    /// <summary>Gets the outcome of one country.</summary>
    /// <param name="iso3">The ISO3 code.</param>
    /// <returns>Its outcome.</returns>
    internal IgnatenkoOutcome Country(string iso3) => Countries[Baseline.Data.IndexOf(iso3)];

    /// <summary>Gets the counterfactual flow X′ from <paramref name="exporter"/> to <paramref name="importer"/> at producer prices.</summary>
    /// <param name="exporter">Exporter index.</param>
    /// <param name="importer">Importer index.</param>
    /// <returns>X′_ji, thousands of USD.</returns>
    internal double Flow(int exporter, int importer) => flowsNew[(exporter * Baseline.Count) + importer];

    /// <summary>Gets the "USA" row of the paper's tables.</summary>
    public IgnatenkoOutcome UsaRow => Countries[Baseline.UsIndex].Relabel("USA");

    /// <summary>Gets the "non-US (average)" row: the mean of each column over non-US countries weighted by baseline E.</summary>
    internal IgnatenkoOutcome NonUsAverage
        => WeightedAverage("non-US (average)", Enumerable.Range(0, Baseline.Count).Where(i => i != Baseline.UsIndex));

    /// <summary>Gets the "EU" row of Table 2 (25 members as in the code, or 27 with <see cref="IgnatenkoOptions.FullEuList"/>).</summary>
    internal IgnatenkoOutcome EuAverage
    {
        get
        {
            var members = Baseline.Options.FullEuList ? IgnatenkoScenarios.EuMembers : IgnatenkoScenarios.EuMembersInCode;
            return WeightedAverage("EU", members.Where(index.ContainsKey).Select(iso => index[iso]));
        }
    }

    /// <summary>Gets the "CHN" row of Table 2.</summary>
    internal IgnatenkoOutcome ChinaRow => Country("CHN");

    /// <summary>Gets bilateral trade of two countries before and after.</summary>
    /// <param name="home">ISO3 of the reporting country.</param>
    /// <param name="partner">ISO3 of the partner.</param>
    /// <returns>The flows.</returns>
    internal BilateralTrade Bilateral(string home, string partner)
    {
        int h = Baseline.Data.IndexOf(home), q = Baseline.Data.IndexOf(partner);
        if (h == q)
        {
            throw new ArgumentException($"partner '{partner}' must differ from home '{home}'.", nameof(partner));
        }

        return new BilateralTrade(
            home,
            partner,
            Baseline.Flow(h, q),
            Flow(h, q),
            Baseline.Flow(q, h),
            Flow(q, h),
            Flow(q, h) * (1 + Scenario.Tariffs[q, h]));
    }

    /// <summary>Gets US–Vietnam bilateral trade before and after (US perspective).</summary>
    internal BilateralTrade UsVietnam => Bilateral("USA", "VNM");

    private IgnatenkoOutcome WeightedAverage(string label, IEnumerable<int> members)
    {
        double wsum = 0, a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0;
        foreach (int i in members)
        {
            double wgt = Baseline.Expenditure[i];
            var o = Countries[i];
            wsum += wgt;
            a += wgt * o.WelfarePct;
            b += wgt * o.DeficitPct;
            c += wgt * o.ExportsGdpPct;
            d += wgt * o.ImportsGdpPct;
            e += wgt * o.EmploymentPct;
            f += wgt * o.PricesPct;
            g += wgt * o.RevenueShare;
        }

        return new IgnatenkoOutcome(label, a / wsum, b / wsum, c / wsum, d / wsum, e / wsum, f / wsum, g / wsum);
    }
}
