using VietUsTrade.Sim.Products;
using Xunit;

namespace VietUsTrade.Sim.Tests.Products;

public class HsNomenclatureTests
{
    [Fact]
    public void The_bundled_nomenclature_describes_every_chapter_heading_and_subheading_of_hs_2022()
    {
        var hs = HsNomenclature.LoadEmbedded();
        Assert.Equal(97 + 1229 + 5613, hs.Count);
        Assert.Equal("Automatic data processing machines; portable, weighing not more than 10kg, consisting of at least a central processing unit, a keyboard and a display", hs.Describe(HtsCode.Parse("8471300100")));
        Assert.Equal("Telephone sets; smartphones for cellular or other wireless networks", hs.Find("851713"));
        Assert.StartsWith("Coffee", hs.Describe(HtsCode.Parse("09")), StringComparison.Ordinal);   // a chapter
        Assert.Null(hs.Find("0199"));
    }

    [Fact]
    public void Every_line_of_the_baseline_outside_the_us_chapters_98_and_99_has_an_hs_description()
    {
        // Chapters 98 and 99 are US special provisions, not HS: their lines keep the Census text (LineChange.FromResult).
        var hs = HsNomenclature.LoadEmbedded();
        var missing = VietUsTrade.Sim.Data.BaselineDataset.LoadEmbedded().ImportLines.Where(l => l.Chapter < 98 && hs.Describe(l.Code) is null).Select(l => l.Code.Digits).ToArray();
        Assert.True(missing.Length == 0, $"no HS 2022 text for {string.Join(", ", missing.Take(10))}");
    }

    [Fact]
    public void A_malformed_file_is_refused_with_its_row()
    {
        Assert.Contains("row 2", Assert.Throws<InvalidDataException>(() => HsNomenclature.Parse(new StringReader("code,desc\n12345,x"))).Message, StringComparison.Ordinal);
        Assert.Contains("twice", Assert.Throws<InvalidDataException>(() => HsNomenclature.Parse(new StringReader("code,desc\n01,a\n01,b"))).Message, StringComparison.Ordinal);
        Assert.Equal("Say \"hi\", ok", HsNomenclature.Parse(new StringReader("code,desc\n01,\"Say \"\"hi\"\", ok\"")).Find("01"));
    }
}
