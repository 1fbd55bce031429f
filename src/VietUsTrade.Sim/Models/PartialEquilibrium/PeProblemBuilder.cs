namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>
/// Row-by-row builder of a <see cref="PeProblem"/>: start a line with <see cref="AddLine"/>, then add its suppliers
/// with <see cref="AddSupplier(int, double, double, double, double)"/>. Not thread-safe; the built problem is.
/// </summary>
/// <example>
/// <code>
/// var b = new PeProblemBuilder(["Vietnam", "Rest of world"]);
/// b.AddLine(importDemandElasticity: 1.0, substitutionElasticity: 1.5, label: "6404110000")
///  .AddSupplier(0, 100e6, 0.20, 0.46)
///  .AddSupplier(1, 300e6, 0.10, 0.10);
/// PeResult r = PeSolver.Solve(b.Build());
/// </code>
/// </example>
internal sealed class PeProblemBuilder
{
    private readonly List<string> _suppliers;
    private readonly Dictionary<string, int> _supplierIndex = new(StringComparer.Ordinal);
    private readonly List<int> _offsets = [0];
    private readonly List<int> _cellSuppliers = [];
    private readonly List<double> _values = [];
    private readonly List<double> _t0 = [];
    private readonly List<double> _t1 = [];
    private readonly List<double> _omega = [];
    private readonly List<double> _eps = [];
    private readonly List<double> _sigma = [];
    private readonly List<string?> _labels = [];

    /// <summary>Starts a builder for the given suppliers.</summary>
    /// <param name="supplierNames">Supplier names (unique).</param>
    public PeProblemBuilder(IEnumerable<string> supplierNames)
    {
        ArgumentNullException.ThrowIfNull(supplierNames);
        _suppliers = [.. supplierNames];
        for (var s = 0; s < _suppliers.Count; s++)
        {
            if (!_supplierIndex.TryAdd(_suppliers[s], s))
            {
                throw new ArgumentException($"Supplier name '{_suppliers[s]}' appears twice.", nameof(supplierNames));
            }
        }
    }

    /// <summary>Starts a new line; subsequent suppliers belong to it.</summary>
    /// <param name="importDemandElasticity">ε ≥ 0.</param>
    /// <param name="substitutionElasticity">σ &gt; 0.</param>
    /// <param name="label">Optional label (e.g. the HTS10 code) used in messages.</param>
    /// <returns>This builder.</returns>
    public PeProblemBuilder AddLine(double importDemandElasticity, double substitutionElasticity, string? label = null)
    {
        if (_eps.Count > 0)
        {
            _offsets.Add(_values.Count);
        }

        _eps.Add(importDemandElasticity);
        _sigma.Add(substitutionElasticity);
        _labels.Add(label);
        return this;
    }

    /// <summary>Adds a supplier cell to the current line.</summary>
    /// <param name="supplier">Supplier index.</param>
    /// <param name="baselineValue">Baseline imports at world prices (US dollars).</param>
    /// <param name="tariff0">Baseline ad valorem tariff (fraction).</param>
    /// <param name="tariff1">New ad valorem tariff (fraction).</param>
    /// <param name="exportSupplyElasticity">ω (default +∞, fixed world price).</param>
    /// <returns>This builder.</returns>
    public PeProblemBuilder AddSupplier(int supplier, double baselineValue, double tariff0, double tariff1, double exportSupplyElasticity = double.PositiveInfinity)
    {
        if (_eps.Count == 0)
        {
            throw new InvalidOperationException("Call AddLine before AddSupplier.");
        }

        _cellSuppliers.Add(supplier);
        _values.Add(baselineValue);
        _t0.Add(tariff0);
        _t1.Add(tariff1);
        _omega.Add(exportSupplyElasticity);
        return this;
    }

    /// <summary>Adds a supplier cell to the current line, by supplier name.</summary>
    /// <param name="supplier">Supplier name given to the constructor.</param>
    /// <param name="baselineValue">Baseline imports at world prices (US dollars).</param>
    /// <param name="tariff0">Baseline ad valorem tariff (fraction).</param>
    /// <param name="tariff1">New ad valorem tariff (fraction).</param>
    /// <param name="exportSupplyElasticity">ω (default +∞).</param>
    /// <returns>This builder.</returns>
    public PeProblemBuilder AddSupplier(string supplier, double baselineValue, double tariff0, double tariff1, double exportSupplyElasticity = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        if (!_supplierIndex.TryGetValue(supplier, out var s))
        {
            throw new ArgumentException($"Unknown supplier '{supplier}'.", nameof(supplier));
        }

        return AddSupplier(s, baselineValue, tariff0, tariff1, exportSupplyElasticity);
    }

    /// <summary>Validates and builds the problem.</summary>
    /// <returns>The problem.</returns>
    /// <exception cref="ArgumentException">Invalid inputs (see <see cref="PeProblem"/>).</exception>
    public PeProblem Build()
    {
        var offsets = new List<int>(_offsets);
        if (_eps.Count > 0)
        {
            offsets.Add(_values.Count);
        }

        return new PeProblem(_suppliers, offsets.ToArray(), _cellSuppliers.ToArray(), _values.ToArray(), _t0.ToArray(), _t1.ToArray(),
            _omega.ToArray(), _eps.ToArray(), _sigma.ToArray(), _labels);
    }
}
