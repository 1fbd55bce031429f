using System.Buffers;

namespace VietUsTrade.Sim.Cli.Output;

/// <summary>
/// Writes Apache Thrift structs in the compact protocol, the encoding of Parquet's page headers and footer: field
/// headers with id deltas, zigzag varints for integers, length-prefixed binary, short list headers. Only what
/// <see cref="ParquetFile"/> needs (i32, i64, binary, struct, list); fields must be written in increasing id order.
/// </summary>
internal sealed class ThriftCompactWriter
{
    /// <summary>Compact type code of an i32.</summary>
    public const byte I32Type = 5;

    /// <summary>Compact type code of binary (and string).</summary>
    public const byte BinaryType = 8;

    /// <summary>Compact type code of a struct.</summary>
    public const byte StructType = 12;

    private const byte I64Type = 6;
    private const byte ListType = 9;

    private readonly ArrayBufferWriter<byte> _out = new();
    private readonly Stack<short> _outer = new();
    private short _lastField;

    /// <summary>The bytes written so far.</summary>
    public byte[] ToArray() => _out.WrittenSpan.ToArray();

    /// <summary>Starts a struct that is not a field: the top-level one, or an element of a list of structs.</summary>
    public void BeginStruct()
    {
        _outer.Push(_lastField);
        _lastField = 0;
    }

    /// <summary>Ends the current struct (its stop byte).</summary>
    public void EndStruct()
    {
        Put(0);
        _lastField = _outer.Pop();
    }

    /// <summary>Starts a struct-valued field; end it with <see cref="EndStruct"/>.</summary>
    public void Struct(short id)
    {
        FieldHeader(id, StructType);
        BeginStruct();
    }

    /// <summary>Writes an i32 field.</summary>
    public void I32(short id, int value)
    {
        FieldHeader(id, I32Type);
        Varint((uint)((value << 1) ^ (value >> 31)));
    }

    /// <summary>Writes an i64 field.</summary>
    public void I64(short id, long value)
    {
        FieldHeader(id, I64Type);
        Varint((ulong)((value << 1) ^ (value >> 63)));
    }

    /// <summary>Writes a string field (UTF-8).</summary>
    public void String(short id, string value)
    {
        FieldHeader(id, BinaryType);
        StringElement(value);
    }

    /// <summary>Starts a list field of <paramref name="count"/> elements of <paramref name="elementType"/>; then write the elements.</summary>
    public void List(short id, byte elementType, int count)
    {
        FieldHeader(id, ListType);
        if (count < 15)
        {
            Put((byte)((count << 4) | elementType));
        }
        else
        {
            Put((byte)(0xF0 | elementType));
            Varint((uint)count);
        }
    }

    /// <summary>Writes an i32 list element.</summary>
    public void I32Element(int value) => Varint((uint)((value << 1) ^ (value >> 31)));

    /// <summary>Writes a string list element (UTF-8).</summary>
    public void StringElement(string value)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(value);
        Varint((uint)bytes.Length);
        _out.Write(bytes);
    }

    private void Put(byte value)
    {
        _out.GetSpan(1)[0] = value;
        _out.Advance(1);
    }

    private void FieldHeader(short id, byte type)
    {
        var delta = id - _lastField;
        if (delta is > 0 and <= 15)
        {
            Put((byte)((delta << 4) | type));
        }
        else
        {
            Put(type);
            Varint((uint)((id << 1) ^ (id >> 15)));
        }

        _lastField = id;
    }

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            Put((byte)(value | 0x80));
            value >>= 7;
        }

        Put((byte)value);
    }
}
