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

/// <summary>Size limits of every file input, enforced while reading (pipes and devices included).</summary>
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
