using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>
/// A baseline for structural gravity: a square flow matrix per sector, including domestic flows on the diagonal,
/// so that a row sum is the exporter's output Y_i and a column sum is the importer's expenditure E_j
/// (Yotov et al. 2016, ch. 2; Head &amp; Mayer 2014, §3). Immutable and thread-safe.
/// </summary>
public sealed class GeBaseline
{
    /// <summary>The sector name of a one-sector baseline.</summary>
    public const string SingleSectorName = "ALL";

    private readonly string[] _countries;
    private readonly string[] _sectors;
    private readonly Dictionary<string, int> _countryIndex;
    private readonly Dictionary<string, int> _sectorIndex;

    // _flows[s][i * N + j]
    private readonly double[][] _flows;

    private GeBaseline(string[] countries, string[] sectors, double[][] flows)
    {
        _countries = countries;
        _sectors = sectors;
        _flows = flows;
        _countryIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < countries.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(countries[i]))
            {
                throw new ArgumentException($"Country code at position {i} is empty.", nameof(countries));
            }

            if (!_countryIndex.TryAdd(countries[i], i))
            {
                throw new ArgumentException($"Country code '{countries[i]}' appears twice.", nameof(countries));
            }
        }

        _sectorIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < sectors.Length; s++)
        {
            if (string.IsNullOrWhiteSpace(sectors[s]) || !_sectorIndex.TryAdd(sectors[s], s))
            {
                throw new ArgumentException($"Sector '{sectors[s]}' is empty or appears twice.", nameof(sectors));
            }
        }

        var n = countries.Length;
        if (n < 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"countries: a GE baseline needs at least 2 countries, got {n}."), nameof(countries));
        }

        if (sectors.Length < 1)
        {
            throw new ArgumentException("sectors: a GE baseline needs at least one sector.", nameof(sectors));
        }

        var output = new double[n];
        var spending = new double[n];
        for (var s = 0; s < sectors.Length; s++)
        {
            var x = flows[s];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    var v = x[i * n + j];
                    if (!double.IsFinite(v) || v < 0)
                    {
                        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Flow {countries[i]}->{countries[j]} (sector {sectors[s]}) = {v} must be finite and >= 0."), nameof(flows));
                    }

                    output[i] += v;
                    spending[j] += v;
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            // Finite flows can still add up to +∞ (two of 1e308); the model would then print ∞ or NaN.
            if (!double.IsFinite(output[i]) || !double.IsFinite(spending[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Country '{countries[i]}': its flows add up beyond the largest number (output {output[i]}, expenditure {spending[i]}); use a larger unit."), nameof(flows));
            }

            if (!(output[i] > 0))
            {
                throw new ArgumentException($"Country '{countries[i]}' has zero output (its row of flows, domestic sales included, sums to 0).", nameof(flows));
            }

            if (!(spending[i] > 0))
            {
                throw new ArgumentException($"Country '{countries[i]}' has zero expenditure (its column of flows, domestic purchases included, sums to 0).", nameof(flows));
            }
        }

        if (!double.IsFinite(output.Sum()))
        {
            throw new ArgumentException("flows: world output adds up beyond the largest number; use a larger unit.", nameof(flows));
        }

        Output = output;
        Expenditure = spending;
    }

    /// <summary>The country codes, in index order.</summary>
    internal IReadOnlyList<string> Countries => _countries;

    /// <summary>The sector names, in index order.</summary>
    internal IReadOnlyList<string> Sectors => _sectors;

    /// <summary>Output Y_i = Σ_s Σ_j X_ij,s by country (row sums, domestic sales included).</summary>
    public IReadOnlyList<double> Output { get; }

    /// <summary>Expenditure E_j = Σ_s Σ_i X_ij,s by country at producer prices (column sums).</summary>
    internal IReadOnlyList<double> Expenditure { get; }

    internal int CountryCount => _countries.Length;

    internal int SectorCount => _sectors.Length;

    /// <summary>Creates a baseline from a list of flows; pairs that are not listed are 0. Countries are ordered by first appearance, sectors likewise.</summary>
    /// <param name="flows">The flows; each (sector, exporter, importer) at most once.</param>
    /// <returns>The baseline.</returns>
    /// <exception cref="ArgumentException">A value is negative or not finite, a cell appears twice, or a country has zero output or expenditure.</exception>
    public static GeBaseline FromFlows(IEnumerable<GeFlow> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        var list = flows.ToList();
        var countries = new List<string>();
        var cIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var sectors = new List<string>();
        var sIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in list)
        {
            ArgumentNullException.ThrowIfNull(f, nameof(flows));
            foreach (var c in new[] { f.Exporter, f.Importer })
            {
                if (string.IsNullOrWhiteSpace(c))
                {
                    throw new ArgumentException($"Flow {f} has an empty country code.", nameof(flows));
                }

                if (cIndex.TryAdd(c, countries.Count))
                {
                    countries.Add(c);
                }
            }

            if (string.IsNullOrWhiteSpace(f.Sector))
            {
                throw new ArgumentException($"Flow {f} has an empty sector.", nameof(flows));
            }

            if (sIndex.TryAdd(f.Sector, sectors.Count))
            {
                sectors.Add(f.Sector);
            }
        }

        var n = countries.Count;
        var x = new double[sectors.Count][];
        var seen = new bool[sectors.Count][];
        for (var s = 0; s < x.Length; s++)
        {
            x[s] = new double[n * n];
            seen[s] = new bool[n * n];
        }

        foreach (var f in list)
        {
            var s = sIndex[f.Sector];
            var k = cIndex[f.Exporter] * n + cIndex[f.Importer];
            if (seen[s][k])
            {
                throw new ArgumentException($"Flow {f.Exporter}->{f.Importer} (sector {f.Sector}) appears twice.", nameof(flows));
            }

            seen[s][k] = true;
            x[s][k] = f.Value;
        }

        return new GeBaseline([.. countries], [.. sectors], x);
    }

    /// <summary>
    /// Creates a baseline from one row-major N×N flow array per sector: the flow from exporter i to importer j is at
    /// index i·N + j (domestic flows on the diagonal). The arrays are copied; the validation is that of <see cref="FromFlows"/>
    /// (at least 2 countries and 1 sector, codes non-empty and distinct, flows finite and non-negative).
    /// </summary>
    /// <param name="countries">Country codes, one per row/column, in matrix order.</param>
    /// <param name="sectors">Sector names (<see cref="SingleSectorName"/> for a one-sector baseline).</param>
    /// <param name="flows">One array of N² values per sector, in the order of <paramref name="sectors"/>.</param>
    /// <returns>The baseline.</returns>
    public static GeBaseline FromFlatMatrices(IReadOnlyList<string> countries, IReadOnlyList<string> sectors, IReadOnlyList<double[]> flows)
    {
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(sectors);
        ArgumentNullException.ThrowIfNull(flows);
        var n = countries.Count;
        if (flows.Count != sectors.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"flows: {flows.Count} arrays for {sectors.Count} sectors."), nameof(flows));
        }

        var x = new double[sectors.Count][];
        for (var s = 0; s < x.Length; s++)
        {
            var m = flows[s] ?? throw new ArgumentException($"flows[{s}] is null.", nameof(flows));
            if (m.Length != (long)n * n)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"flows[{s}] has {m.Length} values, expected {n}x{n} = {(long)n * n}."), nameof(flows));
            }

            x[s] = (double[])m.Clone();
        }

        return new GeBaseline([.. countries], [.. sectors], x);
    }

    /// <summary>Creates a one-sector baseline from a square matrix (rows exporters, columns importers).</summary>
    /// <param name="countries">Country codes, one per row/column.</param>
    /// <param name="flows">The N×N matrix with domestic flows on the diagonal.</param>
    /// <returns>The baseline.</returns>
    internal static GeBaseline FromMatrix(IReadOnlyList<string> countries, double[,] flows)
    {
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(flows);
        return FromSectorMatrices(countries, [SingleSectorName], [flows]);
    }

    /// <summary>Creates a many-sector baseline from one square matrix per sector.</summary>
    /// <param name="countries">Country codes, one per row/column.</param>
    /// <param name="sectors">Sector names.</param>
    /// <param name="flows">One N×N matrix per sector (rows exporters, columns importers).</param>
    /// <returns>The baseline.</returns>
    internal static GeBaseline FromSectorMatrices(IReadOnlyList<string> countries, IReadOnlyList<string> sectors, IReadOnlyList<double[,]> flows)
    {
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(sectors);
        ArgumentNullException.ThrowIfNull(flows);
        var n = countries.Count;
        if (flows.Count != sectors.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"flows: {flows.Count} matrices for {sectors.Count} sectors."), nameof(flows));
        }

        var x = new double[sectors.Count][];
        for (var s = 0; s < sectors.Count; s++)
        {
            var m = flows[s] ?? throw new ArgumentException($"flows[{s}] is null.", nameof(flows));
            if (m.GetLength(0) != n || m.GetLength(1) != n)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"flows[{s}] is {m.GetLength(0)}x{m.GetLength(1)}, expected {n}x{n}."), nameof(flows));
            }

            x[s] = new double[n * n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    x[s][i * n + j] = m[i, j];
                }
            }
        }

        return new GeBaseline([.. countries], [.. sectors], x);
    }

    /// <summary>Builds a baseline from flat arrays without copying (internal: callers give ownership).</summary>
    internal static GeBaseline FromArrays(string[] countries, string[] sectors, double[][] flows) => new(countries, sectors, flows);

    /// <summary>The index of a country code.</summary>
    /// <param name="country">The code.</param>
    /// <returns>Its index.</returns>
    /// <exception cref="ArgumentException">The code is not in the baseline.</exception>
    internal int IndexOfCountry(string country) =>
        country is not null && _countryIndex.TryGetValue(country, out var i)
            ? i
            : throw new ArgumentException($"Country '{country}' is not in the baseline.", nameof(country));

    /// <summary>True when the code is in the baseline.</summary>
    /// <param name="country">The code.</param>
    /// <returns>Whether it is present.</returns>
    public bool ContainsCountry(string country) => country is not null && _countryIndex.ContainsKey(country);

    /// <summary>The index of a sector name.</summary>
    /// <param name="sector">The name.</param>
    /// <returns>Its index.</returns>
    /// <exception cref="ArgumentException">The sector is not in the baseline.</exception>
    internal int IndexOfSector(string sector) =>
        sector is not null && _sectorIndex.TryGetValue(sector, out var s)
            ? s
            : throw new ArgumentException($"Sector '{sector}' is not in the baseline.", nameof(sector));

    /// <summary>A baseline flow.</summary>
    /// <param name="sector">Sector index.</param>
    /// <param name="exporter">Exporter index.</param>
    /// <param name="importer">Importer index.</param>
    /// <returns>X_ij,s.</returns>
    internal double Flow(int sector, int exporter, int importer) => _flows[sector][exporter * _countries.Length + importer];

    /// <summary>A baseline flow summed over sectors.</summary>
    /// <param name="exporter">Exporter code.</param>
    /// <param name="importer">Importer code.</param>
    /// <returns>Σ_s X_ij,s.</returns>
    internal double Flow(string exporter, string importer)
    {
        var k = IndexOfCountry(exporter) * _countries.Length + IndexOfCountry(importer);
        var sum = 0.0;
        foreach (var x in _flows)
        {
            sum += x[k];
        }

        return sum;
    }

    /// <summary>The same baseline with a subset of sectors (e.g. goods only).</summary>
    /// <param name="sectors">The sectors to keep.</param>
    /// <returns>The new baseline.</returns>
    internal GeBaseline WithSectors(IEnumerable<string> sectors)
    {
        ArgumentNullException.ThrowIfNull(sectors);
        var keep = sectors.Distinct(StringComparer.Ordinal).ToArray();
        return new GeBaseline(_countries, keep, [.. keep.Select(s => _flows[IndexOfSector(s)])]);
    }

    /// <summary>The same baseline collapsed to one sector named <see cref="SingleSectorName"/>.</summary>
    /// <returns>The aggregated baseline.</returns>
    internal GeBaseline AggregateSectors()
    {
        var n = _countries.Length;
        var sum = new double[n * n];
        foreach (var x in _flows)
        {
            for (var k = 0; k < sum.Length; k++)
            {
                sum[k] += x[k];
            }
        }

        return new GeBaseline(_countries, [SingleSectorName], [sum]);
    }

    internal double[] SectorFlows(int sector) => _flows[sector];
}
