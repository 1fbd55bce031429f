using System.Text.Json.Serialization;

namespace VietUsTrade.Sim.Cli.Commands;

/// <summary>Source-generated JSON metadata of ge icio --json (no reflection: Native-AOT-safe); snake_case property names.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(GeCommands.IcioReport))]
internal sealed partial class GeJsonContext : JsonSerializerContext
{
}
