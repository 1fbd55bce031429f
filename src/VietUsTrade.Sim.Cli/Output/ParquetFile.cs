using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Cli.Output;

/// <summary>
/// Writes a <see cref="TidyTable"/> as an Apache Parquet file and reads such files back, without reflection (Native
/// AOT and trimming safe). The schema is flat: a numeric column is an optional DOUBLE, any other an optional
/// BYTE_ARRAY annotated as a UTF-8 string (logical type STRING, converted type UTF8); a null cell is a null value.
/// The data is one row group (none for an empty table) with one GZIP-compressed data page (v1) per column: definition
/// levels RLE-encoded, values PLAIN. <see cref="Read"/> reads the files this class writes (and any flat file of
/// optional or required DOUBLE and BYTE_ARRAY columns in PLAIN data pages, uncompressed or GZIP); dictionary-encoded,
/// otherwise compressed or nested files are refused with the reason.
/// </summary>
internal static class ParquetFile
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    private const int TypeDouble = 5;
    private const int TypeByteArray = 6;
    private const int RepetitionRequired = 0;
    private const int RepetitionOptional = 1;
    private const int EncodingPlain = 0;
    private const int EncodingRle = 3;
    private const int PageTypeData = 0;
    private const int CodecUncompressed = 0;
    private const int CodecGzip = 2;
    private const int ConvertedTypeUtf8 = 0;

    /// <summary>Writes <paramref name="table"/> to <paramref name="stream"/> as Parquet.</summary>
    /// <param name="table">The table.</param>
    /// <param name="stream">A writable stream, positioned where the file starts.</param>
    public static void Write(TidyTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        var rows = table.Rows.Count;
        var numeric = Enumerable.Range(0, table.Columns.Count).Select(table.IsNumeric).ToArray();
        stream.Write(Magic);
        long position = Magic.Length;
        var chunks = new (long Offset, long Size, long UncompressedSize)[numeric.Length];
        if (rows > 0)
        {
            for (var c = 0; c < numeric.Length; c++)
            {
                var page = Page(table, c, numeric[c]);
                var body = Gzip(page);
                var header = new ThriftCompactWriter();
                header.BeginStruct();
                header.I32(1, PageTypeData);
                header.I32(2, page.Length);
                header.I32(3, body.Length);
                header.Struct(5);
                header.I32(1, rows);
                header.I32(2, EncodingPlain);
                header.I32(3, EncodingRle);
                header.I32(4, EncodingRle);
                header.EndStruct();
                header.EndStruct();
                var head = header.ToArray();
                stream.Write(head);
                stream.Write(body);
                chunks[c] = (position, head.Length + body.Length, head.Length + page.Length);
                position += head.Length + body.Length;
            }
        }

        var footer = Footer(table, numeric, chunks);
        stream.Write(footer);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, footer.Length);
        stream.Write(length);
        stream.Write(Magic);
    }

    /// <summary>Reads a Parquet file of double and string columns into a table (numbers as doubles, text as strings, nulls as null).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The table, rows in file order.</returns>
    /// <exception cref="InvalidDataException">The file is not Parquet, or uses a type, a nesting, an encoding or a compression this reader does not read; the message names the file and the reason.</exception>
    public static TidyTable Read(string path)
    {
        var data = File.ReadAllBytes(path);
        try
        {
            return Read(data);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{path}': {e.Message}", e);
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"'{path}': malformed Parquet (a size or an offset is out of range)", e);
        }
    }

    private static byte[] Page(TidyTable table, int column, bool numeric)
    {
        using var page = new MemoryStream();
        var levels = DefinitionLevels(table, column);
        Span<byte> scratch = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(scratch, levels.Length);
        page.Write(scratch[..4]);
        page.Write(levels);
        foreach (var row in table.Rows)
        {
            if (numeric)
            {
                if (row[column] is double d)
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(scratch, d);
                    page.Write(scratch);
                }
            }
            else if (TableWriter.TextOf(row[column]) is { } text)
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                BinaryPrimitives.WriteInt32LittleEndian(scratch, bytes.Length);
                page.Write(scratch[..4]);
                page.Write(bytes);
            }
        }

        return page.ToArray();
    }

    /// <summary>The definition levels (1 = value, 0 = null) of a column as RLE runs of the RLE/bit-packing hybrid, bit width 1.</summary>
    private static byte[] DefinitionLevels(TidyTable table, int column)
    {
        using var levels = new MemoryStream();
        var rows = table.Rows;
        var i = 0;
        while (i < rows.Count)
        {
            var present = rows[i][column] is not null;
            var run = 1;
            while (i + run < rows.Count && rows[i + run][column] is not null == present)
            {
                run++;
            }

            var header = (ulong)run << 1;
            while (header >= 0x80)
            {
                levels.WriteByte((byte)(header | 0x80));
                header >>= 7;
            }

            levels.WriteByte((byte)header);
            levels.WriteByte(present ? (byte)1 : (byte)0);
            i += run;
        }

        return levels.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return compressed.ToArray();
    }

    private static byte[] Gunzip(ReadOnlySpan<byte> data, int length)
    {
        using var gzip = new GZipStream(new MemoryStream(data.ToArray()), CompressionMode.Decompress);
        var result = new byte[length];
        gzip.ReadExactly(result);
        if (gzip.ReadByte() != -1)
        {
            throw new InvalidDataException("a GZIP page holds more bytes than its header says");
        }

        return result;
    }

    private static byte[] Footer(TidyTable table, bool[] numeric, (long Offset, long Size, long UncompressedSize)[] chunks)
    {
        var rows = table.Rows.Count;
        var w = new ThriftCompactWriter();
        w.BeginStruct();
        w.I32(1, 1);
        w.List(2, ThriftCompactWriter.StructType, numeric.Length + 1);
        w.BeginStruct();
        w.String(4, "root");
        w.I32(5, numeric.Length);
        w.EndStruct();
        for (var c = 0; c < numeric.Length; c++)
        {
            w.BeginStruct();
            w.I32(1, numeric[c] ? TypeDouble : TypeByteArray);
            w.I32(3, RepetitionOptional);
            w.String(4, table.Columns[c]);
            if (!numeric[c])
            {
                w.I32(6, ConvertedTypeUtf8);
                w.Struct(10);
                w.Struct(1);
                w.EndStruct();
                w.EndStruct();
            }

            w.EndStruct();
        }

        w.I64(3, rows);
        w.List(4, ThriftCompactWriter.StructType, rows > 0 ? 1 : 0);
        if (rows > 0)
        {
            w.BeginStruct();
            w.List(1, ThriftCompactWriter.StructType, numeric.Length);
            for (var c = 0; c < numeric.Length; c++)
            {
                w.BeginStruct();
                w.I64(2, chunks[c].Offset);
                w.Struct(3);
                w.I32(1, numeric[c] ? TypeDouble : TypeByteArray);
                w.List(2, ThriftCompactWriter.I32Type, 2);
                w.I32Element(EncodingPlain);
                w.I32Element(EncodingRle);
                w.List(3, ThriftCompactWriter.BinaryType, 1);
                w.StringElement(table.Columns[c]);
                w.I32(4, CodecGzip);
                w.I64(5, rows);
                w.I64(6, chunks[c].UncompressedSize);
                w.I64(7, chunks[c].Size);
                w.I64(9, chunks[c].Offset);
                w.EndStruct();
                w.EndStruct();
            }

            w.I64(2, chunks.Sum(x => x.UncompressedSize));
            w.I64(3, rows);
            w.I64(5, chunks[0].Offset);
            w.I64(6, chunks.Sum(x => x.Size));
            w.EndStruct();
        }

        w.String(6, "vietus-sim version " + (typeof(ParquetFile).Assembly.GetName().Version ?? new Version(0, 0)).ToString(3));
        w.EndStruct();
        return w.ToArray();
    }

    private static TidyTable Read(byte[] data)
    {
        if (data.Length < 12 || !data.AsSpan(0, 4).SequenceEqual(Magic) || !data.AsSpan(data.Length - 4).SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a Parquet file (no PAR1 marks)");
        }

        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(data.Length - 8, 4));
        if (footerLength <= 0 || footerLength > data.Length - 12)
        {
            throw new InvalidDataException("the footer length is out of range");
        }

        var meta = new ThriftCompactReader(data, data.Length - 8 - footerLength).ReadStruct();
        var schema = ListOf(meta, 2, "schema");
        if (schema.Count < 2 || Int(Struct(schema[0]), 5, "schema root's number of children") != schema.Count - 1)
        {
            throw new InvalidDataException("the schema is not flat (nested columns are not read)");
        }

        var columns = schema.Skip(1).Select(e => Column(Struct(e))).ToArray();
        var table = new TidyTable([.. columns.Select(c => c.Name)]);
        foreach (var group in ListOf(meta, 4, "row groups").Select(Struct))
        {
            var rows = checked((int)Int(group, 3, "row group's number of rows"));
            var chunks = ListOf(group, 1, "column chunks");
            if (chunks.Count != columns.Length)
            {
                throw new InvalidDataException($"a row group has {chunks.Count} column chunks for {columns.Length} columns");
            }

            var values = new object?[columns.Length][];
            for (var c = 0; c < columns.Length; c++)
            {
                values[c] = ReadChunk(data, Struct(Field(Struct(chunks[c]), 3, "column metadata")), columns[c], rows);
            }

            for (var r = 0; r < rows; r++)
            {
                table.Add([.. values.Select(v => v[r])]);
            }
        }

        return table;
    }

    private static (string Name, bool Numeric, bool Optional) Column(Dictionary<short, object> element)
    {
        var name = Encoding.UTF8.GetString((byte[])Field(element, 4, "column name"));
        if (element.ContainsKey(5))
        {
            throw new InvalidDataException($"column {name} is a group (nested columns are not read)");
        }

        var type = Int(element, 1, $"column {name}'s type");
        var repetition = element.ContainsKey(3) ? Int(element, 3, $"column {name}'s repetition") : RepetitionRequired;
        if (type is not (TypeDouble or TypeByteArray) || repetition is not (RepetitionRequired or RepetitionOptional))
        {
            throw new InvalidDataException($"column {name} has physical type {type} (repetition {repetition}); a table here holds only optional or required numbers (DOUBLE) and text (BYTE_ARRAY)");
        }

        return (name, type == TypeDouble, repetition == RepetitionOptional);
    }

    private static object?[] ReadChunk(byte[] data, Dictionary<short, object> meta, (string Name, bool Numeric, bool Optional) column, int rows)
    {
        var codec = Int(meta, 4, "codec");
        if (codec is not (CodecUncompressed or CodecGzip))
        {
            throw new InvalidDataException($"column {column.Name} is compressed with codec {codec}; only GZIP (as vietus-sim writes them) and uncompressed files are read");
        }

        if (meta.ContainsKey(11))
        {
            throw new InvalidDataException($"column {column.Name} is dictionary-encoded; only PLAIN files, as vietus-sim writes them, are read");
        }

        var values = new object?[rows];
        var filled = 0;
        var position = checked((int)Int(meta, 9, "data page offset"));
        while (filled < rows)
        {
            var reader = new ThriftCompactReader(data, position);
            var header = reader.ReadStruct();
            var size = checked((int)Int(header, 3, "page size"));
            var start = reader.Position;
            if (size < 0 || start + size > data.Length)
            {
                throw new InvalidDataException($"column {column.Name}: a page runs past the end of the file");
            }

            if (Int(header, 1, "page type") != PageTypeData)
            {
                throw new InvalidDataException($"column {column.Name} has a page of type {Int(header, 1, "page type")}; only data pages (v1) are read");
            }

            var page = Struct(Field(header, 5, "data page header"));
            var count = checked((int)Int(page, 1, "page's number of values"));
            if (Int(page, 2, "encoding") != EncodingPlain || count < 0 || count > rows - filled)
            {
                throw new InvalidDataException($"column {column.Name}: a page is not PLAIN-encoded or holds more values than the row group");
            }

            var body = data.AsSpan(start, size);
            ReadPage(codec == CodecGzip ? Gunzip(body, checked((int)Int(header, 2, "uncompressed page size"))) : body, column, values.AsSpan(filled, count));
            filled += count;
            position = start + size;
        }

        return values;
    }

    private static void ReadPage(ReadOnlySpan<byte> page, (string Name, bool Numeric, bool Optional) column, Span<object?> values)
    {
        var present = new bool[values.Length];
        var at = 0;
        if (column.Optional)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(page);
            DecodeLevels(page.Slice(4, length), present);
            at = 4 + length;
        }
        else
        {
            present.AsSpan().Fill(true);
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!present[i])
            {
                values[i] = null;
            }
            else if (column.Numeric)
            {
                values[i] = BinaryPrimitives.ReadDoubleLittleEndian(page.Slice(at, 8));
                at += 8;
            }
            else
            {
                var length = BinaryPrimitives.ReadInt32LittleEndian(page.Slice(at, 4));
                values[i] = Encoding.UTF8.GetString(page.Slice(at + 4, length));
                at += 4 + length;
            }
        }
    }

    /// <summary>Decodes definition levels of bit width 1 (RLE runs and bit-packed groups of the hybrid encoding).</summary>
    private static void DecodeLevels(ReadOnlySpan<byte> levels, bool[] present)
    {
        var at = 0;
        var filled = 0;
        while (filled < present.Length)
        {
            ulong header = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (shift > 63)
                {
                    throw new InvalidDataException("a definition-level run header is too long");
                }

                var b = levels[at++];
                header |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            if ((header & 1) == 0)
            {
                var run = (int)Math.Min(header >> 1, (ulong)(present.Length - filled));
                var value = levels[at++] != 0;
                present.AsSpan(filled, run).Fill(value);
                filled += run;
            }
            else
            {
                var groups = checked((int)(header >> 1));
                for (var bit = 0; bit < groups * 8 && filled < present.Length; bit++)
                {
                    present[filled++] = ((levels[at + (bit >> 3)] >> (bit & 7)) & 1) != 0;
                }

                at += groups;
            }
        }
    }

    private static object Field(Dictionary<short, object> s, short id, string what) =>
        s.TryGetValue(id, out var value) ? value : throw new InvalidDataException($"the {what} (Thrift field {id}) is missing");

    private static long Int(Dictionary<short, object> s, short id, string what) =>
        Field(s, id, what) as long? ?? throw new InvalidDataException($"the {what} (Thrift field {id}) is not an integer");

    private static List<object> ListOf(Dictionary<short, object> s, short id, string what) =>
        Field(s, id, what) as List<object> ?? throw new InvalidDataException($"the {what} (Thrift field {id}) is not a list");

    private static Dictionary<short, object> Struct(object value) =>
        value as Dictionary<short, object> ?? throw new InvalidDataException("a Thrift struct was expected");
}
