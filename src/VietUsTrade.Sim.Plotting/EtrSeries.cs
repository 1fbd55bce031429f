using System.Globalization;
using ScottPlot;
using VietUsTrade.Sim.Policy;

namespace VietUsTrade.Sim.Plotting;

/// <summary>One step series of Vietnam's effective tariff rate: the rate holds from each date until the next.</summary>
public sealed record EtrSeries
{
    /// <summary>Creates and checks a series.</summary>
    /// <param name="name">Legend name (e.g. the scenario name).</param>
    /// <param name="dates">Dates where the rate takes a new value, strictly increasing.</param>
    /// <param name="rates">Rates as fractions (0.2 = 20%), one per date, finite and in [0, 10].</param>
    /// <exception cref="ArgumentException">Empty, lengths differ, dates not increasing, or a rate non-finite or out of range (the parameter is named).</exception>
    public EtrSeries(string name, IReadOnlyList<DateOnly> dates, IReadOnlyList<double> rates)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ChartFile.RequireNonEmpty(dates, nameof(dates));
        ChartFile.RequireNonEmpty(rates, nameof(rates));
        if (rates.Count != dates.Count)
        {
            throw new ArgumentException($"rates has {rates.Count} values but dates has {dates.Count}.", nameof(rates));
        }

        ChartFile.RequireFinite(rates, nameof(rates));
        for (var i = 0; i < rates.Count; i++)
        {
            if (rates[i] is < 0 or > 10)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"rates[{i}] = {rates[i]} must be a fraction in [0, 10]."), nameof(rates));
            }

            if (i > 0 && dates[i] <= dates[i - 1])
            {
                throw new ArgumentException($"dates[{i}] = {dates[i]:yyyy-MM-dd} is not after dates[{i - 1}] = {dates[i - 1]:yyyy-MM-dd}.", nameof(dates));
            }
        }

        Name = name;
        Dates = dates.ToArray();
        Rates = rates.ToArray();
    }

    /// <summary>Legend name.</summary>
    public string Name { get; }

    /// <summary>Dates of the steps.</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>Rates (fractions).</summary>
    public IReadOnlyList<double> Rates { get; }

    /// <summary>A series from <see cref="TariffSchedule.VietnamEtrPath"/>.</summary>
    /// <param name="name">Legend name.</param>
    /// <param name="path">The path (dates where the ETR changes).</param>
    /// <returns>The series.</returns>
    public static EtrSeries FromPath(string name, IReadOnlyList<EtrPoint> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new EtrSeries(name, path.Select(p => p.Date).ToArray(), path.Select(p => p.EtrTotal).ToArray());
    }
}
