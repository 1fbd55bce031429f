using System.Globalization;

namespace VietUsTrade.Sim.Projection;

/// <summary>Settings of a Monte Carlo run.</summary>
/// <param name="Draws">Number of draws N (≥ 1).</param>
/// <param name="Seed">The seed: draw d uses a generator derived from (seed, d) only, so results do not depend on threads or scheduling.</param>
/// <param name="Uncertainty">What is uncertain (default <see cref="UncertaintySpec.Default"/>).</param>
/// <param name="MaxDegreeOfParallelism">Threads (−1 = all cores; 1 = sequential).</param>
/// <param name="MonthlyDrawLimit">Monthly quantiles use the first min(N, limit) draws (memory: limit × months × 5 doubles); annual quantiles use all N draws.</param>
/// <param name="CompetitorCount">How many competitors (largest 2024 suppliers of Vietnam's lines) get diversion quantiles (memory: N × years × count doubles).</param>
/// <param name="MonthlyDiversion">Also compute monthly diversion quantiles for those competitors from the first min(N, <paramref name="MonthlyDrawLimit"/>) draws (memory: that × months × count doubles; off by default).</param>
public sealed record MonteCarloOptions(int Draws, ulong Seed, UncertaintySpec? Uncertainty = null, int MaxDegreeOfParallelism = -1, int MonthlyDrawLimit = 20_000, int CompetitorCount = 10,
    bool MonthlyDiversion = false)
{
    // The numeric fields are checked when set, by the constructor and by a `with` expression alike: no instance can hold
    // an invalid value (Validate also checks the uncertainty spec).

    /// <summary>Number of draws N (1–10,000,000).</summary>
    public int Draws { get; init => field = CheckDraws(value); } = CheckDraws(Draws);

    /// <summary>Threads (−1 = all cores; 1 = sequential).</summary>
    internal int MaxDegreeOfParallelism { get; init => field = CheckThreads(value); } = CheckThreads(MaxDegreeOfParallelism);

    /// <summary>Monthly quantiles use the first min(N, limit) draws (≥ 0).</summary>
    internal int MonthlyDrawLimit { get; init => field = CheckLimit(value); } = CheckLimit(MonthlyDrawLimit);

    /// <summary>Competitors with diversion quantiles (0–200).</summary>
    internal int CompetitorCount { get; init => field = CheckCompetitors(value); } = CheckCompetitors(CompetitorCount);

    /// <summary>
    /// Up to this many draws every draw's annual values are kept and sorted for the quantiles; above it the quantiles come
    /// from exact multi-pass selection over regenerated draws (the same values, memory independent of N; see
    /// <see cref="ProjectionModel.MonteCarlo"/>), and <see cref="MonteCarloResult.AnnualValue"/> and
    /// <see cref="MonteCarloResult.Sensitivity"/> use the first this many draws.
    /// </summary>
    public const int InMemoryDrawLimit = 500_000;

    /// <summary>The in-memory limit of this run (<see cref="InMemoryDrawLimit"/>; lower only in tests of the multi-pass path).</summary>
    internal int InMemoryDraws { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(InMemoryDraws), value, "must be ≥ 1"); } = InMemoryDrawLimit;

    private static int CheckDraws(int v) => v is < 1 or > 10_000_000
        ? Fail<int>(string.Create(CultureInfo.InvariantCulture, $"Draws = {v} must be 1–10,000,000."), nameof(Draws)) : v;

    private static int CheckThreads(int v) => v is 0 or < -1
        ? Fail<int>(string.Create(CultureInfo.InvariantCulture, $"MaxDegreeOfParallelism = {v} must be −1 or ≥ 1."), nameof(MaxDegreeOfParallelism)) : v;

    private static int CheckLimit(int v) => v < 0
        ? Fail<int>(string.Create(CultureInfo.InvariantCulture, $"MonthlyDrawLimit = {v} must be ≥ 0."), nameof(MonthlyDrawLimit)) : v;

    private static int CheckCompetitors(int v) => v is < 0 or > 200
        ? Fail<int>(string.Create(CultureInfo.InvariantCulture, $"CompetitorCount = {v} must be 0–200."), nameof(CompetitorCount)) : v;

    // The field's name travels as a value so the exception carries it as ParamName (the one-liners above are not the
    // property's setter, whose parameter is `value`).
    private static T Fail<T>(string message, string field) => throw new ArgumentException(message, field);

    /// <summary>Checks the fields.</summary>
    /// <remarks>Memory: the quantiles are exact (type 7 over all draws). Up to <see cref="InMemoryDrawLimit"/> draws every
    /// draw's annual values, diversion and inputs are kept, about 1.3 KB per draw to 2030; above it the run keeps the first
    /// <see cref="InMemoryDrawLimit"/> draws' annual values and inputs and finds the order statistics by multi-pass
    /// selection, so memory stops growing with N (measured whole process in benchmarks/RESULTS.md).</remarks>
    /// <exception cref="ArgumentException">A field is out of range (named with its value).</exception>
    public void Validate()
    {
        if (Draws is < 1 or > 10_000_000)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Draws = {Draws} must be 1–10,000,000."), nameof(Draws));
        }

        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"MaxDegreeOfParallelism = {MaxDegreeOfParallelism} must be −1 or ≥ 1."), nameof(MaxDegreeOfParallelism));
        }

        if (MonthlyDrawLimit < 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"MonthlyDrawLimit = {MonthlyDrawLimit} must be ≥ 0."), nameof(MonthlyDrawLimit));
        }

        if (CompetitorCount is < 0 or > 200)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"CompetitorCount = {CompetitorCount} must be 0–200."), nameof(CompetitorCount));
        }

        (Uncertainty ?? UncertaintySpec.Default).Validate();
    }
}
