using System.IO.Compression;
using System.Reflection;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Data;

/// <summary>How much of Vietnam's 2024 import value got its elasticity from a source at a fallback level.</summary>
public sealed class ElasticityCoverage
{
    /// <summary>"sigma" or "epsilon".</summary>
    public string Kind { get; }

    /// <summary>The source.</summary>
    public ElasticitySource Source { get; }

    /// <summary>The fallback level.</summary>
    public MatchLevel Level { get; }

    /// <summary>Number of lines.</summary>
    public int Lines { get; }

    /// <summary>Share of Vietnam's import value (0–1).</summary>
    public double ValueShare { get; }

    internal ElasticityCoverage(string Kind, ElasticitySource Source, MatchLevel Level, int Lines, double ValueShare)
    {
        this.Kind = Kind;
        this.Source = Source;
        this.Level = Level;
        this.Lines = Lines;
        this.ValueShare = ValueShare;
    }
}

/// <summary>Metadata of a dataset file.</summary>
internal sealed record DatasetHeader(int Year, string ImportConcept, string ExportConcept, double SigmaCap, IReadOnlyList<string> Notes);
