using System.Globalization;

namespace VietUsTrade.Sim;

/// <summary>The one check of a field's rule, used by field-backed init accessors so that an invalid value is refused when set (constructor and <c>with</c> alike).</summary>
internal static class FieldRule
{
    /// <summary>Returns <paramref name="value"/> when <paramref name="ok"/>; otherwise throws naming the field, the value and the rule.</summary>
    /// <exception cref="ArgumentException">The rule does not hold (<see cref="ArgumentException.ParamName"/> is the field).</exception>
    internal static T Check<T>(T value, bool ok, string field, string rule) =>
        ok ? value : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{field} = {value} {rule}."), field);

    /// <summary>A US-dollar amount of trade or duty: finite, in [0, <see cref="ValueRanges.MaxTradeUsd"/>].</summary>
    /// <exception cref="ArgumentException">The amount is outside (named).</exception>
    internal static double Usd(double value, string field) =>
        Check(value, value is >= 0 and <= ValueRanges.MaxTradeUsd, field, "must be a finite amount in [0, 3.5e13] US dollars (above world trade)");
}
