using System.Globalization;

namespace VietUsTrade.Sim.Projection;

public sealed partial class ProjectionModel
{
    /// <summary>The BLP (2023) one-year trade elasticity used with a drawn long-run value: κ(12) = 0.76 / LR.</summary>
    internal const double BlpOneYearElasticity = 0.76;

    /// <summary>Months to 95% convergence of the drawn kernels (BLP 2023: 7–10 years; the short end).</summary>
    internal const double BlpConvergenceMonths = 84;

    private static readonly string[] InputNameList =
        ["elasticity_level", "adjustment_speed", "transshipment_share", "commitment_fulfilment", "commitment_additionality", "import_growth", "export_growth", "relocation_share", "import_path_shocks"];

    /// <summary>Uniforms drawn per draw (the last input, the realised path shocks, is derived after the evaluation).</summary>
    private const int DrawnInputs = 8;

    /// <summary>The inputs of draw <paramref name="draw"/> under a seed and an uncertainty spec (a pure function of its arguments).</summary>
    /// <param name="spec">What is uncertain.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="draw">The draw index (≥ 0).</param>
    /// <returns>The inputs.</returns>
    internal ProjectionInputs DrawInputs(UncertaintySpec spec, ulong seed, int draw)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(draw);
        Span<double> x = stackalloc double[InputNameList.Length];
        return DrawInputs(spec, seed, draw, x);
    }

    /// <summary>Runs the Monte Carlo: N draws of the uncertain inputs through the projection, quantiles by year and month, diversion bands and the data for sensitivity.</summary>
    /// <remarks>
    /// Every quantile is exact (type 7 over all N draws; monthly ones over the first min(N, <see cref="MonteCarloOptions.MonthlyDrawLimit"/>)).
    /// Up to <see cref="MonteCarloOptions.InMemoryDrawLimit"/> draws every draw's annual values are kept and sorted. Above
    /// it memory does not grow with N: draws are a pure function of (seed, draw index), so the annual and diversion order
    /// statistics are found by multi-pass selection (<see cref="ExactQuantileSelector"/>: a pass counts every draw's value
    /// into categories set by a pilot of the first 4,096 draws, the next pass collects only the values in the categories
    /// holding the target ranks, rarely a further pass splits a crowded category), which re-runs the draws, about twice the
    /// time, and gives the quantiles sorting would give, bit for bit. <see cref="MonteCarloResult.AnnualValue"/> and
    /// <see cref="MonteCarloResult.Sensitivity"/> then use the first <see cref="MonteCarloResult.SampleDraws"/> draws.
    /// </remarks>
    /// <param name="options">Draws, seed, uncertainty, threads, memory limits.</param>
    /// <param name="progress">Optional progress (reported after each block of draws, from worker threads; above the in-memory limit the draws of the later passes count half each).</param>
    /// <param name="cancellationToken">Cancels the run (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The result. Identical, bit for bit, for the same seed, options and model on any number of threads.</returns>
    /// <exception cref="ArgumentException">Invalid options (named).</exception>
    public MonteCarloResult MonteCarlo(MonteCarloOptions options, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var spec = options.Uncertainty ?? UncertaintySpec.Default;
        Diagnostics.PhaseTimings.Mark("before MonteCarlo");
        var n = options.Draws;
        var months = MonthCount;
        var years = Enumerable.Range(0, months).Select(m => FirstMonth.AddMonths(m).Year).Distinct().ToArray();
        var competitors = Enumerable.Range(0, Suppliers.Count).Where(k => k != _vn && _supplierBase[k] > 0)
            .OrderByDescending(k => _supplierBase[k]).ThenBy(k => k).Take(options.CompetitorCount).ToArray();
        var run = new DrawRun(this, options, spec, years, competitors);
        var ny = years.Length;
        var na = ProjectionMetrics.Annual.Count;
        var nc = competitors.Length;
        var nMonthly = run.MonthlyDraws;
        var ni = InputNameList.Length;
        var sample = Math.Min(n, options.InMemoryDraws);

        var annual = new double[(long)sample * ny * na];
        var inputs = new double[(long)sample * ni];
        QuantileRow[] annualRows = new QuantileRow[ny];
        var div = new Dictionary<string, IReadOnlyList<QuantileRow>>(StringComparer.Ordinal);
        Quantiles[] annualQ, diversionQ;
        if (n <= options.InMemoryDraws)
        {
            var diversion = new double[(long)n * ny * nc];
            ForDraws(run, 0, n, options, (d, scratch) =>
                run.Draw(d, scratch, annual.AsSpan(d * ny * na, ny * na), diversion.AsSpan(d * ny * nc, ny * nc), inputs.AsSpan(d * ni, ni), true),
                done => progress?.Report(new MonteCarloProgress(done, n)), cancellationToken);

            // Quantiles (exact, type 7), in a fixed order.
            var column = new double[n];
            Quantiles Column(double[] values, int width, int index)
            {
                for (var d = 0; d < n; d++)
                {
                    column[d] = values[((long)d * width) + index];
                }

                return Quantiles.Of(column.AsSpan(0, n));
            }

            annualQ = [.. Enumerable.Range(0, ny * na).Select(q => Column(annual, ny * na, q))];
            diversionQ = [.. Enumerable.Range(0, ny * nc).Select(q => Column(diversion, ny * nc, q))];
        }
        else
        {
            (annualQ, diversionQ) = SelectQuantiles(run, options, sample, annual, inputs, progress, cancellationToken);
        }

        for (var y = 0; y < ny; y++)
        {
            var metrics = new Dictionary<string, Quantiles>(StringComparer.Ordinal);
            for (var k = 0; k < na; k++)
            {
                metrics[ProjectionMetrics.Annual[k]] = annualQ[(y * na) + k];
            }

            annualRows[y] = new QuantileRow(years[y].ToString(CultureInfo.InvariantCulture), years[y], null, metrics);
        }

        for (var c = 0; c < nc; c++)
        {
            var rows = new QuantileRow[ny];
            for (var y = 0; y < ny; y++)
            {
                rows[y] = new QuantileRow(years[y].ToString(CultureInfo.InvariantCulture), years[y], null,
                    new Dictionary<string, Quantiles>(StringComparer.Ordinal) { ["diverted_usd"] = diversionQ[(y * nc) + c] });
            }

            div[Suppliers[competitors[c]]] = rows;
        }

        Diagnostics.PhaseTimings.Mark("monte carlo: draws, annual quantiles");
        var (monthlyRows, divMonthly) = run.MonthlyQuantiles(options.MaxDegreeOfParallelism);
        Diagnostics.PhaseTimings.Mark("monte carlo: monthly quantiles");
        return new MonteCarloResult(options, years, annual, inputs, sample, annualRows, monthlyRows, div, divMonthly, InputNameList, InputDistributions(spec), nMonthly, Describe(CentralInputs));
    }

    /// <summary>
    /// The annual and diversion quantiles of more draws than the in-memory limit, by exact multi-pass selection: a pilot of
    /// the first draws, a counting pass over all draws (which also keeps the first <paramref name="sample"/> draws' annual
    /// values and inputs and the monthly values), then collecting passes until every order statistic is known.
    /// </summary>
    private static (Quantiles[] Annual, Quantiles[] Diversion) SelectQuantiles(DrawRun run, MonteCarloOptions options, int sample, double[] annual, double[] inputs,
        IProgress<MonteCarloProgress>? progress, CancellationToken cancellationToken)
    {
        const int PilotDraws = 4096;
        var n = options.Draws;
        var wa = run.AnnualWidth;
        var q = wa + run.DiversionWidth;
        var ni = InputNameList.Length;
        var pilotDraws = Math.Min(PilotDraws, sample);
        var rows = new double[(long)pilotDraws * q];

        // Pilot: the first draws, kept whole.
        ForDraws(run, 0, pilotDraws, options, (d, scratch) =>
        {
            var row = rows.AsSpan(d * q, q);
            run.Draw(d, scratch, row[..wa], row[wa..], inputs.AsSpan(d * ni, ni), true);
            row[..wa].CopyTo(annual.AsSpan(d * wa, wa));
        }, _ => { }, cancellationToken);
        var pilot = new double[rows.Length];
        for (var d = 0; d < pilotDraws; d++)
        {
            for (var k = 0; k < q; k++)
            {
                pilot[((long)k * pilotDraws) + d] = rows[((long)d * q) + k];
            }
        }

        var selector = new ExactQuantileSelector(q, n, pilot);
        for (var d = 0; d < pilotDraws; d++)
        {
            selector.Observe(rows.AsSpan(d * q, q));
        }

        // Counting pass over the other draws, keeping the sample; then passes over all draws until every rank is known.
        var half = n / 2;
        ForDraws(run, pilotDraws, n, options, (d, scratch) =>
        {
            var row = scratch.Row;
            row.Clear();
            run.Draw(d, scratch, row[..wa], row[wa..], d < sample ? inputs.AsSpan(d * ni, ni) : scratch.Inputs, true);
            if (d < sample)
            {
                row[..wa].CopyTo(annual.AsSpan(d * wa, wa));
            }

            selector.Observe(row);
        }, done => progress?.Report(new MonteCarloProgress((int)((pilotDraws + (long)done) / 2), n)), cancellationToken);
        selector.EndPass();
        while (selector.NeedsPass)
        {
            ForDraws(run, 0, n, options, (d, scratch) =>
            {
                var row = scratch.Row;
                row.Clear();
                run.Draw(d, scratch, row[..wa], row[wa..], scratch.Inputs, false);
                selector.Observe(row);
            }, done => progress?.Report(new MonteCarloProgress(Math.Min(half + (done / 2), n - 1), n)), cancellationToken);
            selector.EndPass();
        }

        progress?.Report(new MonteCarloProgress(n, n));
        return ([.. Enumerable.Range(0, wa).Select(selector.Result)], [.. Enumerable.Range(wa, run.DiversionWidth).Select(selector.Result)]);
    }

    /// <summary>Draws [<paramref name="from"/>, <paramref name="to"/>) in blocks of 64 on the options' threads; <paramref name="done"/> gets the draws finished so far after each block.</summary>
    private static void ForDraws(DrawRun run, int from, int to, MonteCarloOptions options, Action<int, DrawScratch> draw, Action<int> done, CancellationToken cancellationToken)
    {
        const int Block = 64;
        var blocks = (to - from + Block - 1) / Block;
        var completed = 0;
        var po = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, blocks, po, () => new DrawScratch(run), (block, _, buf) =>
        {
            var d0 = from + (block * Block);
            var d1 = Math.Min(to, d0 + Block);
            for (var d = d0; d < d1; d++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                draw(d, buf);
            }

            done(Interlocked.Add(ref completed, d1 - d0));
            return buf;
        }, _ => { });
    }

    /// <summary>One worker's buffers: the evaluation, the drawn inputs, the central path of the shock and one draw's row of quantities.</summary>
    private sealed class DrawScratch(DrawRun run)
    {
        private readonly double[] _row = new double[run.AnnualWidth + run.DiversionWidth];
        private readonly double[] _inputs = new double[InputNameList.Length];

        public EvaluationBuffers Buffers { get; } = new(run.Model.MonthCount, run.Model.Suppliers.Count);

        public double[] Central { get; } = new double[run.Model.MonthCount];

        public double[] X { get; } = new double[InputNameList.Length];

        public Span<double> Row => _row;

        public Span<double> Inputs => _inputs;
    }

    /// <summary>The per-draw work of one Monte Carlo run and its monthly values (the first <see cref="MonthlyDraws"/> draws).</summary>
    private sealed class DrawRun
    {
        private readonly UncertaintySpec _spec;
        private readonly ulong _seed;
        private readonly int[] _yearOfMonth;
        private readonly int[] _competitors;
        private readonly TableSet _tables;
        private readonly int[] _years;
        private readonly double[] _monthly;
        private readonly double[] _monthlyDiversion;
        private readonly int _ncm;

        public DrawRun(ProjectionModel model, MonteCarloOptions options, UncertaintySpec spec, int[] years, int[] competitors)
        {
            Model = model;
            _spec = spec;
            _seed = options.Seed;
            _years = years;
            _competitors = competitors;
            var months = model.MonthCount;
            _yearOfMonth = Enumerable.Range(0, months).Select(m => Array.IndexOf(years, model.FirstMonth.AddMonths(m).Year)).ToArray();
            _tables = model.Tables(competitors);
            MonthlyDraws = Math.Min(options.Draws, options.MonthlyDrawLimit);
            _ncm = options.MonthlyDiversion ? competitors.Length : 0;
            _monthly = new double[(long)MonthlyDraws * months * ProjectionMetrics.Headline.Count];
            _monthlyDiversion = new double[(long)MonthlyDraws * months * _ncm];
        }

        public ProjectionModel Model { get; }

        public int MonthlyDraws { get; }

        /// <summary>Annual values per draw: years × <see cref="ProjectionMetrics.Annual"/>.</summary>
        public int AnnualWidth => _years.Length * ProjectionMetrics.Annual.Count;

        /// <summary>Diversion values per draw: years × competitors.</summary>
        public int DiversionWidth => _years.Length * _competitors.Length;

        /// <summary>
        /// Draw <paramref name="d"/>: its inputs into <paramref name="inputs"/>, its annual values (year-major) into
        /// <paramref name="a"/> and diversion into <paramref name="dv"/> (both zero on entry), and with
        /// <paramref name="monthly"/> its monthly values when it is one of the first <see cref="MonthlyDraws"/>.
        /// </summary>
        public void Draw(int d, DrawScratch scratch, Span<double> a, Span<double> dv, Span<double> inputs, bool monthly)
        {
            var model = Model;
            var buf = scratch.Buffers;
            var x = scratch.X.AsSpan();
            var months = model.MonthCount;
            var ny = _years.Length;
            var na = ProjectionMetrics.Annual.Count;
            var nh = ProjectionMetrics.Headline.Count;
            var nc = _competitors.Length;
            var ncm = _ncm;
            var p = model.Suppliers.Count;
            var inp = model.DrawInputs(_spec, _seed, d, x);
            model.Evaluate(inp, buf, _tables);
            x[DrawnInputs] = model.PathShock(inp, buf, scratch.Central);
            x.CopyTo(inputs);
            for (var m = 0; m < months; m++)
            {
                var y = _yearOfMonth[m];
                var row = a.Slice(y * na, na);
                row[0] += buf.Imports[m];
                row[1] += buf.Exports[m];
                row[3] += buf.Revenue[m];
                row[5] += buf.AdditionalExports[m];
                row[6] += buf.BaseImports[m];
                row[7] += buf.BaseExports[m];
                for (var c = 0; c < nc; c++)
                {
                    dv[(y * nc) + c] += buf.Diversion[(m * p) + _competitors[c]];
                }

                if (monthly && d < MonthlyDraws)
                {
                    var mr = _monthly.AsSpan(((d * months) + m) * nh, nh);
                    mr[0] = buf.Imports[m];
                    mr[1] = buf.Exports[m];
                    mr[2] = buf.Exports[m] - buf.Imports[m];
                    mr[3] = buf.Revenue[m];
                    mr[4] = buf.Etr[m];
                    for (var c = 0; c < ncm; c++)
                    {
                        _monthlyDiversion[(((d * months) + m) * ncm) + c] = buf.Diversion[(m * p) + _competitors[c]];
                    }
                }
            }

            for (var y = 0; y < ny; y++)
            {
                a[(y * na) + 2] = a[(y * na) + 1] - a[(y * na) + 0];
                a[(y * na) + 4] = a[(y * na) + 0] > 0 ? a[(y * na) + 3] / a[(y * na) + 0] : 0.0;
                var baselineBalance = a[(y * na) + 7] - a[(y * na) + 6];
                a[(y * na) + 6] = baselineBalance;
                a[(y * na) + 7] = a[(y * na) + 2] - baselineBalance;
            }
        }

        /// <summary>
        /// The monthly quantiles of the headline metrics and, when asked, of diversion (exact, type 7, over the first
        /// <see cref="MonthlyDraws"/> draws), months (and competitor × month cells) spread over <paramref name="maxThreads"/>
        /// threads: each quantile depends only on its own column, so the result is the same on any number of threads.
        /// </summary>
        public (QuantileRow[] Monthly, Dictionary<string, IReadOnlyList<QuantileRow>> Diversion) MonthlyQuantiles(int maxThreads)
        {
            var model = Model;
            var months = model.MonthCount;
            var nh = ProjectionMetrics.Headline.Count;
            var nMonthly = MonthlyDraws;
            var po = new ParallelOptions { MaxDegreeOfParallelism = maxThreads };
            var monthlyRows = new QuantileRow[nMonthly > 0 ? months : 0];
            Parallel.For(0, monthlyRows.Length, po, () => new double[nMonthly], (m, _, column) =>
            {
                var metrics = new Dictionary<string, Quantiles>(StringComparer.Ordinal);
                for (var k = 0; k < nh; k++)
                {
                    for (var d = 0; d < nMonthly; d++)
                    {
                        column[d] = _monthly[((((long)d * months) + m) * nh) + k];
                    }

                    metrics[ProjectionMetrics.Headline[k]] = Quantiles.Of(column.AsSpan(0, nMonthly));
                }

                var date = model.FirstMonth.AddMonths(m);
                monthlyRows[m] = new QuantileRow(date.ToString("yyyy-MM", CultureInfo.InvariantCulture), date.Year, date.Month, metrics);
                return column;
            }, _ => { });

            var divMonthly = new Dictionary<string, IReadOnlyList<QuantileRow>>(StringComparer.Ordinal);
            var competitors = nMonthly > 0 ? _ncm : 0;
            var cells = new QuantileRow[competitors * months];
            Parallel.For(0, cells.Length, po, () => new double[nMonthly], (cell, _, column) =>
            {
                var c = cell / months;
                var m = cell % months;
                for (var d = 0; d < nMonthly; d++)
                {
                    column[d] = _monthlyDiversion[((((long)d * months) + m) * _ncm) + c];
                }

                var date = model.FirstMonth.AddMonths(m);
                cells[cell] = new QuantileRow(date.ToString("yyyy-MM", CultureInfo.InvariantCulture), date.Year, date.Month,
                    new Dictionary<string, Quantiles>(StringComparer.Ordinal) { ["diverted_usd"] = Quantiles.Of(column.AsSpan(0, nMonthly)) });
                return column;
            }, _ => { });
            for (var c = 0; c < competitors; c++)
            {
                divMonthly[model.Suppliers[_competitors[c]]] = cells[(c * months)..((c + 1) * months)];
            }

            return (monthlyRows, divMonthly);
        }
    }

    /// <summary>How each input is drawn under a spec (text, in input order).</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>One description per input.</returns>
    internal IReadOnlyList<string> InputDistributions(UncertaintySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var ic = CultureInfo.InvariantCulture;
        var lambda = spec.ElasticityLogSd ?? HaukElasticityLogSd;
        return
        [
            lambda > 0 ? string.Create(ic, $"S = exp({lambda:0.###}·z), z ~ N(0,1) truncated ±4{(spec.ElasticityLogSd is null ? " (λ = mean relative s.e. of Hauk 2012 ε)" : "")}") : "fixed at 1",
            DrawsKernel(spec)
                ? string.Create(ic, $"κ(12) = 0.76/LR, LR ~ U({spec.LongRunElasticityLow}, {spec.LongRunElasticityHigh}) (BLP 2023), 95% at {BlpConvergenceMonths} months")
                : $"fixed kernel {Options.KernelOrDefault}",
            HasTransshipment && spec.TransshipmentShareHigh is { } hi
                ? string.Create(ic, $"triangular(0, {CentralTransshipmentShare}, {Math.Min(Math.Max(hi, CentralTransshipmentShare), TransshipmentGridMax)})")
                : string.Create(ic, $"fixed at {CentralTransshipmentShare}"),
            spec.Commitments && _commitments.Length > 0 ? "u ~ U(0,1), every commitment at quantile u of triangular(low, central, high)" : "central values",
            spec.Commitments && _commitments.Length > 0 ? "u ~ U(0,1), every commitment at quantile u of triangular(low, central, high)" : "central values",
            spec.BaselineGrowth ? string.Create(ic, $"log growth ~ N({ImportGrowth.LogGrowthPerYear:0.0000}, {ImportGrowth.StdError:0.0000}){(_importNowcast is null ? "" : " at the as-of month, then the state-space disturbances of the nowcast")}") : "fixed",
            spec.BaselineGrowth ? string.Create(ic, $"log growth ~ N({ExportGrowth.LogGrowthPerYear:0.0000}, {ExportGrowth.StdError:0.0000}){(_exportNowcast is null ? "" : " at the as-of month, then the state-space disturbances of the nowcast")}") : "fixed",
            DrawsRelocation(spec)
                ? string.Create(ic, $"triangular(0, {CentralRelocationShare}, {Math.Max(spec.RelocationShareHigh!.Value, CentralRelocationShare)}) of China's projected loss")
                : string.Create(ic, $"fixed at {CentralRelocationShare}"),
            _importNowcast is not null && spec.BaselineGrowth
                ? "realised, not drawn: mean ln(no-policy path / its slope-only path) over the projected months (level, slope, seasonal and irregular shocks of the nowcast)"
                : "fixed at 0 (no state-space disturbances)",
        ];
    }

    /// <summary>
    /// The realised state-space disturbances of a nowcast draw: the mean over the projected months of ln(no-policy imports of
    /// the draw / the path with the draw's slope and no disturbances). 0 without a nowcast or without drawn disturbances.
    /// </summary>
    private double PathShock(ProjectionInputs inputs, EvaluationBuffers b, double[] scratch)
    {
        var nImp = _observedImports.Length;
        var h = MonthCount - nImp;
        if (_importNowcast is not { } nc || inputs.BaselinePathSeed is null || h <= 0)
        {
            return 0.0;
        }

        nc.Fill(FirstMonth.AddMonths(nImp), inputs.ImportLogGrowthPerYear, scratch.AsSpan(0, h));
        double sum = 0;
        for (var i = 0; i < h; i++)
        {
            sum += Math.Log(b.BaseImports[nImp + i] / scratch[i]);
        }

        return sum / h;
    }

    /// <summary>The relocation share is drawn when the spec gives an upper end and the central share is positive.</summary>
    private bool DrawsRelocation(UncertaintySpec spec) => spec.RelocationShareHigh is not null && CentralRelocationShare > 0;

    /// <summary>Adjustment speed is drawn (BLP family) only when the spec gives a range and the options use the BLP kernel; a custom kernel stays fixed.</summary>
    private bool DrawsKernel(UncertaintySpec spec) => spec.LongRunElasticityHigh > spec.LongRunElasticityLow && Options.KernelOrDefault == AdjustmentKernel.Blp2023;

    private ProjectionInputs DrawInputs(UncertaintySpec spec, ulong seed, int draw, Span<double> x)
    {
        var rng = new DrawRandom(seed, draw);
        var u = new double[DrawnInputs];
        for (var i = 0; i < u.Length; i++)
        {
            u[i] = rng.NextOpen(); // always drawn, so switching one input off does not move the others
        }

        var lambda = spec.ElasticityLogSd ?? HaukElasticityLogSd;
        var lnS = lambda > 0 ? lambda * Distributions.Normal(u[0]) : 0.0;
        AdjustmentKernel kernel;
        double lr;
        if (DrawsKernel(spec))
        {
            lr = spec.LongRunElasticityLow + (u[1] * (spec.LongRunElasticityHigh - spec.LongRunElasticityLow));
            kernel = AdjustmentKernel.FromTargets(BlpOneYearElasticity / lr, BlpConvergenceMonths);
        }
        else
        {
            lr = spec.LongRunElasticityLow;
            kernel = Options.KernelOrDefault;
        }

        var share = HasTransshipment && spec.TransshipmentShareHigh is { } hi
            ? Distributions.Triangular(u[2], 0.0, CentralTransshipmentShare, Math.Min(Math.Max(hi, CentralTransshipmentShare), TransshipmentGridMax))
            : CentralTransshipmentShare;
        double? fq = spec.Commitments ? u[3] : null;
        double? aq = spec.Commitments ? u[4] : null;
        var pathSeed = rng.NextUInt64(); // always drawn; used only by a nowcast with baseline uncertainty on
        var (cgi, sgi) = ImportGrowth;
        var (cge, sge) = ExportGrowth;
        var gi = spec.BaselineGrowth ? cgi + (sgi * Distributions.Normal(u[5])) : cgi;
        var ge = spec.BaselineGrowth ? cge + (sge * Distributions.Normal(u[6])) : cge;
        x[0] = lnS;
        x[1] = lr;
        x[2] = share;
        x[3] = fq ?? 0.5;
        x[4] = aq ?? 0.5;
        x[5] = gi;
        x[6] = ge;
        var rho = DrawsRelocation(spec) ? Distributions.Triangular(u[7], 0.0, CentralRelocationShare, Math.Max(spec.RelocationShareHigh!.Value, CentralRelocationShare)) : CentralRelocationShare;
        x[7] = rho;
        return new ProjectionInputs(Math.Exp(lnS), kernel, share, fq, aq, gi, ge, _importNowcast is not null && spec.BaselineGrowth ? pathSeed : null, rho);
    }
}
