using System.Globalization;

namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>
/// An N×N matrix of ad-valorem tariffs t_ji that importer i charges on goods from exporter j, as fractions
/// (0.20 = 20%). The diagonal is zero. Immutable and thread-safe; the <c>With…</c> methods return copies.
/// </summary>
public sealed class TariffMatrix
{
    private readonly double[] values; // importer-major: values[i*n+j] = t_ji

    private TariffMatrix(int count, double[] values)
    {
        Count = count;
        this.values = values;
    }

    /// <summary>Gets the number of countries.</summary>
    public int Count { get; }

    /// <summary>Gets the tariff importer <paramref name="importer"/> charges on <paramref name="exporter"/>.</summary>
    /// <param name="exporter">Exporter index.</param>
    /// <param name="importer">Importer index.</param>
    /// <returns>t_ji as a fraction.</returns>
    public double this[int exporter, int importer] => values[(importer * Count) + exporter];

    internal ReadOnlySpan<double> ImporterMajor => values;

    /// <summary>Gets a value indicating whether every tariff is zero.</summary>
    internal bool IsZero => values.All(v => v == 0);

    /// <summary>Creates a matrix of zero tariffs.</summary>
    /// <param name="count">Number of countries (≥ 2).</param>
    /// <returns>The matrix.</returns>
    internal static TariffMatrix Zero(int count)
    {
        if (count < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"count = {count} must be at least 2.");
        }

        return new TariffMatrix(count, new double[count * count]);
    }

    /// <summary>Returns a copy with importer <paramref name="importer"/> charging <paramref name="rates"/>[j] on each exporter j ≠ importer.</summary>
    /// <param name="importer">Importer index.</param>
    /// <param name="rates">One rate per exporter (the importer's own entry is ignored).</param>
    /// <returns>The new matrix.</returns>
    /// <exception cref="ArgumentException">A rate is not finite, is ≤ −1 or above 10 (1,000 %), or the length is wrong.</exception>
    internal TariffMatrix WithImporterRates(int importer, IReadOnlyList<double> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        CheckIndex(importer, nameof(importer));
        if (rates.Count != Count)
        {
            throw new ArgumentException($"rates has {rates.Count} entries, expected {Count}.", nameof(rates));
        }

        var copy = (double[])values.Clone();
        for (int j = 0; j < Count; j++)
        {
            copy[(importer * Count) + j] = j == importer ? 0.0 : CheckRate(rates[j], $"rates[{j}]");
        }

        return new TariffMatrix(Count, copy);
    }

    /// <summary>Returns a copy with one entry changed.</summary>
    /// <param name="exporter">Exporter index.</param>
    /// <param name="importer">Importer index (≠ exporter).</param>
    /// <param name="rate">The tariff, a fraction &gt; −1.</param>
    /// <returns>The new matrix.</returns>
    internal TariffMatrix With(int exporter, int importer, double rate)
    {
        CheckIndex(exporter, nameof(exporter));
        CheckIndex(importer, nameof(importer));
        if (exporter == importer)
        {
            throw new ArgumentException($"exporter = importer = {exporter}: the diagonal must stay zero.", nameof(importer));
        }

        var copy = (double[])values.Clone();
        copy[(importer * Count) + exporter] = CheckRate(rate, nameof(rate));
        return new TariffMatrix(Count, copy);
    }

    /// <summary>Returns a copy in which each exporter j ≠ <paramref name="exporter"/> charges <paramref name="rates"/>[i] on <paramref name="exporter"/>'s goods.</summary>
    /// <param name="exporter">The exporter targeted (e.g. the United States under retaliation).</param>
    /// <param name="rates">One rate per importer (the exporter's own entry is ignored).</param>
    /// <returns>The new matrix.</returns>
    internal TariffMatrix WithExporterRates(int exporter, IReadOnlyList<double> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        CheckIndex(exporter, nameof(exporter));
        if (rates.Count != Count)
        {
            throw new ArgumentException($"rates has {rates.Count} entries, expected {Count}.", nameof(rates));
        }

        var copy = (double[])values.Clone();
        for (int i = 0; i < Count; i++)
        {
            copy[(i * Count) + exporter] = i == exporter ? 0.0 : CheckRate(rates[i], $"rates[{i}]");
        }

        return new TariffMatrix(Count, copy);
    }

    /// <summary>Returns every tariff multiplied by <paramref name="factor"/> (used for continuation).</summary>
    /// <param name="factor">A factor in [0, 1].</param>
    /// <returns>The scaled matrix.</returns>
    internal TariffMatrix Scaled(double factor) => new(Count, values.Select(v => v * factor).ToArray());

    private void CheckIndex(int index, string name)
    {
        if (index < 0 || index >= Count)
        {
            throw new ArgumentOutOfRangeException(name, index, $"{name} = {index} must be in [0, {Count - 1}].");
        }
    }

    private static double CheckRate(double rate, string name)
    {
        if (!double.IsFinite(rate) || rate <= -1 || rate > ValueRanges.MaxTariffRate)
        {
            throw new ArgumentException($"{name} = {rate.ToString(CultureInfo.InvariantCulture)} must be a finite fraction greater than -1 and at most 10 (1,000%).", name);
        }

        return rate;
    }
}
