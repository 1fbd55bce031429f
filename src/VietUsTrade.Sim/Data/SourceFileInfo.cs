namespace VietUsTrade.Sim.Data;

/// <summary>Provenance of one raw file used to build the dataset.</summary>
/// <param name="File">Path relative to shared/data/raw.</param>
/// <param name="Sha256">SHA-256 of the file's bytes (lower-case hex).</param>
/// <param name="RowsRead">Data rows read.</param>
/// <param name="RowsKept">Rows that entered the dataset.</param>
/// <param name="Rejections">Rows not kept, by reason (reason → count); their sum is RowsRead − RowsKept.</param>
public sealed record SourceFileInfo(string File, string Sha256, int RowsRead, int RowsKept, IReadOnlyDictionary<string, int> Rejections);
