using System.Globalization;
using System.Text.Json;
using Xunit;

namespace VietUsTrade.Sim.Tests.Hardening;

/// <summary>Four processes writing into one folder at once, 25 trials: every file read afterwards is whole (issue 15, "must hold").</summary>
public sealed class ConcurrentProcessTests() : TempFolderTest("vus-procs-")
{
    private const int Writers = 4;
    private const int Trials = 25;

    [Fact]
    public async Task Four_processes_into_one_folder_never_leave_a_torn_file()
    {
        // 30 countries, so bilateral.csv has 900 rows (about 60 KB) and a write takes long enough to overlap another's.
        // Each writer solves a different shock, so its files differ from the others': a file spliced from two runs, or
        // cut short, equals none of the four references.
        var codes = Enumerable.Range(0, 30).Select(i => $"C{i:D2}").ToArray();
        var flows = new List<string> { "exporter,importer,value" };
        for (var i = 0; i < codes.Length; i++)
        {
            for (var j = 0; j < codes.Length; j++)
            {
                var v = i == j ? 5000 + (37 * i) : 1 + (((31 * i) + (17 * j)) % 97);
                flows.Add(string.Create(CultureInfo.InvariantCulture, $"{codes[i]},{codes[j]},{v}"));
            }
        }

        var flowsPath = Path.Combine(Dir, "flows.csv");
        File.WriteAllLines(flowsPath, flows);
        var shocks = Enumerable.Range(0, Writers).Select(k =>
        {
            var path = Path.Combine(Dir, $"shock{k}.csv");
            File.WriteAllLines(path, ["exporter,importer,tariff", string.Create(CultureInfo.InvariantCulture, $"C01,C00,{0.1 * (k + 1)}")]);
            return path;
        }).ToArray();
        string[] Args(int k, string outDir) => ["ge", "solve", "--flows", flowsPath, "--shock", shocks[k], "--sigma", "5", "--out", outDir, "--force"];

        var country = new HashSet<string>(StringComparer.Ordinal);
        var bilateral = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < Writers; k++)
        {
            var refDir = Path.Combine(Dir, $"ref{k}");
            Assert.Equal(0, CliRunner.Run(Args(k, refDir)).Code);
            country.Add(File.ReadAllText(Path.Combine(refDir, "country.csv")));
            bilateral.Add(File.ReadAllText(Path.Combine(refDir, "bilateral.csv")));
        }

        Assert.Equal(Writers, country.Count);
        Assert.Equal(Writers, bilateral.Count);
        var shared = Path.Combine(Dir, "shared");
        var torn = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var runs = Enumerable.Range(0, Writers).Select(k => CliProcess.Start(Args(k, shared))).ToArray();
            foreach (var run in runs)
            {
                var (code, err) = await CliProcess.FinishAsync(run, TestContext.Current.CancellationToken);
                Assert.True(code == 0, $"trial {trial}: exit {code}: {err}");
            }

            torn += country.Contains(File.ReadAllText(Path.Combine(shared, "country.csv"))) ? 0 : 1;
            torn += bilateral.Contains(File.ReadAllText(Path.Combine(shared, "bilateral.csv"))) ? 0 : 1;
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(shared, "manifest.json")));
            Assert.Contains(manifest.RootElement.GetProperty("arguments").EnumerateArray().Select(a => a.GetString()), a => shocks.Contains(a));
            Assert.DoesNotContain(Directory.GetFiles(shared), f => Path.GetFileName(f).StartsWith('.'));
        }

        Assert.Equal(0, torn);
    }
}
