using VietUsTrade.Sim.Models.GeneralEquilibrium;
using VietUsTrade.Sim.Policy;
using Xunit;

namespace VietUsTrade.Sim.Tests.Policy;

/// <summary>Issue 13 item 2: the EO 14326 Annex I rates and the EU member list are typed once and read by PE and GE.</summary>
public sealed class AnnexIRatesTests
{
    [Theory]
    [InlineData("4419", "CHE", 0.39)]
    [InlineData("5550", "KHM", 0.19)]
    [InlineData("7910", "ZAF", 0.30)]
    [InlineData("4120", "GBR", 0.10)]
    public void PE_measures_and_the_GE_preset_take_the_same_rate(string census, string iso3, double rate)
    {
        var pe = Presets.Get("real-2025-2026").Measures.Single(m => m.Id == $"reciprocal-{census}");
        var ge = GePresets.Get(GePresets.Deal20Others2025).UsAdditionalRates[iso3];
        Assert.Equal(rate, pe.Rate);
        Assert.Equal(rate, ge);
        Assert.Equal(rate, AnnexIRates.ByIso3[iso3]);
    }

    [Fact]
    public void The_GE_preset_keeps_its_country_regimes()
    {
        var r = GePresets.Get(GePresets.Deal20Others2025).UsAdditionalRates;
        Assert.Equal(0.40, r["LAO"]);
        Assert.Equal(0.50, r["IND"]);
        Assert.Equal(0.50, r["BRA"]);
        Assert.Equal(0.30, r["CHN"]);
        Assert.Equal(0.0, r["MEX"]);
        Assert.Equal(0.10, r["ROW"]);
        Assert.All(global::VietUsTrade.Sim.Products.Iso3Codes.EuMembers, eu => Assert.Equal(0.15, r[eu]));
        Assert.Equal(27, global::VietUsTrade.Sim.Products.Iso3Codes.EuMembers.Count);
    }
}
