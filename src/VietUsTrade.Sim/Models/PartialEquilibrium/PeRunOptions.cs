using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>Parameters of a partial-equilibrium scenario run; defaults are documented in docs/models/partial-equilibrium.md.</summary>
/// <param name="Date">The entry date whose tariff regime is applied (default 2025-12-01: 20% with the farm list in the real timeline).</param>
/// <param name="Sigma">Which σ set to use.</param>
/// <param name="SigmaScale">Multiplier on every line's σ (1 = as published; the projection uses it for short-run elasticities). σ stays ≥ 1.01.</param>
/// <param name="EpsilonScale">Multiplier on every line's ε.</param>
/// <param name="ExportSupplyElasticity">ω of every foreign supplier; +∞ (default) = full pass-through.</param>
/// <param name="VietnamImportDemandElasticity">ε of Vietnam's import demand (export side) [assumption: 1.0].</param>
/// <param name="VietnamSubstitutionElasticity">σ between suppliers in Vietnam's imports [5: trade elasticity 4, Simonovska &amp; Waugh 2014].</param>
/// <param name="UsShareOfVietnamImports">The US share of Vietnam's imports of each line [0.033: OECD ICIO 2022, USA→VNM goods / VNM goods imports].</param>
/// <param name="CommitmentMonths">Length of the window over which purchase commitments are counted, from <paramref name="Date"/> (default 12).</param>
/// <param name="FulfilmentOverride">If set, every commitment's fulfilment (else its central value).</param>
/// <param name="AdditionalityOverride">If set, every commitment's additionality.</param>
/// <param name="TransshipmentShareOverride">If set, replaces the share of goods of every transshipment measure in the scenario.</param>
public sealed record PeRunOptions(
    DateOnly Date,
    SigmaSet Sigma = SigmaSet.BrodaWeinstein,
    double SigmaScale = 1.0,
    double EpsilonScale = 1.0,
    double ExportSupplyElasticity = double.PositiveInfinity,
    double VietnamImportDemandElasticity = 1.0,
    double VietnamSubstitutionElasticity = 5.0,
    double UsShareOfVietnamImports = 0.033,
    int CommitmentMonths = 12,
    double? FulfilmentOverride = null,
    double? AdditionalityOverride = null,
    double? TransshipmentShareOverride = null)
{
    // Every field is checked when set, by the constructor and by a `with` expression alike, so no instance holds an invalid
    // value (ranges in docs/input-limits.md); Validate(scenario) adds the rule that joins the options to a scenario.

    /// <summary>Which σ set to use (a defined <see cref="SigmaSet"/>).</summary>
    public SigmaSet Sigma { get; init => field = CheckSigmaSet(value); } = CheckSigmaSet(Sigma);

    /// <summary>Multiplier on every line's σ, in (0, 100].</summary>
    public double SigmaScale { get; init => field = Scale(value, nameof(SigmaScale)); } = Scale(SigmaScale, nameof(SigmaScale));

    /// <summary>Multiplier on every line's ε, in (0, 100].</summary>
    internal double EpsilonScale { get; init => field = Scale(value, nameof(EpsilonScale)); } = Scale(EpsilonScale, nameof(EpsilonScale));

    /// <summary>ω of every foreign supplier, in (0, 1,000] or +∞ (full pass-through).</summary>
    public double ExportSupplyElasticity { get; init => field = Omega(value); } = Omega(ExportSupplyElasticity);

    /// <summary>ε of Vietnam's import demand, in [0, 50].</summary>
    public double VietnamImportDemandElasticity { get; init => field = DemandElasticity(value); } = DemandElasticity(VietnamImportDemandElasticity);

    /// <summary>σ between suppliers in Vietnam's imports, in (0, 1,000].</summary>
    public double VietnamSubstitutionElasticity { get; init => field = SubstitutionElasticity(value); } = SubstitutionElasticity(VietnamSubstitutionElasticity);

    /// <summary>The US share of Vietnam's imports of each line, in (0, 1).</summary>
    public double UsShareOfVietnamImports { get; init => field = UsShare(value); } = UsShare(UsShareOfVietnamImports);

    /// <summary>Length of the commitment window, 1–600 months.</summary>
    internal int CommitmentMonths { get; init => field = Months(value); } = Months(CommitmentMonths);

    /// <summary>If set, every commitment's fulfilment, in [0, 1].</summary>
    public double? FulfilmentOverride { get; init => field = Share(value, nameof(FulfilmentOverride)); } = Share(FulfilmentOverride, nameof(FulfilmentOverride));

    /// <summary>If set, every commitment's additionality, in [0, 1].</summary>
    internal double? AdditionalityOverride { get; init => field = Share(value, nameof(AdditionalityOverride)); } = Share(AdditionalityOverride, nameof(AdditionalityOverride));

    /// <summary>If set, the share of goods of every transshipment measure, in [0, 1].</summary>
    public double? TransshipmentShareOverride { get; init => field = Share(value, nameof(TransshipmentShareOverride)); } = Share(TransshipmentShareOverride, nameof(TransshipmentShareOverride));

    /// <summary>The defaults with the regime of 2025-12-01.</summary>
    public static PeRunOptions Default { get; } = new(new DateOnly(2025, 12, 1));

    private static SigmaSet CheckSigmaSet(SigmaSet v) => FieldRule.Check(v, Enum.IsDefined(v), nameof(Sigma), "is not a defined σ set");

    private static double Scale(double v, string field) => FieldRule.Check(v, v is > 0 and <= 100, field, "must be a positive multiplier in (0, 100]");

    private static double Omega(double v) => FieldRule.Check(v, v is (> 0 and <= ValueRanges.MaxElasticity) or double.PositiveInfinity, nameof(ExportSupplyElasticity), "must be in (0, 1000] or +∞");

    private static double DemandElasticity(double v) => FieldRule.Check(v, v is >= 0 and <= 50, nameof(VietnamImportDemandElasticity), "must be in [0, 50]");

    private static double SubstitutionElasticity(double v) => FieldRule.Check(v, v is > 0 and <= ValueRanges.MaxElasticity, nameof(VietnamSubstitutionElasticity), "must be in (0, 1000]");

    private static double UsShare(double v) => FieldRule.Check(v, v is > 0 and < 1, nameof(UsShareOfVietnamImports), "must be in (0, 1)");

    private static int Months(int v) => FieldRule.Check(v, v is >= 1 and <= 600, nameof(CommitmentMonths), "must be 1–600");

    private static double? Share(double? v, string field) => FieldRule.Check(v, v is null or (>= 0 and <= 1), field, "must be in [0, 1]");

    /// <summary>Checks every field; since each field is checked when set, an instance is always valid and this does nothing more (kept for callers).</summary>
    /// <exception cref="ArgumentException">Never: a field out of range is refused when set (named with its value).</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Public API kept for callers; every rule is checked when a field is set.")]
    public void Validate()
    {
    }

    /// <summary>Checks every field and that the options can act on <paramref name="scenario"/>: a transshipment share needs a transshipment measure (it would otherwise do nothing, silently).</summary>
    /// <param name="scenario">The scenario the options will be used with.</param>
    /// <exception cref="ArgumentException">A field is out of range, or does not apply to the scenario (named).</exception>
    public void Validate(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Validate();
        if (TransshipmentShareOverride is not null && !scenario.Measures.Any(m => m.Kind == MeasureKind.Transshipment))
        {
#pragma warning disable CA2208 // the offending value is this record's field, named as such (as in Validate())
            throw new ArgumentException(
                $"TransshipmentShareOverride = {TransshipmentShareOverride}: scenario {scenario.Name} has no transshipment measure to act on (use real-2025-2026, transshipment-enforced or a scenario with one).",
                nameof(TransshipmentShareOverride));
#pragma warning restore CA2208
        }
    }
}
