namespace VietUsTrade.Sim.Projection;

/// <summary>
/// Exact order statistics of many quantities over N values each, in memory independent of N, for values that can be
/// regenerated pass by pass (seeded Monte Carlo draws): multi-pass selection by counting. Each quantity starts with one
/// window, the whole order-preserving 64-bit key range of a double, split at the distinct values of a pilot sample (at
/// most <see cref="PilotEdges"/> edges; each edge is its own category, so point masses resolve at once). A pass counts
/// every value's category; the categories holding the target ranks become the next windows, with the count of values
/// below them: a window of at most <see cref="MaxCollect"/> values is collected whole in the next pass and sorted, a
/// larger one is split again into <see cref="SplitParts"/> equal key ranges (so a window shrinks 4,096-fold per pass and
/// a bounded number of passes isolates any value). The result is the same order statistic as sorting all N values
/// (ties between −0 and +0 aside, which <see cref="Quantiles"/> never turns into a different result), with memory
/// O(quantities × targets × (edges + <see cref="MaxCollect"/>)). Thread-safe <see cref="Observe"/> (interlocked counts
/// and slots); the outcome does not depend on the order of the values within a pass. Values must not be NaN.
/// </summary>
internal sealed class ExactQuantileSelector
{
    /// <summary>Most pilot values used as edges of a quantity's first split.</summary>
    public const int PilotEdges = 4096;

    /// <summary>Most values of one window collected and sorted in memory.</summary>
    public const int MaxCollect = 16_384;

    /// <summary>Equal key ranges of a window split again.</summary>
    public const int SplitParts = 4096;

    private static readonly double[] Probabilities = [0.05, 0.25, 0.5, 0.75, 0.95];

    private readonly long _n;
    private readonly long[] _ranks;            // sorted distinct target ranks
    private readonly double[] _values;         // [quantity][rank]
    private readonly Window[][] _windows;     // [quantity] → open windows of this pass

    /// <summary>Starts the selection for <paramref name="pilot"/>.Length / <paramref name="quantities"/> pilot values per quantity (quantity-major).</summary>
    /// <param name="quantities">Number of quantities.</param>
    /// <param name="n">Values per quantity (N).</param>
    /// <param name="pilot">A sample of each quantity's values, [quantity][value] (any subset; it only places the first edges).</param>
    public ExactQuantileSelector(int quantities, long n, ReadOnlySpan<double> pilot)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        _n = n;
        var ranks = new SortedSet<long>();
        foreach (var p in Probabilities)
        {
            var (i, _) = Quantiles.Rank(n, p);
            ranks.Add(i);
            if (i + 1 < n)
            {
                ranks.Add(i + 1);
            }
        }

        _ranks = [.. ranks];
        _values = new double[quantities * _ranks.Length];
        _windows = new Window[quantities][];
        var perQuantity = quantities == 0 ? 0 : pilot.Length / quantities;
        var keys = new ulong[perQuantity];
        for (var q = 0; q < quantities; q++)
        {
            var slice = pilot.Slice(q * perQuantity, perQuantity);
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = Key(slice[i]);
            }

            Array.Sort(keys);
            var distinct = keys.Length == 0 ? 0 : 1;
            for (var i = 1; i < keys.Length; i++)
            {
                if (keys[i] != keys[distinct - 1])
                {
                    keys[distinct++] = keys[i];
                }
            }

            var take = Math.Min(distinct, PilotEdges);
            var edges = new ulong[take];
            for (var e = 0; e < take; e++)
            {
                edges[e] = keys[(int)((long)e * distinct / take)];
            }

            _windows[q] = [Window.Counting(0, ulong.MaxValue, 0, [.. Enumerable.Range(0, _ranks.Length)], edges)];
        }
    }

    /// <summary>True while some order statistic is not known yet: run the draws again through <see cref="Observe"/> and call <see cref="EndPass"/>.</summary>
    public bool NeedsPass { get; private set; } = true;

    /// <summary>Passes completed.</summary>
    public int Passes { get; private set; }

    /// <summary>Records one draw's value of every quantity (thread-safe).</summary>
    /// <param name="values">One value per quantity.</param>
    public void Observe(ReadOnlySpan<double> values)
    {
        for (var q = 0; q < _windows.Length; q++)
        {
            var windows = _windows[q];
            if (windows.Length == 0)
            {
                continue;
            }

            var v = values[q];
            var k = Key(v);
            foreach (var w in windows)
            {
                if (k < w.Lo || k > w.Hi)
                {
                    continue;
                }

                if (w.Collected is { } buffer)
                {
                    buffer[Interlocked.Increment(ref w.Fill) - 1] = v;
                }
                else
                {
                    var j = Array.BinarySearch(w.Edges, k);
                    Interlocked.Increment(ref w.Counts[j >= 0 ? (2 * j) + 1 : 2 * ~j]);
                }

                break; // windows are disjoint
            }
        }
    }

    /// <summary>Closes a pass: resolves what the counts and collected values decide and opens the windows of the next pass.</summary>
    public void EndPass()
    {
        Passes++;
        var open = false;
        var next = new List<Window>();
        for (var q = 0; q < _windows.Length; q++)
        {
            next.Clear();
            foreach (var w in _windows[q])
            {
                if (w.Collected is { } buffer)
                {
                    if (w.Fill != buffer.Length)
                    {
                        throw new InvalidOperationException($"A pass of the exact quantile selection saw {w.Fill} values in a window that held {buffer.Length} in the pass before: the draws are not reproducible.");
                    }

                    Array.Sort(buffer);
                    foreach (var r in w.Ranks)
                    {
                        _values[(q * _ranks.Length) + r] = buffer[_ranks[r] - w.Below];
                    }

                    continue;
                }

                Split(q, w, next);
            }

            _windows[q] = [.. next];
            open |= next.Count > 0;
        }

        NeedsPass = open;
    }

    /// <summary>The quantiles of a quantity (after the last pass), by the same interpolation as <see cref="Quantiles.Of"/>.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The quantiles.</returns>
    public Quantiles Result(int quantity)
    {
        if (NeedsPass)
        {
            throw new InvalidOperationException("The selection needs another pass.");
        }

        return Quantiles.FromOrderStatistics(_n, rank => _values[(quantity * _ranks.Length) + Array.BinarySearch(_ranks, rank)]);
    }

    /// <summary>An order-preserving map of doubles (no NaN) to unsigned 64-bit keys.</summary>
    internal static ulong Key(double v)
    {
        var bits = BitConverter.DoubleToUInt64Bits(v);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }

    /// <summary>The inverse of <see cref="Key"/>.</summary>
    internal static double FromKey(ulong k) => BitConverter.UInt64BitsToDouble((k & 0x8000_0000_0000_0000UL) != 0 ? k & 0x7FFF_FFFF_FFFF_FFFFUL : ~k);

    private void Split(int q, Window w, List<Window> next)
    {
        var edges = w.Edges;
        var counts = w.Counts;
        var m = edges.Length;
        var cum = 0L;
        var rankIndex = 0;
        var ranks = w.Ranks;
        for (var c = 0; c <= 2 * m && rankIndex < ranks.Length; c++)
        {
            long count = counts[c];
            var inside = new List<int>();
            while (rankIndex < ranks.Length && _ranks[ranks[rankIndex]] - w.Below < cum + count)
            {
                inside.Add(ranks[rankIndex++]);
            }

            if (inside.Count > 0)
            {
                if (c % 2 == 1)
                {
                    var value = FromKey(edges[c / 2]);
                    foreach (var r in inside)
                    {
                        _values[(q * _ranks.Length) + r] = value;
                    }
                }
                else
                {
                    var j = c / 2;
                    var lo = j == 0 ? w.Lo : edges[j - 1] + 1;
                    var hi = j == m ? w.Hi : edges[j] - 1;
                    next.Add(count <= MaxCollect
                        ? Window.Collecting(lo, hi, w.Below + cum, [.. inside], (int)count)
                        : Window.Counting(lo, hi, w.Below + cum, [.. inside], SplitEdges(lo, hi)));
                }
            }

            cum += count;
        }
    }

    /// <summary>Up to <see cref="SplitParts"/> − 1 edges splitting [lo, hi] into equal key ranges (every key when the range is small).</summary>
    private static ulong[] SplitEdges(ulong lo, ulong hi)
    {
        var span = (UInt128)hi - lo + 1;
        if (span <= SplitParts)
        {
            var all = new ulong[(int)span];
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = lo + (ulong)i;
            }

            return all;
        }

        var edges = new ulong[SplitParts - 1];
        for (var t = 1; t < SplitParts; t++)
        {
            edges[t - 1] = (ulong)(lo + (span * (ulong)t / SplitParts));
        }

        return edges;
    }

    /// <summary>A key range [Lo, Hi] of one quantity holding some target ranks, with the count of values below it; counted by categories of its edges, or collected whole.</summary>
    private sealed class Window
    {
        public readonly ulong Lo;
        public readonly ulong Hi;
        public readonly long Below;
        public readonly int[] Ranks;   // indices into _ranks, ascending
        public readonly ulong[] Edges; // sorted distinct keys within [Lo, Hi]
        public readonly int[] Counts;  // 2 × edges + 1 categories: open ranges and the edges themselves
        public readonly double[]? Collected;
        public int Fill;

        private Window(ulong lo, ulong hi, long below, int[] ranks, ulong[] edges, int[] counts, double[]? collected)
        {
            Lo = lo;
            Hi = hi;
            Below = below;
            Ranks = ranks;
            Edges = edges;
            Counts = counts;
            Collected = collected;
        }

        /// <summary>A window whose values are counted by the categories of <paramref name="edges"/>.</summary>
        public static Window Counting(ulong lo, ulong hi, long below, int[] ranks, ulong[] edges) => new(lo, hi, below, ranks, edges, new int[(2 * edges.Length) + 1], null);

        /// <summary>A window whose <paramref name="count"/> values are collected.</summary>
        public static Window Collecting(ulong lo, ulong hi, long below, int[] ranks, int count) => new(lo, hi, below, ranks, [], [], new double[count]);
    }
}
