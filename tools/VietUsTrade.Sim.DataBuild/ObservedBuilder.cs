using VietUsTrade.Sim.Data;

namespace VietUsTrade.Sim.DataBuild;

/// <summary>
/// Builds <see cref="ObservedTrade"/> from shared/data/raw/census-monthly-2025 (README there): every row is kept or
/// rejected with a reason; a duplicate month is a build error.
/// </summary>
public static class ObservedBuilder
{
    private const string Dir = "census-monthly-2025";

    /// <summary>What the embedded observed data are (stated in results that use them).</summary>
    public const string Vintage = "U.S. Census Bureau, International Trade API, as pulled by the tradewartracker repositories: imports for consumption and calculated duty by NAICS-3 (file rebuilt 2026-02-04, latest month 2025-11); total exports, FAS, by Schedule B (pulled 2026-03-18, latest month 2026-01)";

    /// <summary>Builds the observed data.</summary>
    /// <param name="rawDir">shared/data/raw.</param>
    /// <returns>The data.</returns>
    /// <exception cref="DataFileException">A raw file is missing or has an invalid row.</exception>
    public static ObservedTrade Build(string rawDir)
    {
        var tables = new List<RawTable>();
        RawTable Read(string file, params string[] columns)
        {
            var t = RawTable.Read(rawDir, $"{Dir}/{file}", columns);
            tables.Add(t);
            return t;
        }

        var series = new List<MonthlySeries>();

        // Vietnam and all countries by NAICS-3.
        var naics = Read("us_imports_cons_naics3_monthly_2022_2025_vn_world.csv", "cty_name", "naics", "naics_desc", "month", "con_val_mo_usd", "cal_dut_mo_usd");
        var groups = new SortedDictionary<string, (string Desc, SortedDictionary<DateOnly, MonthlyPoint> Points)>(StringComparer.Ordinal);
        foreach (var row in naics.Rows)
        {
            var cty = row.RequiredText("cty_name");
            var who = cty switch
            {
                "VIETNAM" => "VIETNAM",
                "TOTAL FOR ALL COUNTRIES" => "WORLD",
                _ => null,
            };
            if (who is null)
            {
                naics.Reject(row, "partner other than Vietnam or all countries");
                continue;
            }

            var code = row.RequiredText("naics");
            var key = $"imports/{who}/{code}";
            var month = BaselineBuilder.ParseMonth(row, "month");
            if (!groups.TryGetValue(key, out var g))
            {
                groups[key] = g = ($"US imports for consumption from {(who == "VIETNAM" ? "Vietnam" : "all countries")}, NAICS {code} {row.Text("naics_desc")}, customs value and calculated duty (Census CON_VAL_MO, CAL_DUT_MO)", new());
            }

            if (!g.Points.TryAdd(month, new MonthlyPoint(month, row.Money("con_val_mo_usd"), row.Money("cal_dut_mo_usd"))))
            {
                throw row.Fail("month", row.Text("month"), $"duplicate month for {key}");
            }

            naics.Keep(row);
        }

        series.AddRange(groups.Select(kv => new MonthlySeries(kv.Key, kv.Value.Desc, kv.Value.Points.Values.ToArray())));

        // The long history of imports from Vietnam (monthly rows; the annual secondary rows are not a monthly series).
        var hist = Read("us_imports_from_vietnam_history.csv", "period", "period_type", "value_usd", "concept", "source_id");
        var histPoints = new SortedDictionary<DateOnly, MonthlyPoint>();
        foreach (var row in hist.Rows)
        {
            if (row.RequiredText("period_type") != "month")
            {
                hist.Reject(row, "annual secondary figure (kept in the raw file only)");
                continue;
            }

            if (row.RequiredText("concept") != "consumption")
            {
                throw row.Fail("concept", row.Text("concept"), "monthly rows must be imports for consumption");
            }

            var month = BaselineBuilder.ParseMonth(row, "period");
            if (!histPoints.TryAdd(month, new MonthlyPoint(month, row.Money("value_usd"), 0)))
            {
                throw row.Fail("period", row.Text("period"), "duplicate month");
            }

            hist.Keep(row);
        }

        series.Add(new MonthlySeries(ObservedTrade.VietnamImportsHistoryKey, "US imports for consumption from Vietnam, customs value, all products (Census, monthly)", histPoints.Values.ToArray()));

        // Exports: the total and by HS-4 heading.
        var total = Read("us_exports_to_vietnam_total_monthly_2013_2026.csv", "month", "all_val_mo_usd");
        var totalPoints = new SortedDictionary<DateOnly, MonthlyPoint>();
        foreach (var row in total.Rows)
        {
            var month = BaselineBuilder.ParseMonth(row, "month");
            if (!totalPoints.TryAdd(month, new MonthlyPoint(month, row.Money("all_val_mo_usd"), 0)))
            {
                throw row.Fail("month", row.Text("month"), "duplicate month");
            }

            total.Keep(row);
        }

        series.Add(new MonthlySeries(ObservedTrade.VietnamExportsKey, "US total exports to Vietnam, FAS value (Census ALL_VAL_MO)", totalPoints.Values.ToArray()));

        var sb = Read("us_exports_to_vietnam_schedb10_monthly_2023_2026.csv", "schedb10", "month", "all_val_mo_usd");
        var byHeading = new SortedDictionary<string, SortedDictionary<DateOnly, double>>(StringComparer.Ordinal);
        var seen = new HashSet<(string, DateOnly)>();
        foreach (var row in sb.Rows)
        {
            var code = row.RequiredText("schedb10");
            if (code.Length != 10 || !code.All(char.IsAsciiDigit))
            {
                throw row.Fail("schedb10", code, "not a 10-digit Schedule B code");
            }

            var month = BaselineBuilder.ParseMonth(row, "month");
            if (!seen.Add((code, month)))
            {
                throw row.Fail("schedb10", code, $"duplicate code and month {month:yyyy-MM}");
            }

            var h = code[..4];
            if (!byHeading.TryGetValue(h, out var pts))
            {
                byHeading[h] = pts = new SortedDictionary<DateOnly, double>();
            }

            pts[month] = pts.GetValueOrDefault(month) + row.Money("all_val_mo_usd");
            sb.Keep(row);
        }

        series.AddRange(byHeading.Select(kv => new MonthlySeries($"exports/VIETNAM/hs4/{kv.Key}", $"US total exports to Vietnam of HS heading {kv.Key}, FAS value",
            kv.Value.Select(p => new MonthlyPoint(p.Key, p.Value, 0)).ToArray())));

        return new ObservedTrade(Vintage, tables.Select(t => t.ToSourceInfo()).ToArray(), series.ToArray());
    }
}
