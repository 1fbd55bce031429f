using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using Xunit;

namespace VietUsTrade.Sim.Tests.Policy;

public class ScenarioBuilderShortcutTests
{
    [Fact]
    public void Exempt_by_string_takes_coffee_and_tea_out_of_every_measure_and_nothing_else()
    {
        var data = BaselineDataset.LoadEmbedded();
        var baseScenario = Presets.Get("reciprocal-20");
        var deal = ScenarioBuilder.From(baseScenario).Named("deal-coffee").Exempt("0901", "0902").Build();
        var date = new DateOnly(2025, 12, 1);
        var before = TariffSchedule.Compile(baseScenario, data).RatesOn(date);
        var after = TariffSchedule.Compile(deal, data).RatesOn(date);
        var coffee = 0;
        for (var i = 0; i < data.ImportLines.Count; i++)
        {
            var code = data.ImportLines[i].Code;
            var exempted = HtsCode.Parse("0901").Contains(code) || HtsCode.Parse("0902").Contains(code);
            if (exempted)
            {
                coffee++;
                Assert.Equal(after.BaseRate(i, 0), after.Rate(i, 0));
                Assert.True(before.Rate(i, 0) > after.Rate(i, 0), $"{code} paid no added tariff under reciprocal-20");
            }
            else
            {
                Assert.Equal(before.Rate(i, 0), after.Rate(i, 0));
            }
        }

        Assert.True(coffee > 5, $"only {coffee} coffee/tea lines");
        var bad = Assert.Throws<ScenarioValidationException>(() => ScenarioBuilder.From(baseScenario).Exempt("0901", "09x1"));
        Assert.Contains("exempt_codes[1]", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_purchase_commitment_uses_the_file_defaults()
    {
        var s = ScenarioBuilder.From(Presets.Get("reciprocal-20")).AddPurchaseCommitment("US soybeans", "1201", usdPerYear: 1.0e9, from: new DateOnly(2026, 1, 1)).Build();
        var c = Assert.Single(s.Commitments, c => c.Id == "us-soybeans");
        Assert.Equal(1.0e9, c.AmountUsd);
        Assert.Equal(new DateOnly(2027, 1, 1), c.End);
        Assert.Equal(PhaseIn.Even, c.PhaseIn);
        Assert.Equal(1.0, c.Fulfilment);
        Assert.Equal(1.0, c.ShareIn(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1)), 12);
        Assert.Throws<ScenarioValidationException>(() => ScenarioBuilder.From(Presets.Get("reciprocal-20")).AddPurchaseCommitment("x", "12z1", 1e9, new DateOnly(2026, 1, 1)));
    }
}
