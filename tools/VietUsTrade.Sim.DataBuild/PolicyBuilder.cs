using System.Globalization;
using System.Text.RegularExpressions;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.DataBuild;

/// <summary>
/// Builds the policy library (dated exemption and product lists, Vietnam's MFN schedule) from
/// <c>shared/data/raw/policy</c> and <c>shared/data/raw/vn-tariff-schedule-tariffvn</c>. Deterministic.
/// </summary>
public static partial class PolicyBuilder
{
    private const string P = "policy";
    private const string Y = "policy/yale_tariff_rate_tracker";

    /// <summary>The policy library as the JSON bytes the package embeds (uncompressed).</summary>
    /// <param name="rawDir">shared/data/raw.</param>
    /// <param name="sources">Provenance of the files read.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] BuildPayload(string rawDir, out List<SourceFileInfo> sources)
    {
        sources = [];
        var (lists, vn) = Build(rawDir, sources);
        using var ms = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(ms))
        {
            PolicyLibrary.WriteJson(w, lists, vn, sources);
        }

        return ms.ToArray();
    }

    /// <summary>Builds the lists and Vietnam's tariff lines; <paramref name="sources"/> receives the provenance of every file read.</summary>
    /// <param name="rawDir">shared/data/raw.</param>
    /// <param name="sources">Provenance out.</param>
    /// <returns>The lists and Vietnam's tariff lines.</returns>
    internal static (List<ProductList> Lists, List<VietnamTariffLine> VietnamTariff) Build(string rawDir, List<SourceFileInfo> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var tables = new List<RawTable>();
        RawTable Read(string file, params string[] columns)
        {
            var t = RawTable.Read(rawDir, file, columns);
            tables.Add(t);
            return t;
        }

        var lists = new List<ProductList>();

        // Annex II with its 2025 history (entry and exit dates, legal basis).
        var timeline = Read($"{P}/annexII_membership_timeline_2025.csv", "hts_digits", "added_basis", "in_annexII_from", "removed_basis", "in_annexII_until_exclusive");
        var annex = new List<ProductListEntry>();
        foreach (var row in timeline.Rows)
        {
            var basis = row.RequiredText("added_basis");
            var removed = row.Text("removed_basis");
            annex.Add(new ProductListEntry(row.Hts("hts_digits", 4, 6, 8, 10), Date(row, "in_annexII_from"), OptionalDate(row, "in_annexII_until_exclusive"),
                removed.Length > 0 ? $"{basis}; {removed}" : basis));
            timeline.Keep(row);
        }

        var finalList = Read($"{P}/annexII_final_list_us_note2_v_iii_a_htsus2026rev6.csv", "hts_digits", "added_basis", "in_annexII_from");
        var known = annex.Select(e => e.Code).ToHashSet();
        foreach (var row in finalList.Rows)
        {
            var code = row.Hts("hts_digits", 4, 6, 8, 10);
            if (known.Contains(code))
            {
                finalList.Reject(row, "already in the membership timeline (cross-checked)");
                continue;
            }

            annex.Add(new ProductListEntry(code, Date(row, "in_annexII_from"), null, row.RequiredText("added_basis")));
            finalList.Keep(row);
        }

        var particular = Read($"{P}/annexII_particular_articles_us_note2_v_iii_b_9903.02.78_htsus2026rev6.csv", "hts_subheading", "description");
        var particularEntries = new List<ProductListEntry>();
        foreach (var row in particular.Rows)
        {
            particularEntries.Add(new ProductListEntry(HtsCode.Parse(row.RequiredText("hts_subheading")), new DateOnly(2025, 11, 13), null,
                $"US note 2(v)(iii)(b) particular article ({row.Text("description")}); start date 2025-11-13 per the Yale revision notes [uncertain]"));
            particular.Keep(row);
        }

        annex.AddRange(particularEntries);
        var annexList = new ProductList("annex-ii", "IEEPA reciprocal tariff exemptions: Annex II of EO 14257 as amended (US note 2(v)(iii)), with each code's dates in 2025",
            "HTSUS 2026 Rev 6 ch. 99 note 2(v)(iii)(a)-(b); Budget Lab at Yale annex_ii_first_appearance.csv; policy-facts.md §2.1-2.2", annex);
        lists.Add(annexList);
        lists.Add(annexList.Where(e => e.Basis.Contains("Agricultural", StringComparison.Ordinal) || e.Basis.Contains("particular article", StringComparison.Ordinal),
            "farm-goods-2025-11-13", "Farm goods removed from the reciprocal tariff from 2025-11-13 (coffee, tea, tropical fruit, cocoa, spices, bananas, beef, fertilizers, …)"));
        lists.Add(annexList.Where(e => e.Basis.StartsWith("Memorandum", StringComparison.Ordinal),
            "electronics-2025-04-11", "Electronics added to Annex II by the 2025-04-11 clarification memorandum (retroactive to 2025-04-05)"));

        // Section 232 lists.
        var metal = Read($"{Y}/s232_metal_chapter_products.csv", "hts_prefix", "metal_type", "kind", "effective_date");
        var deriv = Read($"{Y}/s232_derivative_products.csv", "hts_prefix", "derivative_type", "effective_date");
        var fullValue = new List<ProductListEntry>();
        var steelDeriv = new List<ProductListEntry>();
        var aluDeriv = new List<ProductListEntry>();
        var until2026 = new DateOnly(2026, 4, 6);
        void AddMetal(HtsCode code, string metalType, DateOnly from, string basis)
        {
            // In law the duty on derivatives classified outside chapters 72, 73 and 76 applies to the metal content only.
            var target = code.Chapter is 72 or 73 or 76 ? fullValue : metalType == "aluminum" ? aluDeriv : steelDeriv;
            target.Add(new ProductListEntry(code, from, until2026, basis));
        }

        foreach (var row in metal.Rows)
        {
            AddMetal(row.Hts("hts_prefix", 4, 6, 8, 10), row.Text("metal_type"), OptionalDate(row, "effective_date") ?? new DateOnly(2025, 3, 12),
                $"steel/aluminum {row.Text("kind")} ({row.Text("metal_type")}), US notes 16/19");
            metal.Keep(row);
        }

        foreach (var row in deriv.Rows)
        {
            AddMetal(row.Hts("hts_prefix", 4, 6, 8, 10), row.Text("derivative_type"), OptionalDate(row, "effective_date") ?? new DateOnly(2025, 3, 12),
                $"derivative ({row.Text("derivative_type")}); no date in the source = original 2025-03-12 list");
            deriv.Keep(row);
        }

        const string metalSource = "Proclamations 10895/10896/10947; BIS inclusions 2025-08-18; Budget Lab at Yale s232_metal_chapter_products.csv, s232_derivative_products.csv";
        lists.Add(new ProductList("s232-steel-aluminum-2025-full", "Section 232 steel and aluminum articles (chapters 72, 73, 76), duty on full value, 2025-03-12 to 2026-04-05", metalSource, fullValue));
        lists.Add(new ProductList("s232-steel-derivatives-2025", "Section 232 steel derivatives outside chapters 72/73 (duty on steel content), 2025-03-12 to 2026-04-05", metalSource, steelDeriv));
        lists.Add(new ProductList("s232-aluminum-derivatives-2025", "Section 232 aluminum derivatives outside chapter 76 (duty on aluminum content), 2025-03-12 to 2026-04-05", metalSource, aluDeriv));

        var annexProducts = Read($"{Y}/s232_annex_products.csv", "hts_prefix", "annex", "metal_type", "effective_date");
        var byAnnex = new SortedDictionary<string, List<ProductListEntry>>(StringComparer.Ordinal);
        foreach (var row in annexProducts.Rows)
        {
            var a = row.RequiredText("annex");
            if (!byAnnex.TryGetValue(a, out var list))
            {
                byAnnex[a] = list = [];
            }

            var code = row.Hts("hts_prefix", 4, 6, 8, 10);
            if (IsBroadMachineryHeading(code))
            {
                annexProducts.Reject(row, BroadHeadingReason);
                continue;
            }

            list.Add(new ProductListEntry(code, Date(row, "effective_date"), null, $"2026 metals annex {a} ({row.Text("metal_type")})"));
            annexProducts.Keep(row);
        }

        foreach (var (a, entries) in byAnnex)
        {
            lists.Add(new ProductList($"s232-metals-2026-annex-{a}", $"Section 232 metals regime from 2026-04-06, annex {a}",
                "Proclamation of 2026-04-02 (amended 2026-06-01, PP 11032); Budget Lab at Yale s232_annex_products.csv", entries));
        }

        lists.Add(SimpleList(Read($"{Y}/s232_copper_products.csv", "hts10"), "hts10", "s232-copper", "Section 232 copper: semi-finished products and copper-intensive derivatives (note 36(b)), 2025-08-01 to 2026-04-05",
            "Proclamation 10962 (2025-07-30); Budget Lab at Yale s232_copper_products.csv", new DateOnly(2025, 8, 1), new DateOnly(2026, 4, 6)));
        lists.Add(SimpleList(Read($"{Y}/s232_semi_products.csv", "hts10"), "hts10", "s232-semiconductors", "Section 232 advanced computing chips and derivatives (9903.79.01)",
            "Proclamation of 2026-01-14; Budget Lab at Yale s232_semi_products.csv", new DateOnly(2026, 1, 15), null));
        lists.Add(SimpleList(Read($"{Y}/s232_pharma_products.csv", "hts10"), "hts10", "s232-pharma", "Section 232 patented pharmaceuticals (100%; generics exempt; firms with agreements 0-20%), from 2026-09-29 for firms without agreements",
            "Proclamation of 2026-04-02; Budget Lab at Yale s232_pharma_products.csv", new DateOnly(2026, 9, 29), null));
        lists.Add(TextList(rawDir, $"{Y}/s232_auto_parts.txt", "s232-auto-parts", "Section 232 auto parts (listed), from 2025-05-03", "Proclamation 10908; Budget Lab at Yale s232_auto_parts.txt", new DateOnly(2025, 5, 3), sources));
        lists.Add(TextList(rawDir, $"{Y}/s232_mhd_parts.txt", "s232-mhd-parts", "Section 232 medium/heavy-duty vehicle parts, from 2025-11-01", "Proclamation 10984; Budget Lab at Yale s232_mhd_parts.txt", new DateOnly(2025, 11, 1), sources));
        lists.Add(Compiled("s232-autos", "Section 232 passenger vehicles and light trucks, from 2025-04-03", "Proclamation 10908 (2025-03-26) [compiled: headings 8703.21-8703.90, light trucks 8704.21/.31/.41/.51]",
            new DateOnly(2025, 4, 3), "870321", "870322", "870323", "870324", "870331", "870332", "870333", "870340", "870350", "870360", "870370", "870380", "870390", "870421", "870431", "870441", "870451"));
        lists.Add(Compiled("s232-mhd-vehicles", "Section 232 medium and heavy-duty trucks and tractors, from 2025-11-01", "Proclamation 10984 (2025-10-17) [compiled: 8701.20, 8704.22/.23/.32/.42/.43/.52]",
            new DateOnly(2025, 11, 1), "870120", "870422", "870423", "870432", "870442", "870443", "870452"));
        lists.Add(Compiled("s232-buses", "Section 232 buses (10%), from 2025-11-01", "Proclamation 10984 (2025-10-17) [compiled: heading 8702]", new DateOnly(2025, 11, 1), "8702"));

        var wood = Read($"{P}/s232_wood_products_us_note37_htsus2026rev6.csv", "hts_as_printed", "category");
        var woodLists = new SortedDictionary<string, List<ProductListEntry>>(StringComparer.Ordinal);
        foreach (var row in wood.Rows)
        {
            var category = row.RequiredText("category");
            var name = category.StartsWith("softwood", StringComparison.Ordinal) ? "s232-softwood"
                : category.StartsWith("upholstered", StringComparison.Ordinal) ? "s232-upholstered-furniture"
                : category.StartsWith("completed wooden kitchen", StringComparison.Ordinal) ? "s232-kitchen-cabinets"
                : throw row.Fail("category", category, "unknown wood category");
            if (!woodLists.TryGetValue(name, out var l))
            {
                woodLists[name] = l = [];
            }

            l.Add(new ProductListEntry(HtsCode.Parse(row.RequiredText("hts_as_printed")), new DateOnly(2025, 10, 14), null, $"US note 37 ({row.Text("htsus_note")}), {category}"));
            wood.Keep(row);
        }

        foreach (var (name, entries) in woodLists)
        {
            lists.Add(new ProductList(name, $"Section 232 timber/lumber and derivatives: {name[5..]}, from 2025-10-14", "Proclamation of 2025-09-29 as amended 2025-12-31; HTSUS 2026 Rev 6 US note 37", entries));
        }

        lists.Add(SimpleList(Read($"{Y}/s122_exempt_products.csv", "hts8"), "hts8", "s122-exempt", "Section 122 surcharge exemptions (Annexes I-II of the 2026-02-20 proclamation: Annex II goods, civil aircraft, particular articles)",
            "Proclamation of 2026-02-20; HTSUS note 2(aa); Budget Lab at Yale s122_exempt_products.csv (1,654 of 1,656 traced to legal text)", null, null));
        lists.Add(SimpleList(Read($"{Y}/s301fl_exempt_products.csv", "hts8"), "hts8", "s301-forced-labor-annex-a", "Section 301 forced-labor action: Annex A exemptions (proposed; curated, not verified against the image-only FR annex)",
            "USTR FR Doc 2026-11296 (91 FR 34272); Budget Lab at Yale s301fl_exempt_products.csv [unverified]", null, null));

        // The final Section 301 forced-labor exemptions: Annex II Part A = U.S. note 52(b)-(e), HTSUS 2026 Rev 15 (policy-2026/FACTS.md §1).
        var partA = Read("policy-2026/s301_forced_labor_annexII_partA_exemptions_htsus2026rev15.csv", "hts_digits", "category", "note_subdivision");
        var partAEntries = new List<ProductListEntry>();
        var partAByCategory = new Dictionary<string, List<ProductListEntry>>(StringComparer.Ordinal);
        foreach (var row in partA.Rows)
        {
            var category = row.RequiredText("category");
            var entry = new ProductListEntry(row.Hts("hts_digits", 8, 10), new DateOnly(2026, 7, 24), null,
                $"US note {row.RequiredText("note_subdivision")} ({category.Replace('_', ' ')})");
            partAEntries.Add(entry);
            var part = category switch
            {
                "unconditional" or "particular_article" => "unconditional",
                "civil_aircraft_conditional" => "civil-aircraft",
                "pharmaceutical_use_conditional" => "pharmaceutical-use",
                _ => throw new InvalidDataException($"s301_forced_labor_annexII_partA_exemptions_htsus2026rev15.csv: unknown category '{category}'"),
            };
            if (!partAByCategory.TryGetValue(part, out var entries))
            {
                partAByCategory[part] = entries = [];
            }

            entries.Add(entry);
            partA.Keep(row);
        }

        // The same list by condition, so that the conditional relief can reach only the share of trade that qualifies
        // (Presets.WithConditionalExemptionShares).
        const string partASource = "USTR Notice of Actions FR Doc 2026-15181 (91 FR 47318, 2026-07-28); HTSUS 2026 Rev 15 ch. 99 US note 52, pp. 556-566 (via TheAxiomFoundation/rulespec-us, policy-2026/MANIFEST.md)";
        lists.Add(new ProductList("s301-forced-labor-part-a-unconditional",
            "Section 301 forced-labor action: Annex II Part A exemptions without a condition (U.S. note 52(b) 863 lines and 52(c) 16 particular articles), from 2026-07-24", partASource, partAByCategory["unconditional"]));
        lists.Add(new ProductList("s301-forced-labor-part-a-civil-aircraft",
            "Section 301 forced-labor action: Annex II Part A exemptions for goods of civil aircraft meeting General Note 6 (U.S. note 52(d), 541 lines), from 2026-07-24; the relief needs the GN 6 certification", partASource, partAByCategory["civil-aircraft"]));
        lists.Add(new ProductList("s301-forced-labor-part-a-pharmaceutical-use",
            "Section 301 forced-labor action: Annex II Part A exemptions for goods for use in pharmaceutical applications (U.S. note 52(e), 700 lines), from 2026-07-24", partASource, partAByCategory["pharmaceutical-use"]));

        lists.Add(new ProductList("s301-forced-labor-annex-ii-part-a",
            "Section 301 forced-labor action: Annex II Part A exemptions (U.S. note 52(b)-(e)), from 2026-07-24: 863 unconditional, 16 particular articles, 541 civil aircraft and 700 pharmaceutical-use lines; the conditional ones (aircraft meeting GN 6, pharmaceutical use) are treated as exempt [assumption]",
            "USTR Notice of Actions FR Doc 2026-15181 (91 FR 47318, 2026-07-28); HTSUS 2026 Rev 15 ch. 99 US note 52, pp. 556-566 (via TheAxiomFoundation/rulespec-us, policy-2026/MANIFEST.md)", partAEntries));

        var floor = Read($"{Y}/floor_exempt_products.csv", "hts8", "category");
        var ptaap = new SortedSet<HtsCode>();
        foreach (var row in floor.Rows)
        {
            if (row.Text("category") != "ptaap")
            {
                floor.Reject(row, "category other than ptaap (deal-partner pharma/aircraft exemptions)");
                continue;
            }

            ptaap.Add(row.Hts("hts8", 8));
            floor.Keep(row);
        }

        lists.Add(new ProductList("ptaap-proxy", "Proxy for a Vietnam zero-tariff list: the EO 14346 Annex III (PTAAP) lines granted to the EU and Switzerland (no Vietnam list was published)",
            "Budget Lab at Yale floor_exempt_products.csv, category ptaap; policy-facts.md §2.4", ptaap.Select(c => new ProductListEntry(c, null, null, "PTAAP line granted to EU/Switzerland"))));

        var vn = BuildVietnamTariff(Read);
        sources.AddRange(tables.Select(t => t.ToSourceInfo()));
        return (lists, vn);
    }

    private static List<VietnamTariffLine> BuildVietnamTariff(Func<string, string[], RawTable> read)
    {
        var changes = read("vn-tariff-schedule-tariffvn/vn_mfn_changes_2025_hs8.csv", ["hs8", "mfn_before", "mfn_after", "change_group"]);
        var before = new Dictionary<HtsCode, (double Before, string Group)>();
        foreach (var row in changes.Rows)
        {
            var code = row.Hts("hs8", 8);
            var group = row.RequiredText("change_group");
            if (group.StartsWith("notation only", StringComparison.Ordinal))
            {
                changes.Reject(row, "notation only (in-quota rate unchanged)");
                continue;
            }

            if (!before.TryAdd(code, (LeadingPercent(row, "mfn_before"), group)))
            {
                throw row.Fail("hs8", code.Digits, "duplicate line");
            }

            changes.Keep(row);
        }

        var schedule = read("vn-tariff-schedule-tariffvn/vn_import_tariff_schedule_ahtn2022_as_of_2026-01.csv", ["hs_code", "is_tariff_line", "mfn_pct", "mfn_type"]);
        var lines = new SortedDictionary<HtsCode, VietnamTariffLine>();
        foreach (var row in schedule.Rows)
        {
            if (row.Text("is_tariff_line") != "1")
            {
                schedule.Reject(row, "heading or sub-heading row (not a tariff line)");
                continue;
            }

            var code = row.Hts("hs_code", 8);
            if (code.Chapter == 98)
            {
                schedule.Reject(row, "Vietnam's national chapter 98 (special rates; not HS)");
                continue;
            }

            var type = row.RequiredText("mfn_type");
            if (type == "see_chapter98")
            {
                schedule.Reject(row, "rate given in chapter 98 or as a specific duty (mostly used vehicles)");
                continue;
            }

            var after = row.Number("mfn_pct") / 100.0;
            if (after < 0)
            {
                throw row.Fail("mfn_pct", row.Text("mfn_pct"), "negative rate");
            }

            var (b, g) = before.TryGetValue(code, out var c) ? (c.Before, c.Group) : (after, string.Empty);
            if (!lines.TryAdd(code, new VietnamTariffLine(code, b, after, g)))
            {
                throw row.Fail("hs_code", code.Digits, "duplicate line");
            }

            schedule.Keep(row);
        }

        return [.. lines.Values];
    }

    private static double LeadingPercent(RawRow row, string column)
    {
        var m = LeadingNumber().Match(row.Text(column));
        return m.Success ? double.Parse(m.Value.Replace(',', '.'), CultureInfo.InvariantCulture) / 100.0 : throw row.Fail(column, row.Text(column), "no leading rate");
    }

    [GeneratedRegex(@"^\s*[0-9]+([.,][0-9]+)?")]
    private static partial Regex LeadingNumber();

    private static ProductList SimpleList(RawTable table, string column, string name, string description, string source, DateOnly? from, DateOnly? until)
    {
        var entries = new List<ProductListEntry>();
        foreach (var row in table.Rows)
        {
            entries.Add(new ProductListEntry(row.Hts(column, 4, 6, 8, 10), from, until, source));
            table.Keep(row);
        }

        return new ProductList(name, description, source, entries);
    }

    private static ProductList TextList(string rawDir, string file, string name, string description, string source, DateOnly from, List<SourceFileInfo> sources)
    {
        var path = Path.Combine(rawDir, file);
        string[] lines;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(file, 0, string.Empty, string.Empty, $"cannot read the file ({ex.Message})", ex);
        }

        var entries = new List<ProductListEntry>();
        var rejected = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var blank = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0)
            {
                blank++;
                continue;
            }

            if (!HtsCode.TryParse(text, out var code))
            {
                throw new DataFileException(file, i + 1, "code", text, "malformed HTS code");
            }

            if (IsBroadMachineryHeading(code))
            {
                rejected[BroadHeadingReason] = rejected.GetValueOrDefault(BroadHeadingReason) + 1;
                continue;
            }

            entries.Add(new ProductListEntry(code, from, null, source));
        }

        if (blank > 0)
        {
            rejected["blank line"] = blank;
        }

        sources.Add(new SourceFileInfo(file, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), lines.Length, entries.Count, rejected));
        return new ProductList(name, description, source, entries);
    }

    private const string BroadHeadingReason = "whole 4-digit heading of chapter 84/85 (e.g. 8471 computers): the legal scope is specific parts or a metal-content test, so the heading is not applied to every line [data rule, docs/policy.md]";

    private static bool IsBroadMachineryHeading(HtsCode code) => code.Length == 4 && code.Chapter is 84 or 85;

    private static ProductList Compiled(string name, string description, string source, DateOnly from, params string[] codes) =>
        new(name, description, source, codes.Select(c => new ProductListEntry(HtsCode.Parse(c), from, null, source)));

    private static DateOnly Date(RawRow row, string column) =>
        OptionalDate(row, column) ?? throw row.Fail(column, row.Text(column), "date is missing");

    private static DateOnly? OptionalDate(RawRow row, string column)
    {
        var s = row.Text(column);
        if (s.Length == 0 || s == "NA")
        {
            return null;
        }

        return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw row.Fail(column, s, "not a date (YYYY-MM-DD)");
    }
}
