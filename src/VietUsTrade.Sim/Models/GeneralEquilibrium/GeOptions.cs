using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>How trade imbalances are held in the counterfactual.</summary>
public enum GeClosure
{
    /// <summary>
    /// Additive, fixed nominal deficits: E′_j = Y_j·ŵ_j + D_j with D_j = E_j − Y_j fixed in units of the numeraire
    /// (Dekle, Eaton &amp; Kortum 2008, eq. 11; the default of Zylkin's ge_gravity). Each country's aggregate trade
    /// balance is therefore unchanged by construction.
    /// </summary>
    Additive,

    /// <summary>
    /// Multiplicative imbalances: E′_j = φ_j·Y_j·ŵ_j with φ_j = E_j/Y_j fixed (gegravity; ge_gravity with mult=TRUE).
    /// The aggregate balance moves in proportion to the country's nominal output.
    /// </summary>
    Multiplicative,
}

/// <summary>How a tariff change enters the model.</summary>
public enum GeTariffTreatment
{
    /// <summary>
    /// Iceberg-equivalent trade cost: B_ij = ((1+τ′)/(1+τ))^(1−σ), no tariff revenue (the gegravity convention,
    /// fixture README §2).
    /// </summary>
    Iceberg,

    /// <summary>
    /// Ad valorem tax: importers' shares respond to tariff-inclusive prices, producers receive the value net of
    /// the tariff (flows at producer prices fall with exponent −σ) and the revenue is part of the importer's
    /// expenditure (Costinot &amp; Rodríguez-Clare 2014, §3.4; Caliendo &amp; Parro 2015, eq. 8).
    /// </summary>
    Revenue,
}

/// <summary>Which equilibrium concept is computed.</summary>
public enum GeSolutionMode
{
    /// <summary>The exact full-endowment equilibrium by exact hat algebra (Dekle, Eaton &amp; Kortum 2008).</summary>
    Exact,

    /// <summary>
    /// Reproduces gegravity v0.3's counterfactual (fixture README §3.2): multilateral resistances solved with output
    /// and expenditure shares held at their baseline values. <b>Not</b> the exact equilibrium: market clearing does not
    /// hold in the counterfactual (the residual is reported in the diagnostics).
    /// </summary>
    GegravityCompatible,
}

/// <summary>The price normalisation (numeraire) of a counterfactual.</summary>
public sealed record GeNormalization
{
    private GeNormalization(string? referenceCountry) => ReferenceCountry = referenceCountry;

    /// <summary>World nominal output is held constant: Σ_i Y_i·ŵ_i = Σ_i Y_i (ge_gravity's default).</summary>
    public static GeNormalization WorldOutput { get; } = new((string?)null);

    /// <summary>Null for world-output normalisation; otherwise the country whose consumer price index is the numeraire.</summary>
    public string? ReferenceCountry { get; }

    /// <summary>True when world output is the numeraire.</summary>
    public bool IsWorldOutput => ReferenceCountry is null;

    /// <summary>The reference country's price index is held at 1: P̂_ref = 1 (gegravity's reference importer).</summary>
    /// <param name="country">The country code, e.g. "DEU".</param>
    /// <returns>The normalisation.</returns>
    /// <exception cref="ArgumentException">The code is empty.</exception>
    public static GeNormalization ReferencePriceIndex(string country)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            throw new ArgumentException($"Reference country '{country}' must be a non-empty country code.", nameof(country));
        }

        return new GeNormalization(country.Trim());
    }

    /// <summary>Parses "world-output" or "ref:ISO3" (the CLI syntax).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The normalisation.</returns>
    /// <exception cref="ArgumentException">The text is neither form.</exception>
    public static GeNormalization Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Equals("world-output", StringComparison.OrdinalIgnoreCase))
        {
            return WorldOutput;
        }

        if (t.StartsWith("ref:", StringComparison.OrdinalIgnoreCase) && t.Length > 4)
        {
            return ReferencePriceIndex(t[4..].ToUpperInvariant());
        }

        throw new ArgumentException($"Normalization '{text}' is not valid: expected 'world-output' or 'ref:ISO3'.", nameof(text));
    }

    /// <inheritdoc/>
    public override string ToString() => ReferenceCountry is null ? "world-output" : "ref:" + ReferenceCountry;
}

/// <summary>
/// Trade elasticities by sector. σ is the elasticity of substitution between sources; the trade elasticity is
/// θ = σ − 1, so that flows move with t^(1−σ) = t^(−θ) (Head &amp; Mayer 2014, eq. 4; Yotov et al. 2016, ch. 1).
/// </summary>
public sealed class GeElasticities
{
    private readonly Dictionary<string, double> _sigmaBySector;

    private GeElasticities(double? uniform, Dictionary<string, double> bySector)
    {
        UniformSigma = uniform;
        _sigmaBySector = bySector;
    }

    /// <summary>The common σ when every sector has the same value; otherwise null.</summary>
    public double? UniformSigma { get; }

    /// <summary>The per-sector σ values (empty when <see cref="UniformSigma"/> is set).</summary>
    public IReadOnlyDictionary<string, double> SigmaBySector => _sigmaBySector;

    /// <summary>One σ for every sector.</summary>
    /// <param name="sigma">The elasticity of substitution, &gt; 1.</param>
    /// <returns>The elasticities.</returns>
    /// <exception cref="ArgumentOutOfRangeException">σ is not finite or not above 1.</exception>
    public static GeElasticities Uniform(double sigma)
    {
        CheckSigma(sigma, "sigma");
        return new GeElasticities(sigma, []);
    }

    /// <summary>One θ = σ − 1 for every sector.</summary>
    /// <param name="theta">The trade elasticity as a positive magnitude.</param>
    /// <returns>The elasticities.</returns>
    public static GeElasticities UniformTheta(double theta) => Uniform(CheckTheta(theta, "theta") + 1.0);

    /// <summary>σ by sector name.</summary>
    /// <param name="sigmaBySector">Sector → σ (&gt; 1).</param>
    /// <returns>The elasticities.</returns>
    /// <exception cref="ArgumentException">A value is not finite or not above 1.</exception>
    public static GeElasticities FromSigma(IReadOnlyDictionary<string, double> sigmaBySector)
    {
        ArgumentNullException.ThrowIfNull(sigmaBySector);
        var copy = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (sector, sigma) in sigmaBySector)
        {
            CheckSigma(sigma, $"sigma[{sector}]");
            copy[sector] = sigma;
        }

        return new GeElasticities(null, copy);
    }

    /// <summary>θ (= σ − 1) by sector name.</summary>
    /// <param name="thetaBySector">Sector → θ (&gt; 0).</param>
    /// <returns>The elasticities.</returns>
    public static GeElasticities FromTheta(IReadOnlyDictionary<string, double> thetaBySector)
    {
        ArgumentNullException.ThrowIfNull(thetaBySector);
        return FromSigma(thetaBySector.ToDictionary(kv => kv.Key, kv => CheckTheta(kv.Value, $"theta[{kv.Key}]") + 1.0, StringComparer.Ordinal));
    }

    /// <summary>σ of a sector.</summary>
    /// <param name="sector">The sector name.</param>
    /// <returns>σ.</returns>
    /// <exception cref="ArgumentException">No σ is given for the sector.</exception>
    public double SigmaOf(string sector)
    {
        if (UniformSigma is { } u)
        {
            return u;
        }

        return _sigmaBySector.TryGetValue(sector, out var s)
            ? s
            : throw new ArgumentException($"Elasticities: no sigma for sector '{sector}'.", nameof(sector));
    }

    private static void CheckSigma(double sigma, string field)
    {
        if (!double.IsFinite(sigma) || sigma <= 1.0 || sigma > 100.0)
        {
            throw new ArgumentOutOfRangeException(field, sigma, string.Create(CultureInfo.InvariantCulture, $"{field} = {sigma} must be finite and in (1, 100]."));
        }
    }

    private static double CheckTheta(double theta, string field)
    {
        if (!double.IsFinite(theta) || theta <= 0.0 || theta > 99.0)
        {
            throw new ArgumentOutOfRangeException(field, theta, string.Create(CultureInfo.InvariantCulture, $"{field} = {theta} must be finite and in (0, 99]."));
        }

        return theta;
    }
}

/// <summary>Options of a general-equilibrium counterfactual.</summary>
public sealed record GeOptions
{
    /// <summary>Creates options; every argument is validated.</summary>
    /// <param name="elasticities">σ by sector.</param>
    /// <param name="closure">Imbalance closure (default additive).</param>
    /// <param name="normalization">Numeraire (default world output).</param>
    /// <param name="tariffTreatment">Iceberg (default, gegravity convention) or revenue.</param>
    /// <param name="mode">Exact (default) or gegravity-compatible.</param>
    /// <param name="tolerance">Convergence tolerance on the maximum relative market-clearing residual (default 1e-12).</param>
    /// <param name="maxIterations">Iteration cap (default 20,000).</param>
    /// <param name="damping">Step damping in (0, 1] of the fixed point (default 1).</param>
    public GeOptions(
        GeElasticities elasticities,
        GeClosure closure = GeClosure.Additive,
        GeNormalization? normalization = null,
        GeTariffTreatment tariffTreatment = GeTariffTreatment.Iceberg,
        GeSolutionMode mode = GeSolutionMode.Exact,
        double tolerance = 1e-12,
        int maxIterations = 20_000,
        double damping = 1.0)
    {
        ArgumentNullException.ThrowIfNull(elasticities);
        if (!Enum.IsDefined(closure))
        {
            throw new ArgumentOutOfRangeException(nameof(closure), closure, $"closure = {closure} is not a defined value.");
        }

        if (!Enum.IsDefined(tariffTreatment))
        {
            throw new ArgumentOutOfRangeException(nameof(tariffTreatment), tariffTreatment, $"tariffTreatment = {tariffTreatment} is not a defined value.");
        }

        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode = {mode} is not a defined value.");
        }

        if (!double.IsFinite(tolerance) || tolerance < 1e-15 || tolerance > 1e-2)
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, string.Create(CultureInfo.InvariantCulture, $"tolerance = {tolerance} must be in [1e-15, 1e-2]."));
        }

        if (maxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, string.Create(CultureInfo.InvariantCulture, $"maxIterations = {maxIterations} must be at least 1."));
        }

        if (!double.IsFinite(damping) || damping <= 0.0 || damping > 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(damping), damping, string.Create(CultureInfo.InvariantCulture, $"damping = {damping} must be in (0, 1]."));
        }

        normalization ??= GeNormalization.WorldOutput;
        if (mode == GeSolutionMode.GegravityCompatible)
        {
            if (normalization.IsWorldOutput)
            {
                throw new ArgumentException("normalization = world-output is not available in the gegravity-compatible mode: gegravity normalises on a reference importer (use ref:ISO3).", nameof(normalization));
            }

            if (closure != GeClosure.Multiplicative)
            {
                throw new ArgumentException($"closure = {closure} is not available in the gegravity-compatible mode: gegravity's expenditure is a fixed multiple of output (use Multiplicative).", nameof(closure));
            }

            if (tariffTreatment != GeTariffTreatment.Iceberg)
            {
                throw new ArgumentException($"tariffTreatment = {tariffTreatment} is not available in the gegravity-compatible mode: gegravity treats tariffs as iceberg costs.", nameof(tariffTreatment));
            }
        }

        Elasticities = elasticities;
        Closure = closure;
        Normalization = normalization;
        TariffTreatment = tariffTreatment;
        Mode = mode;
        Tolerance = tolerance;
        MaxIterations = maxIterations;
        Damping = damping;
    }

    /// <summary>σ by sector.</summary>
    public GeElasticities Elasticities { get; }

    /// <summary>Imbalance closure.</summary>
    public GeClosure Closure { get; }

    /// <summary>Numeraire.</summary>
    public GeNormalization Normalization { get; }

    /// <summary>Tariff treatment.</summary>
    public GeTariffTreatment TariffTreatment { get; }

    /// <summary>Exact or gegravity-compatible.</summary>
    public GeSolutionMode Mode { get; }

    /// <summary>Convergence tolerance on the maximum relative market-clearing residual.</summary>
    public double Tolerance { get; }

    /// <summary>Iteration cap.</summary>
    public int MaxIterations { get; }

    /// <summary>Step damping of the fixed point.</summary>
    public double Damping { get; }
}
