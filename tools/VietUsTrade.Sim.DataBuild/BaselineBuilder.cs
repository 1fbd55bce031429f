using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.DataBuild;

/// <summary>
/// Builds the bundled 2024 baseline from <c>shared/data/raw</c>. Deterministic: the same raw files give the same
/// bytes. Every rule applied is written into the dataset's build notes; every raw row is kept or rejected with a
/// reason (counted in the provenance).
/// </summary>
public static class BaselineBuilder
{
    /// <summary>The cap on the elasticity of substitution σ (Broda–Weinstein's heavy right tail; docs/data.md).</summary>
    public const double SigmaCap = 15.0;

    private const string Hs10Dir = "census-hs10-2024-tradewartracker";
    private const string ExportDir = "census-exports-vn-tradewartracker";
    private const string SlovakiaCode = "4359";

    /// <summary>Builds the dataset.</summary>
    /// <param name="rawDir">The folder <c>shared/data/raw</c>.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="DataFileException">A raw file is missing, unreadable or has an invalid row.</exception>
    public static BaselineDataset Build(string rawDir)
    {
        ArgumentNullException.ThrowIfNull(rawDir);
        var notes = new List<string>();
        var sources = new List<RawTable>();
        RawTable Read(string file, params string[] columns)
        {
            var t = RawTable.Read(rawDir, file, columns);
            sources.Add(t);
            return t;
        }

        // ---- partners -------------------------------------------------------------------------------
        var partnerTable = Read($"{Hs10Dir}/partners_2024_totals.csv", "cty_code", "cty_name", "con_val_usd", "cal_dut_usd");
        var partners = new SortedDictionary<string, Partner>(StringComparer.Ordinal);
        foreach (var row in partnerTable.Rows)
        {
            var code = row.RequiredText("cty_code");
            if (code == SlovakiaCode)
            {
                partnerTable.Reject(row, "Slovakia 4359: already inside the EU-27 aggregate 0003");
                continue;
            }

            if (!partners.TryAdd(code, new Partner(code, row.RequiredText("cty_name"), row.Money("con_val_usd"), row.Money("cal_dut_usd"))))
            {
                throw row.Fail("cty_code", code, "duplicate partner");
            }

            partnerTable.Keep(row);
        }

        if (!partners.ContainsKey(Partner.VietnamCode))
        {
            throw new DataFileException(partnerTable.Name, 0, "cty_code", Partner.VietnamCode, "Vietnam is not among the partners");
        }

        notes.Add("Partners: the 51 Census codes with HTS10 detail less Slovakia (4359), which is inside the EU-27 aggregate (0003): 50 non-overlapping suppliers.");

        // ---- chapters (world and Vietnam) -------------------------------------------------------------
        var chapterNames = Read("budgetlab-yale/hs2_chapter_names.csv", "hs2", "hs2_name");
        var names = new Dictionary<int, string>();
        foreach (var row in chapterNames.Rows)
        {
            var ch = row.Hts("hs2", 2).Chapter;
            if (!names.TryAdd(ch, row.RequiredText("hs2_name")))
            {
                throw row.Fail("hs2", row.Text("hs2"), "duplicate chapter");
            }

            chapterNames.Keep(row);
        }

        var worldTable = Read($"{Hs10Dir}/us_imports_cons_2024_hs2_world.csv", "hs2", "con_val_usd", "cal_dut_usd");
        var world = new SortedDictionary<int, (double Value, double Duty)>();
        foreach (var row in worldTable.Rows)
        {
            var ch = row.Hts("hs2", 2).Chapter;
            if (!world.TryAdd(ch, (row.Money("con_val_usd"), row.Money("cal_dut_usd"))))
            {
                throw row.Fail("hs2", row.Text("hs2"), "duplicate chapter");
            }

            worldTable.Keep(row);
        }

        // ---- Vietnam HTS10 lines --------------------------------------------------------------------
        var vnTable = Read($"{Hs10Dir}/us_imports_cons_2024_hs10_vietnam.csv", "cty_code", "hs10", "hs10_sdesc", "con_val_usd", "cal_dut_usd");
        var vnLines = new SortedDictionary<HtsCode, (string Desc, double Value, double Duty)>();
        foreach (var row in vnTable.Rows)
        {
            if (row.Text("cty_code") != Partner.VietnamCode)
            {
                throw row.Fail("cty_code", row.Text("cty_code"), "expected Vietnam (5520) only");
            }

            var code = row.Hts("hs10", 10);
            if (!vnLines.TryAdd(code, (row.Text("hs10_sdesc"), row.Money("con_val_usd"), row.Money("cal_dut_usd"))))
            {
                throw row.Fail("hs10", code.Digits, "duplicate line");
            }

            vnTable.Keep(row);
        }

        // ---- other suppliers' HTS10 flows -----------------------------------------------------------
        var partnerFlows = Read($"{Hs10Dir}/us_imports_cons_2024_hs10_51partners.csv", "cty_code", "hs10", "con_val_usd", "cal_dut_usd");
        var flowsByLine = new Dictionary<HtsCode, List<(string Partner, double Value, double Duty)>>();
        var detailedByChapter = new Dictionary<int, double>();
        var detailedDutyByChapter = new Dictionary<int, double>();
        var seen = new HashSet<(string, HtsCode)>();
        var vnCheck = new Dictionary<HtsCode, (double Value, double Duty)>();
        foreach (var row in partnerFlows.Rows)
        {
            var cty = row.RequiredText("cty_code");
            var code = row.Hts("hs10", 10);
            var value = row.Money("con_val_usd");
            var duty = row.Money("cal_dut_usd");
            if (!seen.Add((cty, code)))
            {
                throw row.Fail("hs10", $"{cty}/{code}", "duplicate line for this partner");
            }

            if (cty == SlovakiaCode)
            {
                partnerFlows.Reject(row, "Slovakia 4359: already inside the EU-27 aggregate 0003");
                continue;
            }

            if (!partners.ContainsKey(cty))
            {
                throw row.Fail("cty_code", cty, "partner not in partners_2024_totals.csv");
            }

            detailedByChapter[code.Chapter] = detailedByChapter.GetValueOrDefault(code.Chapter) + value;
            detailedDutyByChapter[code.Chapter] = detailedDutyByChapter.GetValueOrDefault(code.Chapter) + duty;
            if (cty == Partner.VietnamCode)
            {
                vnCheck[code] = (value, duty);
            }
            else if (vnLines.ContainsKey(code))
            {
                if (!flowsByLine.TryGetValue(code, out var list))
                {
                    flowsByLine[code] = list = [];
                }

                list.Add((cty, value, duty));
            }

            partnerFlows.Keep(row);
        }

        foreach (var (code, (_, value, duty)) in vnLines)
        {
            if (!vnCheck.TryGetValue(code, out var check) || check.Value != value || check.Duty != duty)
            {
                throw new DataFileException(partnerFlows.Name, 0, "hs10", code.Digits, "Vietnam's row in the 51-partner file differs from the Vietnam file");
            }
        }

        if (vnCheck.Count != vnLines.Count)
        {
            throw new DataFileException(partnerFlows.Name, 0, "hs10", vnCheck.Count.ToString(CultureInfo.InvariantCulture), "Vietnam has lines in the 51-partner file that the Vietnam file lacks");
        }

        var residual = new SortedDictionary<int, (double Value, double Duty)>();
        foreach (var (ch, w) in world)
        {
            var rv = w.Value - detailedByChapter.GetValueOrDefault(ch);
            var rd = w.Duty - detailedDutyByChapter.GetValueOrDefault(ch);
            if (rv < -1.0)
            {
                throw new DataFileException(worldTable.Name, 0, "con_val_usd", ch.ToString("00", CultureInfo.InvariantCulture), $"world total below the sum of the detailed partners by {-rv} USD");
            }

            residual[ch] = (Math.Max(rv, 0.0), Math.Max(rd, 0.0));
        }

        notes.Add("Rest of world: per HS chapter, world imports (Census HS2 file, all partner codes except the EU aggregate) minus the 50 detailed partners' HTS10 imports of the chapter; allocated to each line in proportion to the line's imports from the detailed partners; its duty likewise.");

        // ---- chapter totals (Vietnam from the HS2 by-country file, checked against the lines) ----------
        var byCountry = Read($"{Hs10Dir}/us_imports_cons_2024_hs2_by_country.csv", "cty_code", "hs2", "con_val_usd", "cal_dut_usd");
        var vnChapter = new Dictionary<int, (double Value, double Duty)>();
        foreach (var row in byCountry.Rows)
        {
            if (row.Text("cty_code") != Partner.VietnamCode)
            {
                byCountry.Reject(row, "partner other than Vietnam (world totals come from the HS2 world file)");
                continue;
            }

            var ch = row.Hts("hs2", 2).Chapter;
            if (!vnChapter.TryAdd(ch, (row.Money("con_val_usd"), row.Money("cal_dut_usd"))))
            {
                throw row.Fail("hs2", row.Text("hs2"), "duplicate chapter");
            }

            byCountry.Keep(row);
        }

        foreach (var group in vnLines.GroupBy(kv => kv.Key.Chapter))
        {
            var sum = group.Sum(kv => kv.Value.Value);
            if (!vnChapter.TryGetValue(group.Key, out var c) || Math.Abs(c.Value - sum) > 0.5)
            {
                throw new DataFileException(byCountry.Name, 0, "con_val_usd", group.Key.ToString("00", CultureInfo.InvariantCulture), $"Vietnam's chapter total differs from the sum of its HTS10 lines ({sum})");
            }
        }

        var chapters = world.Select(kv => new ChapterTotals(kv.Key, names.GetValueOrDefault(kv.Key, $"Chapter {kv.Key:00}"), kv.Value.Value, kv.Value.Duty,
            vnChapter.GetValueOrDefault(kv.Key).Value, vnChapter.GetValueOrDefault(kv.Key).Duty, residual[kv.Key].Value)).ToArray();

        // ---- MFN, NAICS, GTAP ------------------------------------------------------------------------
        var mfn = ReadMfn(Read("usitc-hts-2025/us_hts_2025_basic_column1_general_hts8.csv", "hts8", "general_rate_text", "rate_type", "ad_valorem_pct"));
        var naics = ReadCodeMap(Read("census-concordance-tradewartracker/census_import_concordance_hts10_2022.csv", "hts10", "naics"), "hts10", "naics", vnLines);
        var gtap = ReadCodeMap(Read("budgetlab-yale/hs10_gtap_crosswalk.csv", "hs10", "gtap_code"), "hs10", "gtap_code", vnLines);

        // ---- elasticities ------------------------------------------------------------------------------
        var elasticities = ElasticityMatcher.Build(rawDir, vnLines, sources, notes);

        // ---- lines ---------------------------------------------------------------------------------------
        var partnerArray = partners.Values.Append(new Partner(Partner.RestOfWorldCode, "REST OF WORLD",
            residual.Values.Sum(r => r.Value), residual.Values.Sum(r => r.Duty))).ToArray();
        var partnerByCode = partnerArray.ToDictionary(p => p.CensusCode, StringComparer.Ordinal);
        var vietnam = partnerByCode[Partner.VietnamCode];
        var rowPartner = partnerByCode[Partner.RestOfWorldCode];
        var lines = new List<ImportLine>(vnLines.Count);
        foreach (var (code, (desc, value, duty)) in vnLines)
        {
            var flows = new List<SupplierFlow> { new(vietnam, value, duty) };
            var others = flowsByLine.GetValueOrDefault(code) ?? [];
            foreach (var (cty, v, d) in others.OrderBy(o => o.Partner, StringComparer.Ordinal))
            {
                if (v > 0)
                {
                    flows.Add(new SupplierFlow(partnerByCode[cty], v, d));
                }
            }

            var detailed = value + others.Sum(o => o.Value);
            var chapterDetailed = detailedByChapter.GetValueOrDefault(code.Chapter);
            var res = residual.GetValueOrDefault(code.Chapter);
            if (chapterDetailed > 0 && res.Value > 0 && detailed > 0)
            {
                var share = detailed / chapterDetailed;
                flows.Add(new SupplierFlow(rowPartner, res.Value * share, res.Duty * share));
            }

            var e = elasticities[code];
            lines.Add(new ImportLine(code, desc, [.. flows], e.Sigma, e.Epsilon, e.SigmaHauk,
                mfn.GetValueOrDefault(code.Truncate(8)), naics.GetValueOrDefault(code), gtap.GetValueOrDefault(code)));
        }

        // ---- exports ---------------------------------------------------------------------------------------
        var exports = BuildExports(Read, notes);
        var monthly = BuildMonthly(Read, notes);

        var header = new DatasetHeader(2024, "imports for consumption, customs value (US Census)", "total exports (domestic + foreign), FAS value (US Census)", SigmaCap, notes);
        return new BaselineDataset(header, sources.Select(s => s.ToSourceInfo()).ToArray(), partnerArray, chapters, mfn.Values.ToArray(), [.. lines], exports, monthly);
    }

    private static SortedDictionary<HtsCode, MfnRate> ReadMfn(RawTable table)
    {
        var result = new SortedDictionary<HtsCode, MfnRate>();
        foreach (var row in table.Rows)
        {
            var code = row.Hts("hts8", 8);
            var type = row.RequiredText("rate_type");
            var pct = row.OptionalNumber("ad_valorem_pct");
            if (pct is < 0)
            {
                throw row.Fail("ad_valorem_pct", row.Text("ad_valorem_pct"), "negative rate");
            }

            if (!result.TryAdd(code, new MfnRate(code, type, pct / 100.0, row.Text("general_rate_text"))))
            {
                throw row.Fail("hts8", code.Digits, "duplicate line");
            }

            table.Keep(row);
        }

        return result;
    }

    private static Dictionary<HtsCode, string> ReadCodeMap<T>(RawTable table, string codeColumn, string valueColumn, SortedDictionary<HtsCode, T> lines)
    {
        var result = new Dictionary<HtsCode, string>();
        foreach (var row in table.Rows)
        {
            var code = row.Hts(codeColumn, 10);
            if (!lines.ContainsKey(code))
            {
                table.Reject(row, "code not among Vietnam's 2024 lines");
                continue;
            }

            var value = row.Text(valueColumn);
            if (value.Length == 0 || value == "NA")
            {
                table.Reject(row, "no value (NA)");
                continue;
            }

            if (!result.TryAdd(code, value))
            {
                throw row.Fail(codeColumn, code.Digits, "duplicate line");
            }

            table.Keep(row);
        }

        return result;
    }

    private static ExportLine[] BuildExports(Func<string, string[], RawTable> read, List<string> notes)
    {
        var hsDesc = read("concordance-insongkim/hs2022_descriptions.csv", ["code", "desc"]);
        var desc = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in hsDesc.Rows)
        {
            var code = row.RequiredText("code");
            if (code.Length != 6)
            {
                hsDesc.Reject(row, "chapter or heading (exports are described at HS6)");
                continue;
            }

            if (!desc.TryAdd(code, row.Text("desc")))
            {
                throw row.Fail("code", code, "duplicate code");
            }

            hsDesc.Keep(row);
        }

        var sbDesc = read($"{ExportDir}/schedb10_descriptions_census.csv", ["schedb10", "sdesc_latest"]);
        var sbText = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in sbDesc.Rows)
        {
            var code = row.Hts("schedb10", 10).Digits;
            if (!sbText.TryAdd(code, row.Text("sdesc_latest")))
            {
                throw row.Fail("schedb10", code, "duplicate code");
            }

            sbDesc.Keep(row);
        }

        var annual = read($"{ExportDir}/us_exports_to_vietnam_schedb10_annual_2013_2024.csv", ["schedb10", "year", "all_val_usd"]);
        var byKey = new SortedDictionary<string, (double V24, double V23, string FirstSb)>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        foreach (var row in annual.Rows)
        {
            var sb = row.Hts("schedb10", 10).Digits;
            var year = row.RequiredText("year");
            if (!seen.Add((sb, year)))
            {
                throw row.Fail("schedb10", $"{sb}/{year}", "duplicate line");
            }

            var value = row.Money("all_val_usd");
            if (year is not ("2023" or "2024"))
            {
                annual.Reject(row, "year outside 2023–2024");
                continue;
            }

            var key = sb == "8800000000" ? sb : sb[..6];
            var cur = byKey.GetValueOrDefault(key, (0, 0, sb));
            byKey[key] = year == "2024" ? (cur.V24 + value, cur.V23, cur.FirstSb) : (cur.V24, cur.V23 + value, cur.FirstSb);
            annual.Keep(row);
        }

        notes.Add("Exports to Vietnam: Schedule B 10-digit codes summed to HS6 (Schedule B equals HTS only at 6 digits); 8800000000 (civilian aircraft, engines and parts, export-only code) kept as its own line.");
        return byKey.Select(kv => new ExportLine(HtsCode.Parse(kv.Key),
            kv.Key.Length == 6 && desc.TryGetValue(kv.Key, out var d) ? d : sbText.GetValueOrDefault(kv.Value.FirstSb, "(no description)"),
            kv.Value.V24, kv.Value.V23)).ToArray();
    }

    private static MonthlySeries[] BuildMonthly(Func<string, string[], RawTable> read, List<string> notes)
    {
        var series = new List<MonthlySeries>();
        var naics = read("census-naics-monthly-tradewartracker/us_imports_cons_naics3_monthly_top30_2022_2024.csv", ["cty_name", "naics", "naics_desc", "month", "con_val_mo_usd", "cal_dut_mo_usd"]);
        var groups = new SortedDictionary<string, (string Desc, SortedDictionary<DateOnly, MonthlyPoint> Points)>(StringComparer.Ordinal);
        foreach (var row in naics.Rows)
        {
            var cty = row.RequiredText("cty_name");
            var code = row.RequiredText("naics");
            string key;
            if (cty == "VIETNAM")
            {
                key = $"imports/VIETNAM/{code}";
            }
            else if (cty == "TOTAL FOR ALL COUNTRIES" && code == "00")
            {
                key = "imports/WORLD/00";
            }
            else
            {
                naics.Reject(row, "partner or product not bundled (only Vietnam by NAICS-3 and the all-country total)");
                continue;
            }

            var month = ParseMonth(row, "month");
            if (!groups.TryGetValue(key, out var g))
            {
                groups[key] = g = ($"US imports for consumption from {(cty == "VIETNAM" ? "Vietnam" : "all countries")}, NAICS {code} {row.Text("naics_desc")}, customs value and calculated duty", new());
            }

            if (!g.Points.TryAdd(month, new MonthlyPoint(month, row.Money("con_val_mo_usd"), row.Money("cal_dut_mo_usd"))))
            {
                throw row.Fail("month", row.Text("month"), $"duplicate month for {key}");
            }

            naics.Keep(row);
        }

        series.AddRange(groups.Select(kv => new MonthlySeries(kv.Key, kv.Value.Desc, kv.Value.Points.Values.ToArray())));

        var total = read($"{ExportDir}/us_exports_to_vietnam_total_monthly_2013_2024.csv", ["month", "all_val_mo_usd"]);
        var totalPoints = new SortedDictionary<DateOnly, MonthlyPoint>();
        foreach (var row in total.Rows)
        {
            var month = ParseMonth(row, "month");
            if (month.Year < 2023)
            {
                total.Reject(row, "month before 2023");
                continue;
            }

            if (!totalPoints.TryAdd(month, new MonthlyPoint(month, row.Money("all_val_mo_usd"), 0)))
            {
                throw row.Fail("month", row.Text("month"), "duplicate month");
            }

            total.Keep(row);
        }

        series.Add(new MonthlySeries("exports/VIETNAM/total", "US total exports to Vietnam, FAS value", totalPoints.Values.ToArray()));

        var monthlySb = read($"{ExportDir}/us_exports_to_vietnam_schedb10_monthly_2023_2024.csv", ["schedb10", "month", "all_val_mo_usd"]);
        var byChapter = new SortedDictionary<int, SortedDictionary<DateOnly, double>>();
        var seen = new HashSet<(HtsCode, DateOnly)>();
        foreach (var row in monthlySb.Rows)
        {
            var code = row.Hts("schedb10", 10);
            var month = ParseMonth(row, "month");
            if (!seen.Add((code, month)))
            {
                throw row.Fail("schedb10", $"{code}/{row.Text("month")}", "duplicate line");
            }

            var chapter = byChapter.TryGetValue(code.Chapter, out var c) ? c : byChapter[code.Chapter] = new SortedDictionary<DateOnly, double>();
            chapter[month] = chapter.GetValueOrDefault(month) + row.Money("all_val_mo_usd");
            monthlySb.Keep(row);
        }

        foreach (var (ch, points) in byChapter)
        {
            series.Add(new MonthlySeries($"exports/VIETNAM/hs2/{ch:00}", $"US total exports to Vietnam of HS chapter {ch:00}, FAS value", points.Select(p => new MonthlyPoint(p.Key, p.Value, 0)).ToArray()));
        }

        notes.Add("Monthly series: imports from Vietnam by NAICS-3 and all products (code 00) and the all-country total, 2022-01 to 2024-12; exports to Vietnam 2023-01 to 2024-12, total and by HS chapter.");
        return [.. series];
    }

    /// <summary>Parses a YYYY-MM field into the first day of the month, or fails naming the row and field.</summary>
    internal static DateOnly ParseMonth(RawRow row, string column)
    {
        var s = row.Text(column);
        return DateOnly.TryParseExact(s + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw row.Fail(column, s, "not a month (YYYY-MM)");
    }
}
