using System.Text.Json;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Cli;

/// <summary>JSON settings shared by the commands: those of the core's tidy tables (snake_case names, invariant numbers, readable non-ASCII text).</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = TidyTable.JsonOptions;
}
