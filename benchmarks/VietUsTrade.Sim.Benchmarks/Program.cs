using BenchmarkDotNet.Running;

namespace VietUsTrade.Sim.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] is "--ge-inprocess" or "--ge-compare")
        {
            return GeInProcess.Run(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
