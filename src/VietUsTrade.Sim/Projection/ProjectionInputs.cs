using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Policy;

namespace VietUsTrade.Sim.Projection;

/// <summary>The inputs of one projection (central or one Monte Carlo draw).</summary>
/// <param name="ElasticityScale">S: multiplier on every line's long-run σ and ε (1 = as in the dataset).</param>
/// <param name="Kernel">The adjustment kernel.</param>
/// <param name="TransshipmentShare">The share of goods under every transshipment measure.</param>
/// <param name="FulfilmentQuantile">If set, the quantile u ∈ (0,1) of every commitment's triangular fulfilment distribution; null = central values.</param>
/// <param name="AdditionalityQuantile">If set, the quantile of every commitment's triangular additionality distribution; null = central.</param>
/// <param name="ImportLogGrowthPerYear">Log growth of the no-policy imports path.</param>
/// <param name="ExportLogGrowthPerYear">Log growth of the no-policy exports path.</param>
/// <param name="BaselinePathSeed">
/// Only for a nowcast (<see cref="ProjectionOptions.AsOf"/>): when set, the state-space disturbances of the no-policy
/// paths (the initial state beyond its slope, later level, slope, seasonal and irregular shocks) are drawn from a
/// generator with this seed (<see cref="StructuralTrend"/>); null = the central (median) paths with the given slopes.
/// </param>
/// <param name="RelocationShare">ρ: the share of China's projected loss that relocates to Vietnam on top of CES substitution (<see cref="ProjectionOptions.RelocationShare"/>).</param>
internal sealed record ProjectionInputs(double ElasticityScale, AdjustmentKernel Kernel, double TransshipmentShare, double? FulfilmentQuantile, double? AdditionalityQuantile,
    double ImportLogGrowthPerYear, double ExportLogGrowthPerYear, ulong? BaselinePathSeed = null, double RelocationShare = 0.0)
{
    /// <summary>Checks every field; throws naming the field and its value.</summary>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public void Validate()
    {
        static ArgumentException Bad(string name, object? v, string rule) =>
            new(string.Create(CultureInfo.InvariantCulture, $"{name} = {v} {rule}."), name);
        if (!double.IsFinite(ElasticityScale) || ElasticityScale <= 0)
        {
            throw Bad(nameof(ElasticityScale), ElasticityScale, "must be a positive number");
        }

        ArgumentNullException.ThrowIfNull(Kernel);
        if (!(TransshipmentShare is >= 0 and <= 1))
        {
            throw Bad(nameof(TransshipmentShare), TransshipmentShare, "must be in [0, 1]");
        }

        foreach (var (v, n) in new[] { (FulfilmentQuantile, nameof(FulfilmentQuantile)), (AdditionalityQuantile, nameof(AdditionalityQuantile)) })
        {
            if (v is { } q && !(q is >= 0 and <= 1))
            {
                throw Bad(n, q, "must be a quantile in [0, 1]");
            }
        }

        if (!(RelocationShare is >= 0 and <= 0.5))
        {
            throw Bad(nameof(RelocationShare), RelocationShare, "must be in [0, 0.5]");
        }

        foreach (var (v, n) in new[] { (ImportLogGrowthPerYear, nameof(ImportLogGrowthPerYear)), (ExportLogGrowthPerYear, nameof(ExportLogGrowthPerYear)) })
        {
            if (!double.IsFinite(v) || Math.Abs(v) > 2)
            {
                throw Bad(n, v, "must be a finite log growth within ±2");
            }
        }
    }
}

/// <summary>Response tables with a subset of supplier outputs: Vietnam (0), <see cref="Suppliers"/> (1..n), the duty rate (n + 1).</summary>
internal sealed record TableSet(ResponseTable[] Diff, ResponseTable[] Level, int[] Suppliers);

/// <summary>Scratch space of one evaluation (one per thread).</summary>
internal sealed class EvaluationBuffers
{
    public EvaluationBuffers(int months, int suppliers)
    {
        BaseImports = new double[months];
        BaseExports = new double[months];
        Imports = new double[months];
        Exports = new double[months];
        Revenue = new double[months];
        Etr = new double[months];
        EtrFixed = new double[months];
        CommitmentExports = new double[months];
        AdditionalExports = new double[months];
        Diversion = new double[months * suppliers];
        Accumulator = new double[suppliers + 2];
        LnKappa = new double[months];
        Relocated = new double[months];
    }

    public double[] LnKappa { get; }

    public double[] BaseImports { get; }

    public double[] BaseExports { get; }

    public double[] Imports { get; }

    public double[] Exports { get; }

    public double[] Revenue { get; }

    public double[] Etr { get; }

    public double[] EtrFixed { get; }

    public double[] CommitmentExports { get; }

    public double[] AdditionalExports { get; }

    public double[] Diversion { get; }

    public double[] Accumulator { get; }

    public double[] Relocated { get; }
}
