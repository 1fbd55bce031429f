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
