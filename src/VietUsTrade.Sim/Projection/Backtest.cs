using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;

namespace VietUsTrade.Sim.Projection;

/// <summary>
/// Backtests of the as-of projection: for each origin, the model sees the data only up to the origin
/// (<see cref="ProjectionOptions.AsOf"/>), projects the months after it with Monte Carlo bands, and is scored against
/// the Census months observed after it (coverage of the 50 % and 90 % bands, bias and MAPE of the median).
/// </summary>
/// <remarks>
/// <para>The PE response tables are built once, with the window starting after the earliest origin; each origin then
/// refits the state-space no-policy paths on the data cut at it (<see cref="ObservedTrade.AsOf"/>). The competitors'
/// no-policy trend is the one cut at the earliest origin (data up to every origin, never after). The draws use the same
/// seed at every origin (common random numbers), so origins differ only by the data they saw.</para>
/// <para>Scored months are those with an observation: imports and duty to the latest import month in the box, exports
/// to the latest export month. Duty is the model's imports × the collected-rate layer calibrated up to the origin
/// (<see cref="ProjectionModel.CollectionRatios"/>), scored against Census calculated duty.</para>
/// </remarks>
public static class Backtest
{
    /// <summary>Metric names of <see cref="BacktestOrigin.Scores"/>.</summary>
    public static IReadOnlyList<string> Metrics { get; } = ["imports", "duty", "exports"];

    /// <summary>Runs a backtest.</summary>
    /// <param name="baseline">The baseline dataset (2024 calibration).</param>
    /// <param name="scenario">The policy scenario (e.g. real-2025-2026).</param>
    /// <param name="options">Origins, window, draws, seed.</param>
    /// <param name="observed">The observed data (default: embedded). Each origin sees only its months; later months are used only to score.</param>
    /// <param name="library">The policy library (default: embedded).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">Invalid options or an origin after the data (named).</exception>
    public static BacktestResult Run(BaselineDataset baseline, Scenario scenario, BacktestOptions options, ObservedTrade? observed = null, PolicyLibrary? library = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        observed ??= ObservedTrade.LoadEmbedded();
        var origins = options.OriginMonths;
        var horizon = origins.Select(options.EndOf).Max();
        var prepared = ProjectionModel.Create(baseline, scenario, new ProjectionOptions(Horizon: horizon, AsOf: origins[0]), library, observed, cancellationToken);
        var spec = options.Uncertainty ?? UncertaintySpec.Default;

        var imports = observed.Get(ObservedTrade.VietnamImportsHistoryKey).Points.ToDictionary(p => p.Month, p => p.ValueUsd);
        var duty = (observed.Find(ObservedTrade.VietnamImportsKey)?.Points ?? []).ToDictionary(p => p.Month, p => p.DutyUsd);
        var exports = observed.Get(ObservedTrade.VietnamExportsKey).Points.ToDictionary(p => p.Month, p => p.ValueUsd);
        // Given market by NAICS-3: the sectors with both a Vietnam and an all-country series.
        const string VnPrefix = "imports/VIETNAM/";
        var market = new List<(string Code, Dictionary<DateOnly, double> Vietnam, Dictionary<DateOnly, double> World)>();
        foreach (var series in observed.Series.Where(x => x.Key.StartsWith(VnPrefix, StringComparison.Ordinal) && x.Key != ObservedTrade.VietnamImportsKey && x.Key != ObservedTrade.VietnamImportsHistoryKey))
        {
            var code = series.Key[VnPrefix.Length..];
            if (observed.Find($"imports/WORLD/{code}") is { } w)
            {
                market.Add((code, series.Points.ToDictionary(p => p.Month, p => p.ValueUsd), w.Points.ToDictionary(p => p.Month, p => p.ValueUsd)));
            }
        }
        double? Obs(Dictionary<DateOnly, double> d, DateOnly m) => d.TryGetValue(m, out var v) && v > 0 ? v : null;

        var results = new List<BacktestOrigin>();
        foreach (var origin in origins)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var model = origin == origins[0] ? prepared : prepared.WithAsOf(origin, observed);
            results.Add(RunOrigin(baseline, model, spec, options, origin, options.EndOf(origin), imports, market, (m, k) => k switch
            {
                0 => Obs(imports, m),
                1 => Obs(duty, m),
                _ => Obs(exports, m),
            }, cancellationToken));
        }

        var pooled = new Dictionary<string, BacktestScore>(StringComparer.Ordinal);
        for (var k = 0; k < Metrics.Count; k++)
        {
            var metric = Metrics[k];
            var score = BacktestScore.Of(results.SelectMany(r => r.Months.Select(m => (Band(m, k), Observed(m, k)))).Where(p => p.Item2 is not null).Select(p => (p.Item1, p.Item2!.Value)));
            if (score is not null)
            {
                pooled[metric] = score;
            }
        }

        var ic = CultureInfo.InvariantCulture;
        string[] notes =
        [
            string.Create(ic, $"PE tables prepared once for {prepared.FirstMonth:yyyy-MM}..{horizon:yyyy-MM}; each origin refits the no-policy state-space paths on the data cut at it; competitors' trend cut at {origins[0]:yyyy-MM}"),
            string.Create(ic, $"{options.Draws} draws per origin, seed {options.Seed} (common random numbers across origins)"),
            "duty = projected imports × the collected-rate layer by NAICS-3 sector (basket, c₀ₛ and wₛ from observed months up to the origin), scored against Census calculated duty",
            options.GivenMarket
                ? string.Create(ic, $"GIVEN MARKET by NAICS-3 ({market.Count} sectors): the observed US imports from all countries of each sector in the months after each origin (Census, imports/WORLD/{{naics3}}) set the size of its market; each supplier's projected imports are scaled by Σₛ hₛ·(observed market ₛ / no-policy market ₛ) / (the response of all suppliers of Vietnam's lines), with hₛ the supplier's sector shares (Vietnam: the 12 observed months up to the origin; others: their 2024 imports of the bundled lines) and the no-policy market ₛ the sector's level in those 12 months × the model's all-country index; Vietnam's duty is its scaled imports × the collected-rate layer on the basket reweighted by the sectors' market ratios; this is the only use of data after an origin; months without every weighted sector observed keep the model's market")
                : "market: the model's own (no data after an origin are used)",
            "suppliers' change_pct: projected imports of the bundled lines over the window against the same months a year earlier (Vietnam: observed months where the year-earlier month is on or before the origin; other suppliers: the model, their 2025 months are not in the box)",
        ];
        return new BacktestResult(scenario.Name, observed.Vintage, options, results, pooled, notes);
    }

    private static Quantiles Band(BacktestMonth m, int k) => k switch { 0 => m.ImportsUsd, 1 => m.DutyUsd, _ => m.ExportsUsd };

    private static double? Observed(BacktestMonth m, int k) => k switch { 0 => m.ObservedImportsUsd, 1 => m.ObservedDutyUsd, _ => m.ObservedExportsUsd };

    private static BacktestOrigin RunOrigin(BaselineDataset baseline, ProjectionModel model, UncertaintySpec spec, BacktestOptions options, DateOnly origin, DateOnly end,
        Dictionary<DateOnly, double> observedImports, IReadOnlyList<(string Code, Dictionary<DateOnly, double> Vietnam, Dictionary<DateOnly, double> World)> market,
        Func<DateOnly, int, double?> observed, CancellationToken ct)
    {
        int Index(DateOnly month) => ((month.Year - model.FirstMonth.Year) * 12) + month.Month - model.FirstMonth.Month;
        var m0 = Index(origin.AddMonths(1));
        var h = Index(end) - m0 + 1;
        var n = options.Draws;
        var p = model.Suppliers.Count;
        var vn = model.VietnamSupplierIndex;
        var values = new double[3][];
        for (var k = 0; k < 3; k++)
        {
            values[k] = new double[(long)h * n];
        }

        // Supplier window sums: this window and the same months a year earlier (from the model where those months are in
        // the window, from the no-policy 2024-rate path before it; Vietnam from the data up to the origin).
        var now = new double[(long)p * n];
        var before = new double[(long)p * n];
        // Per month of the window: the index of the same month a year earlier in the window (−1 before it), and whether
        // Vietnam's value for it comes from the data (on or before the origin) rather than from each draw.
        var earlierFixed = new double[p];
        var earlierIndex = new int[h];
        var vietnamEarlierObserved = new bool[h];
        for (var i = 0; i < h; i++)
        {
            var earlier = origin.AddMonths(1 + i).AddYears(-1);
            var e = Index(earlier);
            earlierIndex[i] = e;
            vietnamEarlierObserved[i] = earlier <= origin && observedImports.ContainsKey(earlier);
            for (var k = 0; k < p; k++)
            {
                if (k == vn && vietnamEarlierObserved[i])
                {
                    earlierFixed[k] += observedImports[earlier];
                }
                else if (k != vn && e < 0)
                {
                    earlierFixed[k] += model.SupplierBaselineUsd[k] * model.WorldIndexAt(earlier);
                }
            }
        }

        // Given market by NAICS-3: marketRatio[k][i] = Σₛ hₖₛ·observedₛ(m) / (levelₛ · index(m)), with levelₛ the sector's
        // all-country imports over the 12 observed months up to the origin / the model's all-country index over them, and
        // hₖₛ supplier k's sector shares: Vietnam's from its observed months up to the origin, the others' from their 2024
        // imports of the bundled lines (their 2025 months are not in the box). 0 = a month without every weighted sector
        // observed, which keeps the model's market.
        var marketRatio = new double[p][];
        var dutyFactor = Enumerable.Repeat(1.0, h).ToArray(); // Vietnam's collected rate on the market-reweighted basket / on its own basket
        for (var k = 0; k < p; k++)
        {
            marketRatio[k] = new double[h];
        }

        if (options.GivenMarket)
        {
            var last12 = Enumerable.Range(0, 12).Select(j => origin.AddMonths(-j)).ToArray();
            var indexSum = last12.Sum(model.WorldIndexAt);
            var used = market.Where(x => last12.All(x.Vietnam.ContainsKey) && last12.All(x.World.ContainsKey) && last12.Sum(m => x.World[m]) > 0).ToArray();
            var sectorIndex = used.Select((x, j) => (x.Code, j)).ToDictionary(t => t.Code, t => t.j, StringComparer.Ordinal);
            var weights = new double[p][];
            for (var k = 0; k < p; k++)
            {
                weights[k] = new double[used.Length];
            }

            for (var j = 0; j < used.Length; j++)
            {
                weights[vn][j] = last12.Sum(m => used[j].Vietnam[m]);
            }

            foreach (var line in baseline.ImportLines)
            {
                if (line.Naics is { Length: >= 3 } naics && sectorIndex.TryGetValue(naics[..3], out var j))
                {
                    foreach (var f in line.Suppliers)
                    {
                        var k = baseline.IndexOfPartner(f.Partner);
                        if (k != vn && k >= 0)
                        {
                            weights[k][j] += f.ValueUsd;
                        }
                    }
                }
            }

            var ratio = new double[used.Length];
            for (var i = 0; i < h && indexSum > 0; i++)
            {
                var month = origin.AddMonths(1 + i);
                for (var j = 0; j < used.Length; j++)
                {
                    ratio[j] = used[j].World.TryGetValue(month, out var w) ? w / (last12.Sum(m => used[j].World[m]) / indexSum * model.WorldIndexAt(month)) : double.NaN;
                }

                if (used.All(x => x.World.ContainsKey(month)))
                {
                    dutyFactor[i] = model.CollectedRateFactor(used.Select((x, j) => (x.Code, ratio[j])).ToDictionary(t => t.Code, t => t.Item2, StringComparer.Ordinal), m0 + i);
                }

                for (var k = 0; k < p; k++)
                {
                    var total = weights[k].Sum();
                    double r = 0;
                    for (var j = 0; j < used.Length && total > 0; j++)
                    {
                        r += weights[k][j] > 0 ? weights[k][j] / total * ratio[j] : 0.0;
                    }

                    marketRatio[k][i] = total > 0 && double.IsFinite(r) ? r : 0.0;
                }
            }
        }

        const int Block = 64;
        var blocks = (n + Block - 1) / Block;
        var po = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = ct };
        Parallel.For(0, blocks, po, () => new EvaluationBuffers(model.MonthCount, p), (block, _, buf) =>
        {
            var d1 = Math.Min(n, (block + 1) * Block);
            var scale = new double[h];
            var response = new double[h];
            for (var d = block * Block; d < d1; d++)
            {
                model.Evaluate(model.DrawInputs(spec, options.Seed, d), buf);
                for (var i = 0; i < h; i++)
                {
                    var m = m0 + i;
                    scale[i] = 1.0;
                    response[i] = 1.0;
                    if (options.GivenMarket)
                    {
                        // The model's market: its no-policy market × the response of all suppliers of Vietnam's lines.
                        double after = 0, before = 0;
                        for (var k = 0; k < p; k++)
                        {
                            after += model.SupplierImports(buf, k, m);
                            before += k == vn ? buf.BaseImports[m] : model.CompetitorNoPolicyImportsUsd(k, m);
                        }

                        response[i] = before > 0 && after > 0 ? after / before : 1.0;
                        scale[i] = marketRatio[vn][i] > 0 ? marketRatio[vn][i] / response[i] : 1.0;
                    }

                    values[0][((long)i * n) + d] = buf.Imports[m] * scale[i];
                    values[1][((long)i * n) + d] = buf.Revenue[m] * scale[i] * dutyFactor[i];
                    values[2][((long)i * n) + d] = buf.Exports[m];
                }

                for (var k = 0; k < p; k++)
                {
                    double s = 0, b = earlierFixed[k];
                    for (var i = 0; i < h; i++)
                    {
                        var sk = marketRatio[k][i] > 0 ? marketRatio[k][i] / response[i] : 1.0;
                        s += model.SupplierImports(buf, k, m0 + i) * sk;
                    }

                    for (var i = 0; i < h; i++)
                    {
                        if (earlierIndex[i] >= 0 && !(k == vn && vietnamEarlierObserved[i]))
                        {
                            b += model.SupplierImports(buf, k, earlierIndex[i]);
                        }
                    }

                    now[((long)k * n) + d] = s;
                    before[((long)k * n) + d] = b;
                }
            }

            return buf;
        }, _ => { });

        var months = new BacktestMonth[h];
        for (var i = 0; i < h; i++)
        {
            var month = origin.AddMonths(1 + i);
            var q = new Quantiles[3];
            for (var k = 0; k < 3; k++)
            {
                q[k] = Quantiles.Of(values[k].AsSpan((int)((long)i * n), n).ToArray());
            }

            months[i] = new BacktestMonth(month, q[0], q[1], q[2], observed(month, 0), observed(month, 1), observed(month, 2));
        }

        var scores = new Dictionary<string, BacktestScore>(StringComparer.Ordinal);
        for (var k = 0; k < 3; k++)
        {
            var s = BacktestScore.Of(months.Where(x => Observed(x, k) is not null).Select(x => (Band(x, k), Observed(x, k)!.Value)));
            if (s is not null)
            {
                scores[Metrics[k]] = s;
            }
        }

        var windowSums = new double[n];
        for (var d = 0; d < n; d++)
        {
            for (var i = 0; i < h; i++)
            {
                windowSums[d] += values[0][((long)i * n) + d];
            }
        }

        double? observedWindow = months.All(x => x.ObservedImportsUsd is not null) ? months.Sum(x => x.ObservedImportsUsd!.Value) : null;
        var partners = model.Partners;
        var suppliers = new List<SupplierChange>(p);
        var change = new double[n];
        for (var k = 0; k < p; k++)
        {
            if (model.SupplierBaselineUsd[k] <= 0 && k != vn)
            {
                continue;
            }

            for (var d = 0; d < n; d++)
            {
                var b = before[((long)k * n) + d];
                change[d] = b > 0 ? 100 * ((now[((long)k * n) + d] / b) - 1) : 0.0;
            }

            suppliers.Add(new SupplierChange(partners[k].CensusCode, partners[k].Name, Quantiles.Of(change.ToArray())));
        }

        return new BacktestOrigin(origin, end, months, scores, Quantiles.Of(windowSums), observedWindow, suppliers, model.ImportNowcast?.Method ?? string.Empty);
    }
}
