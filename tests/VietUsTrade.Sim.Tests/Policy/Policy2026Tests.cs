using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using Xunit;

namespace VietUsTrade.Sim.Tests.Policy;

/// <summary>The 2026 policy facts of shared/data/raw/policy-2026 as the real timeline carries them (issue 14).</summary>
public class Policy2026Tests
{
    private static readonly BaselineDataset Data = BaselineDataset.LoadEmbedded();
    private static readonly Scenario Real = Presets.Get("real-2025-2026");

    /// <summary>The forced-labor rows of the per-partner file: ISO3 (EU27 for the EU) → (rate, floor net of MFN).</summary>
    private static Dictionary<string, (double Rate, bool Floor)> PartnerFile()
    {
        var path = Path.Combine(TestPaths.RequireSharedRaw(), "policy-2026", "s301_2026_rates_by_partner.csv");
        using var reader = new StreamReader(path);
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new Dictionary<string, (double, bool)>(StringComparer.Ordinal);
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            if (csv.GetField("authority")!.StartsWith("Section 301 (forced-labor", StringComparison.Ordinal))
            {
                rows[csv.GetField("iso3")!] = (double.Parse(csv.GetField("rate_tier_pct")!, CultureInfo.InvariantCulture) / 100, csv.GetField("rate_kind") == "floor_net_of_mfn");
            }
        }

        return rows;
    }

    [Fact]
    public void Every_partner_in_the_baseline_pays_the_forced_labor_rate_of_the_per_partner_file()
    {
        var file = PartnerFile();
        Assert.Equal(60, file.Count);
        var measures = Real.Measures.Where(m => m.Kind == MeasureKind.Section301).ToArray();
        foreach (var p in Data.Partners.Where(p => !p.IsRestOfWorld))
        {
            var key = p.CensusCode == "0003" ? "EU27" : p.Iso3!;
            var (rate, floor) = file[key];
            var m = Assert.Single(measures, x => x.Suppliers.Contains(p.CensusCode));
            Assert.Equal(rate, m.Rate, 12);
            Assert.Equal(floor, m.IsFloor);
            Assert.Equal(new DateOnly(2026, 7, 24), m.From);
            Assert.Null(m.Until);
            Assert.Contains("s301-forced-labor-annex-ii-part-a", m.ExemptionLists);
        }
    }

    [Fact]
    public void The_final_Annex_II_Part_A_list_holds_2120_lines_and_exempts_Vietnam_from_the_action()
    {
        var list = PolicyLibrary.LoadEmbedded().Get("s301-forced-labor-annex-ii-part-a");
        Assert.Equal(2120, list.Entries.Count);
        var schedule = TariffSchedule.Compile(Real, Data);
        var coffee = schedule.TariffsOn(VietUsTrade.Sim.Products.HtsCode.Parse("0901110025"), "VNM", new DateOnly(2026, 8, 3)).Single();
        Assert.DoesNotContain(coffee.Layers, l => l.Kind == MeasureKind.Section301);
        Assert.Contains(coffee.Exemptions, e => e.MeasureId == "vn-s301-forced-labor" && e.List == "s301-forced-labor-annex-ii-part-a");
        var shoes = schedule.TariffsOn(VietUsTrade.Sim.Products.HtsCode.Parse("6404"), "VNM", new DateOnly(2026, 8, 3));
        Assert.Contains(shoes, t => t.Layers.Any(l => l.MeasureId == "vn-s301-forced-labor" && Math.Abs(l.Rate - 0.125) < 1e-12));
        Assert.Equal(0.1301, schedule.VietnamEtr(new DateOnly(2026, 7, 24)).EtrTotal, 4);
    }

    [Fact]
    public void Solar_cells_and_modules_pay_the_Section_232_polysilicon_rate_from_2026_12_04_instead_of_the_Section_301_rate()
    {
        var schedule = TariffSchedule.Compile(Real, Data);
        var modules = VietUsTrade.Sim.Products.HtsCode.Parse("854143");
        foreach (var t in schedule.TariffsOn(modules, "VNM", new DateOnly(2026, 12, 3)))
        {
            Assert.Contains(t.Layers, l => l.MeasureId == "vn-s301-forced-labor");
            Assert.DoesNotContain(t.Layers, l => l.Kind == MeasureKind.Section232);
        }

        // From 2026-12-04: the 15 % (clause 4) and the $0.38/W minimum import price as its ad valorem equivalent at the
        // assumed $0.24/W entered value, 0.38 / 0.24 − 1 = 58.33 % (clause 2), both on top of the 2024 rate (clause 5(a)).
        foreach (var t in schedule.TariffsOn(modules, "VNM", new DateOnly(2026, 12, 4)))
        {
            Assert.Equal(2, t.Layers.Count);
            var s232 = Assert.Single(t.Layers, l => l.Kind == MeasureKind.Section232);
            Assert.Equal("s232-polysilicon-15", s232.MeasureId);
            Assert.Equal(0.15, s232.Rate, 12);
            var mip = Assert.Single(t.Layers, l => l.Kind == MeasureKind.MinimumImportPrice);
            Assert.Equal("s232-polysilicon-mip-modules", mip.MeasureId);
            Assert.Equal((0.38 / 0.24) - 1, mip.Rate, 12);
            Assert.Equal(t.BaseRate + 0.15 + (0.38 / 0.24) - 1, t.TotalRate, 12);
        }

        Assert.All(schedule.TariffsOn(modules, "GBR", new DateOnly(2026, 12, 4)), t => Assert.Contains(t.Layers, l => l.MeasureId == "s232-polysilicon-uk-10" && Math.Abs(l.Rate - 0.10) < 1e-12));
    }

    [Fact]
    public void The_open_legal_questions_are_scenarios_that_differ_from_the_real_timeline_only_where_they_say()
    {
        var real = TariffSchedule.Compile(Real, Data);
        var noS122 = TariffSchedule.Compile(Presets.Get("s122-refunded"), Data);
        Assert.DoesNotContain(noS122.Scenario.Measures, m => m.Kind == MeasureKind.Section122);
        foreach (var d in new[] { new DateOnly(2025, 12, 1), new DateOnly(2026, 8, 1) })
        {
            Assert.Equal(real.VietnamEtr(d).EtrTotal, noS122.VietnamEtr(d).EtrTotal);
        }

        Assert.True(noS122.VietnamEtr(new DateOnly(2026, 4, 1)).EtrTotal < real.VietnamEtr(new DateOnly(2026, 4, 1)).EtrTotal - 0.03);
        var ip = TariffSchedule.Compile(Presets.Get("ip-301-25"), Data);
        Assert.Equal(real.VietnamEtr(new DateOnly(2026, 12, 31)).EtrTotal, ip.VietnamEtr(new DateOnly(2026, 12, 31)).EtrTotal);
        Assert.True(ip.VietnamEtr(new DateOnly(2027, 1, 1)).EtrTotal > real.VietnamEtr(new DateOnly(2027, 1, 1)).EtrTotal + 0.1);
        Assert.All(new[] { "s122-refunded", "ip-301-25" }, n => Assert.NotEmpty(Presets.Get(n).Assumptions));
    }

    [Fact]
    public void Switzerland_is_floored_at_15_percent_from_2025_11_14_and_India_pays_18_percent_without_the_oil_duty_from_2026_02_07()
    {
        var schedule = TariffSchedule.Compile(Real, Data);
        var watch = VietUsTrade.Sim.Products.HtsCode.Parse("9102");
        var before = schedule.TariffsOn(watch, "CHE", new DateOnly(2025, 11, 13));
        var after = schedule.TariffsOn(watch, "CHE", new DateOnly(2025, 11, 14));
        Assert.All(before, t => Assert.Contains(t.Layers, l => l.MeasureId == "reciprocal-4419" && Math.Abs(l.Rate - 0.39) < 1e-12));
        Assert.All(after, t => Assert.Equal(Math.Max(0.15, t.BaseRate), t.TotalRate, 12));
        var india = schedule.TariffsOn(VietUsTrade.Sim.Products.HtsCode.Parse("6109"), "IND", new DateOnly(2026, 2, 10));
        Assert.All(india, t =>
        {
            Assert.DoesNotContain(t.Layers, l => l.MeasureId == "india-russia-oil-25");
            Assert.Contains(t.Layers, l => l.MeasureId == "reciprocal-5330-18" && Math.Abs(l.Rate - 0.18) < 1e-12);
        });
        Assert.Contains(schedule.TariffsOn(VietUsTrade.Sim.Products.HtsCode.Parse("6109"), "IND", new DateOnly(2026, 2, 6))[0].Layers, l => l.MeasureId == "india-russia-oil-25");
    }

    [Fact]
    public void Issue_14_line_checks_pullovers_laptops_and_modules()
    {
        var schedule = TariffSchedule.Compile(Real, Data);
        var aug1 = new DateOnly(2026, 8, 1);
        var pullover = VietUsTrade.Sim.Products.HtsCode.Parse("6110303059");

        // Vietnam: MFN 32 % + 12.5 %.
        var vn = Assert.Single(schedule.TariffsOn(pullover, "VNM", aug1));
        Assert.Equal(0.32, vn.BaseRate, 4);
        Assert.Equal(0.125, Assert.Single(vn.Layers).Rate, 12);
        Assert.Equal(0.445, vn.TotalRate, 4);

        // India: MFN + 10 %.
        var india = Assert.Single(schedule.TariffsOn(pullover, "IND", aug1));
        Assert.Equal(india.BaseRate + 0.10, india.TotalRate, 12);

        // The EU: MFN only, since 32 % exceeds the 10 % floor net of MFN (named "EU" as a user would).
        var eu = Assert.Single(schedule.TariffsOn(pullover, "EU", aug1));
        Assert.Equal(0.32, eu.BaseRate, 4);
        Assert.Equal(eu.BaseRate, eu.TotalRate, 12);

        // Laptops from Vietnam pay no Section 301 duty (Annex II Part A).
        var laptops = schedule.TariffsOn(VietUsTrade.Sim.Products.HtsCode.Parse("84713001"), "VNM", aug1);
        Assert.NotEmpty(laptops);
        Assert.All(laptops, t => Assert.DoesNotContain(t.Layers, l => l.Kind == MeasureKind.Section301));
        Assert.All(laptops, t => Assert.Contains(t.Exemptions, e => e.List == "s301-forced-labor-annex-ii-part-a"));

        // Crystalline modules pay more from 2026-12-04 than the day before.
        var module = VietUsTrade.Sim.Products.HtsCode.Parse("8541430010");
        var before = Assert.Single(schedule.TariffsOn(module, "VNM", new DateOnly(2026, 12, 3)));
        var after = Assert.Single(schedule.TariffsOn(module, "VNM", new DateOnly(2026, 12, 4)));
        Assert.True(after.TotalRate > before.TotalRate + 0.5, $"{before.TotalRate} → {after.TotalRate}");
    }

    [Fact]
    public void Drones_pay_the_Section_232_tiers_from_2026_09_03_with_the_partner_caps()
    {
        var schedule = TariffSchedule.Compile(Real, Data);
        var before = new DateOnly(2026, 9, 2);
        var from = new DateOnly(2026, 9, 3);
        var light = VietUsTrade.Sim.Products.HtsCode.Parse("8806220000"); // remote-piloted, 250 g to 7 kg
        var heavy = VietUsTrade.Sim.Products.HtsCode.Parse("8806290000"); // remote-piloted, over 150 kg
        Assert.DoesNotContain(Assert.Single(schedule.TariffsOn(light, "VNM", before)).Layers, l => l.Kind == MeasureKind.Section232);
        Assert.Equal(0.25, Assert.Single(Assert.Single(schedule.TariffsOn(light, "VNM", from)).Layers, l => l.Kind == MeasureKind.Section232).Rate, 12);
        Assert.Equal(1.00, Assert.Single(Assert.Single(schedule.TariffsOn(heavy, "CHN", from)).Layers, l => l.Kind == MeasureKind.Section232).Rate, 12);
        Assert.Equal(0.15, Assert.Single(Assert.Single(schedule.TariffsOn(light, "JPN", from)).Layers, l => l.Kind == MeasureKind.Section232).Rate, 12);
        Assert.Equal(0.10, Assert.Single(Assert.Single(schedule.TariffsOn(light, "GBR", from)).Layers, l => l.Kind == MeasureKind.Section232).Rate, 12);
    }

    [Fact]
    public void The_ip_action_takes_a_user_date_and_the_excess_capacity_action_is_a_labelled_hypothetical()
    {
        var real = TariffSchedule.Compile(Real, Data);
        Assert.Equal(ScenarioJson.Write(Presets.Get("ip-301-25")), ScenarioJson.Write(Presets.IpSection301(new DateOnly(2027, 1, 1))));
        var mid = TariffSchedule.Compile(Presets.IpSection301(new DateOnly(2026, 10, 1), 0.15), Data);
        Assert.Equal("ip-301-15-from-2026-10-01", mid.Scenario.Name);
        Assert.Equal(real.VietnamEtr(new DateOnly(2026, 9, 30)).EtrTotal, mid.VietnamEtr(new DateOnly(2026, 9, 30)).EtrTotal);
        Assert.True(mid.VietnamEtr(new DateOnly(2026, 10, 1)).EtrTotal > real.VietnamEtr(new DateOnly(2026, 10, 1)).EtrTotal + 0.05);
        Assert.Equal("from", Assert.Throws<ScenarioValidationException>(() => Presets.IpSection301(new DateOnly(2026, 1, 1))).Path);

        var excess = Presets.Get("excess-capacity-301");
        Assert.Contains("hypothetical", excess.Description, StringComparison.Ordinal);
        Assert.True(excess.Validate(VietUsTrade.Sim.Policy.PolicyLibrary.LoadEmbedded(), Data).IsValid);
        var ex = TariffSchedule.Compile(excess, Data);
        Assert.Equal(real.VietnamEtr(new DateOnly(2026, 12, 31)).EtrTotal, ex.VietnamEtr(new DateOnly(2026, 12, 31)).EtrTotal);
        Assert.True(ex.VietnamEtr(new DateOnly(2027, 1, 1)).EtrTotal > real.VietnamEtr(new DateOnly(2027, 1, 1)).EtrTotal + 0.03);
    }

    [Fact]
    public void The_conditional_Part_A_relief_reaches_only_its_qualifying_share()
    {
        var real = TariffSchedule.Compile(Real, Data);
        var july24 = new DateOnly(2026, 7, 24);
        var aug1 = new DateOnly(2026, 8, 1);

        // Every Part A code that matches no 2024 line is reported (1,441 of 2,120), none dropped.
        Assert.Equal(1441, Real.Validate(PolicyLibrary.LoadEmbedded(), Data).UnmatchedListCodes[Presets.PartAList].Count);

        // q = 1 (the presets' reading) is the real timeline exactly.
        var full = TariffSchedule.Compile(Presets.WithConditionalExemptionShares(Real, 1, 1), Data);
        foreach (var d in new[] { july24, aug1, new DateOnly(2026, 12, 4) })
        {
            Assert.Equal(real.VietnamEtr(d).EtrTotal, full.VietnamEtr(d).EtrTotal);
        }

        // q = 0: headphones (listed for civil aircraft, 52(d)) pay the 12.5 %; aircraft parts of chapter 88 stay exempt.
        var none = Presets.Get("s301-conditional-unclaimed");
        Assert.True(none.Validate(PolicyLibrary.LoadEmbedded(), Data).IsValid);
        var unclaimed = TariffSchedule.Compile(none, Data);
        var headphones = VietUsTrade.Sim.Products.HtsCode.Parse("8518302000");
        Assert.DoesNotContain(Assert.Single(real.TariffsOn(headphones, "VNM", aug1)).Layers, l => l.Kind == MeasureKind.Section301);
        Assert.Equal(0.125, Assert.Single(Assert.Single(unclaimed.TariffsOn(headphones, "VNM", aug1)).Layers, l => l.Kind == MeasureKind.Section301).Rate, 12);
        Assert.All(unclaimed.TariffsOn(VietUsTrade.Sim.Products.HtsCode.Parse("880730"), "VNM", aug1), t => Assert.DoesNotContain(t.Layers, l => l.Kind == MeasureKind.Section301));
        Assert.Equal(0.1399, unclaimed.VietnamEtr(july24).EtrTotal, 4); // 13.01 % with the relief claimed on all of it

        // q = 0.5: half the rate on the listed lines; India's 10 % the same way.
        var half = TariffSchedule.Compile(Presets.WithConditionalExemptionShares(Real, 0.5, 1), Data);
        Assert.Equal(0.0625, Assert.Single(half.TariffsOn(headphones, "VNM", aug1)).Layers.Where(l => l.Kind == MeasureKind.Section301).Sum(l => l.Rate), 12);
        Assert.Equal(0.05, Assert.Single(half.TariffsOn(headphones, "IND", aug1)).Layers.Where(l => l.Kind == MeasureKind.Section301).Sum(l => l.Rate), 12);
        Assert.Equal("civil_aircraft_share", Assert.Throws<ScenarioValidationException>(() => Presets.WithConditionalExemptionShares(Real, 1.5, 1)).Path);
    }

    [Fact]
    public void The_sign_of_the_2026_04_06_metals_change_turns_on_the_metal_content_share()
    {
        // docs/policy.md: derivatives paid 50 % of their metal content share s (+ 10 % s122 on the rest) before 2026-04-06
        // and 25 % of full value after; with SGEPT's shares the ETR falls 0.36 pp, with s = 0.15 it rises.
        double Change(double? share)
        {
            var s = share is { } v
                ? new Scenario("x", "x", Real.Sources, Real.Measures.Select(m => m.Kind == MeasureKind.Section232 && m.ShareOfGoods < 1 && (m.Id.Contains("steel", StringComparison.Ordinal) || m.Id.Contains("aluminum", StringComparison.Ordinal)) ? m.WithShare(v) : m).ToArray(), Real.Commitments, Real.Concessions, Real.Assumptions)
                : Real;
            var schedule = TariffSchedule.Compile(s, Data);
            return schedule.VietnamEtr(new DateOnly(2026, 4, 6)).EtrTotal - schedule.VietnamEtr(new DateOnly(2026, 4, 5)).EtrTotal;
        }

        Assert.Equal(-0.0036, Change(null), 4);
        Assert.True(Change(0.15) > 0.001);
        Assert.True(Change(0.25) < 0);
        Assert.True(Change(0.25) > Change(0.4));
        Assert.True(Change(1.0) < Change(0.5));
    }
}
