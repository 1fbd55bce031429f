using System.Globalization;

namespace VietUsTrade.Sim.Products;

/// <summary>
/// A Harmonized Tariff Schedule code of 2, 4, 6, 8 or 10 digits (chapter, heading, subheading,
/// tariff line, statistical reporting number).
/// </summary>
/// <remarks>
/// The first six digits are the international Harmonized System (HS 2022 for 2024 data); digits 7–8 are the
/// US tariff line (HTSUS) and digits 9–10 the US statistical suffix. US export codes (Schedule B) share the
/// same first six digits only. Codes are compared digit by digit; a shorter code is a prefix of every longer
/// code that starts with its digits (see <see cref="Contains(HtsCode)"/>). The type is an immutable value
/// and thread-safe. The default value is not a valid code; use <see cref="Parse(string)"/>.
/// </remarks>
public readonly struct HtsCode : IEquatable<HtsCode>, IComparable<HtsCode>
{
    private readonly string? _digits;
    private readonly int _hash;

    private HtsCode(string digits)
    {
        _digits = digits;
        _hash = StringComparer.Ordinal.GetHashCode(digits);
    }

    /// <summary>The digits of the code (2, 4, 6, 8 or 10 characters '0'–'9').</summary>
    internal string Digits => _digits ?? throw new InvalidOperationException("Default HtsCode has no digits; create codes with HtsCode.Parse.");

    /// <summary>True for <c>default(HtsCode)</c>, which holds no code (validation refuses it wherever a code is required).</summary>
    public bool IsDefault => _digits is null;

    /// <summary>The number of digits: 2, 4, 6, 8 or 10.</summary>
    public int Length => Digits.Length;

    /// <summary>The HS chapter (first two digits) as a number, 1–99.</summary>
    public int Chapter => (Digits[0] - '0') * 10 + (Digits[1] - '0');

    /// <summary>Parses a code of 2, 4, 6, 8 or 10 digits. Dots and spaces are removed first ("0901.11.00" is accepted).</summary>
    /// <param name="text">The code text.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not 2, 4, 6, 8 or 10 digits; the message quotes the text.</exception>
    public static HtsCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var code))
        {
            throw new FormatException($"HTS code '{text}' is not valid: expected 2, 4, 6, 8 or 10 digits (dots and spaces allowed).");
        }

        return code;
    }

    /// <summary>Tries to parse a code of 2, 4, 6, 8 or 10 digits (dots and spaces are ignored).</summary>
    /// <param name="text">The code text; null gives false.</param>
    /// <param name="code">The code when the result is true.</param>
    /// <returns>True when the text is a valid code.</returns>
    public static bool TryParse(string? text, out HtsCode code)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[10];
        var n = 0;
        foreach (var c in text)
        {
            if (c is '.' or ' ')
            {
                continue;
            }

            if (c is < '0' or > '9' || n == 10)
            {
                return false;
            }

            buffer[n++] = c;
        }

        if (n is not (2 or 4 or 6 or 8 or 10))
        {
            return false;
        }

        if (buffer[0] == '0' && buffer[1] == '0')
        {
            return false; // there is no chapter 00
        }

        code = new HtsCode(new string(buffer[..n]));
        return true;
    }

    /// <summary>The first <paramref name="digits"/> digits of this code.</summary>
    /// <param name="digits">2, 4, 6, 8 or 10, at most <see cref="Length"/>.</param>
    /// <returns>The shorter code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">digits is not an even number from 2 to the code's length.</exception>
    internal HtsCode Truncate(int digits)
    {
        if (digits is not (2 or 4 or 6 or 8 or 10) || digits > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(digits), digits, $"Cannot truncate HTS code {Digits} to {digits} digits.");
        }

        return digits == Length ? this : new HtsCode(Digits[..digits]);
    }

    /// <summary>True when this code is a prefix of (or equal to) <paramref name="other"/>: 0901 contains 0901110015.</summary>
    /// <param name="other">The possibly longer code.</param>
    /// <returns>Whether <paramref name="other"/> starts with this code's digits.</returns>
    internal bool Contains(HtsCode other) => other.Digits.StartsWith(Digits, StringComparison.Ordinal);

    /// <inheritdoc/>
    public bool Equals(HtsCode other) => _hash == other._hash && string.Equals(_digits, other._digits, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is HtsCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _hash;

    /// <inheritdoc/>
    public int CompareTo(HtsCode other) => string.CompareOrdinal(_digits, other._digits);

    /// <summary>The digits, e.g. "0901110015".</summary>
    /// <returns>The digits.</returns>
    public override string ToString() => _digits ?? string.Empty;

    /// <summary>The code with the usual dots: 0901.11.00.15.</summary>
    /// <returns>The dotted form.</returns>
    public string ToDottedString() => Length switch
    {
        2 => Digits,
        4 => Digits,
        6 => string.Create(CultureInfo.InvariantCulture, $"{Digits[..4]}.{Digits[4..6]}"),
        8 => string.Create(CultureInfo.InvariantCulture, $"{Digits[..4]}.{Digits[4..6]}.{Digits[6..8]}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Digits[..4]}.{Digits[4..6]}.{Digits[6..8]}.{Digits[8..10]}"),
    };

    /// <summary>Equality of digits.</summary>
    public static bool operator ==(HtsCode left, HtsCode right) => left.Equals(right);

    /// <summary>Inequality of digits.</summary>
    public static bool operator !=(HtsCode left, HtsCode right) => !left.Equals(right);

    /// <summary>Ordinal order of digits.</summary>
    public static bool operator <(HtsCode left, HtsCode right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal order of digits.</summary>
    public static bool operator >(HtsCode left, HtsCode right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal order of digits.</summary>
    public static bool operator <=(HtsCode left, HtsCode right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal order of digits.</summary>
    public static bool operator >=(HtsCode left, HtsCode right) => left.CompareTo(right) >= 0;
}
