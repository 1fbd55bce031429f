using System.Diagnostics;

namespace VietUsTrade.Sim.Tests;

/// <summary>Runs the built command line (vietus-sim.dll beside the tests) as a separate process, for tests that need real processes (kill, concurrent writers, shards).</summary>
internal static class CliProcess
{
    /// <summary>Starts <c>dotnet vietus-sim.dll ARGS</c> with standard output and error redirected.</summary>
    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vietus-sim.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start the CLI");
    }

    /// <summary>Waits for a started process, reading both streams to the end, and disposes it.</summary>
    /// <returns>The exit code and standard error.</returns>
    public static async Task<(int Code, string Err)> FinishAsync(Process process, CancellationToken cancellationToken)
    {
        using (process)
        {
            var err = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return (process.ExitCode, await err);
        }
    }
}
