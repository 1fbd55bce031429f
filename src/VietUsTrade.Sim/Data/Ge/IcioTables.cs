namespace VietUsTrade.Sim.Data.Ge;

/// <summary>
/// The OECD ICIO 2022 GE data as read, before any model sees them: countries (sorted), sectors (file order), the dense
/// sector × exporter × importer cube in USD million × 1e4 (exact for the source's four decimals) and the elasticity sets.
/// </summary>
/// <param name="Countries">ISO3 codes, ordinal order.</param>
/// <param name="Sectors">Sector codes, in the order first met.</param>
/// <param name="Units">Flows, index (s·n + i)·n + j, in USD million × 1e4.</param>
/// <param name="ElasticitySets">The elasticity sets, in file order.</param>
/// <param name="Provenance">Where the data come from.</param>
internal sealed record IcioTables(string[] Countries, string[] Sectors, long[] Units, IReadOnlyList<IcioElasticityTable> ElasticitySets, string Provenance);
