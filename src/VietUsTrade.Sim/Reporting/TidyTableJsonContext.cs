using System.Text.Json.Serialization;

namespace VietUsTrade.Sim.Reporting;

/// <summary>
/// Source-generated JSON metadata (no reflection: trimming- and Native-AOT-safe) of a tidy table's cells and rows: the
/// resolver of <see cref="TidyTable.JsonOptions"/>.
/// </summary>
[JsonSerializable(typeof(IReadOnlyList<IReadOnlyList<object?>>))]
[JsonSerializable(typeof(List<Dictionary<string, object?>>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(double))]
internal sealed partial class TidyTableJsonContext : JsonSerializerContext
{
}
