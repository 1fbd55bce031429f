// Smoke test of the packed VietUsTrade.Sim package: load the bundled data, run a preset, check known numbers.
// Exit code 0 = pass; 1 = a check failed (the reason is printed on one line).
using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Policy;

var data = BaselineDataset.LoadEmbedded();
var run = ScenarioModel.Run(data, Presets.Get("reciprocal-20"), new PeRunOptions(new DateOnly(2025, 12, 1)));
var ic = CultureInfo.InvariantCulture;
var failures = new List<string>();
if (Math.Abs(data.ImportsFromVietnamUsd - 141_361_159_091) > 1)
{
    failures.Add(string.Create(ic, $"2024 imports from Vietnam = {data.ImportsFromVietnamUsd:F0}, expected 141361159091"));
}

if (Math.Abs(run.Baseline.ImportsFromVietnamUsd - data.ImportsFromVietnamUsd) > 1)
{
    failures.Add(string.Create(ic, $"run baseline imports {run.Baseline.ImportsFromVietnamUsd:F0} differ from the dataset's"));
}

if (!(run.Result.ImportsFromVietnamUsd < run.Baseline.ImportsFromVietnamUsd))
{
    failures.Add(string.Create(ic, $"reciprocal-20 did not lower imports from Vietnam: {run.Result.ImportsFromVietnamUsd:F0}"));
}

ReadmeExample.Run(); // the package README's example, against the packed package

if (failures.Count > 0)
{
    Console.Error.WriteLine("package smoke: FAILED: " + string.Join("; ", failures));
    return 1;
}

Console.WriteLine(string.Create(ic, $"package smoke: OK: VietUsTrade.Sim {typeof(ScenarioModel).Assembly.GetName().Version}; 2024 imports from Vietnam {data.ImportsFromVietnamUsd:N0} USD; reciprocal-20 on 2025-12-01 → {run.Result.ImportsFromVietnamUsd / 1e9:F2} bn"));
return 0;
