namespace VietUsTrade.Sim.Data.Ignatenko;

/// <summary>The four files of the Ignatenko et al. (2025) replication package as read (validated by the model's data type).</summary>
/// <param name="Iso3">ISO3 codes, file order.</param>
/// <param name="Names">Country names, same order.</param>
/// <param name="Trade">Exports, row = exporter, column = importer, thousands of US dollars (an empty cell is 0).</param>
/// <param name="GdpUsd">GDP in US dollars.</param>
/// <param name="AppliedTariffs">The USTR rates as fractions.</param>
internal sealed record IgnatenkoTables(string[] Iso3, string[] Names, double[,] Trade, double[] GdpUsd, double[] AppliedTariffs);
