using System.CommandLine;
using VietUsTrade.Sim.Cli.Commands;

namespace VietUsTrade.Sim.Cli;

/// <summary>Entry point of the vietus-sim command line; returns the process exit code.</summary>
/// <remarks>
/// Exit codes: 0 success, 1 a run failed (the reason is printed on one line to standard error),
/// 2 the command line was wrong, including a file or folder it names that does not exist (one line naming the problem,
/// then "see vietus-sim --help"); with --verbose a failure's stack trace follows its line.
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
        var force = new Option<bool>("--force")
        {
            Description = "Replace existing output files (--out FILE) and write into a folder that is not empty (--out DIR, --chart DIR); without it such outputs are refused.",
            Recursive = true,
        };
        var verbose = new Option<bool>("--verbose")
        {
            Description = "On a failure, print the exception's stack trace after the one-line reason (for bug reports).",
            Recursive = true,
        };
        var context = new CliContext(stdout, stderr, force, args);
        var root = new RootCommand("vietus-sim: simulate US tariff scenarios on goods from Vietnam (VietUsTrade.Sim).");
        root.Options.Add(force);
        root.Options.Add(verbose);
        foreach (var command in CommandSet(context))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            stderr.WriteLine($"vietus-sim: {Escape(OneLine(ParseProblem(root, parse, args)))} (see vietus-sim --help)");
            return 2;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is CliUsageException or FileNotFoundException or DirectoryNotFoundException)
        {
            // A file or folder named on the command line that does not exist is a wrong argument, like a wrong option.
            stderr.WriteLine($"vietus-sim: {Escape(OneLine(ex.Message))} (see vietus-sim --help)");
            return 2;
        }
        catch (Exception ex)
        {
            // Every failure, of any type (solver non-convergence included), is one line and exit 1; the stack trace only with --verbose.
            stderr.WriteLine(FailureLine(ex));
            if (parse.GetValue(verbose))
            {
                foreach (var line in ex.ToString().Split('\n'))
                {
                    stderr.WriteLine(Escape(line.TrimEnd('\r')));
                }
            }

            return 1;
        }
    }

    /// <summary>One reason for a command line that did not parse: an unknown command (with the nearest known one), an unknown option, or the parser's first message.</summary>
    internal static string ParseProblem(RootCommand root, ParseResult parse, string[] args)
    {
        // Walk the command words (`ge icio`, `presets list`): the first word its parent does not know, or a missing one, is the problem.
        Command parent = root;
        foreach (var word in args.TakeWhile(a => !a.StartsWith('-')).Append(null))
        {
            if (parent.Subcommands.Count == 0 || ((parent.Arguments.Count > 0 || parent.Action is not null) && (word is null || parent.Subcommands.All(c => c.Name != word))))
            {
                break;   // a command of its own (e.g. `sweep GRID` beside `sweep merge`): the word is its argument
            }

            var names = parent.Subcommands.Select(c => c.Name).ToArray();
            var where = parent == root ? string.Empty : $" for '{parent.Name}'";
            if (word is null)
            {
                return parent == root ? $"no command given; commands: {string.Join(", ", names)}" : $"'{parent.Name}' needs a command: {string.Join(", ", names)}";
            }

            if (parent.Subcommands.FirstOrDefault(c => c.Name == word) is { } next)
            {
                parent = next;
                continue;
            }

            var nearest = names.Select(n => (n, d: Distance(word, n))).OrderBy(x => x.d).ThenBy(x => x.n, StringComparer.Ordinal).First();
            return nearest.d <= Math.Max(2, word.Length / 3)
                ? $"unknown command '{word}'{where}; did you mean '{nearest.n}'?"
                : $"unknown command '{word}'{where} (commands: {string.Join(", ", names)})";
        }

        var command = parse.CommandResult.Command;
        var known = command.Options.Concat(root.Options.Where(o => o.Recursive)).SelectMany(o => o.Aliases.Append(o.Name)).Append("--help").Append("-h").Append("-?").ToHashSet(StringComparer.Ordinal);
        if (args.FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal) && !known.Contains(a.Split('=')[0])) is { } unknown)
        {
            return $"unknown option '{unknown}' for '{command.Name}'";
        }

        return parse.Errors[0].Message;
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>The one line printed for a failed run: the message (with the inner exception's, if any), on one line, untrusted characters escaped.</summary>
    internal static string FailureLine(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var message = ex.InnerException is { } inner && !string.IsNullOrWhiteSpace(inner.Message) && !ex.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{ex.Message}: {inner.Message}"
            : ex.Message;
        var kind = ex switch
        {
            VietUsTrade.Sim.Models.ConvergenceException => "no convergence: ",
            OutOfMemoryException => "out of memory: ",
            _ => string.Empty,
        };
        return $"vietus-sim: {kind}{Escape(OneLine(message))}";
    }

    /// <summary>Control and bidirectional-formatting characters shown as \xNN or \uNNNN, so a message cannot drive the terminal (the library's one rule).</summary>
    internal static string Escape(string text) => UntrustedText.Escape(text);

    /// <summary>The commands under the root (internal for the tests that walk every option's help).</summary>
    internal static IEnumerable<Command> CommandSet(CliContext context)
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
        yield return TariffCommands.Create(context);
        yield return RefundCommands.Create(context);
        yield return SweepCommands.Create(context);
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}

/// <summary>The output streams shared by the commands of one run.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Force">The global --force option (read it from the parse result).</param>
/// <param name="Arguments">The command line, for the manifest of folder outputs.</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, Option<bool> Force, IReadOnlyList<string> Arguments);

/// <summary>A wrong command line detected after parsing (e.g. an unknown preset); exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
