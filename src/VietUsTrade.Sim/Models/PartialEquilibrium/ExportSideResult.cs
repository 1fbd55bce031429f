using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>US exports to Vietnam in a scenario: tariff response by line plus commitments.</summary>
public sealed class ExportSideResult
{
    internal double BaselineUsd { get; }

    internal double AfterTariffResponseUsd { get; }

    internal IReadOnlyList<double> VietnamTariff0 { get; }

    internal IReadOnlyList<double> VietnamTariff1 { get; }

    internal IReadOnlyList<double> LineExports { get; }

    internal IReadOnlyList<CommitmentEffect> Commitments { get; }

    /// <summary>Start of the commitment window.</summary>
    public DateOnly WindowStart { get; }

    /// <summary>End of the commitment window (exclusive).</summary>
    public DateOnly WindowEnd { get; }

    internal ExportSideResult(double BaselineUsd, double AfterTariffResponseUsd, IReadOnlyList<double> VietnamTariff0, IReadOnlyList<double> VietnamTariff1, IReadOnlyList<double> LineExports, IReadOnlyList<CommitmentEffect> Commitments, DateOnly WindowStart, DateOnly WindowEnd)
    {
        this.BaselineUsd = BaselineUsd;
        this.AfterTariffResponseUsd = AfterTariffResponseUsd;
        this.VietnamTariff0 = VietnamTariff0;
        this.VietnamTariff1 = VietnamTariff1;
        this.LineExports = LineExports;
        this.Commitments = Commitments;
        this.WindowStart = WindowStart;
        this.WindowEnd = WindowEnd;
    }

    /// <summary>Exports to Vietnam in the scenario: tariff response plus commitments.</summary>
    internal double ScenarioUsd => AfterTariffResponseUsd + Commitments.Sum(c => c.BilateralExportsUsd);

    /// <summary>Change of total US exports (tariff response + additional part of the commitments).</summary>
    public double TotalUsExportsChangeUsd => AfterTariffResponseUsd - BaselineUsd + Commitments.Sum(c => c.TotalExportsUsd);
}
