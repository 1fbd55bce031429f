using System.Globalization;

namespace VietUsTrade.Sim.Reporting;

/// <summary>
/// One number format for the tables, messages and charts of reports: a real minus sign (U+2212), the currency before
/// the sign's magnitude (<c>−$128.3 bn</c>), explicit signs for changes (<c>+0.60</c>, <c>−0.60</c>, never <c>-+0.00</c>
/// or <c>−0.00</c>) and counts in the singular for one (<c>1 line</c>). Invariant culture throughout.
/// </summary>
public static class NumberFormat
{
    /// <summary>The minus sign used in reports (U+2212).</summary>
    public const string Minus = "\u2212";

    /// <summary>A number with <paramref name="decimals"/> decimals and a real minus sign; a value that rounds to zero prints unsigned.</summary>
    /// <param name="value">The number.</param>
    /// <param name="decimals">Decimals (0–10).</param>
    /// <param name="thousands">Group thousands with commas (e.g. <c>141,361</c>).</param>
    /// <returns>For example <c>−128.3</c>.</returns>
    public static string Number(double value, int decimals = 1, bool thousands = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 10);
        var text = Math.Abs(value).ToString((thousands ? "N" : "F") + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return value < 0 && !IsZero(text) ? Minus + text : text;
    }

    /// <summary>A change with its sign: <c>+0.60</c>, <c>−0.60</c>; a value that rounds to zero prints as <c>0.00</c>.</summary>
    /// <param name="value">The change.</param>
    /// <param name="decimals">Decimals (0–10).</param>
    /// <returns>The signed text.</returns>
    public static string Change(double value, int decimals = 2)
    {
        var text = Number(value, decimals);
        return value > 0 && !IsZero(text) ? "+" + text : text;
    }

    /// <summary>US dollars in billions: <c>−$128.3 bn</c>, <c>$13.0 bn</c>.</summary>
    /// <param name="usd">The amount in US dollars.</param>
    /// <param name="decimals">Decimals of the billions (0–10).</param>
    /// <returns>The text.</returns>
    public static string UsdBillions(double usd, int decimals = 1)
    {
        var text = Number(usd / 1e9, decimals, thousands: true);
        return text.StartsWith(Minus, StringComparison.Ordinal) ? $"{Minus}${text[Minus.Length..]} bn" : $"${text} bn";
    }

    /// <summary>A fraction as a percentage with a real minus sign, laid out as the invariant "P" format (<c>12.3 %</c>, <c>−0.4 %</c>); a value that rounds to zero prints unsigned.</summary>
    /// <param name="fraction">The fraction (0.123 = 12.3 %).</param>
    /// <param name="decimals">Decimals of the percentage (0–10).</param>
    /// <returns>The text.</returns>
    public static string Percent(double fraction, int decimals = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 10);
        var text = Math.Abs(fraction).ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return fraction < 0 && !IsZero(text.Replace(" %", string.Empty, StringComparison.Ordinal)) ? Minus + text : text;
    }

    /// <summary>A count with its noun in the singular for one: <c>1 line</c>, <c>2 lines</c>, <c>1,234 lines</c>.</summary>
    /// <param name="count">The count.</param>
    /// <param name="singular">The noun for one, e.g. <c>line</c>.</param>
    /// <param name="plural">The noun for any other count (default: <paramref name="singular"/> + "s").</param>
    /// <returns>The text.</returns>
    public static string Count(long count, string singular, string? plural = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(singular);
        return string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? singular : plural ?? singular + "s")}");
    }

    private static bool IsZero(string text) => text.All(c => c is '0' or '.' or ',');
}
