using System.Text;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Data;

/// <summary>The binary layout of the bundled dataset (little-endian, UTF-8 strings, doubles bit-exact).</summary>
/// <remarks>The layout is deterministic: the same dataset always gives the same bytes.</remarks>
internal static class DatasetSerializer
{
    private const uint Magic = 0x53545556; // "VUTS"
    private const int FormatVersion = 1;

    public static byte[] Serialize(BaselineDataset d)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(d.Header.Year);
            w.Write(d.Header.ImportConcept);
            w.Write(d.Header.ExportConcept);
            w.Write(d.Header.SigmaCap);
            WriteList(w, d.Header.Notes, (w2, s) => w2.Write(s));
            WriteList(w, d.Sources, (w2, s) =>
            {
                w2.Write(s.File);
                w2.Write(s.Sha256);
                w2.Write(s.RowsRead);
                w2.Write(s.RowsKept);
                WriteList(w2, s.Rejections.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray(), (w3, kv) =>
                {
                    w3.Write(kv.Key);
                    w3.Write(kv.Value);
                });
            });
            var partnerIndex = new Dictionary<Partner, int>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < d.PartnersArray.Length; i++)
            {
                partnerIndex[d.PartnersArray[i]] = i;
            }

            WriteList(w, d.PartnersArray, (w2, p) =>
            {
                w2.Write(p.CensusCode);
                w2.Write(p.Name);
                w2.Write(p.Imports2024Usd);
                w2.Write(p.Duty2024Usd);
            });
            WriteList(w, d.ChaptersArray, (w2, c) =>
            {
                w2.Write(c.Chapter);
                w2.Write(c.Name);
                w2.Write(c.WorldValueUsd);
                w2.Write(c.WorldDutyUsd);
                w2.Write(c.VietnamValueUsd);
                w2.Write(c.VietnamDutyUsd);
                w2.Write(c.RestOfWorldValueUsd);
            });
            WriteList(w, d.MfnArray, WriteMfn);
            WriteList(w, d.LinesArray, (w2, l) =>
            {
                w2.Write(l.Code.Digits);
                w2.Write(l.Description);
                WriteNullable(w2, l.Naics);
                WriteNullable(w2, l.GtapSector);
                w2.Write(l.Mfn is not null);
                if (l.Mfn is not null)
                {
                    WriteMfn(w2, l.Mfn);
                }

                WriteList(w2, l.SuppliersArray, (w3, s) =>
                {
                    w3.Write((short)partnerIndex[s.Partner]);
                    w3.Write(s.ValueUsd);
                    w3.Write(s.DutyUsd);
                });
                WriteElasticity(w2, l.Sigma);
                WriteElasticity(w2, l.Epsilon);
                w2.Write(l.SigmaHauk is not null);
                if (l.SigmaHauk is not null)
                {
                    WriteElasticity(w2, l.SigmaHauk);
                }
            });
            WriteList(w, d.ExportsArray, (w2, e) =>
            {
                w2.Write(e.Code.Digits);
                w2.Write(e.Description);
                w2.Write(e.Value2024Usd);
                w2.Write(e.Value2023Usd);
            });
            WriteList(w, d.MonthlyArray, (w2, s) =>
            {
                w2.Write(s.Key);
                w2.Write(s.Description);
                WriteList(w2, s.Points, (w3, p) =>
                {
                    w3.Write((short)p.Month.Year);
                    w3.Write((byte)p.Month.Month);
                    w3.Write(p.ValueUsd);
                    w3.Write(p.DutyUsd);
                });
            });
        }

        return ms.ToArray();
    }

    public static BaselineDataset Deserialize(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (r.ReadUInt32() != Magic)
            {
                throw new InvalidDataException("Not a VietUsTrade.Sim dataset (bad magic number).");
            }

            var version = r.ReadInt32();
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"Dataset format version {version} is not supported (expected {FormatVersion}).");
            }

            var header = new DatasetHeader(r.ReadInt32(), r.ReadString(), r.ReadString(), r.ReadDouble(), ReadList(r, r2 => r2.ReadString()));
            var sources = ReadList(r, r2 => new SourceFileInfo(r2.ReadString(), r2.ReadString(), r2.ReadInt32(), r2.ReadInt32(),
                ReadList(r2, r3 => new KeyValuePair<string, int>(r3.ReadString(), r3.ReadInt32())).ToDictionary(StringComparer.Ordinal)));
            var partners = ReadList(r, r2 => new Partner(r2.ReadString(), r2.ReadString(), r2.ReadDouble(), r2.ReadDouble()));
            var chapters = ReadList(r, r2 => new ChapterTotals(r2.ReadInt32(), r2.ReadString(), r2.ReadDouble(), r2.ReadDouble(), r2.ReadDouble(), r2.ReadDouble(), r2.ReadDouble()));
            var mfn = ReadList(r, ReadMfn);
            var lines = ReadList(r, r2 =>
            {
                var code = HtsCode.Parse(r2.ReadString());
                var description = r2.ReadString();
                var naics = ReadNullable(r2);
                var gtap = ReadNullable(r2);
                var lineMfn = r2.ReadBoolean() ? ReadMfn(r2) : null;
                var suppliers = ReadList(r2, r3 =>
                {
                    var index = r3.ReadInt16();
                    var p = index >= 0 && index < partners.Length ? partners[index]
                        : throw new InvalidDataException($"Dataset is corrupt: partner index {index} outside the {partners.Length} partners.");
                    return new SupplierFlow(p, r3.ReadDouble(), r3.ReadDouble());
                });
                var sigma = ReadElasticity(r2);
                var epsilon = ReadElasticity(r2);
                var hauk = r2.ReadBoolean() ? ReadElasticity(r2) : null;
                return new ImportLine(code, description, suppliers, sigma, epsilon, hauk, lineMfn, naics, gtap);
            });
            var exports = ReadList(r, r2 => new ExportLine(HtsCode.Parse(r2.ReadString()), r2.ReadString(), r2.ReadDouble(), r2.ReadDouble()));
            var monthly = ReadList(r, r2 => new MonthlySeries(r2.ReadString(), r2.ReadString(),
                ReadList(r2, r3 => new MonthlyPoint(new DateOnly(r3.ReadInt16(), r3.ReadByte(), 1), r3.ReadDouble(), r3.ReadDouble()))));
            if (stream.Position != stream.Length)
            {
                throw new InvalidDataException("Dataset has trailing bytes.");
            }

            return new BaselineDataset(header, sources, partners, chapters, mfn, lines, exports, monthly);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("Dataset is truncated.", ex);
        }
        catch (Exception ex) when (CompressedPayload.IsCorruptValue(ex))
        {
            throw new InvalidDataException($"Dataset is corrupt: {ex.Message}", ex);
        }
    }

    private static void WriteMfn(BinaryWriter w, MfnRate m)
    {
        w.Write(m.Hts8.Digits);
        w.Write(m.RateType);
        w.Write(m.AdValorem.HasValue);
        w.Write(m.AdValorem ?? 0.0);
        w.Write(m.Text);
    }

    private static MfnRate ReadMfn(BinaryReader r)
    {
        var code = HtsCode.Parse(r.ReadString());
        var type = r.ReadString();
        var has = r.ReadBoolean();
        var value = r.ReadDouble();
        return new MfnRate(code, type, has ? value : null, r.ReadString());
    }

    private static void WriteElasticity(BinaryWriter w, Elasticity e)
    {
        w.Write(e.Value);
        w.Write(e.RawValue);
        w.Write(e.StandardError.HasValue);
        w.Write(e.StandardError ?? 0.0);
        w.Write((byte)e.Source);
        w.Write((byte)e.Level);
        w.Write(e.SourceCode);
    }

    private static Elasticity ReadElasticity(BinaryReader r)
    {
        var value = r.ReadDouble();
        var raw = r.ReadDouble();
        var has = r.ReadBoolean();
        var se = r.ReadDouble();
        return new Elasticity(value, raw, has ? se : null, (ElasticitySource)r.ReadByte(), (MatchLevel)r.ReadByte(), r.ReadString());
    }

    private static void WriteNullable(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        w.Write(s ?? string.Empty);
    }

    private static string? ReadNullable(BinaryReader r)
    {
        var has = r.ReadBoolean();
        var s = r.ReadString();
        return has ? s : null;
    }

    private static void WriteList<T>(BinaryWriter w, IReadOnlyList<T> items, Action<BinaryWriter, T> write)
    {
        w.Write(items.Count);
        foreach (var item in items)
        {
            write(w, item);
        }
    }

    private static T[] ReadList<T>(BinaryReader r, Func<BinaryReader, T> read)
    {
        var n = r.ReadInt32();
        if (n < 0 || n > 10_000_000)
        {
            throw new InvalidDataException($"Dataset list length {n} is out of range.");
        }

        var items = new T[n];
        for (var i = 0; i < n; i++)
        {
            items[i] = read(r);
        }

        return items;
    }
}
