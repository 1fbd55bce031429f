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

/// <summary>Hostile input: the parsers and the CLI either succeed or fail with their documented exception or exit code.</summary>
public class FuzzTests
{
    private static readonly string[] Seeds =
    [
        System.IO.File.ReadAllText(Path.Combine(TestPaths.RepoRoot(), "samples", "scenarios", "deal-with-purchase-commitments.json")),
        ScenarioJson.Write(Presets.Get("real-2025-2026")),
        """{"name":"x","extends":"reciprocal-20","measures":[{"id":"t","kind":"transshipment","rate":0.4,"from":"2025-08-07","share_of_goods":0.1}]}""",
    ];

    private static readonly char[] JsonChars = ['{', '}', '[', ']', '"', ',', ':', '-', '0', '9', 'e', '.', 'n', '\\', '\u0000', 'é', ' '];

    private static Gen<string> Mutations() => Mutations(Seeds, JsonChars, 1, ["1e400", "\"rate\":-0.5,"]);

    /// <summary>
    /// Seeds edited 0…8 times at random places: a character removed, inserted or replaced (from <paramref name="chars"/>),
    /// the text truncated, or one of <paramref name="inserts"/> inserted.
    /// </summary>
    private static Gen<string> Mutations(string[] seeds, char[] chars, int minEdits, string[] inserts) =>
        from seed in Gen.Elements(seeds)
        from edits in Gen.Choose(minEdits, 8)
        from positions in Gen.ArrayOf(Gen.Choose(0, int.MaxValue), edits)
        from kinds in Gen.ArrayOf(Gen.Choose(0, 3 + inserts.Length), edits)
        from picked in Gen.ArrayOf(Gen.Elements(chars), edits)
        select Mutate(seed, positions, kinds, picked, inserts);

    private static string Mutate(string s, int[] positions, int[] kinds, char[] chars, string[] inserts)
    {
        var sb = new StringBuilder(s);
        for (var i = 0; i < positions.Length && sb.Length > 0; i++)
        {
            var p = positions[i] % sb.Length;
            switch (kinds[i])
            {
                case 0: sb.Remove(p, 1); break;
                case 1: sb.Insert(p, chars[i]); break;
                case 2: sb[p] = chars[i]; break;
                case 3: sb.Length = p; break; // truncate
                default: sb.Insert(p, inserts[kinds[i] - 4]); break;
            }
        }

        return sb.ToString();
    }

    private static Gen<string> Hostile() => Gen.OneOf(
        Mutations(),
        ArbMap.Default.GeneratorFor<string>().Where(s => s is not null),
        Gen.Choose(1, 200).Select(n => new string('[', n) + new string(']', n)),
        Gen.Choose(1, 200).Select(n => string.Concat(Enumerable.Repeat("{\"a\":", n)) + "1" + new string('}', n)),
        Gen.Elements("null", "[]", "\"x\"", "1", "{}", "{\"name\":null}", "{\"name\":\"x\",\"measures\":{}}", "{\"name\":\"x\",\"measures\":[1]}",
            "{\"name\":\"x\",\"measures\":[{\"id\":\"a\",\"kind\":\"reciprocal\",\"rate\":1e308,\"from\":\"2025-01-01\"}]}",
            "{\"name\":\"x\",\"measures\":[{\"id\":\"a\",\"kind\":\"reciprocal\",\"rate\":0.1,\"from\":\"9999-12-31\",\"until\":\"0001-01-01\"}]}"));

    [Property(MaxTest = 3000)]
    public Property Scenario_parser_only_ever_throws_its_validation_exception() =>
        Prop.ForAll(Hostile().ToArbitrary(), text =>
        {
            try
            {
                var s = ScenarioJson.Parse(text);
                return ScenarioJson.Write(s) == ScenarioJson.Write(ScenarioJson.Parse(ScenarioJson.Write(s)));
            }
            catch (ScenarioValidationException ex)
            {
                return ex.Path.Length > 0;
            }
        });

    [Fact]
    public void Scenario_size_and_depth_limits_are_enforced()
    {
        var big = "{\"name\":\"x\",\"description\":\"" + new string('a', ScenarioJson.MaxBytes) + "\"}";
        Assert.Contains("exceeds", Assert.Throws<ScenarioValidationException>(() => ScenarioJson.Parse(big)).Reason, StringComparison.Ordinal);
        var deep = new string('[', ScenarioJson.MaxDepth + 1) + new string(']', ScenarioJson.MaxDepth + 1);
        Assert.Equal("$", Assert.Throws<ScenarioValidationException>(() => ScenarioJson.Parse(deep)).Path);
    }

    private static Gen<string> CsvText() =>
        from rows in Gen.Choose(0, 6)
        from cells in Gen.ArrayOf(Gen.Elements("5520", "\"VIETNAM\"", "0901110015", "09011100X5", "-5", "NaN", "1e400", "", "\"a,b\"", "\"unterminated", "123", "Infinity", "0x10", " 7 "), rows * 6)
        from header in Gen.Elements("cty_code,cty_name,hs10,hs10_sdesc,con_val_usd,cal_dut_usd", "cty_code,hs10,con_val_usd", "", "a,b,c,d,e,f")
        from cut in Gen.Choose(0, 3)
        select header + "\n" + string.Join("\n", Enumerable.Range(0, rows).Select(r => string.Join(",", cells.Skip(r * 6).Take(6 - (r == rows - 1 ? cut : 0)))));

    [Property(MaxTest = 500)]
    public Property Csv_loader_rejects_hostile_files_with_DataFileException_only() =>
        Prop.ForAll(CsvText().ToArbitrary(), text =>
        {
            var dir = Path.Combine(Path.GetTempPath(), "vus-fuzz-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                System.IO.File.WriteAllText(Path.Combine(dir, "f.csv"), text);
                var t = RawTable.Read(dir, "f.csv", "cty_code", "hs10", "con_val_usd");
                foreach (var row in t.Rows)
                {
                    _ = row.Hts("hs10", 10);
                    var v = row.Money("con_val_usd");
                    if (!double.IsFinite(v) || v < 0)
                    {
                        return false; // a bad value must never get through
                    }
                }

                return true;
            }
            catch (DataFileException ex)
            {
                return ex.File == "f.csv" && ex.Message.Length > 0;
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        });

    private static readonly string[] Vocabulary =
    [
        "run", "compare", "etr", "presets", "list", "data", "summary", "scenario", "validate", "ge", "icio", "--preset", "--json", "--from", "--to", "--date",
        "real-2025-2026", "reciprocal-20", "nope", "2025-08-07", "2025-99-99", "--omega", "-1", "0", "1e400", "--sigma-set", "hauk", "--help", "--draws", "x", "",
    ];

    private static readonly string[] FlowSeeds =
    [
        "exporter,importer,value\nUSA,USA,800\nUSA,VNM,10\nVNM,USA,95\nVNM,VNM,300\n",
        "exporter,importer,value,sector\nUSA,USA,800,a\nUSA,VNM,10,a\nVNM,USA,95,a\nVNM,VNM,300,a\n",
    ];

    private static readonly string[] ShockSeeds =
    [
        "exporter,importer,tariff\nVNM,USA,0.2\n",
        "exporter,importer,dlog_cost,baseline_tariff\nVNM,USA,-0.5,0.1\n",
        "exporter,importer,tariff,baseline_tariff,sector\nVNM,USA,0.46,0.03,a\n",
    ];

    private static readonly char[] CsvChars = [',', '\n', '"', '-', '0', '9', '.', 'e', 'E', ' ', ';', '\u0000', 'x', '\r', '\t', 'é'];

    private static Gen<string> CsvMutations(string[] seeds) => Mutations(seeds, CsvChars, 0, ["1e400", "\"0,20\"", "\nVNM,USA,NaN\n"]);

    private static bool IsOneLineFailure(string err) =>
        err.Trim().Split('\n').Length == 1 && !err.Contains("   at ", StringComparison.Ordinal) && !err.Contains("Exception", StringComparison.Ordinal);

    /// <summary>
    /// ge solve on mutated flow and shock files: a result whose every number is finite, or exit 1/2 with one line that names
    /// no .NET type and carries no stack trace. Nothing else (no crash, no NaN, no silently dropped row reported as success
    /// with a non-finite number).
    /// </summary>
    [Property(MaxTest = 250)]
    public Property Ge_solve_on_hostile_csv_files_gives_a_finite_result_or_one_line() =>
        Prop.ForAll(CsvMutations(FlowSeeds).ToArbitrary(), CsvMutations(ShockSeeds).ToArbitrary(), (string flows, string shock) =>
        {
            var dir = Directory.CreateTempSubdirectory("vus-fuzz-ge-").FullName;
            try
            {
                System.IO.File.WriteAllText(Path.Combine(dir, "flows.csv"), flows);
                System.IO.File.WriteAllText(Path.Combine(dir, "shock.csv"), shock);
                var (code, _, err) = CliRunner.Run("ge", "solve", "--flows", Path.Combine(dir, "flows.csv"), "--shock", Path.Combine(dir, "shock.csv"), "--sigma", "5", "--out", Path.Combine(dir, "o"));
                if (code == 0)
                {
                    var numbers = System.IO.File.ReadAllLines(Path.Combine(dir, "o", "country.csv")).Skip(1).Concat(System.IO.File.ReadAllLines(Path.Combine(dir, "o", "bilateral.csv")).Skip(1))
                        .SelectMany(l => l.Split(',').Skip(1)).Where(c => double.TryParse(c, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) || c.Contains("NaN", StringComparison.Ordinal) || c.Contains('∞'))
                        .Select(c => double.TryParse(c, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : double.NaN);
                    return numbers.All(double.IsFinite).Label($"non-finite output for flows [{flows}] shock [{shock}]");
                }

                return (code is 1 or 2 && IsOneLineFailure(err)).Label($"exit {code}: {err} for flows [{flows}] shock [{shock}]");
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        });

    /// <summary>ge ignatenko --us-tariffs on mutated tariff files: the same three outcomes.</summary>
    [Property(MaxTest = 40)]
    public Property Ignatenko_us_tariffs_on_hostile_csv_gives_a_result_or_one_line() =>
        Prop.ForAll(CsvMutations(["country,tariff\nVNM,0.20\nCHN,0.30\n", "country,tariff\nVNM,0.46\n"]).ToArbitrary(), (string csv) =>
        {
            var dir = Directory.CreateTempSubdirectory("vus-fuzz-ig-").FullName;
            try
            {
                System.IO.File.WriteAllText(Path.Combine(dir, "t.csv"), csv);
                var (code, output, err) = CliRunner.Run("ge", "ignatenko", "--us-tariffs", Path.Combine(dir, "t.csv"), "--json");
                if (code == 0)
                {
                    return (!output.Contains("NaN", StringComparison.Ordinal) && !output.Contains("Infinity", StringComparison.Ordinal)).Label($"non-finite output for [{csv}]");
                }

                return (code is 1 or 2 && IsOneLineFailure(err)).Label($"exit {code}: {err} for [{csv}]");
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        });

    [Property(MaxTest = 300)]
    public Property Cli_exits_0_1_or_2_for_any_arguments_and_never_throws() =>
        Prop.ForAll(Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(Gen.Elements(Vocabulary), n)).ToArbitrary(), (string[] args) =>
        {
            using var o = new StringWriter();
            using var e = new StringWriter();
            var code = CliApp.Run(args, o, e);
            return (code is 0 or 1 or 2).Label($"exit {code} for [{string.Join(' ', args)}]")
                .And((code == 0 || e.ToString().Trim().Split('\n').Length == 1).Label("error is one line"));
        });
}

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

public class InputLimitTests
{
    [Theory]
    [InlineData("run", "/dev/zero")]
    [InlineData("ge", "solve", "--flows", "/dev/zero", "--shock", "/dev/zero", "--sigma", "5", "--out", "/tmp/vus-never-written")]
    [InlineData("ge", "ignatenko", "--us-tariffs", "/dev/zero")]
    public void A_device_that_never_ends_is_cut_off_at_the_limit_with_one_line(params string[] args)
    {
        // /dev/zero reports a length of 0, so a check of the file's length alone would let it exhaust memory.
        Assert.SkipUnless(System.IO.File.Exists("/dev/zero"), "needs /dev/zero");
        var (code, _, err) = CliRunner.Run(args);
        Assert.True(code is 1 or 2, $"exit {code}");
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains("limit", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists("/tmp/vus-never-written") && Directory.EnumerateFiles("/tmp/vus-never-written").Any());
    }

    [Fact]
    public void The_bounded_reader_passes_an_input_of_exactly_the_limit_and_refuses_one_byte_more()
    {
        var path = Path.Combine(Path.GetTempPath(), "vus-bounded-" + Guid.NewGuid().ToString("N"));
        try
        {
            System.IO.File.WriteAllText(path, new string('a', 100));
            Assert.Equal(100, BoundedInput.ReadAllText(path, 100, "test").Length);
            var ex = Assert.Throws<InvalidDataException>(() => BoundedInput.ReadAllText(path, 99, "test"));
            Assert.Contains("limit of 99 bytes", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void Oversized_csv_inputs_are_refused_with_a_one_line_reason()
    {
        var dir = Path.Combine(Path.GetTempPath(), "vus-limit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var big = Path.Combine(dir, "flows.csv");
            using (var f = System.IO.File.Create(big))
            {
                f.SetLength(InputLimits.MaxCsvBytes + 1); // sparse file: no real disk use
            }

            var ex = Assert.Throws<InvalidDataException>(() => InputLimits.CheckSize(big, "ge solve"));
            Assert.Contains("limit", ex.Message, StringComparison.Ordinal);
            var (code, _, err) = CliRunner.Run("ge", "ignatenko", "--us-tariffs", big);
            Assert.Equal(1, code);
            Assert.Single(err.TrimEnd().Split('\n'));
            Assert.Contains("limit", err, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
