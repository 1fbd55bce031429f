using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>What one HTS10 line from one supplier pays on a date: the 2024 applied rate and every layer on top.</summary>
public sealed class LineTariff
{
    /// <summary>The HTS10 code.</summary>
    public HtsCode Line { get; }

    /// <summary>The HS 2022 description.</summary>
    public string Description { get; }

    /// <summary>The supplier's Census code.</summary>
    public string PartnerCode { get; }

    /// <summary>The supplier's Census name.</summary>
    public string PartnerName { get; }

    /// <summary>The entry date.</summary>
    public DateOnly Date { get; }

    /// <summary>The 2024 applied rate: Census calculated duty / customs value of the cell (MFN, and for China the 2018–19 Section 301 duties), or the MFN ad valorem rate when the cell had no 2024 imports.</summary>
    public double BaseRate { get; }

    /// <summary>The rate on the date: <see cref="BaseRate"/> + the layers (floored at 0).</summary>
    public double TotalRate { get; }

    /// <summary>The measures in force that add to the rate, in the scenario's order.</summary>
    public IReadOnlyList<TariffLayer> Layers { get; }

    /// <summary>US imports for consumption of the line from the supplier in 2024, customs value, US dollars.</summary>
    public double Imports2024Usd { get; }

    internal LineTariff(HtsCode Line, string Description, string PartnerCode, string PartnerName, DateOnly Date, double BaseRate, double TotalRate, IReadOnlyList<TariffLayer> Layers, double Imports2024Usd)
    {
        this.Line = Line;
        this.Description = Description;
        this.PartnerCode = PartnerCode;
        this.PartnerName = PartnerName;
        this.Date = Date;
        this.BaseRate = BaseRate;
        this.TotalRate = TotalRate;
        this.Layers = Layers;
        this.Imports2024Usd = Imports2024Usd;
    }

    /// <summary>Measures in force on the supplier whose products reach the line but an exemption list (or the measure's own exempt codes) removes it.</summary>
    public IReadOnlyList<TariffExemption> Exemptions { get; internal init; } = [];
}
