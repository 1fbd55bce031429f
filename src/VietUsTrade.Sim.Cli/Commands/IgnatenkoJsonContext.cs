using System.Text.Json.Serialization;

namespace VietUsTrade.Sim.Cli.Commands;

/// <summary>Source-generated JSON of ge ignatenko --json (no reflection: Native-AOT-safe): indented, names from the record's attributes, default escaping.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(List<IgnatenkoCommands.CountryJson>))]
internal sealed partial class IgnatenkoJsonContext : JsonSerializerContext
{
}
