using System.IO.Compression;
using System.Reflection;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Data;

/// <summary>How much of Vietnam's 2024 import value got its elasticity from a source at a fallback level.</summary>
/// <param name="Kind">"sigma" or "epsilon".</param>
/// <param name="Source">The source.</param>
/// <param name="Level">The fallback level.</param>
/// <param name="Lines">Number of lines.</param>
/// <param name="ValueShare">Share of Vietnam's import value (0–1).</param>
public sealed record ElasticityCoverage(string Kind, ElasticitySource Source, MatchLevel Level, int Lines, double ValueShare);

/// <summary>Metadata of a dataset file.</summary>
internal sealed record DatasetHeader(int Year, string ImportConcept, string ExportConcept, double SigmaCap, IReadOnlyList<string> Notes);
