namespace VietUsTrade.Sim.Data.Ge;

/// <summary>The BACI 2023 GE data as read: countries with GDP and Liberation Day rate, and the goods flows.</summary>
/// <param name="Countries">ISO3 codes, file order.</param>
/// <param name="Gdp">GDP in US dollars, same order.</param>
/// <param name="Rates">The published April 2025 US tariff (fraction), same order.</param>
/// <param name="Flows">Exporter index, importer index and value in thousands of US dollars.</param>
internal sealed record BaciTables(string[] Countries, double[] Gdp, double[] Rates, List<(int I, int J, double ValueThousand)> Flows);
