namespace VietUsTrade.Sim.Data;

/// <summary>Provenance of one raw file used to build the dataset.</summary>
public sealed class SourceFileInfo
{
    internal string File { get; }

    internal string Sha256 { get; }

    internal int RowsRead { get; }

    internal int RowsKept { get; }

    internal IReadOnlyDictionary<string, int> Rejections { get; }

    internal SourceFileInfo(string File, string Sha256, int RowsRead, int RowsKept, IReadOnlyDictionary<string, int> Rejections)
    {
        this.File = File;
        this.Sha256 = Sha256;
        this.RowsRead = RowsRead;
        this.RowsKept = RowsKept;
        this.Rejections = Rejections;
    }
}
