using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using nietras.SeparatedValues;

namespace VietUsTrade.Sim.Data.Csv;

/// <summary>
/// The records of a comma-separated text, one at a time, split by Sep (no reflection: trim- and AOT-safe) as RFC 4180
/// reads them: fields separated by commas, records by "\r\n", "\n" or "\r", a field quoted with <c>"</c> when it holds a
/// comma, a quote (doubled) or a line break; no trimming. Blank lines are skipped. A quote anywhere else (inside an
/// unquoted field, after a closing quote, or a quote left open) is a <see cref="DataFileException"/>: Sep would read
/// such a quote as opening a quoted run and could silently join the rows after it into one field.
/// </summary>
/// <remarks>Line numbers count physical lines from 1 (the first line of the text), line breaks inside quoted fields included.</remarks>
internal sealed class CsvRecordReader : IDisposable
{
    /// <summary>How much of a malformed field its message shows.</summary>
    private const int ShownChars = 60;

    private readonly TextReader _text;
    private readonly SepReader _reader;
    private readonly string _file;
    private int _nextLine = 1;

    /// <summary>Starts reading.</summary>
    /// <param name="text">The text (disposed with this reader).</param>
    /// <param name="file">The file's name, for messages.</param>
    public CsvRecordReader(TextReader text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
        _file = file;
        try
        {
            // Sep reads the first record here already.
            _reader = Sep.Reader(o => o with
            {
                Sep = new Sep(','),
                HasHeader = false,
                DisableColCountCheck = true,
                CultureInfo = CultureInfo.InvariantCulture,
            }).From(text, leaveOpen: true);
        }
        catch (NotSupportedException ex)
        {
            throw TooLong(text, file, 1, ex);
        }
    }

    /// <summary>Reads the next record that is not a blank line.</summary>
    /// <param name="line">The record's last physical line (1 = the first line of the text).</param>
    /// <param name="fields">The fields, unquoted.</param>
    /// <returns>False at the end of the text.</returns>
    /// <exception cref="DataFileException">A misplaced or unclosed quote, or a record longer than Sep reads (16 Mi characters).</exception>
    public bool TryRead(out int line, [NotNullWhen(true)] out string[]? fields)
    {
        while (true)
        {
            var first = _nextLine;
            bool more;
            try
            {
                more = _reader.MoveNext();
            }
            catch (NotSupportedException ex)
            {
                throw TooLong(_text, _file, first, ex);
            }

            if (!more)
            {
                line = 0;
                fields = null;
                return false;
            }

            var row = _reader.Current;
            _nextLine = row.LineNumberToExcl;
            if (row.Span.IsEmpty)
            {
                continue;
            }

            line = row.LineNumberToExcl - 1;
            fields = new string[row.ColCount];
            for (var c = 0; c < fields.Length; c++)
            {
                var raw = row[c].Span;
                fields[c] = Unquote(raw) ?? throw new DataFileException(
                    _file,
                    first,
                    string.Empty,
                    raw.Length > ShownChars ? string.Concat(raw[..ShownChars], "…") : raw.ToString(),
                    $"malformed CSV (field {c + 1}: a quote must open and close a whole field, and a quote inside it must be doubled)");
            }

            return true;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _reader.Dispose();
        _text.Dispose();
    }

    /// <summary>
    /// The error for a record longer than Sep reads (16 Mi characters; <see cref="NotSupportedException"/>), after reading
    /// the rest of the text: an input larger than its size limit (<see cref="BoundedInput"/>, a device that never ends)
    /// is refused for its size, as when the whole record was read, rather than for the record.
    /// </summary>
    private static DataFileException TooLong(TextReader text, string file, int line, NotSupportedException ex)
    {
        var buffer = new char[1 << 16];
        while (text.Read(buffer, 0, buffer.Length) > 0)
        {
        }

        return new DataFileException(file, line, string.Empty, string.Empty, "malformed CSV (a record longer than 16,777,216 characters: a quote left open?)", ex);
    }

    /// <summary>A field's value: itself without quotes; between its quotes, doubled quotes made single; null if a quote is misplaced.</summary>
    private static string? Unquote(ReadOnlySpan<char> raw)
    {
        if (!raw.Contains('"'))
        {
            return raw.ToString();
        }

        if (raw.Length < 2 || raw[0] != '"' || raw[^1] != '"')
        {
            return null;
        }

        var inner = raw[1..^1];
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '"')
            {
                if (i + 1 >= inner.Length || inner[i + 1] != '"')
                {
                    return null;
                }

                i++;
            }
        }

        return inner.ToString().Replace("\"\"", "\"", StringComparison.Ordinal);
    }
}
