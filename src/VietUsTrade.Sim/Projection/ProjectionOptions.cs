using System.Globalization;
using VietUsTrade.Sim.Models.PartialEquilibrium;

namespace VietUsTrade.Sim.Projection;

/// <summary>Parameters of a projection; defaults are documented in docs/models/projection.md.</summary>
/// <param name="Horizon">The last month (any day of it; default 2030-12).</param>
/// <param name="Kernel">The adjustment kernel (default <see cref="AdjustmentKernel.Blp2023"/>).</param>
/// <param name="ImportGrowthPerYear">If set, the no-policy growth of US imports from Vietnam per year (fraction), replacing the estimated trend.</param>
/// <param name="ExportGrowthPerYear">If set, the no-policy growth of US exports to Vietnam per year, replacing the estimated trend.</param>
/// <param name="Sigma">Which σ set the PE model uses.</param>
/// <param name="VietnamImportDemandElasticity">ε of Vietnam's import demand (export side; long run).</param>
/// <param name="VietnamSubstitutionElasticity">σ between suppliers in Vietnam's imports (export side; long run).</param>
/// <param name="UsShareOfVietnamImports">US share of Vietnam's imports of each line (export side).</param>
/// <param name="AnticipationMonths">Front-loading window A before (and drawdown window after) each tariff increase; 0 = off (default).</param>
/// <param name="AnticipationElasticity">φ: extra imports in each of the A months before an increase = φ × the rise of Vietnam's fixed-weight ETR × the baseline month (default 1 when on).</param>
/// <param name="GridNodes">Nodes of the interpolation grid in ln(elasticity scale) per tariff regime (≥ 9; default 25).</param>
/// <param name="TransshipmentNodes">Nodes of the grid in the transshipment share for regimes it affects (≥ 2; default 5).</param>
/// <param name="AsOf">
/// The as-of month of a nowcast (any day of it; 2023-12 or later). When set, the model sees the observed data only up to
/// this month: the no-policy paths of imports from and exports to Vietnam are <see cref="StructuralTrend"/> models fitted
/// on the long monthly histories up to it (net of the model's own policy effect in the projected months), the observed
/// months up to it are reported as observed, and the projection starts in the month after it (or in January after the
/// baseline year, whichever is earlier). Null (the default) keeps the 2022–2024 trend of <see cref="BaselineTrend"/>
/// anchored to the 2024 totals, which uses no observed month after 2024.
/// </param>
/// <param name="RelocationShare">
/// ρ: the share of China's projected loss of US imports (of Vietnam's lines) that relocates to Vietnam on top of the
/// CES substitution of the PE model (which gives Vietnam about 8 % of China's loss in the long run): imports from
/// Vietnam gain ρ × China's loss each month. Null = <see cref="DefaultRelocationShare"/> with an as-of month, 0 without
/// one (the 2024-trend projection keeps its published numbers). In [0, 0.5]. Sources in docs/models/projection.md.
/// </param>
public sealed record ProjectionOptions(
    DateOnly? Horizon = null,
    AdjustmentKernel? Kernel = null,
    double? ImportGrowthPerYear = null,
    double? ExportGrowthPerYear = null,
    SigmaSet Sigma = SigmaSet.BrodaWeinstein,
    double VietnamImportDemandElasticity = 1.0,
    double VietnamSubstitutionElasticity = 5.0,
    double UsShareOfVietnamImports = 0.033,
    int AnticipationMonths = 0,
    double AnticipationElasticity = 1.0,
    int GridNodes = 25,
    int TransshipmentNodes = 5,
    DateOnly? AsOf = null,
    double? RelocationShare = null)
{
    // Every single-field rule is checked when the field is set, by the constructor and by a `with` expression alike, so no
    // instance holds an invalid value; Validate adds the rules that join fields (horizon and as-of month).

    /// <summary>If set, the no-policy growth of imports from Vietnam per year, in (−0.9, 2).</summary>
    public double? ImportGrowthPerYear { get; init => field = Growth(value, nameof(ImportGrowthPerYear)); } = Growth(ImportGrowthPerYear, nameof(ImportGrowthPerYear));

    /// <summary>If set, the no-policy growth of exports to Vietnam per year, in (−0.9, 2).</summary>
    internal double? ExportGrowthPerYear { get; init => field = Growth(value, nameof(ExportGrowthPerYear)); } = Growth(ExportGrowthPerYear, nameof(ExportGrowthPerYear));

    /// <summary>ε of Vietnam's import demand, in [0, 50].</summary>
    internal double VietnamImportDemandElasticity { get; init => field = Rule(value, value is >= 0 and <= 50, nameof(VietnamImportDemandElasticity), "must be in [0, 50]"); }
        = Rule(VietnamImportDemandElasticity, VietnamImportDemandElasticity is >= 0 and <= 50, nameof(VietnamImportDemandElasticity), "must be in [0, 50]");

    /// <summary>σ between suppliers in Vietnam's imports, in (0, 1000].</summary>
    internal double VietnamSubstitutionElasticity { get; init => field = Rule(value, value is > 0 and <= 1000, nameof(VietnamSubstitutionElasticity), "must be in (0, 1000]"); }
        = Rule(VietnamSubstitutionElasticity, VietnamSubstitutionElasticity is > 0 and <= 1000, nameof(VietnamSubstitutionElasticity), "must be in (0, 1000]");

    /// <summary>US share of Vietnam's imports of each line, in (0, 1).</summary>
    internal double UsShareOfVietnamImports { get; init => field = Rule(value, value is > 0 and < 1, nameof(UsShareOfVietnamImports), "must be in (0, 1)"); }
        = Rule(UsShareOfVietnamImports, UsShareOfVietnamImports is > 0 and < 1, nameof(UsShareOfVietnamImports), "must be in (0, 1)");

    /// <summary>Front-loading window A, 0–12 months.</summary>
    internal int AnticipationMonths { get; init => field = Rule(value, value is >= 0 and <= 12, nameof(AnticipationMonths), "must be 0–12"); }
        = Rule(AnticipationMonths, AnticipationMonths is >= 0 and <= 12, nameof(AnticipationMonths), "must be 0–12");

    /// <summary>φ of the front-loading, in [0, 20].</summary>
    internal double AnticipationElasticity { get; init => field = Rule(value, value is >= 0 and <= 20, nameof(AnticipationElasticity), "must be in [0, 20]"); }
        = Rule(AnticipationElasticity, AnticipationElasticity is >= 0 and <= 20, nameof(AnticipationElasticity), "must be in [0, 20]");

    /// <summary>Nodes of the elasticity grid, 9–201.</summary>
    internal int GridNodes { get; init => field = Rule(value, value is >= 9 and <= 201, nameof(GridNodes), "must be 9–201"); } = Rule(GridNodes, GridNodes is >= 9 and <= 201, nameof(GridNodes), "must be 9–201");

    /// <summary>Nodes of the transshipment-share grid, 2–41.</summary>
    internal int TransshipmentNodes { get; init => field = Rule(value, value is >= 2 and <= 41, nameof(TransshipmentNodes), "must be 2–41"); }
        = Rule(TransshipmentNodes, TransshipmentNodes is >= 2 and <= 41, nameof(TransshipmentNodes), "must be 2–41");

    /// <summary>ρ, the relocation share, in [0, 0.5], or null for the default.</summary>
    public double? RelocationShare { get; init => field = Rule(value, value is null or (>= 0 and <= 0.5), nameof(RelocationShare), "must be in [0, 0.5]"); }
        = Rule(RelocationShare, RelocationShare is null or (>= 0 and <= 0.5), nameof(RelocationShare), "must be in [0, 0.5]");

    private static T Rule<T>(T value, bool ok, string field, string rule) => FieldRule.Check(value, ok, field, rule);

    private static double? Growth(double? value, string field) =>
        Rule(value, value is null || (value > -0.9 && value < 2.0), field, "must be a growth rate in (−0.9, 2)");

    /// <summary>
    /// Central ρ: 0.075, so that CES (≈ 0.08) plus relocation gives Vietnam ≈ 0.155 of China's loss, the ratio of
    /// Vietnam's gain to China's loss in US imports from 2018 to 2019 (Vietnam +$13.5 bn, the bundled history; China
    /// −$87 bn, Census annual general imports $539.2 bn → $452.2 bn). Published before 2025; not tuned on any 2025 month.
    /// </summary>
    internal const double DefaultRelocationShare = 0.075;

    /// <summary>The relocation share in use: <see cref="RelocationShare"/>, else the default with an as-of month, else 0.</summary>
    internal double RelocationShareOrDefault => RelocationShare ?? (AsOf is null ? 0.0 : DefaultRelocationShare);

    /// <summary>The earliest as-of month: the competitors' no-policy trend needs 24 months of the all-country series that starts in 2022-01.</summary>
    public static readonly DateOnly EarliestAsOf = new(2023, 12, 1);

    /// <summary>The as-of month (day 1), or null.</summary>
    internal DateOnly? AsOfMonth => AsOf is { } a ? new DateOnly(a.Year, a.Month, 1) : null;

    /// <summary>The default horizon, December 2030.</summary>
    internal static readonly DateOnly DefaultHorizon = new(2030, 12, 1);

    /// <summary>The defaults.</summary>
    public static ProjectionOptions Default { get; } = new();

    /// <summary>The horizon month (day 1).</summary>
    internal DateOnly HorizonMonth => Horizon is { } h ? new DateOnly(h.Year, h.Month, 1) : DefaultHorizon;

    /// <summary>The kernel in use.</summary>
    internal AdjustmentKernel KernelOrDefault => Kernel ?? AdjustmentKernel.Blp2023;

    /// <summary>Checks every field; throws naming the field and its value.</summary>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public void Validate()
    {
        static ArgumentException Bad(string name, object? v, string rule) =>
            new(string.Create(CultureInfo.InvariantCulture, $"{name} = {v} {rule}."), name);
        var earliestHorizon = AsOf is null ? new DateOnly(2025, 1, 1) : EarliestAsOf.AddMonths(1);
        if (HorizonMonth < earliestHorizon || HorizonMonth > new DateOnly(2060, 12, 1))
        {
            throw Bad(nameof(Horizon), HorizonMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"must be between {earliestHorizon:yyyy-MM} and 2060-12"));
        }

        foreach (var (v, n) in new[] { (ImportGrowthPerYear, nameof(ImportGrowthPerYear)), (ExportGrowthPerYear, nameof(ExportGrowthPerYear)) })
        {
            if (v is { } g && !(g > -0.9 && g < 2.0))
            {
                throw Bad(n, g, "must be a growth rate in (−0.9, 2)");
            }
        }

        if (!(VietnamImportDemandElasticity >= 0 && VietnamImportDemandElasticity <= 50))
        {
            throw Bad(nameof(VietnamImportDemandElasticity), VietnamImportDemandElasticity, "must be in [0, 50]");
        }

        if (!(VietnamSubstitutionElasticity > 0 && VietnamSubstitutionElasticity <= 1000))
        {
            throw Bad(nameof(VietnamSubstitutionElasticity), VietnamSubstitutionElasticity, "must be in (0, 1000]");
        }

        if (!(UsShareOfVietnamImports is > 0 and < 1))
        {
            throw Bad(nameof(UsShareOfVietnamImports), UsShareOfVietnamImports, "must be in (0, 1)");
        }

        if (AnticipationMonths is < 0 or > 12)
        {
            throw Bad(nameof(AnticipationMonths), AnticipationMonths, "must be 0–12");
        }

        if (!(AnticipationElasticity is >= 0 and <= 20))
        {
            throw Bad(nameof(AnticipationElasticity), AnticipationElasticity, "must be in [0, 20]");
        }

        if (GridNodes is < 9 or > 201)
        {
            throw Bad(nameof(GridNodes), GridNodes, "must be 9–201");
        }

        if (TransshipmentNodes is < 2 or > 41)
        {
            throw Bad(nameof(TransshipmentNodes), TransshipmentNodes, "must be 2–41");
        }

        if (RelocationShare is { } rho && !(rho is >= 0 and <= 0.5))
        {
            throw Bad(nameof(RelocationShare), rho, "must be in [0, 0.5]");
        }

        if (AsOfMonth is { } asOf && (asOf < EarliestAsOf || asOf >= HorizonMonth))
        {
            throw Bad(nameof(AsOf), asOf.ToString("yyyy-MM", CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"must be from {EarliestAsOf:yyyy-MM} and before the horizon {HorizonMonth:yyyy-MM}"));
        }
    }
}
