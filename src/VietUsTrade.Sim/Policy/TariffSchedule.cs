using System.Collections.Concurrent;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>
/// A scenario compiled against a baseline: the ad valorem rate of every (line, supplier) cell on any date, with
/// Vietnam's layer breakdown, and Vietnam's import-weighted effective tariff rate (ETR) over time.
/// </summary>
/// <remarks>
/// The stacking rules are those of <see cref="TariffMeasure"/>. The 2024 applied rate of a cell is its Census
/// calculated duty divided by its customs value (the MFN ad valorem rate of the HTS8 for a line with no 2024
/// value). ETR weights are Vietnam's 2024 import values (a fixed-weight index; the PE model gives the
/// post-response rate). Immutable and thread-safe: every call computes from the compiled inputs.
/// </remarks>
public sealed class TariffSchedule
{
    private static readonly MeasureKind[] Kinds = Enum.GetValues<MeasureKind>();
    private readonly CompiledMeasure[] _measures;
    private readonly double[] _baseRates;
    private readonly int[] _lineStart;
    private readonly int[] _partnerOfCell;
    private readonly ProductList[] _datedLists;
    private readonly HtsCode[][] _linePrefixes;

    // Memo of list membership per (list, interval between the list's change dates): values are a function of the key only,
    // so a race computes the same array twice at worst; the schedule stays thread-safe.
    private readonly ConcurrentDictionary<ProductList, DateOnly[]> _listChangeDates = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<(ProductList List, int Interval), bool[]> _membership = new(new ListIntervalComparer());

    private TariffSchedule(Scenario scenario, BaselineDataset baseline, CompiledMeasure[] measures, ProductList[] datedLists, HtsCode[][] linePrefixes)
    {
        _linePrefixes = linePrefixes;
        Scenario = scenario;
        Baseline = baseline;
        _measures = measures;
        _datedLists = datedLists;
        var lines = baseline.LinesArray;
        _lineStart = new int[lines.Length + 1];
        for (var i = 0; i < lines.Length; i++)
        {
            _lineStart[i + 1] = _lineStart[i] + lines[i].SuppliersArray.Length;
        }

        _baseRates = new double[_lineStart[^1]];
        _partnerOfCell = new int[_baseRates.Length];
        var partnerIndex = new Dictionary<Partner, int>(ReferenceEqualityComparer.Instance);
        for (var p = 0; p < baseline.PartnersArray.Length; p++)
        {
            partnerIndex[baseline.PartnersArray[p]] = p;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var mfn = lines[i].Mfn?.AdValorem ?? 0.0;
            var s = lines[i].SuppliersArray;
            for (var k = 0; k < s.Length; k++)
            {
                _baseRates[_lineStart[i] + k] = s[k].ValueUsd > 0 ? s[k].DutyUsd / s[k].ValueUsd : mfn;
                _partnerOfCell[_lineStart[i] + k] = partnerIndex[s[k].Partner];
            }
        }
    }

    /// <summary>The scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>The baseline partner index of every (line, supplier) cell, in the line-major order of <see cref="RatesOn"/>.</summary>
    internal ReadOnlySpan<int> PartnerOfCell => _partnerOfCell;

    /// <summary>The baseline.</summary>
    public BaselineDataset Baseline { get; }

    /// <summary>Compiles a scenario against a baseline and a policy library.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="baseline">The baseline.</param>
    /// <param name="library">The policy library (default: the embedded one).</param>
    /// <returns>The compiled schedule.</returns>
    /// <exception cref="ScenarioValidationException">The scenario names a list the library does not have, or a supplier the baseline does not have.</exception>
    public static TariffSchedule Compile(Scenario scenario, BaselineDataset baseline, PolicyLibrary? library = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(baseline);
        library ??= PolicyLibrary.LoadEmbedded();
        var linePrefixes = LinePrefixes(baseline);
        var compiled = new CompiledMeasure[scenario.Measures.Count];
        var lists = new List<ProductList>();
        for (var i = 0; i < compiled.Length; i++)
        {
            var m = scenario.Measures[i];
            ProductList Resolve(string field, int k, string name) =>
                library.Has(name) ? library.Get(name) : throw new ScenarioValidationException($"measures[{i}].{field}[{k}]", name, "unknown product list");
            var products = m.ProductLists.Select((n, k) => Resolve("product_lists", k, n)).ToArray();
            var exempt = m.ExemptionLists.Select((n, k) => Resolve("exemption_lists", k, n)).ToArray();
            lists.AddRange(products);
            lists.AddRange(exempt);
            var suppliers = new bool[baseline.PartnersArray.Length];
            for (var p = 0; p < suppliers.Length; p++)
            {
                suppliers[p] = m.CoversSupplier(baseline.PartnersArray[p].CensusCode);
            }

            for (var k = 0; k < m.Suppliers.Count; k++)
            {
                if (baseline.FindPartner(m.Suppliers[k]) is null)
                {
                    throw new ScenarioValidationException($"measures[{i}].suppliers[{k}]", m.Suppliers[k], "unknown supplier");
                }
            }

            compiled[i] = new CompiledMeasure(m, products, exempt, suppliers, linePrefixes) { Order = i };
        }

        return new TariffSchedule(scenario, baseline, compiled, lists.Distinct().ToArray(), linePrefixes);
    }

    /// <summary>Each line's prefixes (2, 4, … digits), once per baseline (read only; shared by the schedules compiled on it).</summary>
    private static HtsCode[][] LinePrefixes(BaselineDataset baseline) => PrefixCache.GetValue(baseline, ComputeLinePrefixes);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<BaselineDataset, HtsCode[][]> PrefixCache = new();

    private static HtsCode[][] ComputeLinePrefixes(BaselineDataset baseline)
    {
        var lines = baseline.LinesArray;
        var result = new HtsCode[lines.Length][];
        for (var i = 0; i < lines.Length; i++)
        {
            var code = lines[i].Code;
            var prefixes = new HtsCode[code.Length / 2];
            for (var n = 2; n <= code.Length; n += 2)
            {
                prefixes[(n / 2) - 1] = n == code.Length ? code : code.Truncate(n);
            }

            result[i] = prefixes;
        }

        return result;
    }

    /// <summary>The rates of every cell on a date.</summary>
    /// <param name="date">The entry date.</param>
    /// <returns>The rate matrix.</returns>
    internal RateMatrix RatesOn(DateOnly date)
    {
        var lines = Baseline.LinesArray;
        var (active, lineMeasures) = Covering(date);
        var rates = new double[_baseRates.Length];
        var layers = new double[Kinds.Length][];
        for (var k = 0; k < layers.Length; k++)
        {
            layers[k] = new double[lines.Length];
        }

        Span<double> comp = stackalloc double[Kinds.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            for (var cell = _lineStart[i]; cell < _lineStart[i + 1]; cell++)
            {
                rates[cell] = Stack(lineMeasures[i], active, _partnerOfCell[cell], _baseRates[cell], comp, []);
                if (cell == _lineStart[i])
                {
                    for (var k = 0; k < comp.Length; k++)
                    {
                        layers[k][i] = comp[k];
                    }
                }
            }
        }

        return new RateMatrix(date, _lineStart, rates, _baseRates, layers);
    }

    /// <summary>
    /// The rates of every cell on each of <paramref name="dates"/>, each equal to <c>RatesOn(date).ToArray()</c>: a line's
    /// cells are stacked again only on a date whose measures covering the line (in order) differ from those of the date
    /// before it in <paramref name="dates"/>; otherwise they are copied from that date (the stacking is a function of those
    /// measures, the supplier and the 2024 rate only).
    /// </summary>
    /// <param name="dates">The entry dates (any order; consecutive dates share most lines when sorted).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>One array per date, in line-major cell order.</returns>
    internal double[][] RatesOnDates(IReadOnlyList<DateOnly> dates, CancellationToken cancellationToken = default)
    {
        var covering = new (CompiledMeasure[] Active, int[][] LineMeasures)[dates.Count];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, dates.Count, options, d => covering[d] = Covering(dates[d]));
        var result = new double[dates.Count][];
        for (var d = 0; d < result.Length; d++)
        {
            result[d] = new double[_baseRates.Length];
        }

        var lines = _lineStart.Length - 1;
        var partners = Baseline.PartnersArray.Length;
        const int Chunk = 256;
        Parallel.For(0, (lines + Chunk - 1) / Chunk, options, ch =>
        {
            Span<double> comp = stackalloc double[Kinds.Length];
            var affected = new bool[partners];
            for (var i = ch * Chunk; i < Math.Min(lines, (ch + 1) * Chunk); i++)
            {
                for (var d = 0; d < result.Length; d++)
                {
                    var (active, lineMeasures) = covering[d];
                    var rates = result[d];
                    var all = d == 0 || !AffectedPartners(covering[d - 1], covering[d], i, affected);
                    for (var cell = _lineStart[i]; cell < _lineStart[i + 1]; cell++)
                    {
                        rates[cell] = all || affected[_partnerOfCell[cell]]
                            ? Stack(lineMeasures[i], active, _partnerOfCell[cell], _baseRates[cell], comp, [])
                            : result[d - 1][cell];
                    }
                }
            }
        });
        return result;

        // The partners reached by a measure that covers the line on one date and not the other (false: more than a mask
        // can say, restack every cell). Both lists are in the schedule's measure order, so a partner no differing measure
        // reaches meets the same measures in the same order on both dates.
        static bool AffectedPartners((CompiledMeasure[] Active, int[][] LineMeasures) a, (CompiledMeasure[] Active, int[][] LineMeasures) b, int line, bool[] affected)
        {
            Array.Clear(affected);
            var x = a.LineMeasures[line];
            var y = b.LineMeasures[line];
            int i = 0, j = 0;
            while (i < x.Length || j < y.Length)
            {
                var mx = i < x.Length ? a.Active[x[i]] : null;
                var my = j < y.Length ? b.Active[y[j]] : null;
                if (mx is not null && my is not null && ReferenceEquals(mx, my))
                {
                    i++;
                    j++;
                    continue;
                }

                CompiledMeasure differing;
                if (my is null || (mx is not null && mx.Order < my.Order))
                {
                    differing = mx!;
                    i++;
                }
                else
                {
                    differing = my;
                    j++;
                }

                var s = differing.Suppliers;
                for (var p = 0; p < s.Length; p++)
                {
                    affected[p] |= s[p];
                }
            }

            return true;
        }
    }

    /// <summary>A copy of the 2024 applied rate of every cell (as <see cref="RateMatrix.BaseToArray"/>).</summary>
    internal double[] BaseRatesArray() => (double[])_baseRates.Clone();

    /// <summary>A copy of the line start offsets (as <see cref="RateMatrix.LineOffsets"/>).</summary>
    internal int[] LineOffsetsArray() => (int[])_lineStart.Clone();

    /// <summary>
    /// Every layer an import line pays on a date from a supplier: its 2024 applied rate and each measure in force that
    /// reaches it, with the measure's source and dates, stacked by the same rules as <see cref="RatesOn"/> (their sum is
    /// the cell's rate).
    /// </summary>
    /// <param name="prefix">An HTS code of 2 to 10 digits: every bundled line under it is returned.</param>
    /// <param name="partner">The supplier (Census code, ISO3 or Census name, any case).</param>
    /// <param name="date">The entry date.</param>
    /// <returns>One entry per line under the prefix, in code order (empty when none is bundled).</returns>
    /// <exception cref="ArgumentException">The partner is not in the baseline (named with its value).</exception>
    public IReadOnlyList<LineTariff> TariffsOn(HtsCode prefix, string partner, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var p = Baseline.ResolvePartner(partner) ?? throw new ArgumentException($"partner = '{partner}' is not a supplier of the baseline (give a Census code such as 5700, an ISO3 code such as CHN, or a Census name).", nameof(partner));
        var partnerIndex = Array.IndexOf(Baseline.PartnersArray, p);
        var lines = Baseline.LinesArray;
        var (active, lineMeasures) = Covering(date);
        var result = new List<LineTariff>();
        Span<double> comp = stackalloc double[Kinds.Length];
        var perMeasure = new double[active.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            if (!prefix.Contains(lines[i].Code))
            {
                continue;
            }

            var cell = -1;
            for (var c = _lineStart[i]; c < _lineStart[i + 1]; c++)
            {
                if (_partnerOfCell[c] == partnerIndex)
                {
                    cell = c;
                }
            }

            var value = cell >= 0 ? lines[i].SuppliersArray[cell - _lineStart[i]].ValueUsd : 0.0;
            var baseRate = cell >= 0 ? _baseRates[cell] : lines[i].Mfn?.AdValorem ?? 0.0;
            Array.Clear(perMeasure);
            var total = Stack(lineMeasures[i], active, partnerIndex, baseRate, comp, perMeasure);
            var layers = new List<TariffLayer>();
            foreach (var a in lineMeasures[i])
            {
                if (perMeasure[a] != 0)
                {
                    var m = active[a].Measure;
                    layers.Add(new TariffLayer(m.Id, m.Kind, m.Name, perMeasure[a], m.Source, m.From, m.Until));
                }
            }

            // Exemptions that apply: measures in force on the supplier whose products reach the line but an exemption removes it.
            var exemptions = new List<TariffExemption>();
            for (var a = 0; a < active.Length; a++)
            {
                var cm = active[a];
                var inScope = cm.StaticCoverage[i] || cm.ProductLists.Any(l => l.ContainsPrefixes(_linePrefixes[i], date));
                if (!cm.Suppliers[partnerIndex] || !inScope || lineMeasures[i].Contains(a))
                {
                    continue;
                }

                var by = cm.ExemptionLists.Where(l => l.ContainsPrefixes(_linePrefixes[i], date)).Select(l => (l.Name, l.Source)).ToList();
                if (cm.StaticExempt[i])
                {
                    by.Add(("exempt_codes of the measure", cm.Measure.Source));
                }

                foreach (var (name, source) in by)
                {
                    exemptions.Add(new TariffExemption(cm.Measure.Id, cm.Measure.Name, name, source));
                }
            }

            result.Add(new LineTariff(lines[i].Code, lines[i].Description, p.CensusCode, p.Name, date, baseRate, total, layers, value) { Exemptions = exemptions });
        }

        return result;
    }

    /// <summary>The measures in force on a date and, per line, those that cover it (after product and exemption lists).</summary>
    private (CompiledMeasure[] Active, int[][] LineMeasures) Covering(DateOnly date)
    {
        var lines = Baseline.LinesArray;
        var active = _measures.Where(m => m.Measure.ActiveOn(date)).ToArray();
        bool[] Members(ProductList list)
        {
            // A list's membership is constant between consecutive change dates of its entries: computed once per such
            // interval (the interval is the number of the list's change dates on or before the date).
            var changes = _listChangeDates.GetOrAdd(list, static l => l.ChangeDates().ToArray());
            var interval = UpperBound(changes, date);
            return _membership.GetOrAdd((list, interval), key =>
            {
                var m = new bool[lines.Length];
                for (var i = 0; i < lines.Length; i++)
                {
                    m[i] = key.List.ContainsPrefixes(_linePrefixes[i], date);
                }

                return m;
            });
        }

        var coverage = new bool[active.Length][];
        for (var a = 0; a < active.Length; a++)
        {
            var cm = active[a];
            var c = (bool[])cm.StaticCoverage.Clone();
            foreach (var list in cm.ProductLists)
            {
                var m = Members(list);
                for (var i = 0; i < c.Length; i++)
                {
                    c[i] |= m[i];
                }
            }

            foreach (var list in cm.ExemptionLists)
            {
                var m = Members(list);
                for (var i = 0; i < c.Length; i++)
                {
                    c[i] &= !m[i];
                }
            }

            for (var i = 0; i < c.Length; i++)
            {
                c[i] &= !cm.StaticExempt[i];
            }

            coverage[a] = c;
        }

        // For each line, the active measures that cover it (so the cell loop visits only those).
        var lineMeasures = new int[lines.Length][];
        var scratch = new List<int>(active.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            scratch.Clear();
            for (var a = 0; a < active.Length; a++)
            {
                if (coverage[a][i])
                {
                    scratch.Add(a);
                }
            }

            lineMeasures[i] = [.. scratch];
        }

        return (active, lineMeasures);
    }

    /// <summary>The number of <paramref name="sorted"/> dates on or before <paramref name="date"/>.</summary>
    private static int UpperBound(DateOnly[] sorted, DateOnly date)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= date)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// The stacking rules of one cell: <paramref name="comp"/> receives the added rate of each measure kind,
    /// <paramref name="perMeasure"/> (when not empty) that of each active measure; returns the cell's rate.
    /// </summary>
    private static double Stack(int[] covering, CompiledMeasure[] active, int partner, double baseRate, Span<double> comp, Span<double> perMeasure)
    {
        comp.Clear();
        var covered232 = 0.0; // share of the value under Section 232 (1 = full value; < 1 = metal content)
        var max232 = -1;      // the Section 232 measure whose rate applies (the highest)
        foreach (var a in covering)
        {
            var m = active[a].Measure;
            if (active[a].Stacking == StackingRule.HighestDisplaces && active[a].Suppliers[partner])
            {
                covered232 = Math.Max(covered232, m.ShareOfGoods);
                var v = m.Rate * m.ShareOfGoods;
                if (max232 < 0 || v > comp[(int)m.Kind])
                {
                    max232 = a;
                }

                comp[(int)m.Kind] = Math.Max(comp[(int)m.Kind], v);
            }
        }

        if (perMeasure.Length > 0 && max232 >= 0)
        {
            perMeasure[max232] = comp[(int)active[max232].Measure.Kind];
        }

        var rest = 1.0 - covered232; // the value the reciprocal, Section 122 and Section 301 layers may reach

        double? reciprocal = null;
        foreach (var a in covering)
        {
            var m = active[a].Measure;
            var rule = active[a].Stacking;
            if (rule is StackingRule.HighestDisplaces or StackingRule.ReplacesReciprocal || !active[a].Suppliers[partner])
            {
                continue;
            }

            var r = m.IsFloor ? Math.Max(0, m.Rate - baseRate) : m.Rate;
            double added;
            switch (rule)
            {
                case StackingRule.Reciprocal when rest > 0:
                    reciprocal = r;
                    added = r * m.ShareOfGoods * rest;
                    break;
                case StackingRule.DisplacedBySection232 when rest > 0:
                    added = r * m.ShareOfGoods * rest;
                    break;
                case StackingRule.AddsToAll:
                    added = r * m.ShareOfGoods;
                    break;
                case StackingRule.Reciprocal or StackingRule.DisplacedBySection232:
                    continue; // the whole value is under Section 232
                default:
                    throw new InvalidOperationException($"stacking rule {rule} of measure kind {m.Kind} has no case in TariffSchedule.Stack");
            }

            comp[(int)m.Kind] += added;
            if (perMeasure.Length > 0)
            {
                perMeasure[a] += added;
            }
        }

        if (reciprocal is { } rr)
        {
            foreach (var a in covering)
            {
                var m = active[a].Measure;
                if (active[a].Stacking == StackingRule.ReplacesReciprocal && active[a].Suppliers[partner])
                {
                    var added = m.ShareOfGoods * (m.Rate - rr) * rest;
                    comp[(int)m.Kind] += added;
                    if (perMeasure.Length > 0)
                    {
                        perMeasure[a] += added;
                    }
                }
            }
        }

        var total = baseRate;
        foreach (var x in comp)
        {
            total += x;
        }

        return Math.Max(total, 0.0);
    }

    /// <summary>The dates in (<paramref name="from"/>, <paramref name="to"/>] on which some rate may change: measure starts and ends, and the dated entries of the lists the measures use.</summary>
    /// <param name="from">Start (exclusive).</param>
    /// <param name="to">End (inclusive).</param>
    /// <returns>The dates in order.</returns>
    internal IReadOnlyList<DateOnly> ChangeDates(DateOnly from, DateOnly to) =>
        Scenario.MeasureDates().Concat(_datedLists.SelectMany(l => l.ChangeDates())).Where(d => d > from && d <= to).Distinct().Order().ToArray();

    /// <summary>Vietnam's import-weighted ETR on a date (2024 weights).</summary>
    /// <param name="date">The date.</param>
    /// <returns>The ETR point.</returns>
    public EtrPoint VietnamEtr(DateOnly date) => RatesOn(date).VietnamEtr(Baseline);

    /// <summary>Vietnam's ETR on <paramref name="from"/> and on every later date up to <paramref name="to"/> on which it, or the value share under a layer, changes.</summary>
    /// <param name="from">First date.</param>
    /// <param name="to">Last date (inclusive).</param>
    /// <returns>The path.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public IReadOnlyList<EtrPoint> VietnamEtrPath(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException($"to ({to:yyyy-MM-dd}) is before from ({from:yyyy-MM-dd}).", nameof(to));
        }

        var path = new List<EtrPoint> { VietnamEtr(from) };
        foreach (var d in ChangeDates(from, to))
        {
            var p = VietnamEtr(d);
            if (!p.SameRatesAs(path[^1]))
            {
                path.Add(p);
            }
        }

        return path;
    }

    /// <summary>Keys of the membership memo: the list by reference and the interval.</summary>
    private sealed class ListIntervalComparer : IEqualityComparer<(ProductList List, int Interval)>
    {
        public bool Equals((ProductList List, int Interval) x, (ProductList List, int Interval) y) => ReferenceEquals(x.List, y.List) && x.Interval == y.Interval;

        public int GetHashCode((ProductList List, int Interval) obj) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.List), obj.Interval);
    }

    private sealed class CompiledMeasure
    {
        public CompiledMeasure(TariffMeasure measure, ProductList[] productLists, ProductList[] exemptionLists, bool[] suppliers, HtsCode[][] linePrefixes)
        {
            Measure = measure;
            Stacking = measure.KindInfo.Stacking;
            ProductLists = productLists;
            ExemptionLists = exemptionLists;
            Suppliers = suppliers;
            var products = measure.Products.ToHashSet();
            var exempt = measure.ExemptCodes.ToHashSet();
            var all = measure.Products.Count == 0 && productLists.Length == 0;
            StaticCoverage = new bool[linePrefixes.Length];
            StaticExempt = new bool[linePrefixes.Length];
            for (var i = 0; i < linePrefixes.Length; i++)
            {
                var prefixes = linePrefixes[i];
                // An all-product measure leaves out chapters 98-99 (US goods returned, temporary legislation).
                StaticCoverage[i] = all ? prefixes[^1].Chapter is not (98 or 99) : products.Count > 0 && prefixes.Any(products.Contains);
                StaticExempt[i] = exempt.Count > 0 && prefixes.Any(exempt.Contains);
            }
        }

        public TariffMeasure Measure { get; }

        /// <summary>The measure's index in the scenario (the order of <see cref="_measures"/> and of every active list).</summary>
        public int Order { get; init; }

        public StackingRule Stacking { get; }

        public ProductList[] ProductLists { get; }

        public ProductList[] ExemptionLists { get; }

        public bool[] Suppliers { get; }

        /// <summary>Lines covered by the measure's own product codes (or all lines but chapters 98-99); product lists are added per date.</summary>
        public bool[] StaticCoverage { get; }

        /// <summary>Lines exempted by the measure's own exempt codes; exemption lists are applied per date.</summary>
        public bool[] StaticExempt { get; }
    }
}

/// <summary>The ad valorem rate of every (line, supplier) cell of a baseline on one date.</summary>
/// <remarks>Cells follow <see cref="BaselineDataset.ImportLines"/> and each line's <see cref="ImportLine.Suppliers"/> order (Vietnam first). Immutable.</remarks>
internal sealed class RateMatrix
{
    private readonly int[] _lineStart;
    private readonly double[] _rates;
    private readonly double[] _base;
    private readonly double[][] _layers;

    internal RateMatrix(DateOnly date, int[] lineStart, double[] rates, double[] baseRates, double[][] layers)
    {
        Date = date;
        _lineStart = lineStart;
        _rates = rates;
        _base = baseRates;
        _layers = layers;
    }

    /// <summary>The date.</summary>
    public DateOnly Date { get; }

    /// <summary>Number of lines.</summary>
    public int LineCount => _lineStart.Length - 1;

    /// <summary>The total rate of a cell (2024 applied rate + every layer in force).</summary>
    /// <param name="line">Line index.</param>
    /// <param name="supplier">Supplier index within the line (0 = Vietnam).</param>
    /// <returns>The rate (fraction).</returns>
    public double Rate(int line, int supplier) => _rates[Cell(line, supplier)];

    /// <summary>The 2024 applied rate of a cell.</summary>
    /// <param name="line">Line index.</param>
    /// <param name="supplier">Supplier index within the line.</param>
    /// <returns>The rate.</returns>
    public double BaseRate(int line, int supplier) => _base[Cell(line, supplier)];

    /// <summary>The component of one layer in Vietnam's rate on a line.</summary>
    /// <param name="line">Line index.</param>
    /// <param name="kind">The layer.</param>
    /// <returns>The added rate.</returns>
    public double VietnamLayer(int line, MeasureKind kind) => _layers[(int)kind][line];

    /// <summary>A copy of all cell rates in line-major order (for the models).</summary>
    /// <returns>The rates.</returns>
    public double[] ToArray() => (double[])_rates.Clone();

    /// <summary>A copy of all 2024 applied rates in the same order.</summary>
    /// <returns>The rates.</returns>
    public double[] BaseToArray() => (double[])_base.Clone();

    /// <summary>Line start offsets into the flat arrays (length lines + 1).</summary>
    /// <returns>A copy of the offsets.</returns>
    public int[] LineOffsets() => (int[])_lineStart.Clone();

    /// <summary>Vietnam's import-weighted ETR with 2024 weights and the value share under each layer.</summary>
    /// <param name="baseline">The baseline the matrix was computed on.</param>
    /// <returns>The ETR point.</returns>
    public EtrPoint VietnamEtr(BaselineDataset baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var lines = baseline.LinesArray;
        double v = 0, duty = 0, baseDuty = 0;
        var kinds = Enum.GetValues<MeasureKind>();
        var shares = new double[kinds.Length];
        var contributions = new double[kinds.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var value = lines[i].Vietnam.ValueUsd;
            var cell = _lineStart[i];
            v += value;
            duty += value * _rates[cell];
            baseDuty += value * _base[cell];
            foreach (var k in kinds)
            {
                var c = _layers[(int)k][i];
                if (c != 0)
                {
                    shares[(int)k] += value;
                    contributions[(int)k] += value * c;
                }
            }
        }

        var total = v > 0 ? duty / v : 0;
        var baseline2024 = v > 0 ? baseDuty / v : 0;
        return new EtrPoint(Date, total, total - baseline2024,
            kinds.ToDictionary(k => k, k => v > 0 ? shares[(int)k] / v : 0),
            kinds.ToDictionary(k => k, k => v > 0 ? contributions[(int)k] / v : 0));
    }

    private int Cell(int line, int supplier)
    {
        var c = _lineStart[line] + supplier;
        if ((uint)line >= (uint)LineCount || supplier < 0 || c >= _lineStart[line + 1])
        {
            throw new ArgumentOutOfRangeException(nameof(supplier), $"No cell ({line}, {supplier}).");
        }

        return c;
    }
}
