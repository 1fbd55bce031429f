using System.Globalization;
using System.Text;

namespace VietUsTrade.Sim;

/// <summary>Shows text taken from an input so that it cannot drive a terminal when a message quoting it is printed (used by the library's validation messages and by the command line's error lines).</summary>
public static class UntrustedText
{
    /// <summary>Control characters (C0, DEL, C1) as \xNN and bidirectional-formatting characters (U+200E/F, U+061C, U+202A–U+202E, U+2066–U+2069) as \uNNNN; other text unchanged (so escaping twice changes nothing more).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text.</returns>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? sb = null;
        for (var k = 0; k < text.Length; k++)
        {
            var ch = text[k];
            var control = ch < 0x20 || ch is (char)0x7F || ch is >= (char)0x80 and <= (char)0x9F;
            var bidi = ch is '\u200E' or '\u200F' or '\u061C' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
            if (!control && !bidi)
            {
                sb?.Append(ch);
                continue;
            }

            sb ??= new StringBuilder(text.Length + 16).Append(text, 0, k);
            if (control)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)ch:X2}");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)ch:X4}");
            }
        }

        return sb?.ToString() ?? text;
    }
}
