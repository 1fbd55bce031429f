using System.Globalization;

namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>
/// Switches that turn off the documented quirks of the authors' code. Every switch is off by default, which
/// reproduces the paper (and its replication package's output) exactly.
/// </summary>
/// <remarks>Immutable and thread-safe. See docs/models/ignatenko2025.md, "Quirks".</remarks>
public sealed record IgnatenkoOptions
{
    /// <summary>The paper's conventions (every quirk kept).</summary>
    public static readonly IgnatenkoOptions Paper = new();

    /// <summary>
    /// Gets a value indicating whether domestic absorption X_ii is placed so that model income Y_i equals data GDP
    /// (X_ii = GDP_i − Σ_{k≠i}(1−ν_k)X_ik − ν_i M_i). Off in the paper, whose T⁰ formula lets model GDP drift from
    /// WDI (+1.6% for the US, +9% for Vietnam).
    /// </summary>
    internal bool MatchDataGdp { get; init; }

    /// <summary>
    /// Gets a value indicating whether the welfare weight δ_i uses the baseline tax rate (τ = 0) instead of the
    /// counterfactual τ_i = R′_i/Y′_i. Off in the paper.
    /// </summary>
    internal bool WelfareWeightAtBaselineTax { get; init; }

    /// <summary>
    /// Gets a value indicating whether the "EU" table row averages over all 27 members. Off in the paper, whose code
    /// leaves out Czechia and Slovakia (25 members).
    /// </summary>
    internal bool FullEuList { get; init; }

    /// <summary>
    /// Gets a value indicating whether the USTR scenarios exempt Canada and Mexico (USMCA). Off in the paper,
    /// which charges them 10% and 17%.
    /// </summary>
    internal bool ExemptUsmca { get; init; }

    /// <summary>
    /// Gets the pre-existing US import tariffs by partner (ISO3 → fraction) that the scenario tariffs are measured
    /// from, or null. Null in the paper, whose baseline tariffs are zero everywhere, so the whole scenario rate is
    /// the change. When set, the US baseline import shares are read as shares at tariff-inclusive prices with
    /// these tariffs in place, baseline revenue is part of US expenditure, and the cost shifter uses
    /// (1 + t′)/(1 + t⁰).
    /// </summary>
    /// <remarks>Checked when set: codes non-empty, rates finite fractions in [0, 10] (1,000 %).</remarks>
    public IReadOnlyDictionary<string, double>? BaselineUsTariffs { get; init => field = CheckTariffs(value); }

    private static IReadOnlyDictionary<string, double>? CheckTariffs(IReadOnlyDictionary<string, double>? tariffs)
    {
        foreach (var (code, rate) in tariffs ?? new Dictionary<string, double>())
        {
            FieldRule.Check(code, !string.IsNullOrWhiteSpace(code), nameof(BaselineUsTariffs), "holds an empty partner code");
            FieldRule.Check(rate, rate is >= 0 and <= ValueRanges.MaxTariffRate, $"{nameof(BaselineUsTariffs)}[{code}]", "must be a fraction in [0, 10] (0.20 = 20%)");
        }

        return tariffs;
    }
}
