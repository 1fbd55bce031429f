using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>US exports to Vietnam in a scenario: tariff response by line plus commitments.</summary>
/// <param name="BaselineUsd">2024 exports to Vietnam.</param>
/// <param name="AfterTariffResponseUsd">Exports after Vietnam's tariff changes (before commitments).</param>
/// <param name="VietnamTariff0">Vietnam's tariff on US goods per export line, 2024 (MFN before Decree 73).</param>
/// <param name="VietnamTariff1">Vietnam's tariff on US goods per export line on the run date.</param>
/// <param name="LineExports">Exports per export line after the tariff response.</param>
/// <param name="Commitments">Each commitment's effect in the window.</param>
/// <param name="WindowStart">Start of the commitment window.</param>
/// <param name="WindowEnd">End of the commitment window (exclusive).</param>
public sealed record ExportSideResult(double BaselineUsd, double AfterTariffResponseUsd, IReadOnlyList<double> VietnamTariff0, IReadOnlyList<double> VietnamTariff1,
    IReadOnlyList<double> LineExports, IReadOnlyList<CommitmentEffect> Commitments, DateOnly WindowStart, DateOnly WindowEnd)
{
    /// <summary>Exports to Vietnam in the scenario: tariff response plus commitments.</summary>
    public double ScenarioUsd => AfterTariffResponseUsd + Commitments.Sum(c => c.BilateralExportsUsd);

    /// <summary>Change of total US exports (tariff response + additional part of the commitments).</summary>
    public double TotalUsExportsChangeUsd => AfterTariffResponseUsd - BaselineUsd + Commitments.Sum(c => c.TotalExportsUsd);
}
