using System.Globalization;

namespace VietUsTrade.Sim.Projection;

/// <summary>
/// How fast trade responds to a tariff change: the share κ(τ) of the long-run elasticities that applies τ months
/// after the change, κ(τ) = κ∞ − (κ∞ − κ0)·exp(−τ/T).
/// </summary>
/// <remarks>
/// <para>Calibration of <see cref="Blp2023"/>: Boehm, Levchenko &amp; Pandalai-Nayar (2023, AER 113(4), "The Long and
/// Short (Run) of Trade Elasticities"): the elasticity of tariff-exclusive trade flows to tariffs is about −0.76 in the
/// year after a change and about −2 in the long run (−1.75 to −2.25), with 7–10 years to converge. So κ(12) = 0.76/2 =
/// 0.38 and κ reaches 95% of κ∞ = 1 at 84 months (the short end of 7–10 years), which gives T ≈ 28.6 months and
/// κ0 ≈ 0.057. The dataset's σ and ε are read as long-run values (κ∞ = 1). Immutable.</para>
/// </remarks>
public sealed class AdjustmentKernel
{
    /// <summary>Creates a kernel.</summary>
    /// <param name="impactFraction">κ0, the fraction at τ = 0, in [0, κ∞].</param>
    /// <param name="timeConstantMonths">T &gt; 0, months.</param>
    /// <param name="longRunFraction">κ∞ &gt; 0 (default 1: the dataset's elasticities are long-run).</param>
    /// <exception cref="ArgumentException">A parameter is out of range (named with its value).</exception>
    internal AdjustmentKernel(double impactFraction, double timeConstantMonths, double longRunFraction = 1.0)
    {
        if (!double.IsFinite(longRunFraction) || longRunFraction <= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"longRunFraction = {longRunFraction} must be a positive number."), nameof(longRunFraction));
        }

        if (!double.IsFinite(impactFraction) || impactFraction < 0 || impactFraction > longRunFraction)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"impactFraction = {impactFraction} must be in [0, longRunFraction = {longRunFraction}]."), nameof(impactFraction));
        }

        if (!double.IsFinite(timeConstantMonths) || timeConstantMonths <= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"timeConstantMonths = {timeConstantMonths} must be a positive number."), nameof(timeConstantMonths));
        }

        ImpactFraction = impactFraction;
        TimeConstantMonths = timeConstantMonths;
        LongRunFraction = longRunFraction;
    }

    /// <summary>κ0: the fraction of the long-run elasticities that applies at the moment of the change.</summary>
    internal double ImpactFraction { get; }

    /// <summary>T: the time constant of the adjustment, months.</summary>
    internal double TimeConstantMonths { get; }

    /// <summary>κ∞: the long-run fraction (1 = the dataset's elasticities).</summary>
    internal double LongRunFraction { get; }

    /// <summary>The Boehm–Levchenko–Pandalai-Nayar (2023) kernel: κ(12) = 0.76/2, 95% converged at 84 months.</summary>
    public static AdjustmentKernel Blp2023 { get; } = FromTargets(0.76 / 2.0, 84);

    /// <summary>No adjustment lag: κ ≡ 1 (long-run elasticities from the first month; a comparative-statics path).</summary>
    public static AdjustmentKernel Immediate { get; } = new(1.0, 1.0);

    /// <summary>The kernel with κ∞ = 1 that equals <paramref name="fractionAt12Months"/> at 12 months and reaches 95% at <paramref name="convergenceMonths"/>; κ0 is floored at 0.</summary>
    /// <param name="fractionAt12Months">κ(12), the ratio of the one-year to the long-run elasticity, in (0, 1).</param>
    /// <param name="convergenceMonths">Months to 95% convergence (&gt; 12).</param>
    /// <returns>The kernel.</returns>
    /// <exception cref="ArgumentException">A target is out of range.</exception>
    internal static AdjustmentKernel FromTargets(double fractionAt12Months, double convergenceMonths)
    {
        if (!(fractionAt12Months is > 0 and < 0.95))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"fractionAt12Months = {fractionAt12Months} must be in (0, 0.95)."), nameof(fractionAt12Months));
        }

        if (!double.IsFinite(convergenceMonths) || convergenceMonths <= 12)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"convergenceMonths = {convergenceMonths} must be a number > 12."), nameof(convergenceMonths));
        }

        var gap12 = 1.0 - fractionAt12Months;
        var t = (convergenceMonths - 12) / Math.Log(gap12 / 0.05);
        var k0 = Math.Max(0.0, 1.0 - (gap12 * Math.Exp(12 / t)));
        return new AdjustmentKernel(k0, t);
    }

    /// <summary>κ(τ): the fraction of the long-run elasticities τ months after a change (τ &lt; 0 is treated as 0).</summary>
    /// <param name="monthsSinceChange">τ, months.</param>
    /// <returns>The fraction.</returns>
    internal double Scale(double monthsSinceChange) =>
        LongRunFraction - ((LongRunFraction - ImpactFraction) * Math.Exp(-Math.Max(0.0, monthsSinceChange) / TimeConstantMonths));

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"κ(τ) = {LongRunFraction:0.###} − ({LongRunFraction:0.###} − {ImpactFraction:0.###})·exp(−τ/{TimeConstantMonths:0.#}) [κ(12) = {Scale(12):0.###}]");
}
