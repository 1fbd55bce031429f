using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.DataBuild;

/// <summary>
/// Matches published elasticities to the 2024 HTS10 lines through the HS vintages, recording the source and the
/// fallback level of each value (see <see cref="MatchLevel"/> and docs/data.md).
/// </summary>
internal static class ElasticityMatcher
{
    internal sealed record LineElasticities(Elasticity Sigma, Elasticity Epsilon, Elasticity? SigmaHauk);

    private sealed record Estimate(double Value, double? StdError, string Code);

    public static Dictionary<HtsCode, LineElasticities> Build<T>(string rawDir, SortedDictionary<HtsCode, T> lines, List<RawTable> sources, List<string> notes)
    {
        RawTable Read(string file, params string[] columns)
        {
            var t = RawTable.Read(rawDir, file, columns);
            sources.Add(t);
            return t;
        }

        // HS 2022 -> HS 1992 at 6 digits (one target per source code).
        var conc = Read("concordance-insongkim/hs2022_hs6_to_hs1992_hs6.csv", "HS6_6d", "HS0_6d");
        var toHs92 = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in conc.Rows)
        {
            var from = row.Hts("HS6_6d", 6).Digits;
            if (!toHs92.TryAdd(from, row.Hts("HS0_6d", 6).Digits))
            {
                throw row.Fail("HS6_6d", from, "duplicate line");
            }

            conc.Keep(row);
        }

        // Broda–Weinstein HTS10 sigma (1990–2001 HTS vintage).
        var bw = Read("broda-weinstein/bw2006_us_sigma_hts10_1990_2001.csv", "hts10", "sigma_1990_2001");
        var bwValues = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var row in bw.Rows)
        {
            var code = row.Hts("hts10", 10).Digits;
            var sigma = row.Number("sigma_1990_2001");
            if (sigma <= 1)
            {
                throw row.Fail("sigma_1990_2001", row.Text("sigma_1990_2001"), "σ must exceed 1");
            }

            if (!bwValues.TryGetValue(code, out var list))
            {
                bwValues[code] = list = [];
            }

            list.Add(sigma);
            bw.Keep(row);
        }

        var duplicates = bwValues.Where(kv => kv.Value.Count > 1).Select(kv => $"{kv.Key} ({string.Join(", ", kv.Value.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))})").ToArray();
        var bw10 = bwValues.ToDictionary(kv => kv.Key, kv => new Estimate(kv.Value.Average(), null, kv.Key), StringComparer.Ordinal);
        if (duplicates.Length > 0)
        {
            notes.Add($"Broda–Weinstein HTS10: {duplicates.Length} code(s) appear twice in the published file with different values; their mean is used: {string.Join("; ", duplicates)}.");
        }

        var bw6 = MedianBy(bw10.Values, e => e.Code[..6]);

        // Broda–Greenfield–Weinstein HS3 sigma, USA only.
        var bgw = Read("broda-weinstein/bgw_sigma_hs0_3digit_73countries_1994_2003.csv", "country", "hs0_3digit", "sigma_1994_2003");
        var bgw3 = new Dictionary<string, Estimate>(StringComparer.Ordinal);
        foreach (var row in bgw.Rows)
        {
            if (row.Text("country") != "USA")
            {
                bgw.Reject(row, "importer other than the USA");
                continue;
            }

            var code = row.RequiredText("hs0_3digit");
            if (code.Length != 3 || !code.All(char.IsAsciiDigit))
            {
                throw row.Fail("hs0_3digit", code, "malformed HS 3-digit code");
            }

            var sigma = row.Number("sigma_1994_2003");
            if (sigma <= 1)
            {
                bgw.Reject(row, "σ ≤ 1 (not a valid CES elasticity)");
                continue;
            }

            if (!bgw3.TryAdd(code, new Estimate(sigma, null, code)))
            {
                throw row.Fail("hs0_3digit", code, "duplicate line");
            }

            bgw.Keep(row);
        }

        // Hauk (2012): import demand (epsilon) and substitution (sigma), HS10 and HS6.
        var eps10 = ReadHauk(Read("hauk-us-elasticities/hauk2012_us_import_demand_hs10.csv", "hs10", "impliedelasticity", "sedemandprice", "positive"), "hs10", "impliedelasticity", demand: true);
        var eps6 = ReadHauk(Read("hauk-us-elasticities/hauk2012_us_import_demand_hs6.csv", "hs6", "impliedelasticity", "sedemandprice", "positive"), "hs6", "impliedelasticity", demand: true);
        var hsig10 = ReadHauk(Read("hauk-us-elasticities/hauk2012_us_import_substitution_hs10_1989_2001.csv", "hs10", "impliedsigma", "sedemandprice"), "hs10", "impliedsigma", demand: false);
        var hsig6 = ReadHauk(Read("hauk-us-elasticities/hauk2012_us_import_substitution_hs6_1989_2001.csv", "hs6", "impliedsigma", "sedemandprice"), "hs6", "impliedsigma", demand: false);

        // First pass: specific matches.
        var sigmaFirst = new Dictionary<HtsCode, (Estimate Est, ElasticitySource Src, MatchLevel Level)?>();
        var epsFirst = new Dictionary<HtsCode, (Estimate Est, MatchLevel Level)?>();
        var result = new Dictionary<HtsCode, LineElasticities>();
        var hauk = new Dictionary<HtsCode, Elasticity?>();
        foreach (var code in lines.Keys)
        {
            var d = code.Digits;
            var hs6 = d[..6];
            var hs92 = toHs92.GetValueOrDefault(hs6);
            sigmaFirst[code] =
                bw10.TryGetValue(d, out var a) ? (a, ElasticitySource.BrodaWeinstein2006, MatchLevel.Hts10)
                : bw6.TryGetValue(hs6, out var b) ? (b, ElasticitySource.BrodaWeinstein2006, MatchLevel.Hs6)
                : hs92 is not null && bw6.TryGetValue(hs92, out var c) ? (c, ElasticitySource.BrodaWeinstein2006, MatchLevel.Hs6ViaHs1992)
                : hs92 is not null && bgw3.TryGetValue(hs92[..3], out var e) ? (e, ElasticitySource.BrodaGreenfieldWeinstein2006, MatchLevel.Hs3ViaHs1992)
                : null;
            epsFirst[code] =
                eps10.TryGetValue(d, out var f) ? (f, MatchLevel.Hts10)
                : eps6.TryGetValue(hs6, out var g) ? (g, MatchLevel.Hs6)
                : hs92 is not null && eps6.TryGetValue(hs92, out var h) ? (h, MatchLevel.Hs6ViaHs1992)
                : null;
            hauk[code] =
                hsig10.TryGetValue(d, out var i) ? ToElasticity(i, ElasticitySource.Hauk2012, MatchLevel.Hts10, cap: SigmaCapValue)
                : hsig6.TryGetValue(hs6, out var j) ? ToElasticity(j, ElasticitySource.Hauk2012, MatchLevel.Hs6, cap: SigmaCapValue)
                : hs92 is not null && hsig6.TryGetValue(hs92, out var k) ? ToElasticity(k, ElasticitySource.Hauk2012, MatchLevel.Hs6ViaHs1992, cap: SigmaCapValue)
                : null;
        }

        // Fallbacks: chapter median, then global median, of the matched lines' (capped) values.
        var sigmaChapter = MedianBy(sigmaFirst.Where(kv => kv.Value is not null).Select(kv => (kv.Key, V: Math.Min(kv.Value!.Value.Est.Value, SigmaCapValue))), x => x.Key.Chapter, x => x.V);
        var sigmaGlobal = Median(sigmaFirst.Values.Where(v => v is not null).Select(v => Math.Min(v!.Value.Est.Value, SigmaCapValue)));
        var epsChapter = MedianBy(epsFirst.Where(kv => kv.Value is not null).Select(kv => (kv.Key, V: kv.Value!.Value.Est.Value)), x => x.Key.Chapter, x => x.V);
        var epsGlobal = Median(epsFirst.Values.Where(v => v is not null).Select(v => v!.Value.Est.Value));
        foreach (var code in lines.Keys)
        {
            var chapter = code.Chapter.ToString("00", CultureInfo.InvariantCulture);
            var s = sigmaFirst[code] is { } sf
                ? ToElasticity(sf.Est, sf.Src, sf.Level, SigmaCapValue)
                : sigmaChapter.TryGetValue(code.Chapter, out var sc)
                    ? new Elasticity(sc, sc, null, ElasticitySource.BrodaWeinstein2006, MatchLevel.ChapterMedian, chapter)
                    : new Elasticity(sigmaGlobal, sigmaGlobal, null, ElasticitySource.BrodaWeinstein2006, MatchLevel.GlobalMedian, "all");
            var e = epsFirst[code] is { } ef
                ? ToElasticity(ef.Est, ElasticitySource.Hauk2012, ef.Level, double.PositiveInfinity)
                : epsChapter.TryGetValue(code.Chapter, out var ec)
                    ? new Elasticity(ec, ec, null, ElasticitySource.Hauk2012, MatchLevel.ChapterMedian, chapter)
                    : new Elasticity(epsGlobal, epsGlobal, null, ElasticitySource.Hauk2012, MatchLevel.GlobalMedian, "all");
            result[code] = new LineElasticities(s, e, hauk[code]);
        }

        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"σ (substitution between suppliers): Broda–Weinstein (2006) HTS10 exact, else the median of BW codes in the same HS6, else via the HS2022→HS1992 concordance, else Broda–Greenfield–Weinstein USA HS3 (HS1992), else the chapter median, else the global median ({sigmaGlobal:R}); values above {SigmaCapValue} are capped at {SigmaCapValue} (BW's right tail: median 3.14, 90th percentile 25, max 4,303)."));
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"ε (import demand): Hauk (2012) implied elasticity where the estimate has the right sign (flag positive = 1), HS10 exact, else HS6, else via HS1992, else the chapter median, else the global median ({epsGlobal:R}); standard error = that of the price coefficient (ε = 1 − β)."));
        notes.Add("σ (Hauk 2012, alternative set): implied σ > 1 only, HS10, else HS6, else via HS1992; no fallback (null where unmatched).");
        return result;
    }

    private const double SigmaCapValue = BaselineBuilder.SigmaCap;

    private static Elasticity ToElasticity(Estimate e, ElasticitySource source, MatchLevel level, double cap) =>
        new(Math.Min(e.Value, cap), e.Value, e.StdError, source, level, e.Code);

    private static Dictionary<string, Estimate> ReadHauk(RawTable table, string codeColumn, string valueColumn, bool demand)
    {
        var result = new Dictionary<string, Estimate>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var code = row.Hts(codeColumn, codeColumn == "hs10" ? 10 : 6).Digits;
            var value = row.OptionalNumber(valueColumn);
            var se = row.OptionalNumber("sedemandprice");
            if (value is null)
            {
                table.Reject(row, "no estimate (empty)");
                continue;
            }

            if (demand && (row.Text("positive") != "1" || value <= 0))
            {
                table.Reject(row, "wrong sign (flag positive = 0): not a valid demand elasticity");
                continue;
            }

            if (!demand && value <= 1)
            {
                table.Reject(row, "implied σ ≤ 1: not a valid CES substitution elasticity");
                continue;
            }

            if (!result.TryAdd(code, new Estimate(value.Value, se is > 0 ? se : null, code)))
            {
                throw row.Fail(codeColumn, code, "duplicate line");
            }

            table.Keep(row);
        }

        return result;
    }

    private static Dictionary<string, Estimate> MedianBy(IEnumerable<Estimate> items, Func<Estimate, string> key) =>
        items.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new Estimate(Median(g.Select(e => e.Value)), null, g.Key), StringComparer.Ordinal);

    private static Dictionary<TKey, double> MedianBy<TItem, TKey>(IEnumerable<TItem> items, Func<TItem, TKey> key, Func<TItem, double> value)
        where TKey : notnull =>
        items.GroupBy(key).ToDictionary(g => g.Key, g => Median(g.Select(value)));

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new InvalidOperationException("Median of an empty set.");
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
