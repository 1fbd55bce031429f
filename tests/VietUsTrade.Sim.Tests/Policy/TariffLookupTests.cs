using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using Xunit;

namespace VietUsTrade.Sim.Tests.Policy;

/// <summary>The tariff lookup by product: its layers add up to the schedule's rate, with sources and exemptions.</summary>
public class TariffLookupTests
{
    private static readonly BaselineDataset Data = BaselineDataset.LoadEmbedded();
    private static readonly TariffSchedule Real = TariffSchedule.Compile(Presets.Get("real-2025-2026"), Data);
    private static readonly DateOnly[] Dates = [new(2024, 6, 1), new(2025, 4, 9), new(2025, 8, 7), new(2025, 11, 14), new(2026, 3, 1), new(2026, 8, 1)];

    [Property(MaxTest = 60)]
    public Property The_layers_add_up_to_the_rate_of_the_cell_for_any_line_supplier_and_date(PositiveInt line, NonNegativeInt supplier, NonNegativeInt date)
    {
        var l = Data.LinesArray[line.Get % Data.LinesArray.Length];
        var k = supplier.Get % l.SuppliersArray.Length;
        var d = Dates[date.Get % Dates.Length];
        var partner = l.SuppliersArray[k].Partner;
        var t = Real.TariffsOn(l.Code, partner.CensusCode, d).Single();
        var rate = Real.RatesOn(d).Rate(Array.IndexOf(Data.LinesArray, l), k);
        var sum = t.BaseRate + t.Layers.Sum(x => x.Rate);
        return (Math.Abs(t.TotalRate - rate) < 1e-12 && Math.Abs(Math.Max(sum, 0) - rate) < 1e-12 && t.Layers.All(x => x.Source.Length > 0))
            .Label($"{l.Code} from {partner.CensusCode} on {d}: total {t.TotalRate}, schedule {rate}, sum {sum}");
    }

    [Fact]
    public void Coffee_pays_the_reciprocal_rate_in_September_2025_and_is_exempt_by_the_farm_list_in_December()
    {
        var code = HtsCode.Parse("0901110025");
        var sep = Real.TariffsOn(code, "vnm", new DateOnly(2025, 9, 1)).Single();
        Assert.Equal("VIETNAM", sep.PartnerName);
        var reciprocal = Assert.Single(sep.Layers, x => x.Kind == MeasureKind.Reciprocal);
        Assert.Equal(0.20, reciprocal.Rate, 12);
        Assert.Equal(new DateOnly(2025, 8, 7), reciprocal.From);
        Assert.Contains("EO 14326", reciprocal.Source, StringComparison.Ordinal);

        var dec = Real.TariffsOn(code, "5520", new DateOnly(2025, 12, 1)).Single();
        Assert.Empty(dec.Layers);
        Assert.Equal(dec.BaseRate, dec.TotalRate);
        Assert.Contains(dec.Exemptions, e => e.MeasureId == "vn-reciprocal-20" && e.List == "annex-ii");
        Assert.Equal(Data.LinesArray.Single(x => x.Code == code).Vietnam.ValueUsd, dec.Imports2024Usd);
    }

    [Fact]
    public void A_prefix_returns_every_line_under_it_and_an_unknown_partner_is_named()
    {
        var chapter = Real.TariffsOn(HtsCode.Parse("94"), "China", new DateOnly(2025, 11, 1));
        Assert.Equal(Data.LinesInChapter(94).Count(), chapter.Count);
        Assert.All(chapter, t => Assert.Equal("5700", t.PartnerCode));
        var e = Assert.Throws<ArgumentException>(() => Real.TariffsOn(HtsCode.Parse("94"), "Atlantis", new DateOnly(2025, 11, 1)));
        Assert.Contains("'Atlantis'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_json_gives_one_object_for_an_hts10_code_whose_layer_rates_sum_to_the_total()
    {
        var (code, output, err) = CliRunner.Run("tariff", "--hts", "9403.10.00.20", "--from", "chn", "--date", "2025-11-01", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("9403100020", root.GetProperty("hts").GetString());
        Assert.Equal("5700", root.GetProperty("from").GetString());
        var layers = root.GetProperty("layers").EnumerateArray().ToArray();
        Assert.Equal("2024 applied", layers[0].GetProperty("layer").GetString());
        Assert.Equal(root.GetProperty("total_rate").GetDouble(), layers.Sum(l => l.GetProperty("rate").GetDouble()), 12);
        Assert.All(layers.Skip(1), l => Assert.False(string.IsNullOrEmpty(l.GetProperty("source").GetString())));

        var (code2, output2, err2) = CliRunner.Run("tariff", "--hts", "0901", "--date", "2025-12-01", "--json");
        Assert.True(code2 == 0, err2);
        using var doc2 = JsonDocument.Parse(output2);
        Assert.Equal(JsonValueKind.Array, doc2.RootElement.ValueKind);
        Assert.Equal(Data.LinesWithPrefix(HtsCode.Parse("0901")).Count(), doc2.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("--hts", "abc")]
    [InlineData("--hts", "9")]
    [InlineData("--hts", "0901", "--from", "Atlantis")]
    [InlineData("--hts", "0901", "--date", "2025-13-01")]
    [InlineData("--hts", "0901", "--date", "1999-01-01")]
    [InlineData("--hts", "0000")]
    public void Wrong_values_exit_with_code_2_and_one_line(params string[] args)
    {
        var (code, output, err) = CliRunner.Run(["tariff", .. args]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(err.Trim().Split('\n'));
    }
}
