using System.Globalization;

namespace VietUsTrade.Sim.Projection;

public sealed partial class ProjectionModel
{
    /// <summary>The BLP (2023) one-year trade elasticity used with a drawn long-run value: κ(12) = 0.76 / LR.</summary>
    public const double BlpOneYearElasticity = 0.76;

    /// <summary>Months to 95% convergence of the drawn kernels (BLP 2023: 7–10 years; the short end).</summary>
    public const double BlpConvergenceMonths = 84;

    private static readonly string[] InputNameList =
        ["elasticity_level", "adjustment_speed", "transshipment_share", "commitment_fulfilment", "commitment_additionality", "import_growth", "export_growth", "relocation_share", "import_path_shocks"];

    /// <summary>Uniforms drawn per draw (the last input, the realised path shocks, is derived after the evaluation).</summary>
    private const int DrawnInputs = 8;

    /// <summary>The inputs of draw <paramref name="draw"/> under a seed and an uncertainty spec (a pure function of its arguments).</summary>
    /// <param name="spec">What is uncertain.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="draw">The draw index (≥ 0).</param>
    /// <returns>The inputs.</returns>
    public ProjectionInputs DrawInputs(UncertaintySpec spec, ulong seed, int draw)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(draw);
        Span<double> x = stackalloc double[InputNameList.Length];
        return DrawInputs(spec, seed, draw, x);
    }

    /// <summary>Runs the Monte Carlo: N draws of the uncertain inputs through the projection, quantiles by year and month, diversion bands and the data for sensitivity.</summary>
    /// <param name="options">Draws, seed, uncertainty, threads, memory limits.</param>
    /// <param name="progress">Optional progress (reported after each block of draws, from worker threads).</param>
    /// <param name="cancellationToken">Cancels the run (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The result. Identical, bit for bit, for the same seed, options and model on any number of threads.</returns>
    /// <exception cref="ArgumentException">Invalid options (named).</exception>
    public MonteCarloResult MonteCarlo(MonteCarloOptions options, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var spec = options.Uncertainty ?? UncertaintySpec.Default;
        var n = options.Draws;
        var months = MonthCount;
        var years = Enumerable.Range(0, months).Select(m => FirstMonth.AddMonths(m).Year).Distinct().ToArray();
        var yearOfMonth = Enumerable.Range(0, months).Select(m => Array.IndexOf(years, FirstMonth.AddMonths(m).Year)).ToArray();
        var ny = years.Length;
        var na = ProjectionMetrics.Annual.Count;
        var nh = ProjectionMetrics.Headline.Count;
        var competitors = Enumerable.Range(0, Suppliers.Count).Where(k => k != _vn && _supplierBase[k] > 0)
            .OrderByDescending(k => _supplierBase[k]).ThenBy(k => k).Take(options.CompetitorCount).ToArray();
        var nc = competitors.Length;
        var tables = Tables(competitors);
        var nMonthly = Math.Min(n, options.MonthlyDrawLimit);
        var ni = InputNameList.Length;

        var annual = new double[(long)n * ny * na];
        var diversion = new double[(long)n * ny * nc];
        var monthly = new double[(long)nMonthly * months * nh];
        var ncm = options.MonthlyDiversion ? nc : 0;
        var monthlyDiversion = new double[(long)nMonthly * months * ncm];
        var inputs = new double[(long)n * ni];
        const int Block = 64;
        var blocks = (n + Block - 1) / Block;
        var completed = 0;
        var po = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, blocks, po, () => new EvaluationBuffers(months, Suppliers.Count), (block, state, buf) =>
        {
            var d1 = Math.Min(n, (block + 1) * Block);
            Span<double> x = stackalloc double[ni];
            var central = new double[months];
            for (var d = block * Block; d < d1; d++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var inp = DrawInputs(spec, options.Seed, d, x);
                Evaluate(inp, buf, tables);
                x[DrawnInputs] = PathShock(inp, buf, central);
                x.CopyTo(inputs.AsSpan(d * ni, ni));
                var a = annual.AsSpan(d * ny * na, ny * na);
                var dv = diversion.AsSpan(d * ny * nc, ny * nc);
                for (var m = 0; m < months; m++)
                {
                    var y = yearOfMonth[m];
                    var row = a.Slice(y * na, na);
                    row[0] += buf.Imports[m];
                    row[1] += buf.Exports[m];
                    row[3] += buf.Revenue[m];
                    row[5] += buf.AdditionalExports[m];
                    row[6] += buf.BaseImports[m];
                    row[7] += buf.BaseExports[m];
                    for (var c = 0; c < nc; c++)
                    {
                        dv[(y * nc) + c] += buf.Diversion[(m * Suppliers.Count) + competitors[c]];
                    }

                    if (d < nMonthly)
                    {
                        var mr = monthly.AsSpan(((d * months) + m) * nh, nh);
                        mr[0] = buf.Imports[m];
                        mr[1] = buf.Exports[m];
                        mr[2] = buf.Exports[m] - buf.Imports[m];
                        mr[3] = buf.Revenue[m];
                        mr[4] = buf.Etr[m];
                        for (var c = 0; c < ncm; c++)
                        {
                            monthlyDiversion[(((d * months) + m) * ncm) + c] = buf.Diversion[(m * Suppliers.Count) + competitors[c]];
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

            var done = Interlocked.Add(ref completed, d1 - (block * Block));
            progress?.Report(new MonteCarloProgress(done, n));
            return buf;
        }, _ => { });

        // Quantiles (exact, type 7), in a fixed order.
        var column = new double[n];
        QuantileRow[] annualRows = new QuantileRow[ny];
        for (var y = 0; y < ny; y++)
        {
            var metrics = new Dictionary<string, Quantiles>(StringComparer.Ordinal);
            for (var k = 0; k < na; k++)
            {
                for (var d = 0; d < n; d++)
                {
                    column[d] = annual[(((long)d * ny) + y) * na + k];
                }

                metrics[ProjectionMetrics.Annual[k]] = Quantiles.Of(column.AsSpan(0, n));
            }

            annualRows[y] = new QuantileRow(years[y].ToString(CultureInfo.InvariantCulture), years[y], null, metrics);
        }

        var monthlyRows = new QuantileRow[nMonthly > 0 ? months : 0];
        for (var m = 0; m < monthlyRows.Length; m++)
        {
            var metrics = new Dictionary<string, Quantiles>(StringComparer.Ordinal);
            for (var k = 0; k < nh; k++)
            {
                for (var d = 0; d < nMonthly; d++)
                {
                    column[d] = monthly[((((long)d * months) + m) * nh) + k];
                }

                metrics[ProjectionMetrics.Headline[k]] = Quantiles.Of(column.AsSpan(0, nMonthly));
            }

            var date = FirstMonth.AddMonths(m);
            monthlyRows[m] = new QuantileRow(date.ToString("yyyy-MM", CultureInfo.InvariantCulture), date.Year, date.Month, metrics);
        }

        var div = new Dictionary<string, IReadOnlyList<QuantileRow>>(StringComparer.Ordinal);
        for (var c = 0; c < nc; c++)
        {
            var rows = new QuantileRow[ny];
            for (var y = 0; y < ny; y++)
            {
                for (var d = 0; d < n; d++)
                {
                    column[d] = diversion[(((long)d * ny) + y) * nc + c];
                }

                rows[y] = new QuantileRow(years[y].ToString(CultureInfo.InvariantCulture), years[y], null,
                    new Dictionary<string, Quantiles>(StringComparer.Ordinal) { ["diverted_usd"] = Quantiles.Of(column.AsSpan(0, n)) });
            }

            div[Suppliers[competitors[c]]] = rows;
        }

        var divMonthly = new Dictionary<string, IReadOnlyList<QuantileRow>>(StringComparer.Ordinal);
        for (var c = 0; c < ncm && nMonthly > 0; c++)
        {
            var rows = new QuantileRow[months];
            for (var m = 0; m < months; m++)
            {
                for (var d = 0; d < nMonthly; d++)
                {
                    column[d] = monthlyDiversion[((((long)d * months) + m) * ncm) + c];
                }

                var date = FirstMonth.AddMonths(m);
                rows[m] = new QuantileRow(date.ToString("yyyy-MM", CultureInfo.InvariantCulture), date.Year, date.Month,
                    new Dictionary<string, Quantiles>(StringComparer.Ordinal) { ["diverted_usd"] = Quantiles.Of(column.AsSpan(0, nMonthly)) });
            }

            divMonthly[Suppliers[competitors[c]]] = rows;
        }

        return new MonteCarloResult(options, years, annual, inputs, annualRows, monthlyRows, div, divMonthly, InputNameList, InputDistributions(spec), nMonthly, Describe(CentralInputs));
    }

    /// <summary>How each input is drawn under a spec (text, in input order).</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>One description per input.</returns>
    public IReadOnlyList<string> InputDistributions(UncertaintySpec spec)
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
