using System.Globalization;

namespace VietUsTrade.Sim.Projection;

/// <summary>What a backtest runs: the as-of origins, how far each one projects, the draws and the seed.</summary>
/// <param name="Origins">The as-of months (any day of each; at least one, each from <see cref="ProjectionOptions.EarliestAsOf"/> on).</param>
/// <param name="To">The last projected month for every origin (ignored when <paramref name="HorizonMonths"/> is set).</param>
/// <param name="Draws">Monte Carlo draws per origin (1 … 1,000,000).</param>
/// <param name="Seed">The seed; results are identical for the same seed on any number of threads.</param>
/// <param name="HorizonMonths">Rolling mode: each origin projects this many months after itself (1 … 36).</param>
/// <param name="Uncertainty">What is uncertain (default <see cref="UncertaintySpec.Default"/>).</param>
/// <param name="MaxDegreeOfParallelism">Threads (−1 = all cores).</param>
/// <param name="GivenMarket">
/// Market-conditioned mode: the observed US imports from all countries after the origin set the size of the market and
/// the model only splits it (each draw's imports of every supplier × observed market / the model's market). The only use
/// of data after an origin anywhere in the library; stated in the result.
/// </param>
public sealed record BacktestOptions(IReadOnlyList<DateOnly> Origins, DateOnly To, int Draws = 1000, ulong Seed = 1, int? HorizonMonths = null, UncertaintySpec? Uncertainty = null,
    int MaxDegreeOfParallelism = -1, bool GivenMarket = false)
{
    // The numeric fields are checked when set, by the constructor and by a `with` expression alike (Validate also checks
    // the origins against the window and the uncertainty spec).

    /// <summary>Draws per origin (1–1,000,000).</summary>
    public int Draws { get; init => field = CheckDraws(value); } = CheckDraws(Draws);

    /// <summary>Rolling mode: months projected after each origin (1–36), or null.</summary>
    internal int? HorizonMonths { get; init => field = CheckHorizon(value); } = CheckHorizon(HorizonMonths);

    /// <summary>Threads (−1 = all cores; 1 = sequential).</summary>
    internal int MaxDegreeOfParallelism { get; init => field = CheckThreads(value); } = CheckThreads(MaxDegreeOfParallelism);

    private static int CheckDraws(int v) => v is < 1 or > 1_000_000
        ? Fail<int>(string.Create(CultureInfo.InvariantCulture, $"Draws = {v} must be 1–1000000."), nameof(Draws)) : v;

    private static int? CheckHorizon(int? v) => v is { } h && h is < 1 or > 36
        ? Fail<int?>(string.Create(CultureInfo.InvariantCulture, $"HorizonMonths = {h} must be 1–36."), nameof(HorizonMonths)) : v;

    private static int CheckThreads(int v) => v is 0 or < -1
        ? Fail<int>(string.Create(CultureInfo.InvariantCulture, $"MaxDegreeOfParallelism = {v} must be −1 or ≥ 1."), nameof(MaxDegreeOfParallelism)) : v;

    /// <summary>The origins as first days of months, in order, without repeats.</summary>
    internal IReadOnlyList<DateOnly> OriginMonths => Origins.Select(o => new DateOnly(o.Year, o.Month, 1)).Distinct().Order().ToArray();

    /// <summary>The last projected month of an origin.</summary>
    /// <param name="origin">The origin (day 1).</param>
    /// <returns>origin + <see cref="HorizonMonths"/>, or <see cref="To"/>.</returns>
    internal DateOnly EndOf(DateOnly origin) => HorizonMonths is { } h ? origin.AddMonths(h) : new DateOnly(To.Year, To.Month, 1);

    // The field's name travels as a value so the exception carries it as ParamName (the one-liners above are not the
    // property's setter, whose parameter is `value`).
    private static T Fail<T>(string message, string field) => throw new ArgumentException(message, field);

    /// <summary>Checks every field; throws naming the field and its value.</summary>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Origins);
        var ic = CultureInfo.InvariantCulture;
        if (Origins.Count == 0)
        {
            throw new ArgumentException("Origins must hold at least one as-of month.", nameof(Origins));
        }

        if (Draws is < 1 or > 1_000_000)
        {
            throw new ArgumentException(string.Create(ic, $"Draws = {Draws} must be 1–1000000."), nameof(Draws));
        }

        if (HorizonMonths is { } h && h is < 1 or > 36)
        {
            throw new ArgumentException(string.Create(ic, $"HorizonMonths = {h} must be 1–36."), nameof(HorizonMonths));
        }

        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentException(string.Create(ic, $"MaxDegreeOfParallelism = {MaxDegreeOfParallelism} must be −1 or ≥ 1."), nameof(MaxDegreeOfParallelism));
        }

        foreach (var o in OriginMonths)
        {
            if (o < ProjectionOptions.EarliestAsOf)
            {
                throw new ArgumentException(string.Create(ic, $"Origins: {o:yyyy-MM} is before the earliest as-of month {ProjectionOptions.EarliestAsOf:yyyy-MM}."), nameof(Origins));
            }

            if (EndOf(o) <= o)
            {
                throw new ArgumentException(string.Create(ic, $"To = {EndOf(o):yyyy-MM} must be after the origin {o:yyyy-MM}."), nameof(To));
            }
        }

        (Uncertainty ?? UncertaintySpec.Default).Validate();
    }
}
