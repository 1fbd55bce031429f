namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>
/// Export side: how US exports to Vietnam of one line respond to a change of Vietnam's tariff on US goods,
/// through Vietnam's import demand (exact, constant elasticity; no linearisation). Pure functions.
/// </summary>
/// <remarks>
/// <para><b>Constant-elasticity form</b> (<see cref="ConstantElasticity(double, double, double, double)"/>): US exports at world
/// prices x1 = x0 ((1 + τ1)/(1 + τ0))^(−ε), with ε the own-price elasticity of Vietnam's demand for the US variety, US export
/// prices fixed (the US is a small supplier to Vietnam, infinitely elastic supply). In a CES import demand (Armington 1969)
/// the own-price elasticity of a supplier with a small share θ tends to σ, not to the import demand elasticity, so pass σ here
/// if the only elasticity known is the substitution elasticity; the tariff-inclusive spending then changes by the factor
/// ((1+τ1)/(1+τ0))^(1−ε).</para>
/// <para><b>CES form</b> (<see cref="Ces"/>): the US is one supplier with share θ (at Vietnamese tariff-inclusive prices) of
/// Vietnam's imports of the line; the other suppliers' tariff may change too (an MFN cut). Same equations as
/// <see cref="PeSolver"/> with two suppliers: P̂ = (θ π_US^(1−σ) + (1−θ) π_O^(1−σ))^(1/(1−σ)), x̂ = P̂^(σ−ε) π_US^(−σ).
/// θ → 0 gives π_US^(−σ); θ = 1 gives π_US^(−ε) (the constant-elasticity form with ε). A tariff cut on US goods alone
/// (e.g. Vietnam's 2025 concessions) raises US exports; a cut for everyone (Decree 73/2025 MFN changes) raises them only
/// through the composite demand, by P̂^(−ε).</para>
/// </remarks>
internal static class UsExportResponse
{
    /// <summary>Exact constant-elasticity response of one line.</summary>
    /// <param name="baselineExports">US exports to Vietnam at world (f.o.b.) prices, US dollars, ≥ 0.</param>
    /// <param name="tariff0">Vietnam's baseline tariff on the US good (fraction ≥ 0).</param>
    /// <param name="tariff1">Vietnam's new tariff on the US good (fraction ≥ 0).</param>
    /// <param name="elasticity">Own-price elasticity of Vietnam's demand for the US good (positive magnitude, ≥ 0).</param>
    /// <returns>New exports x1 = x0 ((1+τ1)/(1+τ0))^(−ε).</returns>
    /// <exception cref="ArgumentException">An input is negative, NaN or out of range (message names it and its value).</exception>
    public static double ConstantElasticity(double baselineExports, double tariff0, double tariff1, double elasticity)
    {
        PeValidation.Value(baselineExports, nameof(baselineExports), 0, null, null);
        PeValidation.Tariff(tariff0, nameof(tariff0), 0, null, null);
        PeValidation.Tariff(tariff1, nameof(tariff1), 0, null, null);
        PeValidation.DemandElasticity(elasticity, nameof(elasticity), 0, null);
        return baselineExports * Math.Exp(-elasticity * Math.Log((1.0 + tariff1) / (1.0 + tariff0)));
    }

    /// <summary>Constant-elasticity response for many lines (allocation-free).</summary>
    /// <param name="baselineExports">x0 per line.</param>
    /// <param name="tariffs0">τ0 per line.</param>
    /// <param name="tariffs1">τ1 per line.</param>
    /// <param name="elasticities">ε per line.</param>
    /// <param name="newExports">Destination for x1 per line (same length).</param>
    /// <exception cref="ArgumentException">Lengths differ or an input is invalid (message names the parameter, line and value).</exception>
    public static void ConstantElasticity(ReadOnlySpan<double> baselineExports, ReadOnlySpan<double> tariffs0, ReadOnlySpan<double> tariffs1,
        ReadOnlySpan<double> elasticities, Span<double> newExports)
    {
        var n = baselineExports.Length;
        if (tariffs0.Length != n || tariffs1.Length != n || elasticities.Length != n || newExports.Length != n)
        {
            throw new ArgumentException($"All spans must have the length of baselineExports ({n}).", nameof(newExports));
        }

        for (var i = 0; i < n; i++)
        {
            PeValidation.Value(baselineExports[i], nameof(baselineExports), i, null, null);
            PeValidation.Tariff(tariffs0[i], nameof(tariffs0), i, null, null);
            PeValidation.Tariff(tariffs1[i], nameof(tariffs1), i, null, null);
            PeValidation.DemandElasticity(elasticities[i], nameof(elasticities), i, null);
            newExports[i] = tariffs1[i] == tariffs0[i] ? baselineExports[i] : baselineExports[i] * Math.Exp(-elasticities[i] * Math.Log((1.0 + tariffs1[i]) / (1.0 + tariffs0[i])));
        }
    }

    /// <summary>Exact CES response of one line with the US share of Vietnam's imports.</summary>
    /// <param name="baselineExports">US exports to Vietnam at world prices, US dollars, ≥ 0.</param>
    /// <param name="usTariff0">Vietnam's baseline tariff on US goods.</param>
    /// <param name="usTariff1">Vietnam's new tariff on US goods.</param>
    /// <param name="usShare">US share of Vietnam's imports of the line at Vietnamese tariff-inclusive prices, 0 ≤ θ ≤ 1.</param>
    /// <param name="importDemandElasticity">ε of Vietnam's composite import demand (≥ 0).</param>
    /// <param name="substitutionElasticity">σ between suppliers in Vietnam (&gt; 0).</param>
    /// <param name="othersTariff0">Baseline tariff on the other suppliers (default 0).</param>
    /// <param name="othersTariff1">New tariff on the other suppliers (default 0).</param>
    /// <returns>New US exports at world prices.</returns>
    /// <exception cref="ArgumentException">An input is invalid (message names it and its value).</exception>
    public static double Ces(double baselineExports, double usTariff0, double usTariff1, double usShare, double importDemandElasticity,
        double substitutionElasticity, double othersTariff0 = 0.0, double othersTariff1 = 0.0)
    {
        PeValidation.Value(baselineExports, nameof(baselineExports), 0, null, null);
        if (!(usShare >= 0 && usShare <= 1))
        {
            throw new ArgumentException($"usShare = {PeValidation.Fmt(usShare)} is not valid: expected a share 0 ≤ θ ≤ 1.", nameof(usShare));
        }

        if (baselineExports == 0)
        {
            PeValidation.Tariff(usTariff0, nameof(usTariff0), 0, null, null);
            PeValidation.Tariff(usTariff1, nameof(usTariff1), 0, null, null);
            return 0.0;
        }

        // Two suppliers with spending θ and 1 − θ: reuse the exact kernel (world price 1 ⇒ v = spending/T0).
        var theta = Math.Max(usShare, 0.0);
        var problem = new PeProblem(["United States", "Others"], [0, 2], [0, 1],
            [theta / (1.0 + usTariff0), (1.0 - theta) / (1.0 + othersTariff0)],
            [usTariff0, othersTariff0], [usTariff1, othersTariff1], [], [importDemandElasticity], [substitutionElasticity]);
        if (theta == 0)
        {
            // Limit θ → 0: the US price does not move the index.
            var pi = (1.0 + usTariff1) / (1.0 + usTariff0);
            var r = PeSolver.Solve(problem);
            var pHat = r.LinePriceIndexRatio[0];
            return baselineExports * Math.Exp((substitutionElasticity - importDemandElasticity) * Math.Log(pHat) - substitutionElasticity * Math.Log(pi));
        }

        return baselineExports * PeSolver.Solve(problem).CellQuantityRatio(0);
    }
}
