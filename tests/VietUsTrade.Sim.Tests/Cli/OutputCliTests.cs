using VietUsTrade.Sim.Reporting;
using System.Globalization;
using System.Text.Json;
using Parquet;
using VietUsTrade.Sim.Cli;
using VietUsTrade.Sim.Cli.Commands;
using VietUsTrade.Sim.Cli.Output;
using Xunit;

namespace VietUsTrade.Sim.Tests.Cli;

public sealed class OutputCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vus-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Flagship_writes_the_table_csv_and_charts_only_inside_the_folder()
    {
        var outDir = Path.Combine(_dir, "new", "flag");   // created when missing
        var (code, output, error) = Run("flagship", "--out", outDir);
        Assert.True(code == 0, error);
        foreach (var name in FlagshipCommands.Scenarios)
        {
            Assert.Contains(name, output, StringComparison.Ordinal);
        }

        var files = Directory.GetFiles(_dir, "*", SearchOption.AllDirectories);
        Assert.All(files, f => Assert.Equal(outDir, Path.GetDirectoryName(f)));
        Assert.Contains(Path.Combine(outDir, "etr-timeline.png"), files);
        Assert.Contains(Path.Combine(outDir, "waterfall-real-2025-2026.svg"), files);
        Assert.Contains(Path.Combine(outDir, "top-lines-deal-zero-list.png"), files);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length > 1000, f));
        Assert.All(files, f => Assert.Contains($"wrote {f}", output, StringComparison.Ordinal));
        var csv = File.ReadAllLines(Path.Combine(outDir, "flagship.csv"));
        Assert.Equal("scenario,date,metric,partner,unit,baseline,value,change", csv[0]);
        var imports = csv.Single(l => l.StartsWith("reciprocal-20,2026-01-15,imports_from_vietnam,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(141_361_159_091, double.Parse(imports[5], CultureInfo.InvariantCulture), 1.0);
        Assert.True(double.Parse(imports[6], CultureInfo.InvariantCulture) < 141e9);
        Assert.Contains(csv, l => l.StartsWith("deal-zero-list,2026-01-15,balance_change_commitments,", StringComparison.Ordinal));
    }

    [Fact]
    public void An_existing_out_file_is_refused_unless_force_and_then_replaced()
    {
        var path = Path.Combine(_dir, "r.csv");
        File.WriteAllText(path, "old");
        var (code, _, error) = Run("run", "--preset", "reciprocal-20", "--date", "2025-12-01", "--out", path);
        Assert.Equal(2, code);
        Assert.Contains("exists: pass --force", error, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(path));

        (code, _, error) = Run("run", "--preset", "reciprocal-20", "--date", "2025-12-01", "--out", path, "--force");
        Assert.True(code == 0, error);
        Assert.StartsWith("scenario,date,metric", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal(2, Run("etr", "--preset", "reciprocal-20", "--out", Path.Combine(_dir, "x.json"), "--forse").Code); // misspelt: named, not ignored
    }

    [Fact]
    public void A_folder_that_is_not_empty_is_refused_unless_force_and_the_manifest_lists_only_this_runs_files()
    {
        var outDir = Path.Combine(_dir, "ge");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "mine");
        File.WriteAllLines(Path.Combine(_dir, "flows.csv"), ["exporter,importer,value", "USA,USA,800", "USA,VNM,10", "VNM,USA,95", "VNM,VNM,300"]);
        File.WriteAllLines(Path.Combine(_dir, "shock.csv"), ["exporter,importer,tariff", "VNM,USA,0.2"]);
        string[] args = ["ge", "solve", "--flows", Path.Combine(_dir, "flows.csv"), "--shock", Path.Combine(_dir, "shock.csv"), "--sigma", "5", "--out", outDir];
        var (code, _, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains("is not empty: pass --force", error, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFiles(outDir).Select(Path.GetFileName));

        (code, _, error) = Run([.. args, "--force"]);
        Assert.True(code == 0, error);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json")));
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToArray();
        Assert.Equal(["bilateral.csv", "country.csv"], files.Select(f => f.GetProperty("name").GetString()));
        foreach (var f in files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(outDir, f.GetProperty("name").GetString()!));
            Assert.Equal(bytes.Length, f.GetProperty("bytes").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), f.GetProperty("sha256").GetString());
        }

        Assert.Equal([.. args, "--force"], manifest.RootElement.GetProperty("arguments").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(outDir, "notes.txt")));
    }

    [Fact]
    public void Concurrent_forced_runs_into_one_folder_never_leave_a_torn_file()
    {
        // Four runs at a time into one folder, 25 trials: every file read afterwards is whole (atomic rename), and equals one
        // run's output; no temporary file is left behind.
        var outDir = Path.Combine(_dir, "race");
        File.WriteAllLines(Path.Combine(_dir, "flows.csv"), ["exporter,importer,value", "USA,USA,800", "USA,VNM,10", "VNM,USA,95", "VNM,VNM,300"]);
        File.WriteAllLines(Path.Combine(_dir, "shock.csv"), ["exporter,importer,tariff", "VNM,USA,0.2"]);
        string[] args = ["ge", "solve", "--flows", Path.Combine(_dir, "flows.csv"), "--shock", Path.Combine(_dir, "shock.csv"), "--sigma", "5", "--out", outDir, "--force"];
        Assert.Equal(0, Run(args).Code);
        var country = File.ReadAllText(Path.Combine(outDir, "country.csv"));
        var bilateral = File.ReadAllText(Path.Combine(outDir, "bilateral.csv"));
        for (var trial = 0; trial < 25; trial++)
        {
            var codes = new int[4];
            Parallel.For(0, 4, i => codes[i] = Run(args).Code);
            Assert.All(codes, c => Assert.Equal(0, c));
            Assert.Equal(country, File.ReadAllText(Path.Combine(outDir, "country.csv")));
            Assert.Equal(bilateral, File.ReadAllText(Path.Combine(outDir, "bilateral.csv")));
            Assert.DoesNotContain(Directory.GetFiles(outDir), f => Path.GetFileName(f).StartsWith('.'));
        }
    }

    [Fact]
    public void Flagship_needs_out_and_rejects_a_file_as_folder()
    {
        Assert.Equal(2, Run("flagship").Code);
        var file = Path.Combine(_dir, "x.txt");
        File.WriteAllText(file, "x");
        Assert.Equal(2, Run("flagship", "--out", file).Code);
    }

    [Fact]
    public void Fan_chart_hook_writes_png_and_svg_into_the_folder()
    {
        var folder = OutputFolder.Create(Path.Combine(_dir, "fan"), "--out", false);
        DateOnly[] periods = [new(2026, 1, 1), new(2027, 1, 1), new(2028, 1, 1)];
        var fan = VietUsTrade.Sim.Plotting.FanChartData.FromBalanceQuantiles(periods, [-110e9, -120e9, -130e9], [-100e9, -105e9, -110e9],
            [-95e9, -98e9, -100e9], [-90e9, -92e9, -93e9], [-80e9, -82e9, -84e9], [-128e9, -133e9, -138e9]);
        var paths = FlagshipCommands.WriteFanChart(folder, fan, "test");
        Assert.Equal([Path.Combine(_dir, "fan", "deficit-fan.png"), Path.Combine(_dir, "fan", "deficit-fan.svg")], paths);
        Assert.All(paths, p => Assert.True(new FileInfo(p).Length > 1000, p));
    }

    [Fact]
    public void Output_folder_rejects_names_that_escape_it()
    {
        var folder = OutputFolder.Create(Path.Combine(_dir, "o"), "--out", false);
        Assert.Throws<ArgumentException>(() => folder.File("../escape.png"));
        Assert.Throws<ArgumentException>(() => folder.File("sub/inner.png"));
        Assert.Throws<ArgumentException>(() => folder.File("/etc/passwd"));
        Assert.Equal(Path.Combine(_dir, "o", "a.png"), folder.File("a.png"));
        Assert.Equal("a-b-c", OutputFolder.Slug("A/../b c"));
    }

    [Fact]
    public async Task Run_writes_csv_json_and_parquet_with_the_same_rows()
    {
        var csv = Path.Combine(_dir, "r.csv");
        var json = Path.Combine(_dir, "r.json");
        var parquet = Path.Combine(_dir, "r.parquet");
        foreach (var f in new[] { csv, json, parquet })
        {
            var (code, _, error) = Run("run", "--preset", "reciprocal-20", "--date", "2025-12-01", "--out", f);
            Assert.True(code == 0, error);
        }

        var lines = File.ReadAllLines(csv);
        Assert.Equal("scenario,date,metric,partner,unit,baseline,value,change", lines[0]);
        var balance = lines.Single(l => l.Contains(",balance,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("usd", balance[4]);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(lines.Length - 1, doc.RootElement.GetArrayLength());
        var first = doc.RootElement[0];
        Assert.Equal("vietnam_etr", first.GetProperty("metric").GetString());
        Assert.Equal(JsonValueKind.Number, first.GetProperty("value").ValueKind);

        await using var reader = await ParquetReader.CreateAsync(parquet, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(lines.Length - 1, reader.Metadata!.NumRows);
        Assert.Equal(["scenario", "date", "metric", "partner", "unit", "baseline", "value", "change"], reader.Schema.GetDataFields().Select(f => f.Name));
    }

    [Fact]
    public void Compare_and_etr_write_tidy_tables()
    {
        var c = Path.Combine(_dir, "c.csv");
        Assert.Equal(0, Run("compare", "--preset", "real-2025-2026", "--preset", "reciprocal-20", "--out", c).Code);
        var rows = File.ReadAllLines(c).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(["real-2025-2026", "reciprocal-20"], rows.Select(r => r[0]).Distinct());
        var e = Path.Combine(_dir, "e.json");
        var (code, output, _) = Run("etr", "--preset", "reciprocal-20", "--out", e);
        Assert.Equal(0, code);
        Assert.Contains("2025-08-07", output, StringComparison.Ordinal);   // the table is still printed
        using var doc = JsonDocument.Parse(File.ReadAllText(e));
        var aug = doc.RootElement.EnumerateArray().Single(r => r.GetProperty("date").GetString() == "2025-08-07");
        Assert.True(aug.GetProperty("etr_total").GetDouble() > 0.15);
    }

    [Fact]
    public void Compare_writes_an_excel_sheet_with_the_rows_and_numbers_of_the_csv()
    {
        var csv = Path.Combine(_dir, "c.csv");
        var xlsx = Path.Combine(_dir, "c.xlsx");
        foreach (var f in new[] { csv, xlsx })
        {
            var (code, _, error) = Run("compare", "--preset", "real-2025-2026", "--preset", "reciprocal-20", "--out", f);
            Assert.True(code == 0, error);
        }

        using var reader = new StreamReader(csv);
        using var parser = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = parser.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToArray();
        var sheet = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "data").Cast<IDictionary<string, object?>>().ToArray();
        Assert.Equal(rows.Length, sheet.Length);
        Assert.Equal(rows[0].Keys, sheet[0].Keys);
        for (var i = 0; i < sheet.Length; i++)
        {
            Assert.Equal((string)rows[i]["scenario"], sheet[i]["scenario"]?.ToString());
            Assert.Equal((string)rows[i]["partner"], sheet[i]["partner"]?.ToString() ?? string.Empty);
            Assert.Equal(double.Parse((string)rows[i]["value"], CultureInfo.InvariantCulture), Convert.ToDouble(sheet[i]["value"], CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("run", "--preset", "reciprocal-20")]
    [InlineData("compare", "--preset", "reciprocal-20")]
    [InlineData("etr", "--preset", "reciprocal-20")]
    public void Unknown_out_extension_is_a_usage_error(params string[] args)
    {
        var path = Path.Combine(_dir, "x.xls");
        var (code, _, error) = Run([.. args, "--out", path]);
        Assert.Equal(2, code);
        Assert.Contains(".xls", error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Tidy_table_quotes_text_and_rejects_nan()
    {
        var t = new TidyTable("name", "value");
        t.Add("a,\"b\"", 1.5);
        t.Add(null, 2);
        Assert.Equal("name,value\n\"a,\"\"b\"\"\",1.5\n,2\n", TableWriter.ToCsv(t));
        Assert.Throws<ArgumentException>(() => t.Add("x", double.NaN));
        Assert.Throws<ArgumentException>(() => t.Add("x"));
    }
}
