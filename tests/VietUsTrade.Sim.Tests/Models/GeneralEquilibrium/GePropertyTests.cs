using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VietUsTrade.Sim.Models.GeneralEquilibrium;
using Xunit;

namespace VietUsTrade.Sim.Tests.Models.GeneralEquilibrium;

/// <summary>Invariants of the exact GE model on random economies (bounded, seeded generators).</summary>
public class GePropertyTests
{
    /// <summary>A random economy: 3–8 countries, 1–3 sectors, flows spanning three orders of magnitude with a heavy diagonal.</summary>
    internal sealed record Economy(GeBaseline Baseline, GeShock Shock, GeOptions Options, int Seed);

    internal static GeBaseline RandomBaseline(Random rnd, int n, int sectors, double scale = 1.0)
    {
        var countries = Enumerable.Range(0, n).Select(i => "C" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var names = Enumerable.Range(0, sectors).Select(s => "S" + s.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var mats = new List<double[,]>();
        for (var s = 0; s < sectors; s++)
        {
            // Off-diagonal flows over three orders of magnitude (10% zeros); domestic sales at least the
            // country's foreign sales plus purchases, so deficits stay below about half of output (with larger
            // fixed surpluses an additive-closure equilibrium with positive expenditure need not exist).
            var m = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    m[i, j] = i == j || rnd.NextDouble() < 0.1 ? 0 : Math.Exp(rnd.NextDouble() * 7) * scale;
                }
            }

            for (var i = 0; i < n; i++)
            {
                double foreign = 0;
                for (var j = 0; j < n; j++)
                {
                    foreign += m[i, j] + m[j, i];
                }

                m[i, i] = foreign * (1 + rnd.NextDouble() * 3) + scale;
            }

            mats.Add(m);
        }

        return GeBaseline.FromSectorMatrices(countries, names, mats);
    }

    internal static GeShock RandomShock(Random rnd, GeBaseline b, int pairs)
    {
        var n = b.Countries.Count;
        var costs = new Dictionary<(int, int), GeCostChange>();
        var tariffs = new Dictionary<(int, int), GeTariffChange>();
        for (var k = 0; k < pairs; k++)
        {
            int i = rnd.Next(n), j = rnd.Next(n);
            if (i == j)
            {
                continue;
            }

            if (rnd.NextDouble() < 0.5)
            {
                costs[(i, j)] = new GeCostChange(b.Countries[i], b.Countries[j], rnd.NextDouble() * 2 - 1);
            }
            else
            {
                tariffs[(i, j)] = new GeTariffChange(b.Countries[i], b.Countries[j], rnd.NextDouble() * 0.6, rnd.NextDouble() < 0.5 ? 0 : rnd.NextDouble() * 0.2);
            }
        }

        return new GeShock(costs.Values, tariffs.Values);
    }

    internal static GeOptions RandomOptions(Random rnd, GeBaseline b)
    {
        var sig = b.Sectors.ToDictionary(s => s, _ => 1.5 + rnd.NextDouble() * 8);
        var closure = rnd.NextDouble() < 0.5 ? GeClosure.Additive : GeClosure.Multiplicative;
        var norm = rnd.NextDouble() < 0.5 ? GeNormalization.WorldOutput : GeNormalization.ReferencePriceIndex(b.Countries[rnd.Next(b.Countries.Count)]);
        var treatment = rnd.NextDouble() < 0.5 ? GeTariffTreatment.Iceberg : GeTariffTreatment.Revenue;
        return new GeOptions(GeElasticities.FromSigma(sig), closure, norm, treatment);
    }

    private static Economy Make(int seed)
    {
        var rnd = new Random(seed);
        var b = RandomBaseline(rnd, 3 + rnd.Next(6), 1 + rnd.Next(3));
        return new Economy(b, RandomShock(rnd, b, 1 + rnd.Next(6)), RandomOptions(rnd, b), seed);
    }

    /// <summary>
    /// Random economies whose shocked equilibrium the solver reaches. About 2 in 100,000 draws have none it can reach (a scan of
    /// 300,000 seeds found 7: an additive closure whose fixed surplus exceeds the country's income, or a step that damping cannot
    /// tame), and the properties below are about equilibria, so those draws are left out (each throws the one-line
    /// <see cref="VietUsTrade.Sim.Models.ConvergenceException"/> in either country order: <see cref="An_economy_without_a_reachable_equilibrium_fails_the_same_in_every_country_order"/>).
    /// Before this filter such a draw failed one of the four shocked properties (200 draws a run) about once in 200 runs.
    /// </summary>
    private static Arbitrary<Economy> Economies() => Gen.Choose(0, int.MaxValue - 1).Select(Make).Where(Solvable).ToArbitrary();

    private static bool Solvable(Economy e)
    {
        try
        {
            GeSolver.Solve(e.Baseline, e.Shock, e.Options);
            return true;
        }
        catch (VietUsTrade.Sim.Models.ConvergenceException)
        {
            return false;
        }
    }

    [Theory]
    [InlineData(168229473)]
    [InlineData(1181144452)]
    [InlineData(717386685)]
    public void An_economy_without_a_reachable_equilibrium_fails_the_same_in_every_country_order(int seed)
    {
        var e = Make(seed);
        var first = Assert.Throws<VietUsTrade.Sim.Models.ConvergenceException>(() => GeSolver.Solve(e.Baseline, e.Shock, e.Options));
        var permuted = Permuted(e);
        var second = Assert.Throws<VietUsTrade.Sim.Models.ConvergenceException>(() => GeSolver.Solve(permuted, e.Shock, e.Options));
        Assert.Equal(first.Message, second.Message);
        Assert.DoesNotContain('\n', first.Message);
    }

    private static GeBaseline Permuted(Economy e)
    {
        var b = e.Baseline;
        var perm = Enumerable.Range(0, b.Countries.Count).OrderBy(i => new Random(e.Seed + i).Next()).ToArray();
        var flows = new List<GeFlow>();
        foreach (var s in Enumerable.Range(0, b.Sectors.Count))
        {
            foreach (var i in perm)
            {
                foreach (var j in perm)
                {
                    flows.Add(new GeFlow(b.Countries[i], b.Countries[j], b.Flow(s, i, j), b.Sectors[s]));
                }
            }
        }

        return GeBaseline.FromFlows(flows);
    }

    /// <summary>
    /// GeBaseline.FromFlatMatrices (the reader of <c>ge solve --flows</c>) builds the same baseline as FromFlows: the flows
    /// of a random economy listed in a random order give, after both factories, the same countries, sectors and values,
    /// and the same solution bit for bit.
    /// </summary>
    [Property(MaxTest = 50)]
    public void FlatMatricesEqualTheFlowList(int seed)
    {
        var e = Make(seed);
        var b = e.Baseline;
        var flows = new List<GeFlow>();
        foreach (var s in Enumerable.Range(0, b.Sectors.Count))
        {
            foreach (var i in Enumerable.Range(0, b.Countries.Count))
            {
                foreach (var j in Enumerable.Range(0, b.Countries.Count))
                {
                    flows.Add(new GeFlow(b.Countries[i], b.Countries[j], b.Flow(s, i, j), b.Sectors[s]));
                }
            }
        }

        var shuffled = flows.OrderBy(_ => new Random(seed).Next()).ToList();
        var fromList = GeBaseline.FromFlows(shuffled);
        var flat = GeBaseline.FromFlatMatrices(fromList.Countries, fromList.Sectors, [.. Enumerable.Range(0, fromList.Sectors.Count).Select(s => fromList.SectorFlows(s).ToArray())]);
        Assert.Equal(fromList.Countries, flat.Countries);
        Assert.Equal(fromList.Sectors, flat.Sectors);
        for (var s = 0; s < fromList.Sectors.Count; s++)
        {
            Assert.Equal(fromList.SectorFlows(s), flat.SectorFlows(s));
        }

        string Solved(GeBaseline baseline)
        {
            try
            {
                return string.Join(';', GeSolver.Solve(baseline, e.Shock, e.Options).Countries.Select(x => BitConverter.DoubleToInt64Bits(x.RealExpenditureChangePct)));
            }
            catch (VietUsTrade.Sim.Models.ConvergenceException ex)
            {
                return ex.Message;
            }
        }

        Assert.Equal(Solved(fromList), Solved(flat));
        Assert.Throws<ArgumentException>(() => GeBaseline.FromFlatMatrices(fromList.Countries, fromList.Sectors, [.. fromList.Sectors.Select(_ => new double[3])]));
    }

    private static bool Close(double a, double b, double rel) => Math.Abs(a - b) <= rel * Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b)));

    [Property(MaxTest = 50)]
    public Property Zero_shock_changes_nothing() => Prop.ForAll(Economies(), e =>
    {
        var r = GeSolver.Solve(e.Baseline, GeShock.None, e.Options);
        var hatsOne = r.Countries.All(c => Close(c.FactoryGatePriceHat, 1, 1e-11) && Close(c.PriceIndexHat, 1, 1e-11) && Close(c.ExpenditureHat, 1, 1e-11));
        var flowsSame = r.SectorBilateral().All(x => Math.Abs(x.Counterfactual - x.Baseline) <= 1e-10 * Math.Max(1, x.Baseline));
        return (hatsOne && flowsSame).Label($"seed {e.Seed}");
    });

    [Property(MaxTest = 50)]
    public Property Market_clearing_and_closure_identity_hold() => Prop.ForAll(Economies(), e =>
    {
        var r = GeSolver.Solve(e.Baseline, e.Shock, e.Options);
        var b = e.Baseline;
        var n = b.Countries.Count;
        var ok = true;
        var kappa = r.Diagnostics.Kappa;
        double totalIncome = r.Countries.Sum(c => c.OutputCounterfactual);
        for (var i = 0; i < n; i++)
        {
            var c = r.Countries[i];
            double sales = 0, purchases = 0;
            for (var s = 0; s < b.Sectors.Count; s++)
            {
                for (var j = 0; j < n; j++)
                {
                    sales += r.CounterfactualFlow(s, i, j);
                    purchases += r.CounterfactualFlow(s, j, i);
                }
            }

            ok &= Math.Abs(sales - kappa * c.OutputCounterfactual) <= 1e-10 * kappa * c.OutputCounterfactual;
            var netSpending = c.ExpenditureCounterfactual - c.TariffRevenueCounterfactual;
            ok &= Close(netSpending, purchases, 1e-10);
            if (e.Options.Closure == GeClosure.Additive)
            {
                // E′ − R′ − Y′ = D: the aggregate balance is unchanged.
                ok &= Math.Abs(c.TradeBalanceCounterfactual - c.TradeBalanceBaseline) <= 1e-10 * totalIncome;
                ok &= Math.Abs((netSpending - c.OutputCounterfactual) - (b.Expenditure[i] - b.Output[i])) <= 1e-10 * totalIncome;
            }
            else
            {
                // (E′ − R′)/Y′ = φ = E/Y.
                ok &= Close(netSpending / c.OutputCounterfactual, b.Expenditure[i] / b.Output[i], 1e-10);
            }
        }

        if (e.Options.Closure == GeClosure.Additive)
        {
            ok &= Close(kappa, 1, 0);
        }

        ok &= e.Options.Normalization.IsWorldOutput
            ? Close(totalIncome, b.Output.Sum(), 1e-12)
            : Close(r.Country(e.Options.Normalization.ReferenceCountry!).PriceIndexHat, 1, 1e-12);
        return ok.Label($"seed {e.Seed}: {r.Diagnostics}");
    });

    [Property(MaxTest = 50)]
    public Property Results_do_not_depend_on_country_order() => Prop.ForAll(Economies(), e =>
    {
        var r1 = GeSolver.Solve(e.Baseline, e.Shock, e.Options);
        var b = e.Baseline;
        var perm = Enumerable.Range(0, b.Countries.Count).OrderBy(i => new Random(e.Seed + i).Next()).ToArray();
        var permuted = Permuted(e);
        var r2 = GeSolver.Solve(permuted, e.Shock, e.Options);
        var ok = permuted.Countries.SequenceEqual(perm.Select(i => b.Countries[i]));
        foreach (var c in r1.Countries)
        {
            var d = r2.Country(c.Country);
            ok &= Close(c.FactoryGatePriceHat, d.FactoryGatePriceHat, 1e-9) && Close(c.PriceIndexHat, d.PriceIndexHat, 1e-9)
                && Close(c.ExportsCounterfactual, d.ExportsCounterfactual, 1e-9) && Close(c.RealExpenditureHat, d.RealExpenditureHat, 1e-9);
        }

        return ok.Label($"seed {e.Seed}");
    });

    [Property(MaxTest = 50)]
    public Property Results_do_not_depend_on_the_currency_unit() => Prop.ForAll(Economies(), Gen.Choose(-3, 3).ToArbitrary(), (e, power) =>
    {
        var factor = Math.Pow(10, power) * 1.7;
        var b = e.Baseline;
        var n = b.Countries.Count;
        var scaled = GeBaseline.FromFlows(
            from s in Enumerable.Range(0, b.Sectors.Count)
            from i in Enumerable.Range(0, n)
            from j in Enumerable.Range(0, n)
            select new GeFlow(b.Countries[i], b.Countries[j], b.Flow(s, i, j) * factor, b.Sectors[s]));
        var r1 = GeSolver.Solve(b, e.Shock, e.Options);
        var r2 = GeSolver.Solve(scaled, e.Shock, e.Options);
        var ok = true;
        for (var i = 0; i < n; i++)
        {
            var (c, d) = (r1.Countries[i], r2.Countries[i]);
            ok &= Close(c.FactoryGatePriceHat, d.FactoryGatePriceHat, 1e-9) && Close(c.PriceIndexHat, d.PriceIndexHat, 1e-9)
                && Close(c.ExpenditureHat, d.ExpenditureHat, 1e-9) && Close(c.ImportsCounterfactual * factor, d.ImportsCounterfactual, 1e-9);
        }

        return ok.Label($"seed {e.Seed}, factor {factor}");
    });

    /// <remarks>
    /// Checked under the additive closure (any tariff treatment and normalisation), where the counterfactual is a
    /// market-clearing equilibrium. Under the multiplicative closure it can fail: a taxing country with a large
    /// deficit multiplies its terms-of-trade gain by φ_j = E_j/Y_j &gt; 1 and its spending can pull in more imports
    /// even from the taxed partner, while world spending exceeds world income by κ (seen for about 1% of random
    /// economies; see docs/models/general-equilibrium.md).
    /// </remarks>
    [Property(MaxTest = 50)]
    public Property A_tariff_never_raises_the_taxed_partners_exports_to_the_taxing_country() => Prop.ForAll(Economies(), e =>
    {
        var rnd = new Random(e.Seed ^ 0x5bd1e995);
        var b = e.Baseline;
        var n = b.Countries.Count;
        var i = rnd.Next(n);
        var j = (i + 1 + rnd.Next(n - 1)) % n;
        var rate = 0.01 + rnd.NextDouble();
        var shock = GeShock.FromTariffs([new GeTariffChange(b.Countries[i], b.Countries[j], rate)]);
        var o = e.Options;
        var r = GeSolver.Solve(b, shock, new GeOptions(o.Elasticities, GeClosure.Additive, o.Normalization, o.TariffTreatment));
        var before = b.Flow(b.Countries[i], b.Countries[j]);
        var after = r.CounterfactualFlow(b.Countries[i], b.Countries[j]);
        return (after <= before * (1 + 1e-12)).Label($"seed {e.Seed}: {b.Countries[i]}->{b.Countries[j]} at {rate}: {before} -> {after}");
    });
}
