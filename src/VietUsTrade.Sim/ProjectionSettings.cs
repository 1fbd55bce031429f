using System.Globalization;

namespace VietUsTrade.Sim;

/// <summary>
/// Settings of <see cref="Simulator.Project"/>: Monte Carlo draws and seed, and optionally the as-of month and horizon.
/// Every field is checked when set (object initializer and <c>with</c> alike). Immutable.
/// </summary>
public sealed record ProjectionSettings
{
    /// <summary>Number of Monte Carlo draws, 1–10,000,000 (default 1,000).</summary>
    public int Draws
    {
        get;
        init => field = value is >= 1 and <= 10_000_000
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Draws), value, string.Create(CultureInfo.InvariantCulture, $"Draws = {value} must be 1–10,000,000."));
    } = 1000;

    /// <summary>Seed of the random streams (same seed and draws, same bands; default 1).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// The as-of month: the projection sees the observed Census months only up to it (null: the latest observed month of
    /// imports from Vietnam, as <c>vietus-sim project</c>'s default <c>--as-of latest</c>; ignored when
    /// <see cref="UseObservedData"/> is false).
    /// </summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>
    /// Use the observed months (default true: a nowcast as of <see cref="AsOf"/>); false = the 2022–2024 trend anchored to
    /// 2024 without observed months, as <c>--as-of none</c>.
    /// </summary>
    internal bool UseObservedData { get; init; } = true;

    /// <summary>Last month of the projection (null: 2030-12).</summary>
    public DateOnly? Horizon { get; init; }

    /// <summary>Draw the uncertain inputs (default true); false repeats the central inputs in every draw.</summary>
    internal bool WithUncertainty { get; init; } = true;

    /// <summary>Threads (−1 = all cores, default; 1 = sequential); the bands do not depend on it.</summary>
    internal int MaxDegreeOfParallelism
    {
        get;
        init => field = value is -1 or >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), value, string.Create(CultureInfo.InvariantCulture, $"MaxDegreeOfParallelism = {value} must be −1 or ≥ 1."));
    } = -1;
}
