using System.CommandLine;
using VietUsTrade.Sim.Cli.Commands;

namespace VietUsTrade.Sim.Cli;

/// <summary>Entry point of the vietus-sim command line; returns the process exit code.</summary>
/// <remarks>
/// Exit codes: 0 success, 1 a run failed (the reason is printed on one line to standard error),
/// 2 the command line was wrong (one line naming the problem, then "see vietus-sim --help").
/// </remarks>
public static class CliApp
{
    /// <summary>Runs the command line with the given arguments, writing to the given streams.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var context = new CliContext(stdout, stderr);
        var root = new RootCommand("vietus-sim: simulate US tariff scenarios on goods from Vietnam (VietUsTrade.Sim).");
        foreach (var command in CommandSet(context))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            stderr.WriteLine($"vietus-sim: {string.Join("; ", parse.Errors.Select(e => e.Message))} (see vietus-sim --help)");
            return 2;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CliUsageException ex)
        {
            stderr.WriteLine($"vietus-sim: {ex.Message} (see vietus-sim --help)");
            return 2;
        }
        catch (Exception ex) when (ex is VietUsTrade.Sim.Policy.ScenarioValidationException or ArgumentException or FormatException or InvalidDataException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            stderr.WriteLine($"vietus-sim: {ex.GetType().Name}: {OneLine(ex.Message)}");
            return 1;
        }
    }

    private static IEnumerable<Command> CommandSet(CliContext context)
    {
        yield return DataCommands.Create(context);
        foreach (var command in PolicyCommands.Create(context).Concat(RunCommands.Create(context)))
        {
            yield return command;
        }

        var ge = GeCommands.Create(context);
        ge.Subcommands.Add(IgnatenkoCommands.CreateIgnatenko(context));
        yield return ge;
        yield return FlagshipCommands.Create(context);
        yield return ProjectCommands.Create(context);
        yield return BacktestCommands.Create(context);
        yield return ExplainCommands.Create(context);
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}

/// <summary>The output streams shared by the commands of one run.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error);

/// <summary>A wrong command line detected after parsing (e.g. an unknown preset); exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
