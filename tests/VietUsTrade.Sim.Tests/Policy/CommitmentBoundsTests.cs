using VietUsTrade.Sim.Policy;
using Xunit;

namespace VietUsTrade.Sim.Tests.Policy;

/// <summary>Amounts beyond any trade flow are refused at construction (issue 15: 1.7e308 used to pass and print Infinity).</summary>
public class CommitmentBoundsTests
{
    [Theory]
    [InlineData(1.7e308)]
    [InlineData(1.0000001e13)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1.0)]
    public void An_amount_outside_0_to_1e13_is_refused_naming_the_field(double amount)
    {
        var c = Presets.CommitmentCatalog()[0];
        var e = Assert.Throws<ScenarioValidationException>(() => new PurchaseCommitment(c.Id, c.Name, c.Products, amount, c.Start, c.End, c.PhaseIn,
            c.Fulfilment, c.FulfilmentLow, c.FulfilmentHigh, c.Additionality, c.AdditionalityLow, c.AdditionalityHigh, c.Source));
        Assert.Contains("amount_usd", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_allowed_amount_is_accepted()
    {
        var c = Presets.CommitmentCatalog()[0];
        var ok = new PurchaseCommitment(c.Id, c.Name, c.Products, PurchaseCommitment.MaxAmountUsd, c.Start, c.End, c.PhaseIn,
            c.Fulfilment, c.FulfilmentLow, c.FulfilmentHigh, c.Additionality, c.AdditionalityLow, c.AdditionalityHigh, c.Source);
        Assert.Equal(1e13, ok.AmountUsd);
    }
}
