using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Diagnostics;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Projection;

/// <summary>
/// The preparation of a projection (<see cref="Create(BaselineDataset, Scenario, ProjectionOptions?, PolicyLibrary?, ObservedTrade?, CancellationToken)"/>)
/// in named steps: the window, the no-policy paths, the regime timeline, the fixed-weight ETRs, the response tables, the
/// export path and the commitments; then the nowcast when an as-of month is set.
/// </summary>
public sealed partial class ProjectionModel
{
    private static ProjectionModel CreateCore(BaselineDataset baseline, Scenario scenario, ProjectionOptions? options, PolicyLibrary? library, ObservedTrade? observed,
        Func<int, bool>? ratesFollowScenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= ProjectionOptions.Default;
        PhaseTimings.Mark("before ProjectionModel.Create");
        options.Validate();

        // Steps 1 (the observed cut) and 2 (the no-policy paths) read neither the policy library nor the scenario, and
        // steps 3–6 read no observed data: the first pair runs on a second thread while this one loads the library and
        // prepares the regimes. Each step computes exactly what it computed in sequence; only the order of failures is
        // kept by hand: a library failure first, then the window's and the no-policy paths', then the later steps'.
        var (first, months) = WindowMonths(baseline, options);
        var background = Task.Run(() =>
        {
            var seen = ObservedCut(options, observed);
            PhaseTimings.Mark("create (2nd thread): window, observed cut");
            if (months <= 0)
            {
                return (Seen: seen, Paths: (NoPolicyPaths?)null);
            }

            var paths = NoPolicyPaths.Estimate(baseline, options, first, months);
            PhaseTimings.Mark("create (2nd thread): no-policy paths");
            return (Seen: seen, Paths: paths);
        }, CancellationToken.None);
        library ??= PolicyLibrary.LoadEmbedded();
        PhaseTimings.Mark("create: policy library");
        if (months <= 0)
        {
            background.GetAwaiter().GetResult(); // an as-of month after the data is reported before the horizon
            throw new ArgumentException($"Horizon = {options.HorizonMonth:yyyy-MM} is before the first projected month {first:yyyy-MM}.", nameof(options));
        }

        PreparedRegimes regimes;
        ExportPath exportPath;
        try
        {
            regimes = PreparedRegimes.Get(baseline, scenario, options, library, first, months, ratesFollowScenario, cancellationToken);
            exportPath = ExportPath.Tabulate(baseline, scenario, options, library, first, months, cancellationToken);
            PhaseTimings.Mark("create: export path");
        }
        catch (Exception) when (background.Exception is not null || !background.IsCompleted)
        {
            // A failure of steps 1–2 came first in sequence: report it instead.
            Task.WaitAny([background], CancellationToken.None);
            if (background.Exception is { } earlier)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(earlier.InnerException ?? earlier);
            }

            throw;
        }

        var (seen, pathsOrNull) = background.GetAwaiter().GetResult();
        var paths = pathsOrNull!;
        PhaseTimings.Mark("create: window, observed cut and no-policy paths joined");
        var commitmentShare = CommitmentShares(scenario, first, months);
        var etr = regimes.Etr;
        var hauk = HaukElasticityDispersion(baseline);

        var model = new ProjectionModel(baseline, scenario, options, paths.Imports, paths.Exports, paths.World, first, months, paths.WorldIndex, regimes.SupplierBase,
            regimes.Starts, regimes.Diff, regimes.Level, regimes.RegimeOfMonth, etr.Etr0, etr.Etr1, exportPath.Starts, exportPath.Diff, commitmentShare, etr.BaseEtr,
            regimes.HasTransshipment, regimes.CentralShare, regimes.ShareMax, hauk, regimes.RateDates);
        model._sectorCodes = etr.SectorCodes;
        model._sectorEtr0 = etr.SectorEtr0;
        model._sectorEtr1 = etr.SectorEtr1;
        model._sectorBaseEtr = etr.SectorBaseEtr;
        if (seen is not null)
        {
            model.AttachNowcast(seen);
        }

        PhaseTimings.Mark("create: nowcast");
        return model;
    }

    /// <summary>Step 1, the window: the first projected month (January after the baseline year, or the month after an earlier as-of month) and the number of months to the horizon (≤ 0 when the horizon is before the first month).</summary>
    private static (DateOnly First, int Months) WindowMonths(BaselineDataset baseline, ProjectionOptions options)
    {
        var first = new DateOnly(baseline.Year + 1, 1, 1);
        if (options.AsOfMonth is { } asOf && asOf.AddMonths(1) < first)
        {
            first = asOf.AddMonths(1);
        }

        var horizon = options.HorizonMonth;
        var months = horizon < first ? 0 : ((horizon.Year - first.Year) * 12) + horizon.Month - first.Month + 1;
        return (first, months);
    }

    /// <summary>Step 1, the observed cut: the observed data cut at the as-of month (null without one); fails when the as-of month is after the latest observed month of imports from Vietnam.</summary>
    private static ObservedTrade? ObservedCut(ProjectionOptions options, ObservedTrade? observed)
    {
        if (options.AsOfMonth is not { } asOf)
        {
            return null;
        }

        var seen = (observed ?? ObservedTrade.LoadEmbedded()).AsOf(asOf);
        if (seen.LatestImportMonth is not { } latest || latest < asOf)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"AsOf = {asOf:yyyy-MM} is after the latest observed month of imports from Vietnam ({(seen.LatestImportMonth is { } l ? l.ToString("yyyy-MM", CultureInfo.InvariantCulture) : "none")})."), nameof(options));
        }

        return seen;
    }

    /// <summary>Step 1 in sequence (the window and the observed cut), for callers that need the window alone.</summary>
    private static (DateOnly First, int Months, ObservedTrade? Seen) Window(BaselineDataset baseline, ProjectionOptions options, ObservedTrade? observed)
    {
        var (first, months) = WindowMonths(baseline, options);
        var seen = ObservedCut(options, observed);
        if (months <= 0)
        {
            throw new ArgumentException($"Horizon = {options.HorizonMonth:yyyy-MM} is before the first projected month {first:yyyy-MM}.", nameof(options));
        }

        return (first, months, seen);
    }

    /// <summary>Step 7, commitments: the share of each commitment's period that falls in each month ([c][m]).</summary>
    private static double[][] CommitmentShares(Scenario scenario, DateOnly first, int months) =>
        scenario.Commitments.Select(c => Enumerable.Range(0, months).Select(m => c.ShareIn(first.AddMonths(m), first.AddMonths(m + 1))).ToArray()).ToArray();

    /// <summary>The value-weighted mean relative standard error of ε over Vietnam's lines with a Hauk (2012) standard error.</summary>
    private static double HaukElasticityDispersion(BaselineDataset baseline)
    {
        double wSum = 0, wRel = 0;
        foreach (var l in baseline.LinesArray)
        {
            if (l.Epsilon.StandardError is { } se && l.Epsilon.Value > 0 && double.IsFinite(se))
            {
                wSum += l.Vietnam.ValueUsd;
                wRel += l.Vietnam.ValueUsd * se / l.Epsilon.Value;
            }
        }

        return wSum > 0 ? wRel / wSum : 0.0;
    }

    /// <summary>Step 2, the no-policy paths: imports from Vietnam and exports to Vietnam (2023–2024 fits or the given growth), and the all-country index that scales the competitors.</summary>
    private sealed record NoPolicyPaths(BaselineTrend Imports, BaselineTrend Exports, BaselineTrend World, double[] WorldIndex)
    {
        public static NoPolicyPaths Estimate(BaselineDataset baseline, ProjectionOptions options, DateOnly first, int months)
        {
            var imports = BaselineTrend.Estimate(Series(baseline, "imports/VIETNAM/00"), baseline.Year, baseline.ImportsFromVietnamUsd);
            if (options.ImportGrowthPerYear is { } gi)
            {
                imports = imports.WithGrowth(gi);
            }

            var exportsFit = BaselineTrend.Estimate(Series(baseline, "exports/VIETNAM/total"), baseline.Year, baseline.ExportsToVietnamUsd);
            var exports = options.ExportGrowthPerYear is { } ge
                ? exportsFit.WithGrowth(ge)
                : new BaselineTrend(exportsFit.Label, ExportLongRunLogGrowth, ExportLongRunLogGrowthStdError, exportsFit.SeasonalFactors, baseline.Year, baseline.ExportsToVietnamUsd,
                    string.Create(CultureInfo.InvariantCulture,
                        $"growth {Math.Exp(ExportLongRunLogGrowth) - 1:+0.0%}/yr (se of log growth {ExportLongRunLogGrowthStdError:0.000}) = OLS log-linear trend of annual US exports to Vietnam 2013–2024 (Census, shared/data/raw/census-exports-vn-tradewartracker/us_exports_to_vietnam_total_monthly_2013_2024.csv); the bundled 2023–2024 months alone give {exportsFit.GrowthPerYear:+0.0%}/yr, the rebound from the 2023 dip, not used; seasonality: month dummies of the OLS fit on exports/VIETNAM/total 2023-01..2024-12"));

            var worldSeries = Series(baseline, "imports/WORLD/00");
            if (options.AsOfMonth is { } cut && worldSeries.Points[^1].Month > cut)
            {
                worldSeries = new MonthlySeries(worldSeries.Key, worldSeries.Description, worldSeries.Points.Where(p => p.Month <= cut).ToArray());
            }

            var worldTotal = worldSeries.Points.Where(p => p.Month.Year == baseline.Year).Sum(p => p.ValueUsd);
            var world = BaselineTrend.Estimate(worldSeries, baseline.Year, worldTotal);
            var worldIndex = new double[months];
            world.Fill(first, world.LogGrowthPerYear, worldIndex);
            for (var m = 0; m < months; m++)
            {
                worldIndex[m] /= worldTotal;
            }

            return new NoPolicyPaths(imports, exports, world, worldIndex);
        }
    }

    /// <summary>
    /// Step 3, the regime timeline: the day-weighted monthly rate of every cell at transshipment share 0 and 1 (rates are
    /// linear in the share, R(s) = R0 + s (R1 − R0)), and the regimes — runs of months with identical rates.
    /// </summary>
    /// <param name="Rates0">[m][cell] at share 0.</param>
    /// <param name="Rates1">[m][cell] at share 1; null without a transshipment measure.</param>
    /// <param name="BaseRates">The 2024 applied rate of every cell.</param>
    /// <param name="LineOffsets">First cell of each line (length lines + 1).</param>
    /// <param name="Starts">The first month of each regime after the 2024 rates.</param>
    /// <param name="RegimeOfMonth">The regime in force in each month (0 = the 2024 rates).</param>
    /// <param name="HasTransshipment">The scenario has a transshipment measure.</param>
    /// <param name="CentralShare">The first transshipment measure's share (0 when none).</param>
    /// <param name="ShareMax">The upper end of the share grid.</param>
    /// <param name="RateDates">The dates on which the rate schedule was evaluated.</param>
    private sealed record RegimeTimeline(double[][] Rates0, double[][]? Rates1, double[] BaseRates, int[] LineOffsets, int[] Starts, int[] RegimeOfMonth,
        bool HasTransshipment, double CentralShare, double ShareMax, int RateDates)
    {
        public static RegimeTimeline Build(BaselineDataset baseline, Scenario scenario, ProjectionOptions options, PolicyLibrary library, DateOnly first, int months,
            Func<int, bool>? ratesFollowScenario, CancellationToken cancellationToken)
        {
            var trans = scenario.Measures.Where(m => m.Kind == MeasureKind.Transshipment).ToArray();
            var hasTrans = trans.Length > 0;
            var centralShare = hasTrans ? trans[0].ShareOfGoods : 0.0;
            var shareMax = Math.Max(centralShare, DefaultTransshipmentGridMax);
            var schedule0 = TariffSchedule.Compile(hasTrans ? scenario.WithTransshipmentShare(0.0) : scenario, baseline, library);
            var schedule1 = hasTrans ? TariffSchedule.Compile(scenario.WithTransshipmentShare(1.0), baseline, library) : null;

            var end = options.HorizonMonth.AddMonths(1);
            var dates = new[] { first }.Concat(schedule0.ChangeDates(first, end).Where(d => d < end)).ToArray();
            var pieces0 = schedule0.RatesOnDates(dates, cancellationToken);
            var pieces1 = new double[dates.Length][];
            if (schedule1 is not null)
            {
                var inForce = Enumerable.Range(0, dates.Length).Where(i => trans.Any(m => m.ActiveOn(dates[i]))).ToArray();
                var rates = schedule1.RatesOnDates(inForce.Select(i => dates[i]).ToArray(), cancellationToken);
                for (var k = 0; k < inForce.Length; k++)
                {
                    pieces1[inForce[k]] = rates[k];
                }
            }

            for (var i = 0; i < dates.Length; i++)
            {
                pieces1[i] ??= pieces0[i]; // no transshipment measure in force: the share does not matter
            }

            var rates0 = MonthlyRates(dates, pieces0, first, months);
            var rates1 = schedule1 is null ? null : MonthlyRates(dates, pieces1, first, months);
            var baseRates = schedule0.BaseRatesArray();
            if (ratesFollowScenario is not null)
            {
                var cellPartner = schedule0.PartnerOfCell.ToArray();
                foreach (var r in rates1 is null ? rates0 : rates0.Concat(rates1))
                {
                    for (var c = 0; c < r.Length; c++)
                    {
                        if (!ratesFollowScenario(cellPartner[c]))
                        {
                            r[c] = baseRates[c];
                        }
                    }
                }
            }

            var starts = new List<int>();
            var regimeOfMonth = new int[months];
            double[] prev0 = baseRates, prev1 = baseRates;
            for (var m = 0; m < months; m++)
            {
                var r1 = rates1?[m] ?? rates0[m];
                if (!rates0[m].AsSpan().SequenceEqual(prev0) || !r1.AsSpan().SequenceEqual(prev1))
                {
                    starts.Add(m);
                }

                prev0 = rates0[m];
                prev1 = r1;
                regimeOfMonth[m] = starts.Count;
            }

            var rateDates = dates.Length + (schedule1 is null ? 0 : dates.Count(d => trans.Any(m => m.ActiveOn(d))));
            return new RegimeTimeline(rates0, rates1, baseRates, schedule0.LineOffsetsArray(), starts.ToArray(), regimeOfMonth, hasTrans, centralShare, shareMax, rateDates);
        }
    }

    /// <summary>
    /// Step 4, the fixed-weight ETRs: Vietnam's 2024-value-weighted statutory rate per month at share 0 and 1 and at 2024
    /// rates, and the same by NAICS-3 sector (the Census HTS–NAICS concordance on every line) for the collected-rate layer.
    /// </summary>
    private sealed record FixedWeightEtrs(double[] Etr0, double[] Etr1, double BaseEtr, string[] SectorCodes, double[][] SectorEtr0, double[][] SectorEtr1, double[] SectorBaseEtr)
    {
        public static FixedWeightEtrs Compute(BaselineDataset baseline, RegimeTimeline timeline)
        {
            var lines = baseline.LinesArray;
            var offsets = timeline.LineOffsets;
            var baseRates = timeline.BaseRates;
            double vTotal = 0, baseDuty = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                vTotal += lines[i].Vietnam.ValueUsd;
                baseDuty += lines[i].Vietnam.ValueUsd * baseRates[offsets[i]];
            }

            double FixedEtr(double[] r)
            {
                double d = 0;
                for (var i = 0; i < lines.Length; i++)
                {
                    d += lines[i].Vietnam.ValueUsd * r[offsets[i]];
                }

                return vTotal > 0 ? d / vTotal : 0;
            }

            var etr0 = timeline.Rates0.Select(FixedEtr).ToArray();
            var etr1 = timeline.Rates1 is null ? etr0 : timeline.Rates1.Select(FixedEtr).ToArray();

            var sectorCodes = lines.Select(l => l.Naics is { Length: >= 3 } n ? n[..3] : null).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var sectorOfLine = lines.Select(l => l.Naics is { Length: >= 3 } n ? Array.BinarySearch(sectorCodes, n[..3], StringComparer.Ordinal) : -1).ToArray();
            double[] SectorEtr(double[] r)
            {
                var d = new double[sectorCodes.Length];
                var v = new double[sectorCodes.Length];
                for (var i = 0; i < lines.Length; i++)
                {
                    var k = sectorOfLine[i];
                    if (k >= 0)
                    {
                        d[k] += lines[i].Vietnam.ValueUsd * r[offsets[i]];
                        v[k] += lines[i].Vietnam.ValueUsd;
                    }
                }

                for (var k = 0; k < d.Length; k++)
                {
                    d[k] = v[k] > 0 ? d[k] / v[k] : 0.0;
                }

                return d;
            }

            var sectorEtr0 = timeline.Rates0.Select(SectorEtr).ToArray();
            var sectorEtr1 = timeline.Rates1 is null ? sectorEtr0 : timeline.Rates1.Select(SectorEtr).ToArray();
            return new FixedWeightEtrs(etr0, etr1, vTotal > 0 ? baseDuty / vTotal : 0, sectorCodes, sectorEtr0, sectorEtr1, SectorEtr(baseRates));
        }
    }

    /// <summary>
    /// Step 5, the response tables: the exact PE response L_j of each regime (ln imports by supplier / 2024 and Vietnam's
    /// duty/value) on the elasticity grid (× the share grid for regimes the transshipment share affects), and the
    /// differences D_j = L_j − L_{j−1} the adjustment sums. Each (regime, share node) is one tariff vector whose rows on
    /// the grid are a pure function of that vector (<see cref="LineMajorTabulation"/>): a vector whose table is embedded
    /// (<see cref="PrecomputedTableKey"/>) is read, the others are tabulated.
    /// </summary>
    /// <param name="SupplierBase">The 2024 imports by supplier.</param>
    /// <param name="Level">The level tables L_j.</param>
    /// <param name="Diff">The differences D_j.</param>
    /// <param name="TableKeys">The key of every (regime, share node) tariff vector, [j][si]; null when the dataset or library is not the embedded one.</param>
    private sealed record RegimeTables(double[] SupplierBase, ResponseTable[] Level, ResponseTable[] Diff, byte[][][]? TableKeys)
    {
        public static RegimeTables Tabulate(BaselineDataset baseline, ProjectionOptions options, PolicyLibrary library, DateOnly first, RegimeTimeline timeline,
            bool useEmbeddedTables, CancellationToken cancellationToken)
        {
            var baseRates = timeline.BaseRates;
            var shareMax = timeline.ShareMax;
            var vn = baseline.IndexOfPartner(baseline.Vietnam);

            // The 2024 imports by supplier, summed cell by cell in the PE problem's order (lines in order, suppliers in
            // order: ScenarioModel.BuildProblem's cells and values), without building the problem, which only a vector
            // without an embedded table needs.
            var supplierBase = new double[baseline.PartnersArray.Length];
            var partnerIndex = new Dictionary<Partner, int>(ReferenceEqualityComparer.Instance);
            for (var q = 0; q < baseline.PartnersArray.Length; q++)
            {
                partnerIndex[baseline.PartnersArray[q]] = q;
            }

            foreach (var line in baseline.LinesArray)
            {
                foreach (var cell in line.SuppliersArray)
                {
                    supplierBase[partnerIndex[cell.Partner]] += cell.ValueUsd;
                }
            }

            var rates0 = timeline.Rates0;
            var rates1 = timeline.Rates1;
            var regimeRates = timeline.Starts.Select(m => (R0: rates0[m], R1: rates1?[m])).ToArray();
            var sDependent = regimeRates.Select(r => r.R1 is not null && !r.R0.AsSpan().SequenceEqual(r.R1)).ToArray();
            var g = options.GridNodes;
            var outputs = baseline.PartnersArray.Length + 2; // 0: ln Vietnam, 1..P: ln supplier k, P+1: Vietnam duty/value
            var sNodes = new int[regimeRates.Length];
            var groups = new List<(int Regime, int S)>();
            for (var j = 0; j < regimeRates.Length; j++)
            {
                sNodes[j] = sDependent[j] ? options.TransshipmentNodes : 1;
                for (var si = 0; si < sNodes[j]; si++)
                {
                    groups.Add((j, si));
                }
            }

            var data = regimeRates.Select((_, j) => new double[sNodes[j] * g * outputs]).ToArray();
            var h = (MaxLogScale - MinLogScale) / (g - 1);
            var tariffs = new double[groups.Count][];
            Parallel.For(0, groups.Count, new ParallelOptions { CancellationToken = cancellationToken }, k =>
            {
                var (j, si) = groups[k];
                var share = sNodes[j] == 1 ? 0.0 : shareMax * si / (sNodes[j] - 1);
                var r0 = regimeRates[j].R0;
                var t1 = new double[r0.Length];
                for (var c = 0; c < t1.Length; c++)
                {
                    t1[c] = regimeRates[j].R1 is { } r1 ? r0[c] + (share * (r1[c] - r0[c])) : r0[c];
                }

                tariffs[k] = t1;
            });

            // The key of every tariff vector, and the embedded rows of those that have one.
            var prefix = PrecomputedTablePrefix(baseline, library, options, baseRates);
            var keys = prefix is null ? null : new byte[groups.Count][];
            if (keys is not null)
            {
                Parallel.For(0, groups.Count, new ParallelOptions { CancellationToken = cancellationToken }, k => keys[k] = PrecomputedTableKey(prefix!, tariffs[k]));
            }

            var embedded = useEmbeddedTables && keys is not null ? ReadPrecomputedTables(keys, g * outputs) : null;
            PhaseTimings.Mark(string.Create(CultureInfo.InvariantCulture, $"create: response tables: {embedded?.Count(t => t is not null) ?? 0} of {groups.Count} embedded"));
            var missing = Enumerable.Range(0, groups.Count).Where(k => embedded?[k] is null).ToArray();

            var scales = new double[g];
            for (var xi = 0; xi < g; xi++)
            {
                scales[xi] = Math.Exp(MinLogScale + (xi * h));
            }

            var p = supplierBase.Length;
            var newImports = new double[missing.Length * g * p];
            var revenues = new double[missing.Length * g];
            if (missing.Length > 0)
            {
                var problem = ScenarioModel.BuildProblem(baseline, baseRates, baseRates, new PeRunOptions(first, options.Sigma));
                // The model dependency goes through the interface by design (a GE-based response would enter here): one
                // call tabulates every regime and share node without an embedded table on the whole grid.
#pragma warning disable CA1859
                IResponseModel response = new PeResponseModel(problem, vn);
#pragma warning restore CA1859
                response.Tabulate(missing.Select(k => tariffs[k]).ToArray(), scales, newImports, revenues, cancellationToken);
            }

            for (var i = 0; i < missing.Length; i++)
            {
                var (j, si) = groups[missing[i]];
                for (var xi = 0; xi < g; xi++)
                {
                    var node = newImports.AsSpan(((i * g) + xi) * p, p);
                    var revenue = revenues[(i * g) + xi];
                    var row = data[j].AsSpan(((si * g) + xi) * outputs, outputs);
                    row[0] = Math.Log(node[vn] / supplierBase[vn]);
                    for (var q = 0; q < node.Length; q++)
                    {
                        row[1 + q] = supplierBase[q] > 0 ? Math.Log(node[q] / supplierBase[q]) : 0.0;
                    }

                    row[outputs - 1] = node[vn] > 0 ? revenue / node[vn] : 0.0;
                }
            }

            for (var k = 0; k < groups.Count; k++)
            {
                if (embedded?[k] is { } rows)
                {
                    var (j, si) = groups[k];
                    rows.CopyTo(data[j].AsSpan(si * g * outputs, g * outputs));
                }
            }

            var level = regimeRates.Select((_, j) => new ResponseTable(MinLogScale, MaxLogScale, g, shareMax, sNodes[j], outputs, data[j])).ToArray();
            var diff = Differences(level, shareMax);
            var tableKeys = keys is null ? null : regimeRates.Select((_, j) => Enumerable.Range(0, groups.Count).Where(k => groups[k].Regime == j).Select(k => keys[k]).ToArray()).ToArray();
            return new RegimeTables(supplierBase, level, diff, tableKeys);
        }

        /// <summary>The differences D_j = L_j − L_{j−1} (L_{−1} = 0) on the larger of the two share grids.</summary>
        public static ResponseTable[] Differences(ResponseTable[] level, double shareMax)
        {
            var diff = new ResponseTable[level.Length];
            for (var j = 0; j < level.Length; j++)
            {
                var prevTable = j == 0 ? null : level[j - 1];
                var n = Math.Max(level[j].SNodes, prevTable?.SNodes ?? 1);
                diff[j] = level[j].Minus(prevTable, n, shareMax);
            }

            return diff;
        }
    }

    /// <summary>
    /// Step 6, the export path: Vietnam's concessions in force on the 15th of each month; for each set, the response of US
    /// exports to Vietnam (<see cref="ScenarioModel.ExportSide"/>) with Vietnam's elasticities × a on a grid of ln a in
    /// [ln 0.01, 0], and the differences between consecutive sets.
    /// </summary>
    private sealed record ExportPath(int[] Starts, ResponseTable[] Diff)
    {
        public static ExportPath Tabulate(BaselineDataset baseline, Scenario scenario, ProjectionOptions options, PolicyLibrary library, DateOnly first, int months,
            CancellationToken cancellationToken)
        {
            var exportStarts = new List<int>();
            var exportSets = new List<MarketAccessConcession[]>();
            var prevSet = Array.Empty<MarketAccessConcession>();
            for (var m = 0; m < months; m++)
            {
                var d = first.AddMonths(m).AddDays(14);
                var set = scenario.Concessions.Where(c => c.From <= d).ToArray();
                if (!set.SequenceEqual(prevSet))
                {
                    exportStarts.Add(m);
                    exportSets.Add(set);
                }

                prevSet = set;
            }

            var g = options.GridNodes;
            var hx = -MinLogScale / (g - 1);
            var exportLevels = exportSets.Select(set =>
            {
                // ScenarioModel.ExportSide of the set's concessions alone at each node; the rates do not depend on the scale: once.
                var only = new Scenario(scenario.Name, scenario.Description, scenario.Sources, [], [], set, scenario.Assumptions);
                var date = new DateOnly(2200, 1, 1);
                var (before, mfn, us) = ScenarioModel.ExportRates(baseline, only, library, date);
                var values = new double[g];
                Parallel.For(0, g, new ParallelOptions { CancellationToken = cancellationToken }, xi =>
                {
                    var a = Math.Exp(MinLogScale + (xi * hx));
                    var o = new PeRunOptions(date, options.Sigma, VietnamImportDemandElasticity: options.VietnamImportDemandElasticity * a,
                        VietnamSubstitutionElasticity: options.VietnamSubstitutionElasticity * a, UsShareOfVietnamImports: options.UsShareOfVietnamImports);
                    var (baseUsd, newUsd) = ScenarioModel.ExportResponse(baseline, before, mfn, us, o, new double[before.Length]);
                    values[xi] = baseUsd > 0 ? Math.Log(newUsd / baseUsd) : 0.0;
                });
                return new ResponseTable(MinLogScale, 0.0, g, 0.0, 1, 1, values);
            }).ToArray();
            return new ExportPath(exportStarts.ToArray(), exportLevels.Select((t, j) => t.Minus(j == 0 ? null : exportLevels[j - 1], 1, 0.0)).ToArray());
        }
    }
}
