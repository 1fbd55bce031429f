using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VietUsTrade.Sim.Cli;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.DataBuild;
using VietUsTrade.Sim.Policy;
using Xunit;

namespace VietUsTrade.Sim.Tests.Hardening;

/// <summary>The same inputs give bit-identical results: alone, in parallel, after a JSON round trip, and whatever the order of input rows.</summary>
public class DeterminismTests
{
    [Fact]
    public void A_scenario_run_is_bit_identical_after_a_json_round_trip()
    {
        var d = BaselineDataset.LoadEmbedded();
        foreach (var name in new[] { "real-2025-2026", "deal-zero-list" })
        {
            var s = Presets.Get(name);
            var a = VietUsTrade.Sim.Models.PartialEquilibrium.ScenarioModel.Run(d, s);
            var b = VietUsTrade.Sim.Models.PartialEquilibrium.ScenarioModel.Run(d, ScenarioJson.Parse(ScenarioJson.Write(s)));
            Assert.Equal(BitConverter.DoubleToInt64Bits(a.Result.BalanceUsd), BitConverter.DoubleToInt64Bits(b.Result.BalanceUsd));
            Assert.True(a.Imports.CellNewImports.SequenceEqual(b.Imports.CellNewImports));
        }
    }

    [Fact]
    public void The_dataset_does_not_depend_on_the_order_of_rows_in_the_raw_files()
    {
        var raw = TestPaths.RequireSharedRaw();
        var copy = Path.Combine(Path.GetTempPath(), "vus-shuffled-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyDirectory(raw, copy);
            var rng = new Random(20251113);
            foreach (var file in new[]
            {
                "census-hs10-2024-tradewartracker/us_imports_cons_2024_hs10_vietnam.csv",
                "census-hs10-2024-tradewartracker/us_imports_cons_2024_hs10_51partners.csv",
                "census-hs10-2024-tradewartracker/us_imports_cons_2024_hs2_world.csv",
                "broda-weinstein/bw2006_us_sigma_hts10_1990_2001.csv",
                "hauk-us-elasticities/hauk2012_us_import_demand_hs6.csv",
                "census-exports-vn-tradewartracker/us_exports_to_vietnam_schedb10_annual_2013_2024.csv",
                "census-naics-monthly-tradewartracker/us_imports_cons_naics3_monthly_top30_2022_2024.csv",
            })
            {
                var path = Path.Combine(copy, file);
                var lines = System.IO.File.ReadAllLines(path);
                var body = lines.Skip(1).OrderBy(_ => rng.Next()).ToArray();
                System.IO.File.WriteAllLines(path, [lines[0], .. body]);
            }

            var shuffled = DatasetSerializer.Serialize(BaselineBuilder.Build(copy));
            var original = BaselineDataset.ReadEmbeddedPayload();
            // Provenance carries each file's checksum, which changes with the row order; everything else must not.
            using var a = new MemoryStream(shuffled);
            using var b = new MemoryStream(original);
            var x = DatasetSerializer.Deserialize(a);
            var y = DatasetSerializer.Deserialize(b);
            Assert.Equal(y.ImportLines.Count, x.ImportLines.Count);
            for (var i = 0; i < x.ImportLines.Count; i++)
            {
                var (l, m) = (x.ImportLines[i], y.ImportLines[i]);
                Assert.Equal(m.Code, l.Code);
                Assert.True(l.Suppliers.Select(s => (s.Partner.CensusCode, s.ValueUsd, s.DutyUsd)).SequenceEqual(m.Suppliers.Select(s => (s.Partner.CensusCode, s.ValueUsd, s.DutyUsd))), l.Code.Digits);
                Assert.Equal(m.Sigma, l.Sigma);
                Assert.Equal(m.Epsilon, l.Epsilon);
            }

            Assert.Equal(y.ExportLines, x.ExportLines);
            Assert.Equal(y.Chapters, x.Chapters);
            Assert.True(x.Monthly.Zip(y.Monthly).All(p => p.First.Key == p.Second.Key && p.First.Points.SequenceEqual(p.Second.Points)));
        }
        finally
        {
            if (Directory.Exists(copy))
            {
                Directory.Delete(copy, recursive: true);
            }
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = file.Replace(from, to, StringComparison.Ordinal);
            System.IO.File.Copy(file, target);
            System.IO.File.SetAttributes(target, FileAttributes.Normal);
        }
    }
}
