using System.CommandLine;
using System.Text.RegularExpressions;
using VietUsTrade.Sim.Cli;
using Xunit;

namespace VietUsTrade.Sim.Tests.Cli;

/// <summary>
/// Issue 16 item 6, "every option documented with its unit and default", checked on the command definitions themselves
/// (not on the rendered help): every option that takes a value states its default — a default value the help prints as
/// <c>[default: …]</c>, or the word "default" in its text — or says it is required or has none and what to give instead;
/// every numeric option names its unit (a fraction, %, months, draws, US$ …) or says it has none.
/// </summary>
public class OptionHelpTests
{
    // What counts as a unit in a numeric option's text; "no unit" for the dimensionless (seeds, elasticities).
    private static readonly Regex Unit = new(
        @"fraction|%|\bshare\b|\bmonths?\b|\byears?\b|YYYY|\bdraws?\b|\bthreads?\b|\blines?\b|\brows?\b|\bpoints?\b|\bcores?\b|US\$|\bUSD\b|\bbn\b|\bseconds?\b|\bpp\b|\bno unit\b|\bsectors?\b|\bcountries\b|\bdigits?\b|\bpixels?\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly HashSet<Type> Numeric = [typeof(int), typeof(long), typeof(ulong), typeof(double), typeof(decimal), typeof(float)];

    internal static IEnumerable<(string Path, Option Option)> AllOptions()
    {
        var context = new CliContext(TextWriter.Null, TextWriter.Null, new Option<bool>("--force"), []);
        var stack = new Stack<(string, Command)>(CliApp.CommandSet(context).Select(c => (c.Name, c)));
        while (stack.Count > 0)
        {
            var (path, command) = stack.Pop();
            foreach (var option in command.Options.Where(o => !o.Hidden))
            {
                yield return (path, option);
            }

            foreach (var sub in command.Subcommands)
            {
                stack.Push(($"{path} {sub.Name}", sub));
            }
        }
    }

    // Seeds, elasticities and run numbers have no unit: their text must say so (a unit word elsewhere in it does not count).
    private static bool Dimensionless(Option option) =>
        option.Name is "--seed" or "--sigma" or "--omega" or "--case" || (option.Description ?? string.Empty).Contains("lasticity", StringComparison.Ordinal);

    private static Type ElementType(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsArray ? ElementType(t.GetElementType()!) : t;
    }

    [Fact]
    public void The_walk_finds_the_options_of_every_command()
    {
        var options = AllOptions().ToArray();
        Assert.True(options.Length >= 80, $"only {options.Length} options found");
        Assert.Contains(options, o => o.Path == "project" && o.Option.Name == "--draws");
        Assert.Contains(options, o => o.Path == "ge ignatenko" && o.Option.Name == "--vietnam-rate");
    }

    [Fact]
    public void Every_option_that_takes_a_value_states_its_default_or_that_it_has_none()
    {
        var missing = AllOptions()
            .Where(o => ElementType(o.Option.ValueType) != typeof(bool))
            .Where(o =>
            {
                var text = o.Option.Description ?? string.Empty;
                if (o.Option.HasDefaultValue || o.Option.Required || Regex.IsMatch(text, @"\brequired\b", RegexOptions.IgnoreCase))
                {
                    return false;
                }

                // "default: none" or "no default" only with what to give instead
                if (Regex.IsMatch(text, @"default: none|no default", RegexOptions.IgnoreCase))
                {
                    return !Regex.IsMatch(text, @"\bgive\b|\bone of\b|\buse\b|\brepeat\b", RegexOptions.IgnoreCase);
                }

                return !Regex.IsMatch(text, @"\bdefault\b", RegexOptions.IgnoreCase);
            })
            .Select(o => $"vietus-sim {o.Path} {o.Option.Name}: {o.Option.Description}")
            .ToArray();
        Assert.True(missing.Length == 0, "options whose help states no default:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_numeric_option_names_its_unit()
    {
        var missing = AllOptions()
            .Where(o => Numeric.Contains(ElementType(o.Option.ValueType)))
            .Where(o => Dimensionless(o.Option)
                ? !(o.Option.Description ?? string.Empty).Contains("no unit", StringComparison.Ordinal)
                : !Unit.IsMatch(o.Option.Description ?? string.Empty))
            .Select(o => $"vietus-sim {o.Path} {o.Option.Name} <{ElementType(o.Option.ValueType).Name}>: {o.Option.Description}")
            .ToArray();
        Assert.True(missing.Length == 0, "numeric options whose help names no unit:\n" + string.Join('\n', missing));
    }
}
