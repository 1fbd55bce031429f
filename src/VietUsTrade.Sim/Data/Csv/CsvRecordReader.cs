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
    private int _first = 1;

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
        if (!Next(out line))
        {
            fields = null;
            return false;
        }

        fields = CurrentFields();
        return true;
    }

    /// <summary>
    /// As <see cref="TryRead"/>, with the same checks and errors, but without making the fields' strings: for a pass that
    /// only checks a file. <see cref="CurrentFields"/> gives them when needed (for a message).
    /// </summary>
    /// <param name="line">The record's last physical line.</param>
    /// <param name="fieldCount">The number of fields.</param>
    /// <returns>False at the end of the text.</returns>
    /// <exception cref="DataFileException">A misplaced or unclosed quote, or a record longer than Sep reads (16 Mi characters).</exception>
    public bool TrySkip(out int line, out int fieldCount)
    {
        if (!Next(out line))
        {
            fieldCount = 0;
            return false;
        }

        var row = _reader.Current;
        fieldCount = row.ColCount;
        for (var c = 0; c < fieldCount; c++)
        {
            var raw = row[c].Span;
            if (raw.Contains('"') && !IsWellQuoted(raw))
            {
                throw Misquoted(raw, c);
            }
        }

        return true;
    }

    /// <summary>The fields of the record the last <see cref="TryRead"/> or <see cref="TrySkip"/> returned, unquoted.</summary>
    /// <returns>The fields.</returns>
    public string[] CurrentFields()
    {
        var row = _reader.Current;
        var fields = new string[row.ColCount];
        for (var c = 0; c < fields.Length; c++)
        {
            var raw = row[c].Span;
            fields[c] = Unquote(raw) ?? throw Misquoted(raw, c);
        }

        return fields;
    }

    /// <summary>Moves to the next record that is not a blank line, making no strings (see <see cref="CurrentField"/>).</summary>
    /// <param name="line">The record's last physical line.</param>
    /// <param name="fieldCount">The number of fields.</param>
    /// <returns>False at the end of the text.</returns>
    /// <exception cref="DataFileException">A record longer than Sep reads (16 Mi characters).</exception>
    public bool TryMove(out int line, out int fieldCount)
    {
        var more = Next(out line);
        fieldCount = more ? _reader.Current.ColCount : 0;
        return more;
    }

    /// <summary>One field of the current record, unquoted: a span of the record for an unquoted field, a new string only for a quoted one.</summary>
    /// <param name="column">The field's position.</param>
    /// <returns>The field's characters (untrimmed).</returns>
    /// <exception cref="DataFileException">A misplaced or unclosed quote in that field.</exception>
    public ReadOnlySpan<char> CurrentField(int column)
    {
        var raw = _reader.Current[column].Span;
        return raw.Contains('"') ? (Unquote(raw) ?? throw Misquoted(raw, column)).AsSpan() : raw;
    }

    /// <summary>Moves to the next record that is not a blank line; false at the end.</summary>
    private bool Next(out int line)
    {
        while (true)
        {
            _first = _nextLine;
            bool more;
            try
            {
                more = _reader.MoveNext();
            }
            catch (NotSupportedException ex)
            {
                throw TooLong(_text, _file, _first, ex);
            }

            if (!more)
            {
                line = 0;
                return false;
            }

            var row = _reader.Current;
            _nextLine = row.LineNumberToExcl;
            if (row.Span.IsEmpty)
            {
                continue;
            }

            line = row.LineNumberToExcl - 1;
            return true;
        }
    }

    private DataFileException Misquoted(ReadOnlySpan<char> raw, int column) => new(
        _file,
        _first,
        string.Empty,
        raw.Length > ShownChars ? string.Concat(raw[..ShownChars], "…") : raw.ToString(),
        $"malformed CSV (field {column + 1}: a quote must open and close a whole field, and a quote inside it must be doubled)");

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

    /// <summary>Whether a field holding a quote is one quoted whole field with its inner quotes doubled.</summary>
    private static bool IsWellQuoted(ReadOnlySpan<char> raw)
    {
        if (raw.Length < 2 || raw[0] != '"' || raw[^1] != '"')
        {
            return false;
        }

        var inner = raw[1..^1];
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '"')
            {
                if (i + 1 >= inner.Length || inner[i + 1] != '"')
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    /// <summary>A field's value: itself without quotes; between its quotes, doubled quotes made single; null if a quote is misplaced.</summary>
    private static string? Unquote(ReadOnlySpan<char> raw)
    {
        if (!raw.Contains('"'))
        {
            return raw.ToString();
        }

        return IsWellQuoted(raw) ? raw[1..^1].ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : null;
    }
}
