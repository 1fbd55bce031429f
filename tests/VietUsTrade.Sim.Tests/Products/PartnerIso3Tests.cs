using VietUsTrade.Sim.Data;
using Xunit;

namespace VietUsTrade.Sim.Tests.Products;

public class PartnerIso3Tests
{
    [Fact]
    public void Every_country_partner_has_a_distinct_three_letter_code_and_the_aggregates_have_none()
    {
        var partners = BaselineDataset.LoadEmbedded().Partners;
        var countries = partners.Where(p => p.CensusCode is not ("0003" or "ROW")).ToArray();
        Assert.Equal(49, countries.Length);
        Assert.All(countries, p => Assert.Matches("^[A-Z]{3}$", p.Iso3 ?? ""));
        Assert.Equal(countries.Length, countries.Select(p => p.Iso3).Distinct().Count());
        Assert.Null(partners.Single(p => p.CensusCode == "0003").Iso3);
        Assert.Null(partners.Single(p => p.IsRestOfWorld).Iso3);
        Assert.Equal("VNM", partners.Single(p => p.IsVietnam).Iso3);
        Assert.Equal("CHN", partners.Single(p => p.Name == "CHINA").Iso3);
        Assert.Equal("KOR", partners.Single(p => p.Name == "KOREA, SOUTH").Iso3);
        Assert.Equal("TWN", partners.Single(p => p.Name == "TAIWAN").Iso3);
    }
}
