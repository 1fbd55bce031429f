using System.Globalization;
using ScottPlot;
using VietUsTrade.Sim.Models.PartialEquilibrium;

namespace VietUsTrade.Sim.Plotting;

/// <summary>One product line's change of US imports from Vietnam, for the top-lines chart.</summary>
/// <param name="Code">HTS code as text (leading zeros kept).</param>
/// <param name="Description">Product description (from <see cref="FromResult"/>: the HS 2022 description of the line's subheading).</param>
/// <param name="ChangeUsd">Change of imports from Vietnam, USD.</param>
public sealed record LineChange(string Code, string Description, double ChangeUsd)
{
    /// <summary>
    /// From a PE line result, described by the HS 2022 nomenclature bundled with the package (the subheading above the
    /// HTS10 line, <see cref="Products.HsNomenclature.Describe"/>) rather than the Census short description ("PORT DGTL
    /// ADP MACH, &lt; 10 KG…"), which is kept for the US chapters 98 and 99 and wherever the nomenclature has no text.
    /// </summary>
    /// <param name="line">The line.</param>
    /// <returns>The change.</returns>
    public static LineChange FromResult(LineResult line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var hs = line.Code.Chapter < 98 ? Products.HsNomenclature.LoadEmbedded().Describe(line.Code) : null;   // 98, 99: US special provisions
        return new LineChange(line.Code.ToString(), hs ?? line.Description, line.ChangeUsd);
    }
}
