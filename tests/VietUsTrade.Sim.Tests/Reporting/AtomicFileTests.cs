using VietUsTrade.Sim.Reporting;
using Xunit;

namespace VietUsTrade.Sim.Tests.Reporting;

/// <summary>Atomic output (issue 15, item 1): never torn, never written through a link, nothing left behind.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vus-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_symbolic_link_at_the_target_is_replaced_and_its_target_is_untouched()
    {
        var outside = Path.Combine(_dir, "outside.txt");
        File.WriteAllText(outside, "keep me");
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "out")).FullName;
        var link = Path.Combine(folder, "result.csv");
        File.CreateSymbolicLink(link, outside);
        AtomicFile.WriteAllText(link, "a,b\n1,2\n");
        Assert.Equal("keep me", File.ReadAllText(outside));
        Assert.Null(new FileInfo(link).LinkTarget);
        Assert.Equal("a,b\n1,2\n", File.ReadAllText(link));
        Assert.Equal(["result.csv"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Concurrent_writers_into_one_file_leave_one_whole_version_in_every_trial()
    {
        var path = Path.Combine(_dir, "bilateral.csv");
        for (var trial = 0; trial < 25; trial++)
        {
            var contents = Enumerable.Range(0, 4).Select(w => string.Concat(Enumerable.Repeat($"writer {w} trial {trial},{w * 1.5}\n", 20_000))).ToArray();
            Parallel.For(0, 4, w => AtomicFile.WriteAllText(path, contents[w]));
            Assert.Contains(File.ReadAllText(path), contents);
        }

        Assert.Equal(["bilateral.csv"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_write_leaves_the_old_file_and_no_temporary_file()
    {
        var path = Path.Combine(_dir, "table.json");
        File.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, temp =>
        {
            File.WriteAllText(temp, "half");
            throw new InvalidOperationException("killed");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["table.json"], Directory.GetFiles(_dir).Select(Path.GetFileName));
        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.WriteAllText(Path.Combine(_dir, "missing", "x.csv"), "x"));
    }
}
