using System.Globalization;

namespace VietUsTrade.Sim.Projection;

/// <summary>One uncertain input's share of the variance of a target.</summary>
/// <param name="Input">Input name.</param>
/// <param name="Distribution">Its distribution as drawn.</param>
/// <param name="FirstOrderIndex">S_i = Var(E[Y | X_i]) / Var(Y), estimated by binning (0 for inputs held fixed).</param>
/// <param name="Correlation">Pearson correlation of X_i and Y (sign of the effect).</param>
public sealed record SensitivityRow(string Input, string Distribution, double FirstOrderIndex, double Correlation);
