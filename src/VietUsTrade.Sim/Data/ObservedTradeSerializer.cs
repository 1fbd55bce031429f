using System.Text;

namespace VietUsTrade.Sim.Data;

/// <summary>Binary format of <see cref="ObservedTrade"/> (little-endian, UTF-8 strings, gzip outside).</summary>
internal static class ObservedTradeSerializer
{
    private const uint Magic = 0x4F425356; // "VSBO"
    private const int FormatVersion = 1;

    public static byte[] Serialize(ObservedTrade data)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(data.Vintage);
            w.Write(data.Sources.Count);
            foreach (var s in data.Sources)
            {
                w.Write(s.File);
                w.Write(s.Sha256);
                w.Write(s.RowsRead);
                w.Write(s.RowsKept);
                var rej = s.Rejections.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray();
                w.Write(rej.Length);
                foreach (var kv in rej)
                {
                    w.Write(kv.Key);
                    w.Write(kv.Value);
                }
            }

            w.Write(data.Series.Count);
            foreach (var s in data.Series)
            {
                w.Write(s.Key);
                w.Write(s.Description);
                w.Write(s.Points.Count);
                foreach (var p in s.Points)
                {
                    w.Write((short)p.Month.Year);
                    w.Write((byte)p.Month.Month);
                    w.Write(p.ValueUsd);
                    w.Write(p.DutyUsd);
                }
            }
        }

        return ms.ToArray();
    }

    public static ObservedTrade Deserialize(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (r.ReadUInt32() != Magic)
            {
                throw new InvalidDataException("Not VietUsTrade.Sim observed data (bad magic number).");
            }

            var version = r.ReadInt32();
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"Observed-data format version {version} is not supported (expected {FormatVersion}).");
            }

            var vintage = r.ReadString();
            var sources = new SourceFileInfo[Count(r)];
            for (var i = 0; i < sources.Length; i++)
            {
                var file = r.ReadString();
                var sha = r.ReadString();
                var read = r.ReadInt32();
                var kept = r.ReadInt32();
                var rej = new Dictionary<string, int>(StringComparer.Ordinal);
                var n = Count(r);
                for (var k = 0; k < n; k++)
                {
                    rej[r.ReadString()] = r.ReadInt32();
                }

                sources[i] = new SourceFileInfo(file, sha, read, kept, rej);
            }

            var series = new MonthlySeries[Count(r)];
            for (var i = 0; i < series.Length; i++)
            {
                var key = r.ReadString();
                var desc = r.ReadString();
                var points = new MonthlyPoint[Count(r)];
                for (var k = 0; k < points.Length; k++)
                {
                    points[k] = new MonthlyPoint(new DateOnly(r.ReadInt16(), r.ReadByte(), 1), r.ReadDouble(), r.ReadDouble());
                }

                series[i] = new MonthlySeries(key, desc, points);
            }

            if (stream.Position != stream.Length)
            {
                throw new InvalidDataException("Observed data have trailing bytes.");
            }

            return new ObservedTrade(vintage, sources, series);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("Observed data are truncated.", ex);
        }
        catch (Exception ex) when (CompressedPayload.IsCorruptValue(ex))
        {
            throw new InvalidDataException($"Observed data is corrupt: {ex.Message}", ex);
        }
    }

    private static int Count(BinaryReader r)
    {
        var n = r.ReadInt32();
        return n is >= 0 and <= 10_000_000 ? n : throw new InvalidDataException($"Observed data: bad count {n}.");
    }
}
