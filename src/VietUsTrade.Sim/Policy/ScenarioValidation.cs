using System.Globalization;
using System.Text.RegularExpressions;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>The result of <see cref="Scenario.Validate"/>.</summary>
public sealed class ScenarioValidation
{
    /// <summary>Problems that make the scenario unusable with this library and baseline (each names its field path and value).</summary>
    public IReadOnlyList<ScenarioValidationException> Errors { get; }

    /// <summary>For each list the scenario uses, the list's codes that match no import line of the baseline (information: lists are legal texts and cover goods Vietnam does not sell).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<HtsCode>> UnmatchedListCodes { get; }

    internal ScenarioValidation(IReadOnlyList<ScenarioValidationException> Errors, IReadOnlyDictionary<string, IReadOnlyList<HtsCode>> UnmatchedListCodes)
    {
        this.Errors = Errors;
        this.UnmatchedListCodes = UnmatchedListCodes;
    }

    /// <summary>True when there are no errors.</summary>
    public bool IsValid => Errors.Count == 0;
}
