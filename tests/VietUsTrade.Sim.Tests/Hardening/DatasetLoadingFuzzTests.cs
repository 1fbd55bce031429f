using System.IO.Compression;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VietUsTrade.Sim.Data;
using Xunit;

namespace VietUsTrade.Sim.Tests.Hardening;

/// <summary>
/// Dataset loading under hostile bytes (issue 15 item 6): a mutated, truncated or padded dataset file, compressed or not,
/// gives either a dataset whose every number is finite or an <see cref="InvalidDataException"/> with a message, never
/// another exception type; a payload that decompresses past the bound is refused while reading.
/// </summary>
public class DatasetLoadingFuzzTests
{
    private static readonly Lazy<byte[]> Baseline = new(BaselineDataset.ReadEmbeddedPayload);
    private static readonly Lazy<byte[]> Observed = new(() => ObservedTradeSerializer.Serialize(ObservedTrade.LoadEmbedded()));

    /// <summary>One to eight edits of a payload, drawn from a seed: overwrite a byte, flip a bit, cut the tail, insert bytes, overwrite an Int32.</summary>
    private static byte[] Mutate(byte[] original, int seed, int edits)
    {
        var rng = new Random(seed);
        var bytes = new List<byte>(original);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            // Half the edits fall in the first 4 KB, where the header, partner list and list lengths sit.
            var at = rng.Next(2) == 0 ? rng.Next(Math.Min(4096, bytes.Count)) : rng.Next(bytes.Count);
            switch (rng.Next(5))
            {
                case 0: bytes[at] = (byte)rng.Next(256); break;
                case 1: bytes[at] ^= (byte)(1 << rng.Next(8)); break;
                case 2: bytes.RemoveRange(at, bytes.Count - at); break;
                case 3: bytes.InsertRange(at, Enumerable.Range(0, rng.Next(1, 9)).Select(_ => (byte)rng.Next(256))); break;
                default:
                    var value = BitConverter.GetBytes(rng.Next(4) switch { 0 => -1, 1 => int.MaxValue, 2 => 10_000_000, _ => rng.Next() });
                    for (var k = 0; k < 4 && at + k < bytes.Count; k++)
                    {
                        bytes[at + k] = value[k];
                    }

                    break;
            }
        }

        return bytes.ToArray();
    }

    private static byte[] Gzip(byte[] payload)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(payload);
        }

        return ms.ToArray();
    }

    private static Arbitrary<(int Seed, int Edits)> Edits() =>
        (from seed in Gen.Choose(0, int.MaxValue) from edits in Gen.Choose(1, 8) select (seed, edits)).ToArbitrary();

    private static bool AllFinite(BaselineDataset d) =>
        d.ImportLines.All(l => double.IsFinite(l.Vietnam.ValueUsd) && l.Suppliers.All(s => double.IsFinite(s.ValueUsd)))
        && d.Monthly.All(s => s.Points.All(p => double.IsFinite(p.ValueUsd) && double.IsFinite(p.DutyUsd)));

    private static Property Outcome(Func<bool> load)
    {
        try
        {
            return load().Label("a dataset loaded with a non-finite number");
        }
        catch (InvalidDataException ex)
        {
            return (ex.Message.Length > 0).Label("InvalidDataException without a message");
        }
    }

    [Property(MaxTest = 150)]
    public Property A_mutated_baseline_payload_loads_finite_or_is_invalid_data() =>
        Prop.ForAll(Edits(), e => Outcome(() => AllFinite(DatasetSerializer.Deserialize(new MemoryStream(Mutate(Baseline.Value, e.Seed, e.Edits))))));

    [Property(MaxTest = 60)]
    public Property A_mutated_compressed_baseline_file_loads_finite_or_is_invalid_data() =>
        Prop.ForAll(Edits(), e => Outcome(() => AllFinite(BaselineDataset.Read(new MemoryStream(Mutate(Gzip(Baseline.Value), e.Seed, e.Edits))))));

    [Property(MaxTest = 300)]
    public Property A_mutated_observed_payload_loads_finite_or_is_invalid_data() =>
        Prop.ForAll(Edits(), e => Outcome(() =>
        {
            var o = ObservedTrade.Read(new MemoryStream(Gzip(Mutate(Observed.Value, e.Seed, e.Edits))));
            return o.Series.All(s => s.Points.All(p => double.IsFinite(p.ValueUsd) && double.IsFinite(p.DutyUsd)));
        }));

    [Fact]
    public void Unmutated_payloads_load()
    {
        Assert.Equal(BaselineDataset.LoadEmbedded().ImportLines.Count, BaselineDataset.Read(new MemoryStream(Gzip(Baseline.Value))).ImportLines.Count);
        Assert.Equal(ObservedTrade.LoadEmbedded().Series.Count, ObservedTrade.Read(new MemoryStream(Gzip(Observed.Value))).Series.Count);
    }

    [Fact]
    public void A_payload_that_decompresses_past_the_bound_is_refused_while_reading()
    {
        var bomb = Gzip(new byte[64 * 1024]);   // 64 KB of zeros compress to about 100 bytes
        var ex = Assert.Throws<InvalidDataException>(() => CompressedPayload.Decompress(new MemoryStream(bomb), "Dataset", maxBytes: 16 * 1024));
        Assert.Contains("more than 16,384 bytes", ex.Message, StringComparison.Ordinal);
        Assert.Equal(64 * 1024, CompressedPayload.Decompress(new MemoryStream(bomb), "Dataset", maxBytes: 64 * 1024).Length);
    }

    [Fact]
    public void Bytes_that_are_not_gzip_are_invalid_data()
    {
        Assert.Throws<InvalidDataException>(() => BaselineDataset.Read(new MemoryStream("not a dataset"u8.ToArray())));
        Assert.Throws<InvalidDataException>(() => ObservedTrade.Read(new MemoryStream([])));
    }
}
