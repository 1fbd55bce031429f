using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Models;

/// <summary>
/// The trade-weighted aggregation of a scenario's line × supplier rates on a date that both GE models use
/// (<see cref="GeneralEquilibrium.GeScenarioModel.AggregationRule"/> and
/// <see cref="Ignatenko2025.IgnatenkoScenarioModel.AggregationRule"/>): the scenario is compiled by
/// <see cref="TariffSchedule.Compile"/>, and for each Census partner p and model sector s it sums
/// Σ v·(t₁ − t₀) and Σ v over the bundled HTS10 lines of s, v = p's 2024 customs value on the line, t₁ the rate on
/// the date and t₀ the 2024 applied rate (<see cref="TariffSchedule.RatesOn"/>).
/// </summary>
internal sealed class TradeWeightedTariffs
{
    private readonly double[,] num;
    private readonly double[,] den;
    private readonly double[] numAll;
    private readonly double[] denAll;
    private readonly BaselineDataset baseline;
    private readonly int rest;

    private TradeWeightedTariffs(BaselineDataset baseline, double[,] num, double[,] den, double[] numAll, double[] denAll)
    {
        this.baseline = baseline;
        this.num = num;
        this.den = den;
        this.numAll = numAll;
        this.denAll = denAll;
        rest = baseline.IndexOfPartner(baseline.FindPartner(Partner.RestOfWorldCode) ?? throw new InvalidOperationException("The baseline has no rest-of-world partner."));
    }

    /// <summary>Sums the scenario's rate changes on <paramref name="date"/> by partner and sector.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="date">The date whose rates apply.</param>
    /// <param name="baseline">The PE baseline whose 2024 line values weight the rates.</param>
    /// <param name="sectorCount">The number of model sectors.</param>
    /// <param name="sectorOf">The model sector of an HTS10 line, or −1 for a line in no sector (it counts nowhere).</param>
    /// <param name="library">Policy library.</param>
    /// <returns>The sums.</returns>
    /// <exception cref="ScenarioValidationException">The scenario references an unknown list or supplier.</exception>
    public static TradeWeightedTariffs Compute(Scenario scenario, DateOnly date, BaselineDataset baseline, int sectorCount, Func<HtsCode, int> sectorOf, PolicyLibrary library)
    {
        var rates = TariffSchedule.Compile(scenario, baseline, library).RatesOn(date);
        var t1 = rates.ToArray();
        var t0 = rates.BaseToArray();
        var offsets = rates.LineOffsets();
        var partners = baseline.PartnersArray;
        var num = new double[partners.Length, sectorCount];
        var den = new double[partners.Length, sectorCount];
        var numAll = new double[partners.Length];
        var denAll = new double[partners.Length];
        var lines = baseline.LinesArray;
        var partnerIndex = new Dictionary<Partner, int>(partners.Length);
        for (var j = 0; j < partners.Length; j++)
        {
            partnerIndex[partners[j]] = j;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var s = sectorOf(lines[i].Code);
            var suppliers = lines[i].SuppliersArray;
            for (var k = 0; k < suppliers.Length; k++)
            {
                var p = partnerIndex[suppliers[k].Partner];   // one lookup per cell (was a linear search of the 51 partners)
                var v = suppliers[k].ValueUsd;
                var d = v * (t1[offsets[i] + k] - t0[offsets[i] + k]);
                if (s >= 0)
                {
                    numAll[p] += d;
                    denAll[p] += v;
                    num[p, s] += d;
                    den[p, s] += v;
                }
            }
        }

        return new TradeWeightedTariffs(baseline, num, den, numAll, denAll);
    }

    /// <summary>The baseline partner whose lines stand for an ISO3 economy: its Census partner, the EU-27 for a member, else the rest of the world.</summary>
    /// <param name="iso3">ISO3 code.</param>
    /// <returns>The partner's index in the baseline.</returns>
    public int PartnerOf(string iso3)
        => Iso3Codes.CensusCodeOfIso3(iso3) is { } census && baseline.FindPartner(census) is { } partner ? baseline.IndexOfPartner(partner) : rest;

    /// <summary>The weighted mean change of a partner on a sector; a sector without a line of the partner takes <see cref="AllSectors"/>.</summary>
    /// <param name="partner">Partner index.</param>
    /// <param name="sector">Sector index.</param>
    /// <returns>The rate change (fraction).</returns>
    public double Sector(int partner, int sector)
        => den[partner, sector] > 0 ? num[partner, sector] / den[partner, sector] : AllSectors(partner);

    /// <summary>The weighted mean change of a partner over all its lines in a sector (0 if it has none).</summary>
    /// <param name="partner">Partner index.</param>
    /// <returns>The rate change (fraction).</returns>
    public double AllSectors(int partner) => denAll[partner] > 0 ? numAll[partner] / denAll[partner] : 0.0;

    /// <summary>What a GE shock of US tariffs leaves out of a scenario (commitments, Vietnam's concessions), one sentence each.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The sentences (empty if nothing is left out).</returns>
    public static List<string> Omitted(Scenario scenario)
    {
        List<string> omitted = [];
        if (scenario.Commitments.Count > 0)
        {
            omitted.Add($"{scenario.Commitments.Count} purchase commitment(s): the GE shock holds US tariffs only.");
        }

        if (scenario.Concessions.Count > 0)
        {
            omitted.Add($"{scenario.Concessions.Count} concession(s) by Vietnam: Vietnam's tariffs on US goods are not in the GE shock.");
        }

        return omitted;
    }
}
