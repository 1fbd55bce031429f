using System.Globalization;
using System.Text.RegularExpressions;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>The result of <see cref="Scenario.Validate"/>.</summary>
/// <param name="Errors">Problems that make the scenario unusable with this library and baseline (each names its field path and value).</param>
/// <param name="UnmatchedListCodes">For each list the scenario uses, the list's codes that match no import line of the baseline (information: lists are legal texts and cover goods Vietnam does not sell).</param>
public sealed record ScenarioValidation(IReadOnlyList<ScenarioValidationException> Errors, IReadOnlyDictionary<string, IReadOnlyList<HtsCode>> UnmatchedListCodes)
{
    /// <summary>True when there are no errors.</summary>
    public bool IsValid => Errors.Count == 0;
}
