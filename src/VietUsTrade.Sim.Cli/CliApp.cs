namespace VietUsTrade.Sim.Cli;

/// <summary>Entry point of the vietus-sim command line; returns the process exit code.</summary>
public static class CliApp
{
    /// <summary>Runs the command line with the given arguments, writing to the given streams.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        stdout.WriteLine("vietus-sim");
        return 0;
    }
}
