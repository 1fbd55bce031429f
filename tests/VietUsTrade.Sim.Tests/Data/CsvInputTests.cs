using VietUsTrade.Sim.Data;
using Xunit;

namespace VietUsTrade.Sim.Tests.Data;

/// <summary>CsvInput.EnumerateFile (the streaming reader of ge solve --flows) against CsvInput.ReadFile.</summary>
public sealed class CsvInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("csvinput-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void StreamedRowsEqualTheReadRows()
    {
        var path = File("flows.csv", "\uFEFF Exporter ,importer,value,sector\nUSA,VNM, 15 ,A\n\n\"VNM\",\"USA\",\"1,5\",\nCHN,USA,400,B\r\n");
        string[] required = ["exporter", "importer", "value"];
        string[] allowed = ["exporter", "importer", "value", "sector"];
        static string Flat((int Line, IReadOnlyDictionary<string, string> Cells) r) =>
            r.Line + ":" + string.Join("|", r.Cells.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + "=" + c.Value));
        var read = CsvInput.ReadFile(path, required, allowed, 1 << 20, "test file").Select(Flat).ToArray();
        var streamed = CsvInput.EnumerateFile(path, required, allowed, 1 << 20, "test file").Select(Flat).ToArray();
        Assert.Equal(["2:exporter=USA|importer=VNM|sector=A|value=15", "4:exporter=VNM|importer=USA|sector=|value=1,5", "5:exporter=CHN|importer=USA|sector=B|value=400"], read);
        Assert.Equal(read, streamed);
        var first = CsvInput.EnumerateFile(path, required, allowed, 1 << 20, "test file").First().Cells;
        Assert.True(first.ContainsKey("sector"));
        Assert.False(first.TryGetValue("tariff", out _));
        Assert.Throws<KeyNotFoundException>(() => first["tariff"]);
        Assert.Equal(4, first.Count);
    }

    [Fact]
    public void RowsAsSpansEqualTheReadRows()
    {
        var path = File("spans.csv", "\uFEFF Exporter ,importer,value,sector\nUSA,VNM, 15 ,A\n\n\"VNM\",\" U\"\"SA \",\"1,5\",\nCHN,USA,400,B\r\n");
        string[] required = ["exporter", "importer", "value"];
        string[] allowed = ["exporter", "importer", "value", "sector"];
        var read = CsvInput.ReadFile(path, required, allowed, 1 << 20, "test file")
            .Select(r => r.Line + ":" + string.Join("|", allowed.Select(c => r.Cells[c]))).ToArray();
        var spans = new List<string>();
        CsvInput.ForEachRow(path, required, allowed, 1 << 20, "test file", r =>
        {
            var cells = new string[allowed.Length];
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = r[r.IndexOf(allowed[c])].ToString();
            }

            spans.Add(r.Line + ":" + string.Join("|", cells));
            Assert.Equal(-1, r.IndexOf("tariff"));
            try
            {
                _ = r[4];
                Assert.Fail("a column beyond the header was read");
            }
            catch (ArgumentOutOfRangeException)
            {
            }
        });
        Assert.Equal(["2:USA|VNM|15|A", "4:VNM|U\"SA|1,5|", "5:CHN|USA|400|B"], read);
        Assert.Equal(read, spans);
        Assert.Equal(-1, default(CsvSpanRow).IndexOf("exporter"));
        var bad = File("bad.csv", "exporter,importer,value\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"C{i},USA,{i}\n")) + "VNM,USA,1,2\n");
        var calls = 0;
        var ex = Assert.Throws<DataFileException>(() => CsvInput.ForEachRow(bad, required, required, 1 << 20, "test file", _ => calls++));
        Assert.Equal(0, calls);
        Assert.Contains("4 fields, the header has 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AShortRowLateInTheFileIsReportedBeforeAnyRowIsReturned()
    {
        var lines = string.Concat(Enumerable.Range(0, 500).Select(i => $"C{i},USA,{i}\n"));
        var path = File("short.csv", "exporter,importer,value\n" + lines + "VNM,USA\n");
        var ex = Assert.Throws<DataFileException>(() => CsvInput.EnumerateFile(path, ["exporter", "importer", "value"], ["exporter", "importer", "value"], 1 << 20, "test file"));
        Assert.Contains("line 502", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2 fields, the header has 3", ex.Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => CsvInput.EnumerateFile(Path.Combine(_dir, "missing.csv"), ["a"], ["a"], 1 << 20, "test file"));
    }
}
