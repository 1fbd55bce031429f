using System.CommandLine;

namespace VietUsTrade.Sim.Cli.Commands;

/// <summary>vietus-sim data ...: the bundled baseline.</summary>
internal static class DataCommands
{
    public static Command Create(CliContext context)
    {
        var data = new Command("data", "The bundled 2024 US–Vietnam baseline.");
        var summary = new Command("summary", "Totals, concepts, elasticity coverage and top HS chapters of the bundled 2024 baseline.");
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        summary.Options.Add(json);
        summary.SetAction(parse =>
        {
            context.Out.WriteLine(parse.GetValue(json) ? "{}" : "summary");
            return 0;
        });
        data.Subcommands.Add(summary);
        return data;
    }
}
