using System.Globalization;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

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
    internal double? UniformSigma { get; }

    /// <summary>The per-sector σ values (empty when <see cref="UniformSigma"/> is set).</summary>
    internal IReadOnlyDictionary<string, double> SigmaBySector => _sigmaBySector;

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
    internal static GeElasticities UniformTheta(double theta) => Uniform(CheckTheta(theta, "theta") + 1.0);

    /// <summary>σ by sector name.</summary>
    /// <param name="sigmaBySector">Sector → σ (&gt; 1).</param>
    /// <returns>The elasticities.</returns>
    /// <exception cref="ArgumentException">A value is not finite or not above 1.</exception>
    internal static GeElasticities FromSigma(IReadOnlyDictionary<string, double> sigmaBySector)
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
    internal static GeElasticities FromTheta(IReadOnlyDictionary<string, double> thetaBySector)
    {
        ArgumentNullException.ThrowIfNull(thetaBySector);
        return FromSigma(thetaBySector.ToDictionary(kv => kv.Key, kv => CheckTheta(kv.Value, $"theta[{kv.Key}]") + 1.0, StringComparer.Ordinal));
    }

    /// <summary>σ of a sector.</summary>
    /// <param name="sector">The sector name.</param>
    /// <returns>σ.</returns>
    /// <exception cref="ArgumentException">No σ is given for the sector.</exception>
    internal double SigmaOf(string sector)
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
