using System.Text.Encodings.Web;
using System.Text.Json;

namespace VietUsTrade.Sim.Cli;

/// <summary>JSON settings shared by the commands: snake_case names, invariant numbers, readable non-ASCII text.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
