namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>
/// A batch of partial-equilibrium product lines in columnar (CSR) layout: line <c>i</c> owns the supplier
/// cells <c>LineOffsets[i] .. LineOffsets[i+1]−1</c> of the flat cell arrays. Immutable and validated at
/// construction; safe to share between threads and to solve many times.
/// </summary>
/// <remarks>
/// <para>Per cell (one supplier of one line): baseline import value at world (customs, duty-exclusive) prices
/// v ≥ 0 in US dollars, baseline tariff t0 and new tariff t1 (ad valorem fractions, 0.20 = 20%), export supply
/// elasticity ω ∈ (0, ∞] (∞ = fixed world price, full pass-through) and the supplier's index into
/// <see cref="SupplierNames"/>. Per line: import demand elasticity ε ≥ 0 to the composite import price index
/// and substitution elasticity σ &gt; 0 between suppliers (Armington 1969). Elasticities are positive magnitudes.</para>
/// <para>Bounds (to keep every result finite): 0 ≤ t ≤ <see cref="MaxTariff"/>, ε ≤ <see cref="MaxImportDemandElasticity"/>,
/// σ ≤ <see cref="MaxSubstitutionElasticity"/>, v ≤ <see cref="MaxCellValue"/>. A supplier may appear at most once per line.</para>
/// <para>The input arrays are copied; <see cref="WithTariffs1"/> and <see cref="WithElasticities"/> make variants that
/// share the unchanged arrays (cheap scenario and Monte Carlo variants).</para>
/// </remarks>
internal sealed class PeProblem
{
    /// <summary>Largest accepted ad valorem tariff (100 = 10,000%).</summary>
    public const double MaxTariff = 100.0;

    /// <summary>Largest accepted import demand elasticity ε.</summary>
    public const double MaxImportDemandElasticity = 50.0;

    /// <summary>Largest accepted substitution elasticity σ.</summary>
    public const double MaxSubstitutionElasticity = 1000.0;

    /// <summary>Largest accepted import value of one cell, in US dollars (10^15).</summary>
    public const double MaxCellValue = 1e15;

    private readonly string[] _supplierNames;
    internal readonly int[] Offsets;
    internal readonly int[] Suppliers;
    internal readonly double[] Values;
    internal readonly double[] T0;
    internal readonly double[] T1;
    internal readonly double[] Omega;
    internal readonly double[] Epsilon;
    internal readonly double[] Sigma;
    internal readonly string?[]? Labels;
    internal readonly bool AllInfiniteSupply;
    internal readonly bool[] LineHasFiniteSupply;
    internal readonly int MaxLineCells;
    internal readonly double[] LineM0;
    internal readonly double[] LineE0;
    internal readonly double[] LineR0;
    internal readonly double[] SupplierM0;
    internal readonly double[] SupplierR0;

    /// <summary>Line <paramref name="line"/>'s σ and ε times an elasticity scale, capped at the bounds (the projection's kernels and tabulation share it).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal (double Sigma, double Epsilon) ScaledElasticities(int line, double scale) =>
        (Math.Min(Sigma[line] * scale, MaxSubstitutionElasticity), Math.Min(Epsilon[line] * scale, MaxImportDemandElasticity));

    /// <summary>Creates and validates a problem.</summary>
    /// <param name="supplierNames">Names of the suppliers (e.g. "Vietnam", "China", ..., "Rest of world"); cells refer to them by index.</param>
    /// <param name="lineOffsets">CSR offsets, length lines + 1, starting at 0, non-decreasing, ending at the cell count.</param>
    /// <param name="cellSuppliers">Supplier index of each cell (0 ≤ index &lt; supplier count), unique within a line.</param>
    /// <param name="baselineValues">Baseline imports v of each cell at world prices, US dollars, ≥ 0.</param>
    /// <param name="tariffs0">Baseline ad valorem tariff t0 of each cell (fraction ≥ 0).</param>
    /// <param name="tariffs1">New ad valorem tariff t1 of each cell (fraction ≥ 0).</param>
    /// <param name="exportSupplyElasticities">Export supply elasticity ω of each cell, &gt; 0, may be +∞; null = all +∞.</param>
    /// <param name="importDemandElasticities">Import demand elasticity ε of each line (≥ 0).</param>
    /// <param name="substitutionElasticities">Substitution elasticity σ of each line (&gt; 0; 1 = Cobb–Douglas).</param>
    /// <param name="lineLabels">Optional labels of the lines (e.g. HTS10 codes) used in messages; null or length = lines.</param>
    /// <exception cref="ArgumentException">Any value is out of its domain; the message names the parameter, line (and label), supplier and value.</exception>
    public PeProblem(
        IReadOnlyList<string> supplierNames,
        ReadOnlySpan<int> lineOffsets,
        ReadOnlySpan<int> cellSuppliers,
        ReadOnlySpan<double> baselineValues,
        ReadOnlySpan<double> tariffs0,
        ReadOnlySpan<double> tariffs1,
        ReadOnlySpan<double> exportSupplyElasticities,
        ReadOnlySpan<double> importDemandElasticities,
        ReadOnlySpan<double> substitutionElasticities,
        IReadOnlyList<string?>? lineLabels = null)
    {
        ArgumentNullException.ThrowIfNull(supplierNames);
        if (supplierNames.Count == 0)
        {
            throw new ArgumentException("supplierNames must name at least one supplier.", nameof(supplierNames));
        }

        _supplierNames = new string[supplierNames.Count];
        for (var s = 0; s < _supplierNames.Length; s++)
        {
            _supplierNames[s] = supplierNames[s] ?? throw new ArgumentException($"supplierNames[{s}] is null.", nameof(supplierNames));
        }

        if (lineOffsets.Length < 1 || lineOffsets[0] != 0)
        {
            throw new ArgumentException("lineOffsets must have length lines + 1 and start at 0.", nameof(lineOffsets));
        }

        var lines = lineOffsets.Length - 1;
        var cells = lineOffsets[lines];
        for (var i = 0; i < lines; i++)
        {
            if (lineOffsets[i + 1] < lineOffsets[i])
            {
                throw new ArgumentException($"lineOffsets must be non-decreasing: lineOffsets[{i + 1}] = {lineOffsets[i + 1]} < lineOffsets[{i}] = {lineOffsets[i]}.", nameof(lineOffsets));
            }
        }

        CheckLength(cellSuppliers.Length, cells, nameof(cellSuppliers));
        CheckLength(baselineValues.Length, cells, nameof(baselineValues));
        CheckLength(tariffs0.Length, cells, nameof(tariffs0));
        CheckLength(tariffs1.Length, cells, nameof(tariffs1));
        if (!exportSupplyElasticities.IsEmpty || cells == 0)
        {
            CheckLength(exportSupplyElasticities.Length, cells, nameof(exportSupplyElasticities));
        }

        CheckLength(importDemandElasticities.Length, lines, nameof(importDemandElasticities));
        CheckLength(substitutionElasticities.Length, lines, nameof(substitutionElasticities));
        if (lineLabels is not null)
        {
            CheckLength(lineLabels.Count, lines, nameof(lineLabels));
            Labels = [.. lineLabels];
        }

        Offsets = lineOffsets.ToArray();
        Suppliers = cellSuppliers.ToArray();
        Values = baselineValues.ToArray();
        T0 = tariffs0.ToArray();
        T1 = tariffs1.ToArray();
        Epsilon = importDemandElasticities.ToArray();
        Sigma = substitutionElasticities.ToArray();
        if (exportSupplyElasticities.IsEmpty)
        {
            Omega = new double[cells];
            Array.Fill(Omega, double.PositiveInfinity);
        }
        else
        {
            Omega = exportSupplyElasticities.ToArray();
        }

        var seen = new int[_supplierNames.Length];
        Array.Fill(seen, -1);
        var allInfinite = true;
        for (var i = 0; i < lines; i++)
        {
            var label = Labels?[i];
            PeValidation.DemandElasticity(Epsilon[i], nameof(importDemandElasticities), i, label);
            PeValidation.SubstitutionElasticity(Sigma[i], nameof(substitutionElasticities), i, label);
            for (var k = Offsets[i]; k < Offsets[i + 1]; k++)
            {
                var s = Suppliers[k];
                if ((uint)s >= (uint)_supplierNames.Length)
                {
                    throw new ArgumentException($"cellSuppliers at {PeValidation.Where(i, label, null)}, cell {k} = {s} is not a supplier index (0 ≤ index < {_supplierNames.Length}).", nameof(cellSuppliers));
                }

                if (seen[s] == i)
                {
                    throw new ArgumentException($"cellSuppliers at {PeValidation.Where(i, label, _supplierNames[s])}: the supplier appears more than once in the line.", nameof(cellSuppliers));
                }

                seen[s] = i;
                var name = _supplierNames[s];
                PeValidation.Value(Values[k], nameof(baselineValues), i, label, name);
                PeValidation.Tariff(T0[k], nameof(tariffs0), i, label, name);
                PeValidation.Tariff(T1[k], nameof(tariffs1), i, label, name);
                PeValidation.SupplyElasticity(Omega[k], nameof(exportSupplyElasticities), i, label, name);
                allInfinite &= double.IsPositiveInfinity(Omega[k]);
            }
        }

        AllInfiniteSupply = allInfinite;
        LineHasFiniteSupply = new bool[lines];
        LineM0 = new double[lines];
        LineE0 = new double[lines];
        LineR0 = new double[lines];
        SupplierM0 = new double[_supplierNames.Length];
        SupplierR0 = new double[_supplierNames.Length];
        var maxCells = 0;
        for (var i = 0; i < lines; i++)
        {
            double m0 = 0, e0 = 0, r0 = 0;
            var finite = false;
            maxCells = Math.Max(maxCells, Offsets[i + 1] - Offsets[i]);
            for (var k = Offsets[i]; k < Offsets[i + 1]; k++)
            {
                var v = Values[k];
                m0 += v;
                e0 += (1.0 + T0[k]) * v;
                r0 += T0[k] * v;
                SupplierM0[Suppliers[k]] += v;
                SupplierR0[Suppliers[k]] += T0[k] * v;
                finite |= !double.IsPositiveInfinity(Omega[k]);
            }

            LineM0[i] = m0;
            LineE0[i] = e0;
            LineR0[i] = r0;
            LineHasFiniteSupply[i] = finite;
        }

        MaxLineCells = maxCells;
    }

    private PeProblem(PeProblem source, double[] t1, double[] epsilon, double[] sigma)
    {
        _supplierNames = source._supplierNames;
        Offsets = source.Offsets;
        Suppliers = source.Suppliers;
        Values = source.Values;
        T0 = source.T0;
        Omega = source.Omega;
        Labels = source.Labels;
        AllInfiniteSupply = source.AllInfiniteSupply;
        LineHasFiniteSupply = source.LineHasFiniteSupply;
        MaxLineCells = source.MaxLineCells;
        LineM0 = source.LineM0;
        LineE0 = source.LineE0;
        LineR0 = source.LineR0;
        SupplierM0 = source.SupplierM0;
        SupplierR0 = source.SupplierR0;
        T1 = t1;
        Epsilon = epsilon;
        Sigma = sigma;
    }

    /// <summary>Number of product lines.</summary>
    public int LineCount => Offsets.Length - 1;

    /// <summary>Number of supplier cells over all lines.</summary>
    public int CellCount => Offsets[^1];

    /// <summary>Number of distinct suppliers.</summary>
    public int SupplierCount => _supplierNames.Length;

    /// <summary>Supplier names, indexed like the supplier totals of the results.</summary>
    public IReadOnlyList<string> SupplierNames => _supplierNames;

    /// <summary>CSR offsets (length <see cref="LineCount"/> + 1).</summary>
    public ReadOnlySpan<int> LineOffsets => Offsets;

    /// <summary>Supplier index of each cell.</summary>
    public ReadOnlySpan<int> CellSuppliers => Suppliers;

    /// <summary>Baseline import value of each cell at world prices (US dollars).</summary>
    public ReadOnlySpan<double> BaselineValues => Values;

    /// <summary>Baseline ad valorem tariff of each cell (fraction).</summary>
    public ReadOnlySpan<double> Tariffs0 => T0;

    /// <summary>New ad valorem tariff of each cell (fraction).</summary>
    public ReadOnlySpan<double> Tariffs1 => T1;

    /// <summary>Export supply elasticity of each cell (+∞ = fixed world price).</summary>
    public ReadOnlySpan<double> ExportSupplyElasticities => Omega;

    /// <summary>Import demand elasticity ε of each line.</summary>
    public ReadOnlySpan<double> ImportDemandElasticities => Epsilon;

    /// <summary>Substitution elasticity σ of each line.</summary>
    public ReadOnlySpan<double> SubstitutionElasticities => Sigma;

    /// <summary>Baseline imports of each line at world prices, M0 = Σ v (US dollars).</summary>
    public ReadOnlySpan<double> LineBaselineImports => LineM0;

    /// <summary>Baseline imports of each line at tariff-inclusive prices, E0 = Σ (1 + t0) v (US dollars).</summary>
    public ReadOnlySpan<double> LineBaselineImportsTariffInclusive => LineE0;

    /// <summary>Baseline tariff revenue of each line, Σ t0 v (US dollars).</summary>
    public ReadOnlySpan<double> LineBaselineRevenue => LineR0;

    /// <summary>The label of a line (null when none was given).</summary>
    /// <param name="line">Zero-based line index.</param>
    /// <returns>The label or null.</returns>
    public string? LineLabel(int line)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(line, LineCount);
        return Labels?[line];
    }

    /// <summary>A variant with new tariffs t1 (same cells, baseline and elasticities). The new array is validated and copied.</summary>
    /// <param name="tariffs1">New ad valorem tariff of each cell.</param>
    /// <returns>The variant problem.</returns>
    /// <exception cref="ArgumentException">Wrong length or an invalid rate (message names line, supplier and value).</exception>
    public PeProblem WithTariffs1(ReadOnlySpan<double> tariffs1)
    {
        CheckLength(tariffs1.Length, CellCount, nameof(tariffs1));
        var t1 = tariffs1.ToArray();
        for (var i = 0; i < LineCount; i++)
        {
            for (var k = Offsets[i]; k < Offsets[i + 1]; k++)
            {
                PeValidation.Tariff(t1[k], nameof(tariffs1), i, Labels?[i], _supplierNames[Suppliers[k]]);
            }
        }

        return new PeProblem(this, t1, Epsilon, Sigma);
    }

    /// <summary>A variant with new line elasticities (same cells and tariffs). The arrays are validated and copied.</summary>
    /// <param name="importDemandElasticities">ε of each line.</param>
    /// <param name="substitutionElasticities">σ of each line.</param>
    /// <returns>The variant problem.</returns>
    /// <exception cref="ArgumentException">Wrong length or an invalid elasticity (message names line and value).</exception>
    public PeProblem WithElasticities(ReadOnlySpan<double> importDemandElasticities, ReadOnlySpan<double> substitutionElasticities)
    {
        CheckLength(importDemandElasticities.Length, LineCount, nameof(importDemandElasticities));
        CheckLength(substitutionElasticities.Length, LineCount, nameof(substitutionElasticities));
        var eps = importDemandElasticities.ToArray();
        var sig = substitutionElasticities.ToArray();
        for (var i = 0; i < LineCount; i++)
        {
            PeValidation.DemandElasticity(eps[i], nameof(importDemandElasticities), i, Labels?[i]);
            PeValidation.SubstitutionElasticity(sig[i], nameof(substitutionElasticities), i, Labels?[i]);
        }

        return new PeProblem(this, T1, eps, sig);
    }

    private static void CheckLength(int actual, int expected, string param)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{param} has length {actual}; expected {expected}.", param);
        }
    }
}
