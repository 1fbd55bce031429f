using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using Xunit;

namespace VietUsTrade.Sim.Tests.Policy;

public class TariffScheduleTests
{
    private static readonly BaselineDataset D = BaselineDataset.LoadEmbedded();
    private static readonly PolicyLibrary L = PolicyLibrary.LoadEmbedded();
    private static readonly TariffSchedule Real = TariffSchedule.Compile(Presets.Get("real-2025-2026"), D, L);

    [Theory]
    [InlineData("real-2025-2026")]
    [InlineData("transshipment-enforced")]
    [InlineData("s122-refunded")]
    public void Rates_on_many_dates_equal_rates_on_each_date_bit_for_bit(string preset)
    {
        // RatesOnDates restacks only the cells a measure change reaches; every other cell is copied from the date before.
        var schedule = TariffSchedule.Compile(Presets.Get(preset), D, L);
        var dates = new[] { new DateOnly(2025, 1, 1) }.Concat(schedule.ChangeDates(new DateOnly(2025, 1, 1), new DateOnly(2031, 1, 1))).ToArray();
        var reversed = dates.Reverse().ToArray();
        foreach (var order in new[] { dates, reversed })
        {
            var many = schedule.RatesOnDates(order, TestContext.Current.CancellationToken);
            for (var d = 0; d < order.Length; d++)
            {
                var one = schedule.RatesOn(order[d]).ToArray();
                Assert.True(one.AsSpan().SequenceEqual(many[d]), $"{preset} {order[d]:yyyy-MM-dd}");
                Assert.Equal(one.Select(BitConverter.DoubleToInt64Bits), many[d].Select(BitConverter.DoubleToInt64Bits));
            }
        }
    }

    [Fact]
    public void Etr_2024_equals_collected_duty_over_value()
    {
        var etr = TariffSchedule.Compile(Presets.Get("no-tariffs"), D, L).VietnamEtr(new DateOnly(2027, 1, 1));
        Assert.Equal(D.DutyOnVietnamUsd / D.ImportsFromVietnamUsd, etr.EtrTotal, 12);
        Assert.Equal(0.0377, etr.EtrTotal, 4);
        Assert.Equal(0.0, etr.EtrAddedVs2024, 12);
        Assert.Equal(etr.EtrTotal, Real.VietnamEtr(new DateOnly(2024, 12, 31)).EtrTotal, 12);
    }

    [Fact]
    public void On_2025_08_07_reciprocal_is_20_percent_on_non_exempt_lines_and_absent_on_section_232_lines()
    {
        var date = new DateOnly(2025, 8, 7);
        var rates = Real.RatesOn(date);
        var annex = L.Get("annex-ii");
        var full232 = new[] { "s232-steel-aluminum-2025-full", "s232-autos", "s232-auto-parts" }.Select(L.Get).ToArray();
        var derivative = new[] { "s232-steel-derivatives-2025", "s232-aluminum-derivatives-2025", "s232-copper" }.Select(L.Get).ToArray();
        int exempt = 0, under232 = 0, charged = 0;
        for (var i = 0; i < D.ImportLines.Count; i++)
        {
            var code = D.ImportLines[i].Code;
            var reciprocal = rates.VietnamLayer(i, MeasureKind.Reciprocal);
            if (annex.Contains(code, date) || code.Chapter is 98 or 99)
            {
                Assert.Equal(0.0, reciprocal);
                exempt++;
            }
            else if (full232.Any(l => l.Contains(code, date)))
            {
                Assert.Equal(0.0, reciprocal);
                Assert.True(rates.VietnamLayer(i, MeasureKind.Section232) >= 0.25);
                under232++;
            }
            else if (!derivative.Any(l => l.Contains(code, date)))
            {
                Assert.Equal(0.20, reciprocal, 12);
                Assert.Equal(rates.BaseRate(i, 0) + 0.20, rates.Rate(i, 0), 12);
                charged++;
            }
        }

        Assert.True(exempt > 100 && under232 > 100 && charged > 4000, $"{exempt} exempt, {under232} under 232, {charged} charged");
    }

    [Fact]
    public void Derivative_lines_pay_232_on_metal_content_and_reciprocal_on_the_rest()
    {
        var date = new DateOnly(2025, 9, 1);
        var rates = Real.RatesOn(date);
        var steel = L.Get("s232-steel-derivatives-2025");
        var i = Enumerable.Range(0, D.ImportLines.Count).First(k => steel.Contains(D.ImportLines[k].Code, date)
            && !L.Get("annex-ii").Contains(D.ImportLines[k].Code, date) && !L.Get("s232-aluminum-derivatives-2025").Contains(D.ImportLines[k].Code, date)
            && !L.Get("s232-auto-parts").Contains(D.ImportLines[k].Code, date) && !L.Get("s232-copper").Contains(D.ImportLines[k].Code, date));
        Assert.Equal(0.50 * 0.40, rates.VietnamLayer(i, MeasureKind.Section232), 12);
        Assert.Equal(0.20 * 0.60, rates.VietnamLayer(i, MeasureKind.Reciprocal), 12);
    }

    [Fact]
    public void Farm_list_removes_coffee_from_the_reciprocal_layer_from_2025_11_13()
    {
        var s = TariffSchedule.Compile(Presets.Get("reciprocal-20-farm-exempt"), D, L);
        var before = s.RatesOn(new DateOnly(2025, 11, 12));
        var after = s.RatesOn(new DateOnly(2025, 11, 13));
        var coffee = Enumerable.Range(0, D.ImportLines.Count).Where(i => D.ImportLines[i].Code.Digits.StartsWith("0901", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(coffee);
        Assert.All(coffee, i =>
        {
            Assert.Equal(0.20, before.VietnamLayer(i, MeasureKind.Reciprocal), 12);
            Assert.Equal(0.0, after.VietnamLayer(i, MeasureKind.Reciprocal));
            Assert.Equal(after.BaseRate(i, 0), after.Rate(i, 0), 12);
        });
        // Without the farm list (reciprocal-20) coffee keeps paying.
        var noFarm = TariffSchedule.Compile(Presets.Get("reciprocal-20"), D, L).RatesOn(new DateOnly(2025, 11, 13));
        Assert.All(coffee, i => Assert.Equal(0.20, noFarm.VietnamLayer(i, MeasureKind.Reciprocal), 12));
    }

    [Fact]
    public void Etr_path_moves_at_the_policy_dates()
    {
        var path = Real.VietnamEtrPath(new DateOnly(2024, 12, 31), new DateOnly(2026, 12, 31));
        var byDate = path.ToDictionary(p => p.Date);
        Assert.True(byDate[new DateOnly(2025, 4, 9)].EtrTotal > byDate[new DateOnly(2025, 4, 5)].EtrTotal + 0.15); // 46% for one day
        Assert.Equal(byDate[new DateOnly(2025, 4, 5)].EtrTotal, byDate[new DateOnly(2025, 4, 10)].EtrTotal, 12); // back to 10%
        Assert.True(byDate[new DateOnly(2025, 8, 7)].EtrTotal > byDate[new DateOnly(2025, 4, 10)].EtrTotal + 0.04); // 20%
        Assert.True(byDate[new DateOnly(2025, 11, 13)].EtrTotal < byDate[new DateOnly(2025, 10, 14)].EtrTotal); // farm goods exempt
        Assert.Equal(0.0, byDate[new DateOnly(2026, 2, 24)].ValueShareUnderLayer[MeasureKind.Reciprocal]); // IEEPA over
        Assert.True(byDate[new DateOnly(2026, 2, 24)].ValueShareUnderLayer[MeasureKind.Section122] > 0.3);
        Assert.True(byDate[new DateOnly(2026, 7, 24)].ValueShareUnderLayer[MeasureKind.Section301] > 0.3);
        Assert.All(path, p => Assert.Equal(p.EtrAddedVs2024, p.LayerContribution.Values.Sum(), 10));
        Assert.Throws<ArgumentException>(() => Real.VietnamEtrPath(new DateOnly(2026, 1, 1), new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void Competitors_carry_their_own_2025_rates_in_the_real_timeline()
    {
        var date = new DateOnly(2025, 9, 1);
        var rates = Real.RatesOn(date);
        var line = Enumerable.Range(0, D.ImportLines.Count).First(i => D.ImportLines[i].Code.Digits.StartsWith("6404", StringComparison.Ordinal)
            && D.ImportLines[i].Suppliers.Any(s => s.Partner.CensusCode == Partner.ChinaCode));
        var k = D.ImportLines[line].Suppliers.ToList().FindIndex(s => s.Partner.CensusCode == Partner.ChinaCode);
        Assert.Equal(rates.BaseRate(line, k) + 0.20 + 0.10, rates.Rate(line, k), 12); // fentanyl 20% + reciprocal 10%
        var reciprocal20 = TariffSchedule.Compile(Presets.Get("reciprocal-20"), D, L).RatesOn(date);
        Assert.Equal(reciprocal20.BaseRate(line, k), reciprocal20.Rate(line, k), 12); // single-rate presets leave China at 2024 rates
    }

    private static Arbitrary<(double Rate, string[] Exempt, string Extra)> Shocks() =>
        Gen.Choose(0, 100).SelectMany(r => Gen.SubListOf(new[] { "0901", "64", "9403", "85", "6110", "8471", "0306", "94" })
            .SelectMany(ex => Gen.Elements("0901", "6403", "9401", "8517", "6204", "3926")
                .Select(extra => (r / 100.0, ex.ToArray(), extra)))).ToArbitrary();

    [Property(MaxTest = 25)]
    public Property Adding_an_exemption_never_raises_any_rate_and_rates_are_never_negative_or_nan() =>
        Prop.ForAll(Shocks(), shock =>
        {
            var date = new DateOnly(2025, 9, 1);
            var codes = shock.Exempt.Select(HtsCode.Parse).ToArray();
            TariffMeasure M(IReadOnlyList<HtsCode> exempt) => new("m", MeasureKind.Reciprocal, shock.Rate, new DateOnly(2025, 8, 7), null, [Partner.VietnamCode, Partner.ChinaCode], exemptCodes: exempt, exemptionLists: ["annex-ii"]);
            var a = TariffSchedule.Compile(new Scenario("a", "", null, [M(codes)]), D, L).RatesOn(date).ToArray();
            var b = TariffSchedule.Compile(new Scenario("b", "", null, [M([.. codes, HtsCode.Parse(shock.Extra)])]), D, L).RatesOn(date).ToArray();
            return a.All(double.IsFinite) && a.All(x => x >= 0) && b.Zip(a).All(p => p.First <= p.Second + 1e-15);
        });

    [Fact]
    public void Rates_of_every_preset_on_every_change_date_are_finite_and_non_negative()
    {
        foreach (var name in Presets.Names)
        {
            var s = TariffSchedule.Compile(Presets.Get(name), D, L);
            foreach (var date in s.ChangeDates(new DateOnly(2024, 12, 31), new DateOnly(2030, 12, 31)).Prepend(new DateOnly(2025, 1, 1)))
            {
                Assert.All(s.RatesOn(date).ToArray(), r => Assert.True(double.IsFinite(r) && r >= 0, $"{name} {date}: {r}"));
            }
        }
    }
}
