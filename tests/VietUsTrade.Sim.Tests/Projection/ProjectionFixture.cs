using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Projection;

namespace VietUsTrade.Sim.Tests.Projection;

/// <summary>Models shared by the projection tests (building one solves the PE model on every regime and grid node).</summary>
internal static class ProjectionFixture
{
    public static readonly BaselineDataset Dataset = BaselineDataset.LoadEmbedded();

    private static readonly Lazy<ProjectionModel> RealModel = new(() => ProjectionModel.Create(Dataset, Presets.Get("real-2025-2026")));
    private static readonly Lazy<ProjectionModel> NoTariffModel = new(() => ProjectionModel.Create(Dataset, Presets.Get("no-tariffs")));
    private static readonly Lazy<ProjectionModel> TransshipmentModel = new(() =>
        ProjectionModel.Create(Dataset, Presets.Get("transshipment-enforced"), new ProjectionOptions(Horizon: new DateOnly(2027, 12, 1))));

    public static ProjectionModel Real => RealModel.Value;

    public static ProjectionModel NoTariffs => NoTariffModel.Value;

    public static ProjectionModel Transshipment => TransshipmentModel.Value;

    /// <summary>
    /// The observed data with every point after <paramref name="cut"/> scaled (value × <paramref name="valueFactor"/>, duty ×
    /// <paramref name="dutyFactor"/>) in the series <paramref name="which"/> selects (all by default): data an as-of model must not see.
    /// </summary>
    public static ObservedTrade ScaledAfter(ObservedTrade observed, DateOnly cut, double valueFactor, double dutyFactor, Func<MonthlySeries, bool>? which = null) =>
        new(observed.Vintage, observed.Sources, observed.Series.Select(s => which is not null && !which(s) ? s : new MonthlySeries(s.Key, s.Description,
            s.Points.Select(p => p.Month > cut ? new MonthlyPoint(p.Month, p.ValueUsd * valueFactor, p.DutyUsd * dutyFactor) : p).ToArray())).ToArray());

    /// <summary>The real timeline with every measure, commitment and concession moved <paramref name="years"/> later.</summary>
    public static Scenario Shifted(Scenario s, int years) => new(
        s.Name + "-shifted", s.Description, s.Sources,
        s.Measures.Select(m => m.WithDates(m.From.AddYears(years), m.Until?.AddYears(years))).ToArray(),
        s.Commitments.Select(c => new PurchaseCommitment(c.Id, c.Name, c.Products, c.AmountUsd, c.Start.AddYears(years), c.End.AddYears(years), c.PhaseIn,
            c.Fulfilment, c.FulfilmentLow, c.FulfilmentHigh, c.Additionality, c.AdditionalityLow, c.AdditionalityHigh, c.Source)).ToArray(),
        s.Concessions.Select(c => new MarketAccessConcession(c.Id, c.Kind, c.From.AddYears(years), c.Rate, c.Products, c.Name, c.Source)).ToArray(),
        s.Assumptions);
}
