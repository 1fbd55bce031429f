using System.Buffers.Binary;

namespace VietUsTrade.Sim.Cli.Output;

/// <summary>
/// Reads Apache Thrift structs in the compact protocol (Parquet's page headers and footer) into a plain tree: a struct
/// is a dictionary from field id to value; integers are <see cref="long"/>, binary is <see cref="byte"/>[], lists and
/// sets are lists, maps are lists of key/value pairs. Unknown fields are kept, so the caller reads only what it needs.
/// A truncated or malformed input throws <see cref="InvalidDataException"/>.
/// </summary>
/// <param name="data">The bytes.</param>
/// <param name="position">Where the struct starts.</param>
internal sealed class ThriftCompactReader(byte[] data, int position)
{
    private const int MaxDepth = 64;

    /// <summary>The position after what has been read.</summary>
    public int Position { get; private set; } = position;

    /// <summary>Reads one struct.</summary>
    public Dictionary<short, object> ReadStruct() => ReadStruct(0);

    private Dictionary<short, object> ReadStruct(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException("Thrift struct nested too deeply");
        }

        var fields = new Dictionary<short, object>();
        short last = 0;
        while (true)
        {
            var header = Byte();
            if (header == 0)
            {
                return fields;
            }

            var type = header & 0x0F;
            var delta = header >> 4;
            var id = delta != 0 ? (short)(last + delta) : (short)ZigZag(Varint());
            last = id;
            fields[id] = type switch
            {
                1 => true,
                2 => false,
                _ => ReadValue(type, depth),
            };
        }
    }

    private object ReadValue(int type, int depth)
    {
        switch (type)
        {
            case 1:
            case 2:
                return Byte() == 1;
            case 3:
                return (long)(sbyte)Byte();
            case 4:
            case 5:
            case 6:
                return ZigZag(Varint());
            case 7:
                Need(8);
                var d = BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(Position, 8));
                Position += 8;
                return d;
            case 8:
                var length = checked((int)Varint());
                Need(length);
                var bytes = data.AsSpan(Position, length).ToArray();
                Position += length;
                return bytes;
            case 9:
            case 10:
                var head = Byte();
                var count = head >> 4 == 15 ? checked((int)Varint()) : head >> 4;
                var list = new List<object>();
                for (var i = 0; i < count; i++)
                {
                    list.Add(ReadValue(head & 0x0F, depth + 1));
                }

                return list;
            case 11:
                var size = checked((int)Varint());
                var pairs = new List<object>();
                if (size > 0)
                {
                    var types = Byte();
                    for (var i = 0; i < size; i++)
                    {
                        pairs.Add(new KeyValuePair<object, object>(ReadValue(types >> 4, depth + 1), ReadValue(types & 0x0F, depth + 1)));
                    }
                }

                return pairs;
            case 12:
                return ReadStruct(depth + 1);
            default:
                throw new InvalidDataException($"unknown Thrift compact type {type} at byte {Position}");
        }
    }

    private byte Byte()
    {
        Need(1);
        return data[Position++];
    }

    private ulong Varint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException($"Thrift varint longer than 10 bytes at byte {Position}");
    }

    private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private void Need(int count)
    {
        if (count < 0 || Position + count > data.Length)
        {
            throw new InvalidDataException($"Thrift data truncated at byte {Position}");
        }
    }
}
