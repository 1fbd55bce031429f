using System.Diagnostics;
using System.Globalization;

namespace VietUsTrade.Sim.Diagnostics;

/// <summary>
/// An opt-in breakdown of where a process spends its time: with the environment variable <c>VIETUS_SIM_TIMINGS=1</c>,
/// <see cref="Mark"/> writes to standard error the wall time since the process started, the wall time since the previous
/// mark and the process's CPU time (all threads) since the previous mark. Off (one cached flag test) otherwise. CPU time
/// is the steadier measure on a shared machine: it does not count the time other processes hold the cores.
/// </summary>
internal static class PhaseTimings
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("VIETUS_SIM_TIMINGS") == "1";
    private static readonly Lock Gate = new();
    private static long _lastTicks;
    private static TimeSpan _lastCpu;

    /// <summary>Records the end of a phase.</summary>
    /// <param name="phase">The phase that just ended.</param>
    public static void Mark(string phase)
    {
        if (!Enabled)
        {
            return;
        }

        lock (Gate)
        {
            using var process = Process.GetCurrentProcess();
            var now = Stopwatch.GetTimestamp();
            var sinceStart = DateTime.Now - process.StartTime;
            var cpu = process.TotalProcessorTime;
            var wall = _lastTicks == 0 ? sinceStart : Stopwatch.GetElapsedTime(_lastTicks, now);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[timings] {phase,-34} at {sinceStart.TotalMilliseconds,8:F0} ms  wall {wall.TotalMilliseconds,8:F1} ms  cpu {(cpu - _lastCpu).TotalMilliseconds,8:F1} ms"));
            _lastTicks = Stopwatch.GetTimestamp();
            _lastCpu = cpu;
        }
    }
}
