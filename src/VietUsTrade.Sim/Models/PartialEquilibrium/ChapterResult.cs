using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>One row of a tidy table of results by HS chapter.</summary>
/// <param name="Chapter">HS chapter.</param>
/// <param name="BaselineImportsFromVietnamUsd">2024 imports from Vietnam.</param>
/// <param name="ScenarioImportsFromVietnamUsd">Scenario imports from Vietnam.</param>
/// <param name="BaselineImportsAllUsd">2024 imports from all suppliers of these lines.</param>
/// <param name="ScenarioImportsAllUsd">Scenario imports from all suppliers.</param>
/// <param name="PriceIndexChange">Expenditure-weighted change of the lines' import price index.</param>
internal sealed record ChapterResult(int Chapter, double BaselineImportsFromVietnamUsd, double ScenarioImportsFromVietnamUsd, double BaselineImportsAllUsd, double ScenarioImportsAllUsd, double PriceIndexChange);
