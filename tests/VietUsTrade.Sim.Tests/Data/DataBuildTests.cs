using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.DataBuild;
using Xunit;

namespace VietUsTrade.Sim.Tests.Data;

public class DataBuildTests
{
    [Fact]
    public void Rebuilding_from_shared_raw_gives_the_embedded_dataset_byte_for_byte()
    {
        var raw = TestPaths.RequireSharedRaw();
        var rebuilt = DatasetSerializer.Serialize(BaselineBuilder.Build(raw));
        var embedded = BaselineDataset.ReadEmbeddedPayload();
        Assert.Equal(embedded.Length, rebuilt.Length);
        Assert.True(embedded.AsSpan().SequenceEqual(rebuilt), "The embedded dataset differs from a rebuild: run `dotnet run --project tools/VietUsTrade.Sim.DataBuild -c Release`.");
    }

    [Fact]
    public void Rebuilding_the_policy_library_gives_the_embedded_resource_byte_for_byte()
    {
        var raw = TestPaths.RequireSharedRaw();
        var rebuilt = PolicyBuilder.BuildPayload(raw, out var sources);
        using var stream = typeof(BaselineDataset).Assembly.GetManifestResourceStream("VietUsTrade.Sim.policy-lists.json.gz")!;
        using var gz = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        Assert.True(ms.ToArray().AsSpan().SequenceEqual(rebuilt), "The embedded policy library differs from a rebuild: run the data-build tool.");
        Assert.All(sources, s => Assert.Equal(s.RowsRead - s.RowsKept, s.Rejections.Values.Sum()));
    }

    [Fact]
    public void Serializer_round_trips_the_dataset()
    {
        var payload = BaselineDataset.ReadEmbeddedPayload();
        using var ms = new MemoryStream(payload);
        var again = DatasetSerializer.Serialize(DatasetSerializer.Deserialize(ms));
        Assert.True(payload.AsSpan().SequenceEqual(again));
    }

    [Fact]
    public void Truncated_or_foreign_bytes_are_rejected()
    {
        var payload = BaselineDataset.ReadEmbeddedPayload();
        using var truncated = new MemoryStream(payload[..(payload.Length / 2)]);
        Assert.Throws<InvalidDataException>(() => DatasetSerializer.Deserialize(truncated));
        using var foreign = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.Throws<InvalidDataException>(() => DatasetSerializer.Deserialize(foreign));
    }
}

/// <summary>Bad raw input: each case raises a DataFileException that names the file, the line and the field.</summary>
public sealed class RawInputValidationTests : IDisposable
{
    private const string Dir = "census-hs10-2024-tradewartracker";
    private readonly string _raw = Path.Combine(Path.GetTempPath(), "vus-raw-" + Guid.NewGuid().ToString("N"));

    public RawInputValidationTests()
    {
        Directory.CreateDirectory(Path.Combine(_raw, Dir));
        Directory.CreateDirectory(Path.Combine(_raw, "budgetlab-yale"));
        Write($"{Dir}/partners_2024_totals.csv", "cty_code,cty_name,n_hs10_lines,con_val_usd,cal_dut_usd,census_api_time", "5520,\"VIETNAM\",2,300,10,2024-12");
        Write("budgetlab-yale/hs2_chapter_names.csv", "hs2,hs2_name", "09,Coffee");
        Write($"{Dir}/us_imports_cons_2024_hs2_world.csv", "hs2,hs2_desc_census,con_val_usd,cal_dut_usd,n_countries", "09,\"COFFEE\",1000,20,3");
    }

    public void Dispose() => Directory.Delete(_raw, recursive: true);

    private void Write(string file, params string[] lines) => File.WriteAllLines(Path.Combine(_raw, file), lines);

    private DataFileException BuildWithVietnamRows(params string[] rows)
    {
        Write($"{Dir}/us_imports_cons_2024_hs10_vietnam.csv", ["cty_code,cty_name,hs10,hs10_sdesc,con_val_usd,cal_dut_usd", .. rows]);
        return Assert.Throws<DataFileException>(() => BaselineBuilder.Build(_raw));
    }

    [Fact]
    public void Malformed_hts_code()
    {
        var ex = BuildWithVietnamRows("5520,\"VIETNAM\",0901110015,\"COFFEE\",100,0", "5520,\"VIETNAM\",09011100X5,\"COFFEE\",100,0");
        Assert.Equal((3, "hs10", "09011100X5"), (ex.Line, ex.Field, ex.Value));
        Assert.EndsWith("us_imports_cons_2024_hs10_vietnam.csv", ex.File, StringComparison.Ordinal);
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_line()
    {
        var ex = BuildWithVietnamRows("5520,\"VIETNAM\",0901110015,\"COFFEE\",100,0", "5520,\"VIETNAM\",0901110015,\"COFFEE\",200,0");
        Assert.Equal((3, "hs10"), (ex.Line, ex.Field));
        Assert.Contains("duplicate", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-5", "negative")]
    [InlineData("NaN", "finite")]
    [InlineData("abc", "not a number")]
    public void Negative_nan_or_non_numeric_value(string value, string reason)
    {
        var ex = BuildWithVietnamRows($"5520,\"VIETNAM\",0901110015,\"COFFEE\",{value},0");
        Assert.Equal((2, "con_val_usd", value), (ex.Line, ex.Field, ex.Value));
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_column()
    {
        Write($"{Dir}/us_imports_cons_2024_hs10_vietnam.csv", "cty_code,cty_name,hs10,hs10_sdesc,con_val_usd", "5520,\"VIETNAM\",0901110015,\"COFFEE\",100");
        var ex = Assert.Throws<DataFileException>(() => BaselineBuilder.Build(_raw));
        Assert.Equal((1, "cal_dut_usd"), (ex.Line, ex.Field));
        Assert.Contains("missing", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ragged_row()
    {
        var ex = BuildWithVietnamRows("5520,\"VIETNAM\",0901110015,\"COFFEE\",100");
        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void Unreadable_or_missing_file()
    {
        // The Vietnam file is absent from this folder.
        var ex = Assert.Throws<DataFileException>(() => BaselineBuilder.Build(_raw));
        Assert.EndsWith("us_imports_cons_2024_hs10_vietnam.csv", ex.File, StringComparison.Ordinal);
        Assert.Contains("cannot read", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_are_counted_read_kept_and_rejected()
    {
        Write($"{Dir}/partners_2024_totals.csv", "cty_code,cty_name,n_hs10_lines,con_val_usd,cal_dut_usd,census_api_time", "5520,\"VIETNAM\",2,300,10,2024-12", "4359,\"SLOVAKIA\",2,5,0,2024-12");
        var table = RawTable.Read(_raw, $"{Dir}/partners_2024_totals.csv", "cty_code");
        table.Keep(table.Rows[0]);
        Assert.Throws<InvalidOperationException>(() => table.ToSourceInfo()); // an undecided row is a bug, never a silent drop
        table.Reject(table.Rows[1], "inside EU-27");
        var info = table.ToSourceInfo();
        Assert.Equal((2, 1, 1), (info.RowsRead, info.RowsKept, info.Rejections["inside EU-27"]));
        Assert.Throws<InvalidOperationException>(() => table.Keep(table.Rows[0]));
    }
}
