using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VietUsTrade.Sim.Products;
using Xunit;

namespace VietUsTrade.Sim.Tests.Products;

public class HtsCodeTests
{
    [Theory]
    [InlineData("09", 9)]
    [InlineData("0901", 9)]
    [InlineData("0901.11.00.15", 9)]
    [InlineData("6404110000", 64)]
    public void Parse_accepts_valid_codes(string text, int chapter)
    {
        var code = HtsCode.Parse(text);
        Assert.Equal(chapter, code.Chapter);
        Assert.Equal(text.Replace(".", "", StringComparison.Ordinal), code.Digits);
    }

    [Theory]
    [InlineData("")]
    [InlineData("9")]
    [InlineData("090")]
    [InlineData("09011")]
    [InlineData("09011100150")]
    [InlineData("09A1")]
    [InlineData("00")]
    [InlineData("-901")]
    public void Parse_rejects_malformed_codes_and_quotes_them(string text)
    {
        var ex = Assert.Throws<FormatException>(() => HtsCode.Parse(text));
        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prefix_matching_and_truncation()
    {
        var coffee = HtsCode.Parse("0901110015");
        Assert.True(HtsCode.Parse("0901").Contains(coffee));
        Assert.True(coffee.Contains(coffee));
        Assert.False(HtsCode.Parse("0902").Contains(coffee));
        Assert.False(coffee.Contains(HtsCode.Parse("0901")));
        Assert.Equal(HtsCode.Parse("090111"), coffee.Truncate(6));
        Assert.Throws<ArgumentOutOfRangeException>(() => HtsCode.Parse("0901").Truncate(6));
        Assert.Equal("0901.11.00.15", coffee.ToDottedString());
    }

    [Property(MaxTest = 300)]
    public Property Truncation_is_always_a_prefix(PositiveInt seed)
    {
        var rnd = new Random(seed.Get);
        var digits = string.Concat(Enumerable.Range(0, 10).Select(i => i < 2 ? (char)('1' + rnd.Next(9)) : (char)('0' + rnd.Next(10))));
        var code = HtsCode.Parse(digits);
        return new[] { 2, 4, 6, 8, 10 }.All(n => code.Truncate(n).Contains(code) && code.Truncate(n).Length == n).ToProperty();
    }
}
