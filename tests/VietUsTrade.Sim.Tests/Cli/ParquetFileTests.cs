using System.Globalization;
using Parquet;
using Parquet.Schema;
using VietUsTrade.Sim.Cli.Output;
using VietUsTrade.Sim.Reporting;
using Xunit;

namespace VietUsTrade.Sim.Tests.Cli;

/// <summary>
/// The tool's own Parquet writer and reader (<see cref="ParquetFile"/>, issue 17: no reflection, Native AOT safe) and
/// its xlsx writer, checked against independent readers and writers: Parquet.Net and MiniExcel, which the test
/// project keeps for that.
/// </summary>
public sealed class ParquetFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vus-pq-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Every kind of cell: numbers at full precision and extremes, nulls in both kinds of column, empty and non-ASCII text, a number in a text column, runs of nulls longer than 127 rows (a two-byte run header).</summary>
    private static TidyTable Sample()
    {
        var t = new TidyTable("scenario", "value", "note", "empty");
        t.Add("reciprocal-20", 0.1 + 0.2, "", null);
        t.Add("Việt Nam – 越南", double.Epsilon, null, null);
        t.Add("x", -1.7976931348623157e308, 12.5, null);
        t.Add("y", null, "a \"quoted\", text\nline", null);
        for (var i = 0; i < 300; i++)
        {
            t.Add(i % 7 == 0 ? null : $"r{i}", i < 200 ? null : i * 1.000000000000001, i % 3 == 0 ? null : "n", null);
        }

        return t;
    }

    private string Write(TidyTable table, string name)
    {
        var path = Path.Combine(_dir, name);
        using (var stream = File.Create(path))
        {
            ParquetFile.Write(table, stream);
        }

        return path;
    }

    private static object?[] Expected(TidyTable table, int row) =>
        [.. table.Rows[row].Select((v, c) => v is double d && !table.IsNumeric(c) ? d.ToString("R", CultureInfo.InvariantCulture) : v)];

    [Fact]
    public void Round_trip_keeps_columns_values_and_nulls()
    {
        var table = Sample();
        var back = ParquetFile.Read(Write(table, "t.parquet"));
        Assert.Equal(table.Columns, back.Columns);
        Assert.Equal(table.Rows.Count, back.Rows.Count);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            Assert.Equal(Expected(table, r), back.Rows[r]);
        }

        Assert.True(back.IsNumeric(1));
        Assert.False(back.IsNumeric(2));
    }

    [Fact]
    public async Task Parquet_Net_reads_the_schema_and_values()
    {
        var table = Sample();
        var path = Write(table, "t.parquet");
        var ct = TestContext.Current.CancellationToken;
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(table.Columns, fields.Select(f => f.Name));
        Assert.Equal([typeof(string), typeof(double), typeof(string), typeof(string)], fields.Select(f => f.ClrType == typeof(ReadOnlyMemory<char>) ? typeof(string) : f.ClrType));
        Assert.All(fields, f => Assert.True(f.IsNullable && !f.IsArray));
        var elements = reader.Metadata!.Schema.Skip(1).ToArray();
        Assert.All(elements.Where(e => e.Type == Parquet.Meta.Type.BYTE_ARRAY), e => Assert.True(e.LogicalType?.STRING is not null && e.ConvertedType == Parquet.Meta.ConvertedType.UTF8));
        Assert.Equal(table.Rows.Count, reader.Metadata.NumRows);
        using var group = reader.OpenRowGroupReader(0);
        var values = new double?[table.Rows.Count];
        await group.ReadAsync<double>(fields[1], values.AsMemory(), cancellationToken: ct);
        Assert.Equal(table.Rows.Select(r => (double?)r[1]), values);
        for (var c = 0; c < 4; c += c == 0 ? 2 : 1)
        {
            var text = new string?[table.Rows.Count];
            await group.ReadAsync(fields[c], text.AsMemory(), cancellationToken: ct);
            Assert.Equal(Enumerable.Range(0, table.Rows.Count).Select(r => (string?)Expected(table, r)[c]), text);
        }
    }

    [Theory]
    [InlineData(CompressionMethod.None)]
    [InlineData(CompressionMethod.Gzip)]
    public async Task Reads_a_plain_file_that_Parquet_Net_wrote(CompressionMethod compression)
    {
        var path = Path.Combine(_dir, "net.parquet");
        var ct = TestContext.Current.CancellationToken;
        var a = new DataField<double?>("a");
        var b = new DataField<string>("b");
        var options = new ParquetOptions { CompressionMethod = compression, DictionaryEncodingThreshold = 0 };
        var numbers = Enumerable.Range(0, 50).Select(i => i % 4 == 0 ? (double?)null : i / 3.0).ToArray();
        var texts = Enumerable.Range(0, 50).Select(i => i % 5 == 0 ? null : $"t{i}").ToArray();
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(a, b), stream, options, cancellationToken: ct);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<double>(a, numbers.AsMemory(), cancellationToken: ct);
            await group.WriteAsync(b, texts);
        }

        var table = ParquetFile.Read(path);
        Assert.Equal(["a", "b"], table.Columns);
        Assert.Equal(numbers.Cast<object?>(), table.Rows.Select(r => r[0]));
        Assert.Equal(texts, table.Rows.Select(r => (string?)r[1]));
    }

    [Fact]
    public async Task Refuses_compressed_or_broken_files_naming_the_file_and_reason()
    {
        var path = Path.Combine(_dir, "snappy.parquet");
        var ct = TestContext.Current.CancellationToken;
        var a = new DataField<double?>("a");
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(a), stream, cancellationToken: ct);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<double>(a, new double?[] { 1, 2 }.AsMemory(), cancellationToken: ct);
        }

        var e = Assert.Throws<InvalidDataException>(() => ParquetFile.Read(path));
        Assert.Contains("snappy.parquet", e.Message, StringComparison.Ordinal);
        Assert.Contains("compressed", e.Message, StringComparison.Ordinal);

        var ours = Write(Sample(), "t.parquet");
        var good = File.ReadAllBytes(ours);
        File.WriteAllBytes(ours, good[..^1]);
        Assert.Contains("PAR1", Assert.Throws<InvalidDataException>(() => ParquetFile.Read(ours)).Message, StringComparison.Ordinal);

        var bytes = good.ToArray();
        bytes[^6] ^= 0x7F;   // the footer length
        File.WriteAllBytes(ours, bytes);
        Assert.Throws<InvalidDataException>(() => ParquetFile.Read(ours));

        bytes = good.ToArray();
        Array.Clear(bytes, 4, 60);   // the first page header and some of its data
        File.WriteAllBytes(ours, bytes);
        Assert.Throws<InvalidDataException>(() => ParquetFile.Read(ours));
    }

    [Fact]
    public void An_empty_table_has_the_columns_and_no_rows()
    {
        var table = new TidyTable("a", "b");
        var back = ParquetFile.Read(Write(table, "e.parquet"));
        Assert.Equal(["a", "b"], back.Columns);
        Assert.Empty(back.Rows);
    }

    [Fact]
    public void Xlsx_has_one_sheet_data_with_numbers_at_full_precision_and_empty_cells()
    {
        var table = Sample();
        var path = Path.Combine(_dir, "t.xlsx");
        TableWriter.Write(table, path, force: false);
        Assert.Equal(["data"], MiniExcelLibs.MiniExcel.GetSheetNames(path));
        var sheet = MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: true, sheetName: "data").Cast<IDictionary<string, object?>>().ToArray();
        Assert.Equal(table.Rows.Count, sheet.Length);
        Assert.Equal(table.Columns, sheet[0].Keys);
        for (var r = 0; r < sheet.Length; r++)
        {
            var expected = Expected(table, r);
            Assert.Equal(expected[0], sheet[r]["scenario"]);
            Assert.Equal(expected[1], sheet[r]["value"] is null ? null : Convert.ToDouble(sheet[r]["value"], CultureInfo.InvariantCulture));
            Assert.Equal(expected[2] is "" ? null : expected[2], sheet[r]["note"]);   // an empty text is an empty cell
            Assert.Null(sheet[r]["empty"]);
        }
    }
}
