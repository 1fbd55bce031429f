using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Data.Csv;
using VietUsTrade.Sim.Reporting;
using Xunit;

namespace VietUsTrade.Sim.Tests.Data;

/// <summary>
/// The core's CSV records (Sep, trim-safe, instead of CsvHelper since issue 17): what RFC 4180 allows is read as CsvHelper
/// read it (fields, blank lines, line numbers), a misplaced quote is refused instead of joining rows, and TidyTable's CSV
/// is the text CsvHelper wrote with the same settings.
/// </summary>
public sealed class CsvRecordReaderTests
{
    private static List<(int Line, string[] Fields)> ReadAll(string text)
    {
        using var reader = new CsvRecordReader(new StringReader(text), "t.csv");
        var records = new List<(int Line, string[] Fields)>();
        while (reader.TryRead(out var line, out var fields))
        {
            records.Add((line, fields));
        }

        return records;
    }

    /// <summary>The same records through CsvHelper's reader, configured as StrictCsv configured it before issue 17.</summary>
    private static List<(int Line, string[] Fields)> ReadWithCsvHelper(string text)
    {
        var config = new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, DetectColumnCountChanges = false, IgnoreBlankLines = true };
        using var parser = new CsvHelper.CsvParser(new StringReader(text), config);
        var records = new List<(int Line, string[] Fields)>();
        while (parser.Read())
        {
            records.Add((parser.RawRow, parser.Record ?? []));
        }

        return records;
    }

    [Fact]
    public void Quoted_fields_line_ends_and_blank_lines_read_with_the_last_physical_line_of_each_record()
    {
        var records = ReadAll("a,b\r\n\"x \"\"q\"\", y\",1\r\n\r\n\"two\nlines\",2\r\r\n3,\"\"\n \n");
        Assert.Equal([1, 2, 5, 7, 8], records.Select(r => r.Line));
        Assert.Equal(["x \"q\", y", "1"], records[1].Fields);
        Assert.Equal(["two\nlines", "2"], records[2].Fields);
        Assert.Equal(["3", string.Empty], records[3].Fields);
        Assert.Equal([" "], records[4].Fields);
        Assert.Empty(ReadAll("\n\r\n"));
    }

    [Theory]
    [InlineData("a,b\n1,2\"\n3,4\n5,6\n", 2, "2\"\\x0A3,4\\x0A5,6\\x0A")] // a stray quote would otherwise join the rows after it into one field
    [InlineData("a,b\nx,\"US\"A\n", 2, "\"US\"A")] // text after the closing quote
    [InlineData("a,b\n1,2\n\"3,4\n5,6\n", 3, "\"3,4\\x0A5,6\\x0A")] // a quote left open to the end
    [InlineData("a,\"b\"\"\n", 1, "\"b\"\"\\x0A")] // a doubled quote, then the end: the line break is inside the open quote
    public void A_misplaced_quote_is_refused_with_file_line_and_field(string text, int line, string shown)
    {
        var ex = Assert.Throws<DataFileException>(() => ReadAll(text));
        Assert.Equal(line, ex.Line);
        Assert.StartsWith($"t.csv, line {line}, value '{shown}': malformed CSV (field ", ex.Message, StringComparison.Ordinal);
        var skipped = Assert.Throws<DataFileException>(() => SkipAll(text));
        Assert.Equal(ex.Message, skipped.Message);
    }

    /// <summary>The checking pass (TrySkip, no strings) sees the records TryRead reads: same lines, same field counts, and CurrentFields gives the fields.</summary>
    [Fact]
    public void Skipping_sees_the_records_reading_reads()
    {
        const string text = "a,b\r\n\"x \"\"q\"\", y\",1\r\n\r\n\"two\nlines\",2\r\r\n3,\"\"\n \n1,2,3\n";
        var read = ReadAll(text);
        var skipped = SkipAll(text);
        Assert.Equal(read.Select(r => (r.Line, r.Fields.Length)), skipped.Select(r => (r.Line, r.Fields.Length)));
        Assert.Equal(read.SelectMany(r => r.Fields), skipped.SelectMany(r => r.Fields));
    }

    private static List<(int Line, string[] Fields)> SkipAll(string text)
    {
        using var reader = new CsvRecordReader(new StringReader(text), "t.csv");
        var records = new List<(int Line, string[] Fields)>();
        while (reader.TrySkip(out var line, out var count))
        {
            var fields = reader.CurrentFields();
            Assert.Equal(count, fields.Length);
            records.Add((line, fields));
        }

        return records;
    }

    [Fact]
    public void A_record_longer_than_sep_reads_is_a_data_file_error()
    {
        var text = "a,b\n1,2\n\"" + new string('x', 17 * 1024 * 1024) + "\n";
        var ex = Assert.Throws<DataFileException>(() => ReadAll(text));
        Assert.Contains("malformed CSV (a record longer than 16,777,216 characters", ex.Message, StringComparison.Ordinal);
    }

    private static Gen<string> Fields() =>
        Gen.ArrayOf(Gen.Elements('a', ',', '"', ' ', '\n', '\r', '\uFEFF', 'é', '0')).Select(cs => new string(cs));

    /// <summary>Any table TidyTable writes reads back cell for cell, as CsvHelper reads it, and is CsvHelper's text.</summary>
    [Property(MaxTest = 300)]
    public Property Tidy_csv_is_written_as_csvhelper_wrote_it_and_read_as_csvhelper_reads_it() =>
        Prop.ForAll(Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Gen.ArrayOf(Fields(), n)).Select(rows => (n, rows))).ToArbitrary(), t =>
        {
            var (n, rows) = t;
            var table = new TidyTable([.. Enumerable.Range(0, n).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture))]);
            foreach (var row in rows)
            {
                table.Add([.. row]);
            }

            var csv = table.ToCsv();
            var read = ReadAll(csv);
            var expected = new[] { table.Columns.ToArray() }.Concat(rows.Select(r => r.Select(f => f).ToArray()))
                .Where(r => !(r.Length == 1 && r[0].Length == 0)) // a row of one empty cell is a blank line
                .ToList();
            return (csv == WriteWithCsvHelper(table)
                    && read.Select(r => r.Fields).SequenceEqual(expected, new FieldsComparer())
                    && read.Select(r => (r.Line, string.Join('\u0001', r.Fields))).SequenceEqual(ReadWithCsvHelper(csv).Select(r => (r.Line, string.Join('\u0001', r.Fields)))))
                .Label(csv);
        });

    /// <summary>The text TidyTable.WriteCsv wrote with CsvHelper before issue 17.</summary>
    private static string WriteWithCsvHelper(TidyTable table)
    {
        var text = new StringBuilder();
        using (var writer = new StringWriter(text, CultureInfo.InvariantCulture))
        {
            var config = new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture)
            {
                NewLine = "\n",
                ShouldQuote = args => args.Field is { } f && f.AsSpan().IndexOfAny(",\"\n\r") >= 0,
            };
            using var csv = new CsvHelper.CsvWriter(writer, config, leaveOpen: true);
            foreach (var c in table.Columns)
            {
                csv.WriteField(c);
            }

            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                foreach (var v in row)
                {
                    csv.WriteField(v as string ?? string.Empty);
                }

                csv.NextRecord();
            }

            csv.Flush();
        }

        return text.ToString();
    }

    private sealed class FieldsComparer : IEqualityComparer<string[]>
    {
        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.SequenceEqual(y, StringComparer.Ordinal);

        public int GetHashCode(string[] obj) => obj.Length;
    }
}
