using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>The effect of one purchase commitment in a run's window.</summary>
/// <param name="Id">The commitment id.</param>
/// <param name="BilateralExportsUsd">Added US exports to Vietnam.</param>
/// <param name="TotalExportsUsd">Added total US exports (the additional part).</param>
internal sealed record CommitmentEffect(string Id, double BilateralExportsUsd, double TotalExportsUsd);
