using System.Diagnostics;
using Xunit;

namespace VietUsTrade.Sim.Tests.Hardening;

/// <summary>A run killed mid-write (SIGKILL) leaves every file whole: the old version or the new, never a torn one (issue 15 item 7).</summary>
public sealed class KillTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vus-kill-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Process Start(string outDir) => CliProcess.Start("flagship", "--out", outDir, "--force");

    [Fact]
    public void A_flagship_killed_while_writing_leaves_only_whole_files()
    {
        // The flagship's files are deterministic, so the old and the new version of every file are the same bytes: a file
        // that differs from the reference run was torn.
        var outDir = Path.Combine(_dir, "flag");
        using (var first = Start(outDir))
        {
            first.StandardOutput.ReadToEnd();
            first.WaitForExit();
            Assert.Equal(0, first.ExitCode);
        }

        var reference = Directory.GetFiles(outDir).Where(f => Path.GetFileName(f) != "manifest.json")
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
        Assert.True(reference.Count >= 25, $"{reference.Count} files");

        // Kill as soon as k files have been replaced (watching the folder, not the clock), for k from the first file to
        // nearly the last, so the runs die at different points of their writing.
        var killedWhileWriting = 0;
        foreach (var k in new[] { 1, 4, 10, 18, 24 })
        {
            var before = Directory.GetFiles(outDir).ToDictionary(f => f, File.GetLastWriteTimeUtc, StringComparer.Ordinal);
            using var run = Start(outDir);
            run.BeginOutputReadLine();
            run.BeginErrorReadLine();
            var limit = Stopwatch.StartNew();
            while (!run.HasExited && limit.Elapsed < TimeSpan.FromMinutes(2))
            {
                var replaced = Directory.GetFiles(outDir).Count(f => !before.TryGetValue(f, out var t) || File.GetLastWriteTimeUtc(f) != t);
                if (replaced >= k)
                {
                    run.Kill(entireProcessTree: true);
                    run.WaitForExit();
                    killedWhileWriting++;
                    break;
                }

                Thread.Sleep(5);
            }

            run.WaitForExit();
            foreach (var f in Directory.GetFiles(outDir))
            {
                var name = Path.GetFileName(f);
                if (name.StartsWith('.') || name == "manifest.json")
                {
                    continue; // a stray temporary file of the killed run; the manifest is written last, only by a run that completes
                }

                Assert.True(reference.TryGetValue(name, out var expected), $"unexpected file {name}");
                Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(f)), $"{name} differs from the reference run: torn");
            }

            Assert.Equal(reference.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(outDir).Select(Path.GetFileName).Where(n => !n!.StartsWith('.') && n != "manifest.json").Order(StringComparer.Ordinal));
        }

        Assert.True(killedWhileWriting >= 3, $"only {killedWhileWriting} of 5 runs were killed while writing");
    }
}
