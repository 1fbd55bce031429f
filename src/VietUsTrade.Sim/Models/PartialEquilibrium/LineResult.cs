using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>One line's result.</summary>
/// <param name="Code">HTS10.</param>
/// <param name="Description">Description.</param>
/// <param name="BaselineImportsFromVietnamUsd">2024 imports from Vietnam.</param>
/// <param name="ScenarioImportsFromVietnamUsd">Scenario imports from Vietnam.</param>
/// <param name="VietnamRate0">Vietnam's 2024 applied rate.</param>
/// <param name="VietnamRate1">Vietnam's rate in the scenario.</param>
/// <param name="Sigma">σ used and its source.</param>
/// <param name="Epsilon">ε used and its source.</param>
public sealed record LineResult(HtsCode Code, string Description, double BaselineImportsFromVietnamUsd, double ScenarioImportsFromVietnamUsd, double VietnamRate0, double VietnamRate1, Elasticity Sigma, Elasticity Epsilon)
{
    /// <summary>Change of imports from Vietnam.</summary>
    public double ChangeUsd => ScenarioImportsFromVietnamUsd - BaselineImportsFromVietnamUsd;
}
