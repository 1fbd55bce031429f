using System.Globalization;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>
/// Named scenarios for the real 2025–2026 events and the open questions. Every fact carries its source
/// (docs/policy.md; shared/research/policy-facts.md).
/// </summary>
/// <remarks>
/// In the single-rate presets (liberation-day-46, reciprocal-20, reciprocal-20-farm-exempt, ieepa-struck-down,
/// deal-zero-list, snapback-46, transshipment-enforced) only Vietnam's rates change; every other supplier keeps its
/// 2024 rate, so they isolate the Vietnam measure. <c>real-2025-2026</c> carries the real rates of the main
/// competing suppliers too. Dates are entry dates, intervals [from, until). Presets are built on each call
/// (immutable values) and are thread-safe.
/// </remarks>
public static class Presets
{
    /// <summary>Vietnam's Census code.</summary>
    public const string Vietnam = Partner.VietnamCode;

    /// <summary>The default entry date of the Section 301 forced-labor action (not published; the Budget Lab tracker models the day after Section 122 expired).</summary>
    internal static readonly DateOnly Section301Start = new(2026, 7, 24);

    /// <summary>The assumed share of Canadian and Mexican goods not claimed under USMCA (and so subject to the fentanyl and Section 122 duties) [assumption].</summary>
    internal const double NonUsmcaShare = 0.15;

    /// <summary>The assumed share of Vietnam's exports that CBP treats as transshipped under strict enforcement (transshipment-enforced) [assumption, illustrative].</summary>
    internal const double EnforcedTransshipmentShare = 0.25;

    /// <summary>Share of the value of the listed lines that falls under the narrow Section 232 advanced-chip tariff [assumption].</summary>
    internal const double SemiconductorShare = 0.05;

    /// <summary>Every supplier of the bundled baseline: the 50 Census partners with HTS10 detail and the rest of the world.</summary>
    private static readonly string[] AllSuppliers =
    [
        "0003", "1220", "2010", "2050", "2110", "2150", "2190", "2230", "2470", "2740", "3010", "3070", "3310", "3330", "3370", "3510", "3570", "4039", "4120",
        "4419", "4621", "4890", "5050", "5081", "5130", "5170", "5200", "5330", "5350", "5380", "5420", "5490", Vietnam, "5550", "5570", "5590", "5600", "5650",
        Partner.ChinaCode, "5800", "5820", "5830", "5880", "6021", "6141", "7210", "7290", "7530", "7620", "7910", Partner.RestOfWorldCode,
    ];

    private static readonly string[] Usmca = ["1220", "2010"];

    private static readonly string[] NonUsmcaSuppliers = AllExcept(Usmca);

    private static readonly DateOnly D0405 = new(2025, 4, 5);
    private static readonly DateOnly D0409 = new(2025, 4, 9);
    private static readonly DateOnly D0410 = new(2025, 4, 10);
    private static readonly DateOnly D0807 = new(2025, 8, 7);
    private static readonly DateOnly D20260101 = new(2026, 1, 1);
    private static readonly DateOnly IeepaEnd = new(2026, 2, 24);
    private static readonly DateOnly S122End = new(2026, 7, 24);

    private const string SrcEo14257 = "EO 14257 (2025-04-02): 10% from 2025-04-05, Vietnam 46% (9903.01.72) from 2025-04-09; whitehouse_texts/2025-04-02-…md; policy-facts.md §1.2";
    private const string SrcPause = "EO 14266 (2025-04-09), extended 2025-07-07: country rates suspended from 2025-04-10, 10% baseline; policy-facts.md §1.3";
    private const string SrcEo14326 = "EO 14326 (2025-07-31) Annex I: Vietnam 20% (9903.02.69) from 2025-08-07; eo14326_annex1_reciprocal_rates_2025-07-31.csv; policy-facts.md §1.5";
    private const string SrcEnd = "SCOTUS Learning Resources v. Trump (2026-02-20); EO 'Ending Certain Tariff Actions'; collection ended 2026-02-24; policy-facts.md §1.9";
    private const string SrcS122 = "Section 122 proclamation (2026-02-20, 9903.03.01): 10% 2026-02-24 to 2026-07-23, Annex I-II and 232 goods exempt; policy-facts.md §1.9";
    private const string SrcS301 = "Presidential memorandum of 2026-07-23 (FR 2026-15274, 91 FR 47717) and USTR Notice of Actions FR 2026-15181 (91 FR 47318): +12.5% on Vietnam (9903.05.84) from 12:01 a.m. 2026-07-24, Annex II Part A exempt (US note 52(b)-(e)); policy-2026/FACTS.md §1";

    private const string SrcS301Partners = "Section 301 forced-labor action, per-partner headings 9903.05.20-.84 (HTSUS 2026 Rev 15, unchanged in Rev 20): policy-2026/s301_2026_rates_by_partner.csv; FR 2026-15181 (91 FR 47318); Annex II Part A exempt; USMCA-qualifying goods of Canada and Mexico exempt (note 52(g)-(h)); CAFTA-DR textiles, the 13 country lists of note 52(j) and the textile TRQs not modelled [assumption]";
    private const string SrcTrans = "EO 14326 sec. 3: 40% in lieu of the country rate on goods CBP determines were transshipped; no published criteria or determinations; policy-facts.md §1.5";
    private const string SrcYale = "Budget Lab at Yale tariff-rate-tracker config_revision_dates.csv (policy dates by HTS revision)";

    private static readonly string[] AllNames =
    [
        "real-2025-2026", "no-tariffs", "liberation-day-46", "reciprocal-20", "reciprocal-20-farm-exempt",
        "ieepa-struck-down", "deal-zero-list", "snapback-46", "transshipment-enforced", "s122-refunded", "ip-301-25",
        "excess-capacity-301", "s301-conditional-unclaimed",
    ];

    /// <summary>The preset names.</summary>
    public static IReadOnlyList<string> Names => AllNames;

    /// <summary>The preset with this name.</summary>
    /// <param name="name">A name from <see cref="Names"/>.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="KeyNotFoundException">Unknown name; the message lists the known names.</exception>
    public static Scenario Get(string name) => name switch
    {
        "real-2025-2026" => Real(),
        "no-tariffs" => new Scenario("no-tariffs", "2024 applied rates only, forever (no 2025-2026 measures).", ["Census 2024 calculated duty / customs value"], []),
        "liberation-day-46" => new Scenario("liberation-day-46", "The announced 46% reciprocal tariff on Vietnam from 2025-04-09 onward, with Annex II (as amended in 2025, without the farm list); other suppliers at 2024 rates.",
            [SrcEo14257], [VnReciprocal("vn-reciprocal-46", 0.46, D0409, null, "annex-ii-pre-farm", SrcEo14257)]),
        "reciprocal-20" => new Scenario("reciprocal-20", "20% reciprocal tariff on Vietnam from 2025-08-07 onward with the 2025 exemption lists (Annex II and its 2025 changes, without the farm list); no later events.",
            [SrcEo14326], [VnReciprocal("vn-reciprocal-20", 0.20, D0807, null, "annex-ii-pre-farm", SrcEo14326)]),
        "reciprocal-20-farm-exempt" => new Scenario("reciprocal-20-farm-exempt", "20% reciprocal tariff on Vietnam from 2025-08-07 onward; Annex II including the farm goods exempted from 2025-11-13 (coffee, tea, spices, tropical fruit, …).",
            [SrcEo14326, "EO of 2025-11-14 (agricultural products), effective 2025-11-13; policy-facts.md §1.8"], [VnReciprocal("vn-reciprocal-20", 0.20, D0807, null, "annex-ii", SrcEo14326)]),
        "ieepa-struck-down" => new Scenario("ieepa-struck-down", "Vietnam's IEEPA path (10%, 46% for a day, 10%, 20% with Annex II) until the Supreme Court ended it on 2026-02-24, replaced only by the 10% Section 122 surcharge to 2026-07-23; no Section 301 action.",
            [SrcEo14257, SrcPause, SrcEo14326, SrcEnd, SrcS122], [.. VnIeepaPath(IeepaEnd), VnSection122()]),
        "deal-zero-list" => DealZeroList(),
        "snapback-46" => new Scenario("snapback-46", "Talks fail: Vietnam's path to 20% from 2025-08-07, then the 46% rate snaps back from 2026-01-01 [assumed date] and stays; Annex II with the farm list.",
            [SrcEo14257, SrcPause, SrcEo14326], [.. VnIeepaPath(D20260101), VnReciprocal("vn-reciprocal-46-snapback", 0.46, D20260101, null, "annex-ii", "what-if: snap-back to the EO 14257 Annex I rate")],
            assumptions: ["Snap-back date 2026-01-01 is an assumption; IEEPA is not struck down in this scenario."]),
        "transshipment-enforced" => new Scenario("transshipment-enforced", $"20% from 2025-08-07 (Annex II with the farm list) and strict enforcement of the transshipment rule: 40% in lieu of 20% on {EnforcedTransshipmentShare:P0} of Vietnam's goods [assumed share].",
            [SrcEo14326, SrcTrans], [VnReciprocal("vn-reciprocal-20", 0.20, D0807, null, "annex-ii", SrcEo14326), VnTransshipment(D0807, null, EnforcedTransshipmentShare)],
            assumptions: [$"Transshipment share {EnforcedTransshipmentShare} is illustrative: no CBP determinations were published; vary share_of_goods in a scenario file."]),
        "s122-refunded" => Variant(Real(), "s122-refunded",
            "Open legal question: the real timeline without the Section 122 surcharge (2026-02-24 … 2026-07-23) for every partner, as if the CIT's 2–1 holding of 2026-05-07 (surcharge unlawful, relief for the plaintiffs only, stayed on appeal, CAFC 26-1804/26-1805) were upheld for all importers with refunds; trade flows of the period are shown as if the surcharge never applied.",
            m => m.Kind != MeasureKind.Section122, [],
            "CIT ruling of 2026-05-07 (secondary: policy-2026/FACTS.md §5); outcome of the appeal not found; refunds are not modelled as a cash flow, only the absence of the duty [assumption]"),
        "ip-301-25" => IpSection301(new DateOnly(2027, 1, 1)),
        "s301-conditional-unclaimed" => WithConditionalExemptionShares(Real(), 0.0, 0.0).Renamed("s301-conditional-unclaimed",
            "The real timeline with the conditional Annex II Part A relief of the 2026 Section 301 actions claimed on no trade: goods listed for civil aircraft (U.S. note 52(d), General Note 6 certification) outside chapter 88 and goods listed for pharmaceutical use (52(e)) pay the action's rate; the real timeline treats both as exempt."),
        "excess-capacity-301" => Variant(Real(), "excess-capacity-301",
            "Open legal question (hypothetical): the real timeline plus a Section 301 action from the structural excess-capacity investigations of 16 economies including Vietnam (opened 2026-03-11; hearings 2026-05-05…08; no determination or tariff found through 2026-10): +10% on Vietnam from 2027-01-01 [assumed rate, date and scope: Vietnam only], Annex II Part A exempt [assumption].",
            _ => true,
            [new TariffMeasure("vn-s301-excess-capacity-10", MeasureKind.Additional, 0.10, new DateOnly(2027, 1, 1), null, [Vietnam], exemptionLists: [PartAList],
                name: "Section 301 excess-capacity action on Vietnam +10% [hypothetical]", source: "USTR Section 301 investigations of structural excess capacity, initiated 2026-03-11 (secondary: policy-2026/FACTS.md §5); rate, date, scope and exemptions assumed")],
            "Hypothetical: rate 10%, start 2027-01-01 and Vietnam-only scope are assumptions (the other 15 economies under investigation are not taxed here); modelled as an additional layer so it stacks with the forced-labor Section 301 action"),
        _ => throw new KeyNotFoundException($"Unknown preset '{name}'. Known presets: {string.Join(", ", AllNames)}."),
    };

    /// <summary>Purchase-commitment presets: the 2025 farm MOUs, the aircraft orders and an illustrative LNG what-if.</summary>
    /// <returns>The commitments.</returns>
    public static IReadOnlyList<PurchaseCommitment> CommitmentCatalog() =>
    [
        new("farm-mous-2025", "20 farm-goods MOUs of the June 2025 mission (soybean meal, corn, wheat, DDGS, soybeans)",
            Codes("2304", "1005", "1001", "2303", "1201"), 2.9e9, new DateOnly(2025, 7, 1), new DateOnly(2028, 7, 1), PhaseIn.Even,
            0.58, 0.30, 0.90, 0.5, 0.2, 0.8,
            "Joint Statement 2025-10-26 ('20 MOUs … over $2.9 billion'); Iowa MOUs ≈ $800 m over three years (period of the others not stated: three years assumed); fulfilment central 58% = US–China Phase One outcome (Bown, PIIE 2022); additionality 50% [assumption: grain and meal are fungible; the US already sold ≈ $3.4 bn of farm goods a year to Vietnam]; policy-facts.md §3.1"),
        new("aircraft-vietnam-airlines", "Vietnam Airlines: 50 Boeing 737-8 (~$8.1 bn at list), deliveries 2030–2032",
            Codes("8800000000"), 8.1e9, new DateOnly(2030, 1, 1), new DateOnly(2033, 1, 1), PhaseIn.Even,
            0.5, 0.35, 0.7, 0.2, 0.0, 0.5,
            "Finalised 2026-02-18; deliveries 2030–2032 (policy-facts.md §3.2). Fulfilment = transaction value / list price × delivery [assumption 50%, 35–70%]; additionality 20% [assumption: delivery slots are capacity-constrained and sold elsewhere otherwise]"),
        new("aircraft-sun-phuquoc", "Sun PhuQuoc Airways: 40 Boeing 787-9 (~$22.5 bn at list), deliveries after 2030 [years not reported; 2030–2035 assumed]",
            Codes("8800000000"), 22.5e9, new DateOnly(2030, 1, 1), new DateOnly(2036, 1, 1), PhaseIn.Even,
            0.4, 0.2, 0.6, 0.2, 0.0, 0.5,
            "Signed 2026-02-18/19 (policy-facts.md §3.2); delivery years not reported; fulfilment includes list-price discount and the risk for a new airline [assumption]"),
        new("lng-mous-2025", "PV Gas LNG MOUs with ConocoPhillips and Excelerate [illustrative amount: $1 bn a year 2027–2030]",
            Codes("271111"), 4e9, new DateOnly(2027, 1, 1), new DateOnly(2031, 1, 1), PhaseIn.LinearRamp,
            0.4, 0.1, 0.9, 0.8, 0.5, 1.0,
            "March 2025 MOUs (policy-facts.md §3.3); no volumes published and no US LNG imported by Vietnam as of March 2025: the amount is an assumption for what-if use"),
    ];

    /// <summary>The commitment preset with this id.</summary>
    /// <param name="id">farm-mous-2025, aircraft-vietnam-airlines, aircraft-sun-phuquoc or lng-mous-2025.</param>
    /// <returns>The commitment.</returns>
    /// <exception cref="KeyNotFoundException">Unknown id.</exception>
    public static PurchaseCommitment Commitment(string id) =>
        CommitmentCatalog().FirstOrDefault(c => c.Id == id) ?? throw new KeyNotFoundException($"Unknown commitment preset '{id}'. Known: {string.Join(", ", CommitmentCatalog().Select(c => c.Id))}.");

    /// <summary>Decree 73/2025/ND-CP MFN cuts (in force 2025-03-31).</summary>
    /// <returns>The concession.</returns>
    internal static MarketAccessConcession Decree73() => new("decree-73-2025", ConcessionKind.Decree73, new DateOnly(2025, 3, 31),
        name: "Decree 73/2025/ND-CP MFN cuts (cars, ethanol, LNG, chicken, nuts, fruit, wood products, corn, soybean meal)",
        source: "Decree 73/2025/ND-CP (2025-03-31); vn_mfn_changes_2025_hs8.csv; policy-facts.md §3.4");

    private static Scenario DealZeroList() => new("deal-zero-list",
        "A signed deal from 2026-01-01 [assumed date]: 20% reciprocal stays with Annex II and the farm list, plus a zero-tariff list (proxy: the PTAAP lines granted to the EU and Switzerland); Vietnam cuts its tariff on substantially all US goods to 0 and the farm MOUs and Vietnam Airlines order are delivered; IEEPA not struck down.",
        [SrcEo14326, "Joint Statement 2025-10-26 (Annex III PTAAP list for a zero rate; 'substantially all' US goods); policy-facts.md §1.7"],
        [.. VnIeepaPath(D20260101), VnReciprocal("vn-reciprocal-20-deal", 0.20, D20260101, null, "annex-ii", "deal: 20% with a zero-tariff list", "ptaap-proxy")],
        [Commitment("farm-mous-2025"), Commitment("aircraft-vietnam-airlines")],
        [Decree73(), new MarketAccessConcession("framework-zero-2026", ConcessionKind.UniformRate, D20260101, 0.0, name: "Preferential access for substantially all US goods at 0% [assumed rate and date]", source: "Joint Statement 2025-10-26")],
        ["Deal date 2026-01-01, the PTAAP proxy list and Vietnam's uniform 0% on US goods are assumptions; no list or schedule was published."]);

    private static Scenario Real()
    {
        var m = new List<TariffMeasure>();
        m.AddRange(VnIeepaPath(IeepaEnd));
        m.Add(VnTransshipment(D0807, IeepaEnd, 0.0));
        m.Add(VnSection122());
        m.Add(new TariffMeasure("vn-s301-forced-labor", MeasureKind.Section301, 0.125, Section301Start, null, [Vietnam],
            exemptionLists: [PartAList], name: "Section 301 forced-labor action on Vietnam (12.5%)", source: SrcS301));
        m.AddRange(Section232());
        m.AddRange(Competitors());
        return new Scenario("real-2025-2026",
            "The timeline as it happened, through the latest sourced measure (2026-08): IEEPA 10% (2025-04-05), Vietnam 46% for one day (2025-04-09), pause at 10%, 20% from 2025-08-07 with Annex II and its 2025 changes (farm goods exempt from 2025-11-13), Section 232 product tariffs, IEEPA ended 2026-02-24, Section 122 10% to 2026-07-23, Section 301 forced-labor 12.5% from 2026-07-24; competitors' real rates (China, Canada, Mexico, the EU, Japan, Korea, India, Brazil and the other Annex I partners); the farm MOUs and aircraft orders; Decree 73.",
            [SrcEo14257, SrcPause, SrcEo14326, SrcEnd, SrcS122, SrcS301, SrcTrans, SrcYale, "Section 232 proclamations: policy-facts.md §1.6"],
            m,
            [Commitment("farm-mous-2025"), Commitment("aircraft-vietnam-airlines"), Commitment("aircraft-sun-phuquoc")],
            [Decree73()],
            [
                "Transshipment: the 40% rule is in the timeline with share_of_goods 0 because no CBP determinations were published.",
                $"Canada and Mexico: fentanyl and Section 122 duties on {NonUsmcaShare:P0} of goods (non-USMCA share) [assumption].",
                "Section 232 duties are applied to full customs value (the law taxes the metal content of derivatives): an upper bound on those lines.",
                "Other Annex I partners' rates from EO 14326 Annex I; partners not listed pay 10%; the rest of the world is given 10%.",
            ]);
    }

    /// <summary>A variant of a scenario: its measures filtered and extended, the rest kept, with its own name, description and an added assumption.</summary>
    /// <summary>The Annex II Part A list of the 2026 Section 301 actions (all categories).</summary>
    internal const string PartAList = "s301-forced-labor-annex-ii-part-a";

    /// <summary>
    /// The scenario with the conditional Annex II Part A relief (U.S. note 52(d) civil aircraft meeting General Note 6,
    /// 52(e) goods for use in pharmaceutical applications) reaching only a qualifying share of the trade in the listed
    /// goods: every all-product measure that exempts <see cref="PartAList"/> is split into the measure exempting the
    /// three parts of the list and, per conditional part with share q &lt; 1, the same measure on that part's lines with
    /// share of goods × (1 − q). Lines of chapter 88 (aircraft and parts) in the civil-aircraft part stay exempt: their use
    /// is civil aircraft by nature. The presets treat both parts as exempt (q = 1), as the statutory trackers read the
    /// list; the relief needs a certification at entry (GN 6; 19 CFR 10.183), which general goods such as headphones or
    /// loudspeakers rarely carry, so q = 1 is an upper bound on the exemption.
    /// </summary>
    /// <param name="scenario">The scenario (e.g. <c>Presets.Get("real-2025-2026")</c>).</param>
    /// <param name="civilAircraftShare">q of the civil-aircraft part outside chapter 88, in [0, 1].</param>
    /// <param name="pharmaceuticalUseShare">q of the pharmaceutical-use part, in [0, 1].</param>
    /// <returns>The scenario with the split measures (its name unchanged).</returns>
    /// <exception cref="ScenarioValidationException">A share is outside [0, 1].</exception>
    public static Scenario WithConditionalExemptionShares(Scenario scenario, double civilAircraftShare, double pharmaceuticalUseShare)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        foreach (var (field, q) in new[] { ("civil_aircraft_share", civilAircraftShare), ("pharmaceutical_use_share", pharmaceuticalUseShare) })
        {
            if (!double.IsFinite(q) || q is < 0 or > 1)
            {
                throw new ScenarioValidationException(field, q, "a qualifying share must be in [0, 1]");
            }
        }

        const string uncond = "s301-forced-labor-part-a-unconditional", aircraft = "s301-forced-labor-part-a-civil-aircraft", pharma = "s301-forced-labor-part-a-pharmaceutical-use";
        var measures = new List<TariffMeasure>();
        foreach (var m in scenario.Measures)
        {
            if (!m.ExemptionLists.Contains(PartAList, StringComparer.Ordinal) || m.Products.Count > 0 || m.ProductLists.Count > 0)
            {
                measures.Add(m);
                continue;
            }

            var others = m.ExemptionLists.Where(l => l != PartAList).ToArray();
            measures.Add(new TariffMeasure(m.Id, m.Kind, m.Rate, m.From, m.Until, m.Suppliers, exemptionLists: [.. others, uncond, aircraft, pharma],
                exemptCodes: m.ExemptCodes, shareOfGoods: m.ShareOfGoods, isFloor: m.IsFloor, name: m.Name, source: m.Source, minimumPrice: m.MinimumPrice, allowHighRate: m.AllowHighRate));
            foreach (var (part, q, label, exempt) in new[] { (aircraft, civilAircraftShare, "civil-aircraft", (string[])["88"]), (pharma, pharmaceuticalUseShare, "pharmaceutical-use", []) })
            {
                if (q < 1)
                {
                    measures.Add(new TariffMeasure($"{m.Id}-{label}", m.Kind, m.Rate, m.From, m.Until, m.Suppliers, productLists: [part], exemptionLists: [.. others, uncond],
                        exemptCodes: [.. m.ExemptCodes, .. exempt.Select(HtsCode.Parse)], shareOfGoods: m.ShareOfGoods * (1 - q), isFloor: m.IsFloor,
                        name: string.Create(CultureInfo.InvariantCulture, $"{m.Name} on {label} goods without the certified use ({1 - q:P0})"),
                        source: string.Create(CultureInfo.InvariantCulture, $"{m.Source}; Annex II Part A {label} relief on a qualifying share q = {q} [assumption]"), minimumPrice: m.MinimumPrice));
                }
            }
        }

        return new Scenario(scenario.Name, scenario.Description, scenario.Sources, measures, scenario.Commitments, scenario.Concessions,
            [.. scenario.Assumptions, string.Create(CultureInfo.InvariantCulture, $"Annex II Part A conditional relief on a qualifying share of the listed trade: civil aircraft (outside chapter 88) {civilAircraftShare}, pharmaceutical use {pharmaceuticalUseShare}")]);
    }

    /// <summary>
    /// The open question of the Section 301 investigation of Vietnam's IP protection and enforcement (initiated 2026-05-29;
    /// Vietnam the sole Priority Foreign Country of the 2026 Special 301 Report; no determination found): the real
    /// timeline plus a hypothetical action on Vietnam from a date the user chooses, Annex II Part A exempt [assumption],
    /// as an additional layer that stacks with the forced-labor action. The preset <c>ip-301-25</c> is this
    /// with 25 % from 2027-01-01.
    /// </summary>
    /// <param name="from">First day of the hypothetical action (2026-05-29 or later).</param>
    /// <param name="rate">Its rate (fraction, default 0.25).</param>
    /// <returns>The scenario (named <c>ip-301-25</c> for the default rate and date, else <c>ip-301-RATE-from-YYYY-MM-DD</c>).</returns>
    /// <exception cref="ScenarioValidationException">The date is before the investigation or the rate is invalid.</exception>
    public static Scenario IpSection301(DateOnly from, double rate = 0.25)
    {
        if (from < new DateOnly(2026, 5, 29))
        {
            throw new ScenarioValidationException("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "the IP Section 301 investigation was initiated on 2026-05-29; an action cannot start before it");
        }

        var pct = (rate * 100).ToString("0.##", CultureInfo.InvariantCulture);
        var name = from == new DateOnly(2027, 1, 1) && rate == 0.25 ? "ip-301-25" : $"ip-301-{pct.Replace('.', '-')}-from-{from:yyyy-MM-dd}";
        return Variant(Real(), name,
            string.Create(CultureInfo.InvariantCulture, $"Open legal question (hypothetical): the real timeline plus a Section 301 action on Vietnam's IP protection and enforcement (investigation initiated 2026-05-29; Vietnam the sole Priority Foreign Country in the 2026 Special 301 Report): +{pct}% from {from:yyyy-MM-dd} [assumed rate and date; no determination or action found], Annex II Part A exempt [assumption]."),
            _ => true,
            [new TariffMeasure($"vn-s301-ip-{pct.Replace('.', '-')}", MeasureKind.Additional, rate, from, null, [Vietnam], exemptionLists: [PartAList],
                name: $"Section 301 IP action on Vietnam +{pct}% [what-if]", source: "USTR Section 301 investigation of Vietnam's IP enforcement, initiated 2026-05-29 (secondary: policy-2026/FACTS.md §5); rate, date and exemptions assumed")],
            string.Create(CultureInfo.InvariantCulture, $"Rate {pct}% and start {from:yyyy-MM-dd} are assumptions (no action found through 2026-10); modelled as an additional layer so it stacks with the forced-labor Section 301 action"));
    }

    private static Scenario Variant(Scenario s, string name, string description, Func<TariffMeasure, bool> keep, TariffMeasure[] add, string assumption) =>
        new(name, description, s.Sources, [.. s.Measures.Where(keep), .. add], s.Commitments, s.Concessions, [.. s.Assumptions, assumption]);

    private static TariffMeasure VnReciprocal(string id, double rate, DateOnly from, DateOnly? until, string exemptions, string source, params string[] moreExemptions) =>
        new(id, MeasureKind.Reciprocal, rate, from, until, [Vietnam], exemptionLists: [exemptions, .. moreExemptions], name: $"IEEPA reciprocal {rate:P0} on Vietnam", source: source);

    private static TariffMeasure VnTransshipment(DateOnly from, DateOnly? until, double share) =>
        new("vn-transshipment-40", MeasureKind.Transshipment, 0.40, from, until, [Vietnam], exemptionLists: ["annex-ii"], shareOfGoods: share, name: "Transshipment penalty 40% (in lieu of 20%)", source: SrcTrans);

    private static TariffMeasure VnSection122() =>
        new("vn-s122", MeasureKind.Section122, 0.10, IeepaEnd, S122End, [Vietnam], exemptionLists: ["s122-exempt"], name: "Section 122 surcharge 10%", source: SrcS122);

    private static IEnumerable<TariffMeasure> VnIeepaPath(DateOnly end)
    {
        yield return VnReciprocal("vn-reciprocal-10-baseline", 0.10, D0405, D0409, "annex-ii", SrcEo14257);
        yield return VnReciprocal("vn-reciprocal-46", 0.46, D0409, D0410, "annex-ii", SrcEo14257);
        yield return VnReciprocal("vn-reciprocal-10-pause", 0.10, D0410, D0807, "annex-ii", SrcPause);
        if (end > D0807)
        {
            yield return VnReciprocal("vn-reciprocal-20", 0.20, D0807, end, "annex-ii", SrcEo14326);
        }
    }

    private static IEnumerable<TariffMeasure> Section232()
    {
        const string src = "Section 232 proclamations; policy-facts.md §1.6; compiled_vietnam_us_tariff_timeline.csv";
        const string content = "; duty on metal content only: content share = SGEPT (2026) metal-ratio assumptions (steel derivatives 40%, aluminum derivatives 35%, copper 70%)";
        TariffMeasure S(string id, double rate, string list, DateOnly from, DateOnly? until = null, double share = 1.0, string note = "", string[]? suppliers = null) =>
            new(id, MeasureKind.Section232, rate, from, until, suppliers, productLists: [list], shareOfGoods: share, name: $"Section 232 {ListName(list)} {Percent(rate)}", source: src + note);
        // Vehicles and parts: USMCA-qualifying goods from Canada and Mexico are exempt (parts) or pay on non-US content only
        // (vehicles): the duty reaches the non-USMCA share of their goods [assumption, see NonUsmcaShare].
        IEnumerable<TariffMeasure> Vehicles(string id, double rate, string list, DateOnly from)
        {
            yield return S(id, rate, list, from, suppliers: NonUsmcaSuppliers);
            yield return S(id + "-usmca", rate, list, from, share: NonUsmcaShare, note: "; Canada and Mexico: non-USMCA share only [assumption]", suppliers: Usmca);
        }

        var d0312 = new DateOnly(2025, 3, 12);
        var d0604 = new DateOnly(2025, 6, 4);
        var d2026 = new DateOnly(2026, 4, 6);
        yield return S("s232-steel-aluminum-25", 0.25, "s232-steel-aluminum-2025-full", d0312, d0604);
        yield return S("s232-steel-aluminum-50", 0.50, "s232-steel-aluminum-2025-full", d0604, d2026);
        yield return S("s232-steel-derivatives-25", 0.25, "s232-steel-derivatives-2025", d0312, d0604, 0.40, content);
        yield return S("s232-steel-derivatives-50", 0.50, "s232-steel-derivatives-2025", d0604, d2026, 0.40, content);
        yield return S("s232-aluminum-derivatives-25", 0.25, "s232-aluminum-derivatives-2025", d0312, d0604, 0.35, content);
        yield return S("s232-aluminum-derivatives-50", 0.50, "s232-aluminum-derivatives-2025", d0604, d2026, 0.35, content);
        // 2026 restructuring: tiers 50% / 25% / 15% on full value (annex I-A, I-B, I-C / III); annex II is the 0% tier (Budget Lab revision notes).
        yield return S("s232-metals-2026-1a", 0.50, "s232-metals-2026-annex-1a", d2026);
        yield return S("s232-metals-2026-1b", 0.25, "s232-metals-2026-annex-1b", d2026);
        yield return S("s232-metals-2026-1c", 0.15, "s232-metals-2026-annex-1c", d2026);
        yield return S("s232-metals-2026-3", 0.15, "s232-metals-2026-annex-3", d2026);
        foreach (var m in Vehicles("s232-autos", 0.25, "s232-autos", new DateOnly(2025, 4, 3)).Concat(Vehicles("s232-auto-parts", 0.25, "s232-auto-parts", new DateOnly(2025, 5, 3))))
        {
            yield return m;
        }

        yield return S("s232-copper", 0.50, "s232-copper", new DateOnly(2025, 8, 1), d2026, 0.70, content);
        yield return S("s232-softwood", 0.10, "s232-softwood", new DateOnly(2025, 10, 14));
        yield return S("s232-upholstered-25", 0.25, "s232-upholstered-furniture", new DateOnly(2025, 10, 14), new DateOnly(2027, 1, 1));
        yield return S("s232-upholstered-30", 0.30, "s232-upholstered-furniture", new DateOnly(2027, 1, 1));
        yield return S("s232-cabinets-25", 0.25, "s232-kitchen-cabinets", new DateOnly(2025, 10, 14), new DateOnly(2027, 1, 1));
        yield return S("s232-cabinets-50", 0.50, "s232-kitchen-cabinets", new DateOnly(2027, 1, 1));
        foreach (var m in Vehicles("s232-mhd-vehicles", 0.25, "s232-mhd-vehicles", new DateOnly(2025, 11, 1)).Concat(Vehicles("s232-mhd-parts", 0.25, "s232-mhd-parts", new DateOnly(2025, 11, 1))))
        {
            yield return m;
        }

        yield return S("s232-buses", 0.10, "s232-buses", new DateOnly(2025, 11, 1));
        yield return S("s232-semiconductors", 0.25, "s232-semiconductors", new DateOnly(2026, 1, 15), null, SemiconductorShare,
            "; the proclamation covers a narrow category of advanced computing chips inside these lines: share of line value assumed 5% [assumption]");
        yield return S("s232-pharma", 1.00, "s232-pharma", new DateOnly(2026, 9, 29));

        // Polysilicon (proclamation of 2026-08-06, from 12:01 a.m. 2026-12-04): +15 % on ingots, wafers, cells and modules
        // (Annex scope secondary: policy-2026/s232_polysilicon_scope_2026-12-04.csv); the partner caps (EU, JP, KR, TW, CH:
        // 232 + MFN = 15 %) equal 15 % on these lines, whose MFN rate is 0; UK 10 %. The minimum import prices ($0.22/W cells,
        // $0.38/W modules) follow as minimum-import-price measures; $21/kg polysilicon and $100/kg ingots and wafers cover no bundled line.
        // Ingots and wafers (3818.00.00xx) are in scope too but are not among the bundled lines (no 2024 imports from Vietnam).
        var polysilicon = Codes("8541420010", "8541420080", "8541430010", "8541430080");
        const string polySource = "Proclamation of 2026-08-06 (Section 232, polysilicon and derivatives), effective 2026-12-04; product scope secondary (policy-2026/s232_polysilicon_scope_2026-12-04.csv, FACTS.md §4); the minimum import prices are the measures s232-polysilicon-mip-*";
        var polyDate = new DateOnly(2026, 12, 4);
        yield return new TariffMeasure("s232-polysilicon-15", MeasureKind.Section232, 0.15, polyDate, null, AllExcept(["4120"]), polysilicon, name: "Section 232 polysilicon derivatives 15%", source: polySource);
        yield return new TariffMeasure("s232-polysilicon-uk-10", MeasureKind.Section232, 0.10, polyDate, null, ["4120"], polysilicon, name: "Section 232 polysilicon derivatives 10% (UK)", source: polySource);

        // The minimum import prices (clauses 1(a), 2(b)-(c)): a specific duty for the shortfall of the entered value below
        // $0.38/W (modules) and $0.22/W (cells), for every supplier (the partner caps of clause 5(b)-(c) cover the 15 % only),
        // in addition to every other duty (clause 5(a)). The box has no watts, so the entered unit values are parameters.
        const string mipSource = "Proclamation of 2026-08-06 (Section 232, polysilicon and derivatives), clauses 1(a), 2 and 5(a): minimum import prices with a specific duty for the shortfall, effective 2026-12-04; docs/policy.md (minimum import prices)";
        yield return new TariffMeasure("s232-polysilicon-mip-modules", MeasureKind.MinimumImportPrice, 0, polyDate, null, AllSuppliers, Codes("8541430010", "8541430080"),
            name: "Section 232 polysilicon minimum import price $0.38/W (modules)", source: mipSource,
            minimumPrice: new MinimumPrice(0.38, ModuleUnitValueUsdPerWatt, "W", ModuleUnitValueSource));
        yield return new TariffMeasure("s232-polysilicon-mip-cells", MeasureKind.MinimumImportPrice, 0, polyDate, null, AllSuppliers, Codes("8541420010", "8541420080"),
            name: "Section 232 polysilicon minimum import price $0.22/W (cells)", source: mipSource,
            minimumPrice: new MinimumPrice(0.22, CellUnitValueUsdPerWatt, "W", CellUnitValueSource));
        foreach (var m in Drones())
        {
            yield return m;
        }
    }

    /// <summary>
    /// Section 232 unmanned aircraft systems (proclamation of 2026-08-13, from 12:01 a.m. 2026-09-03): 100 % on UAS over
    /// 25 kg maximum take-off weight (Annex I; also thermal-imaging UAS, docking stations and critical components, which
    /// no HTS line identifies), 25 % on other UAS (Annex II). The annexes are not stored as data (policy-2026/FACTS.md §4),
    /// so the scope is heading 8806 split by its weight subheadings [assumption]: 8806.24/.29/.94/.99 (over 25 kg) at
    /// 100 %, the other 8806 lines at 25 %. Products of the EU, Japan, Korea, Taiwan and Switzerland pay 15 % all-in and
    /// the UK 10 % (clause on partner caps; the condition that substantially all critical components come from those
    /// partners or the US is assumed met; MFN on 8806 is free, so 15 % all-in = 15 %). The 25 % on other UAS components
    /// (Annex III) from 2027-02-09 is not modelled: its codes are not in the box.
    /// </summary>
    private static IEnumerable<TariffMeasure> Drones()
    {
        const string src = "Proclamation of 2026-08-13 (Section 232, unmanned aircraft systems and components), effective 2026-09-03; scope by 8806 weight subheadings [assumption]; policy-2026/FACTS.md §4";
        var from = new DateOnly(2026, 9, 3);
        // Only subheadings with 2024 imports from Vietnam are bundled lines (8806.10, .24, .91 and .99 have none).
        var heavy = Codes("88062900", "88069400");
        var other = Codes("88062100", "88062200", "88062300", "88069200", "88069300");
        string[] capped = ["0003", "5880", "5800", "5830", "4419"];
        var rest = AllExcept([.. capped, "4120"]);
        yield return new TariffMeasure("s232-drones-100", MeasureKind.Section232, 1.00, from, null, rest, heavy, name: "Section 232 drones over 25 kg 100%", source: src);
        yield return new TariffMeasure("s232-drones-25", MeasureKind.Section232, 0.25, from, null, rest, other, name: "Section 232 other drones 25%", source: src);
        yield return new TariffMeasure("s232-drones-capped-15", MeasureKind.Section232, 0.15, from, null, capped, [.. heavy, .. other], name: "Section 232 drones 15% all-in (EU, Japan, Korea, Taiwan, Switzerland)", source: src);
        yield return new TariffMeasure("s232-drones-uk-10", MeasureKind.Section232, 0.10, from, null, ["4120"], [.. heavy, .. other], name: "Section 232 drones 10% (UK)", source: src);
    }

    /// <summary>The entered value of solar modules assumed by the polysilicon minimum import price, US$ per watt (AVE of the $0.38/W floor: 0.38 / 0.24 − 1 = 58.3 %).</summary>
    internal const double ModuleUnitValueUsdPerWatt = 0.24;

    /// <summary>The entered value of solar cells assumed by the polysilicon minimum import price, US$ per watt (AVE of the $0.22/W floor: 0.22 / 0.056 − 1 = 293 %).</summary>
    internal const double CellUnitValueUsdPerWatt = 0.056;

    private const string ModuleUnitValueSource = "OPIS, as reported by pv magazine (late 2024): US-bound modules from Vietnam, Thailand, Malaysia and Cambodia about $0.24/W before the 2024 AD/CVD investigation (US DDP TOPCon $0.29/W); no quantities in watts in the box [assumption]";
    private const string CellUnitValueSource = "OPIS Global Solar Markets Report of 2026-02-24, as reported by pv magazine (2026-02-27): FOB China TOPCon M10 cells $0.0559/W, a stand-in for Vietnam's cells (no US-bound cell price stored) [assumption]";

    // The detailed partners with their own Annex I measure, in measure order (their rates: AnnexIRates, shared with the GE presets).
    private static readonly string[] AnnexIPartners =
    [
        "2190", "2230", "2740", "3070", "3310", "4039", "4120", "4419", "4890", "5050", "5081", "5330", "5350", "5380", "5420", "5490",
        "5550", "5570", "5600", "5650", "5830", "6141", "7210", "7530", "7620", "7910", "3510",
    ];

    /// <summary>Annex I rates of EO 14326 for the detailed partners (Census code → rate), and the special regimes.</summary>
    private static IEnumerable<TariffMeasure> Competitors()
    {
        const string annex = "EO 14326 Annex I (eo14326_annex1_reciprocal_rates_2025-07-31.csv)";
        // Phase 1 and the pause: 10% on everyone but China/Hong Kong, Canada, Mexico and Russia (EO 14257 §3; EO 14266).
        string[] china = [Partner.ChinaCode, "5820"];
        var phase1 = AllExcept([.. Usmca, .. china, "4621", Vietnam]); // Russia was not subject; Vietnam has its own measures
        yield return new TariffMeasure("others-reciprocal-10-phase1", MeasureKind.Reciprocal, 0.10, D0405, D0807, phase1, exemptionLists: ["annex-ii"], name: "IEEPA 10% baseline and pause rate, other partners", source: $"{SrcEo14257}; {SrcPause}");
        // The detailed partners with their own Annex I measure (rates: AnnexIRates, shared with the GE presets).
        var annexRates = AnnexIPartners.Select(code => (Code: code, Rate: AnnexIRates.OfCensusCode(code))).ToArray();
        // Corrections (policy-2026/FACTS.md §3): Switzerland 15% all-in floor from 2025-11-14 (FR 2025-23316, 90 FR 59281);
        // India's Russian-oil 25% ended 2026-02-07 (EO of 2026-02-06) and its reciprocal rate fell to 18% (joint statement of
        // 2026-02-06; the implementing date is secondary: 2026-02-07 [assumption]).
        var switzerlandFloor = new DateOnly(2025, 11, 14);
        var indiaCut = new DateOnly(2026, 2, 7);
        foreach (var (code, rate) in annexRates)
        {
            var until = code switch { "4419" => switzerlandFloor, "5330" => indiaCut, _ => IeepaEnd };
            yield return new TariffMeasure($"reciprocal-{code}", MeasureKind.Reciprocal, rate, D0807, until, [code], exemptionLists: ["annex-ii"], name: $"IEEPA reciprocal {rate:P0}, Census {code}", source: annex);
        }

        yield return new TariffMeasure("switzerland-floor-15", MeasureKind.Reciprocal, 0.15, switzerlandFloor, IeepaEnd, ["4419"], exemptionLists: ["annex-ii"], isFloor: true,
            name: "Switzerland 15% all-in floor (higher of MFN or 15%)", source: "US-Switzerland-Liechtenstein joint statement of 2025-11-14; FR 2025-23316 (90 FR 59281), headings 9903.02.82-.91 from 2025-11-14; policy-2026/FACTS.md §3");
        yield return new TariffMeasure("reciprocal-5330-18", MeasureKind.Reciprocal, 0.18, indiaCut, IeepaEnd, ["5330"], exemptionLists: ["annex-ii"],
            name: "IEEPA reciprocal 18%, India", source: "US-India joint statement and fact sheet of 2026-02-06/09 (25% → 18%); date 2026-02-07 from trade-war-redux [assumption]; policy-2026/FACTS.md §3");

        var tenPercent = phase1.Except(annexRates.Select(r => r.Code)).Except(["0003", "5880", "5800"]).ToArray(); // EU, Japan, Korea: own measures below
        yield return new TariffMeasure("reciprocal-10-unlisted", MeasureKind.Reciprocal, 0.10, D0807, IeepaEnd, tenPercent, exemptionLists: ["annex-ii"], name: "IEEPA 10% for partners not in Annex I (and the rest of the world)", source: annex);
        // EU: 15% all-in floor; Japan and Korea 15%, floors from 2025-09-16 and 2025-11-14 (Budget Lab revision dates).
        yield return new TariffMeasure("eu-floor-15", MeasureKind.Reciprocal, 0.15, D0807, IeepaEnd, ["0003"], exemptionLists: ["annex-ii"], isFloor: true, name: "EU 15% all-in floor", source: annex);
        yield return new TariffMeasure("japan-15", MeasureKind.Reciprocal, 0.15, D0807, new DateOnly(2025, 9, 16), ["5880"], exemptionLists: ["annex-ii"], name: "Japan 15%", source: annex);
        yield return new TariffMeasure("japan-floor-15", MeasureKind.Reciprocal, 0.15, new DateOnly(2025, 9, 16), IeepaEnd, ["5880"], exemptionLists: ["annex-ii"], isFloor: true, name: "Japan 15% floor", source: SrcYale);
        yield return new TariffMeasure("korea-15", MeasureKind.Reciprocal, 0.15, D0807, new DateOnly(2025, 11, 14), ["5800"], exemptionLists: ["annex-ii"], name: "Korea 15%", source: annex);
        yield return new TariffMeasure("korea-floor-15", MeasureKind.Reciprocal, 0.15, new DateOnly(2025, 11, 14), IeepaEnd, ["5800"], exemptionLists: ["annex-ii"], isFloor: true, name: "Korea 15% floor", source: SrcYale);
        yield return new TariffMeasure("india-russia-oil-25", MeasureKind.Additional, 0.25, new DateOnly(2025, 8, 27), indiaCut, ["5330"], exemptionLists: ["annex-ii"], name: "India additional 25% (Russian oil EO)",
            source: $"{SrcYale}; ended 12:01 a.m. 2026-02-07 (EO of 2026-02-06 on the Russian Federation), policy-2026/FACTS.md §3");
        yield return new TariffMeasure("brazil-40", MeasureKind.Additional, 0.40, D0807, IeepaEnd, ["3510"], exemptionLists: ["annex-ii"], name: "Brazil additional 40% (EO of 2025-07-30)", source: SrcYale);
        // China and Hong Kong: fentanyl and reciprocal (Budget Lab revision dates).
        yield return new TariffMeasure("china-fentanyl-10", MeasureKind.Fentanyl, 0.10, new DateOnly(2025, 2, 4), new DateOnly(2025, 3, 4), china, name: "China IEEPA fentanyl 10%", source: SrcYale);
        yield return new TariffMeasure("china-fentanyl-20", MeasureKind.Fentanyl, 0.20, new DateOnly(2025, 3, 4), new DateOnly(2025, 11, 10), china, name: "China IEEPA fentanyl 20%", source: SrcYale);
        yield return new TariffMeasure("china-fentanyl-10b", MeasureKind.Fentanyl, 0.10, new DateOnly(2025, 11, 10), IeepaEnd, china, name: "China IEEPA fentanyl 10% after the November deal", source: SrcYale);
        yield return new TariffMeasure("china-reciprocal-10", MeasureKind.Reciprocal, 0.10, D0405, D0409, china, exemptionLists: ["annex-ii"], name: "China reciprocal 10%", source: SrcYale);
        yield return new TariffMeasure("china-reciprocal-84", MeasureKind.Reciprocal, 0.84, D0409, D0410, china, exemptionLists: ["annex-ii"], name: "China reciprocal 84%", source: SrcYale);
        yield return new TariffMeasure("china-reciprocal-125", MeasureKind.Reciprocal, 1.25, D0410, new DateOnly(2025, 5, 14), china, exemptionLists: ["annex-ii"], name: "China reciprocal 125%", source: SrcYale);
        yield return new TariffMeasure("china-reciprocal-10-geneva", MeasureKind.Reciprocal, 0.10, new DateOnly(2025, 5, 14), IeepaEnd, china, exemptionLists: ["annex-ii"], name: "China reciprocal 10% (Geneva)", source: SrcYale);
        // Canada and Mexico: fentanyl duties on non-USMCA goods.
        yield return new TariffMeasure("canada-fentanyl-25", MeasureKind.Fentanyl, 0.25, new DateOnly(2025, 3, 4), new DateOnly(2025, 8, 1), ["1220"], shareOfGoods: NonUsmcaShare, name: "Canada IEEPA 25% on non-USMCA goods", source: SrcYale);
        yield return new TariffMeasure("canada-fentanyl-35", MeasureKind.Fentanyl, 0.35, new DateOnly(2025, 8, 1), IeepaEnd, ["1220"], shareOfGoods: NonUsmcaShare, name: "Canada IEEPA 35% on non-USMCA goods", source: SrcYale);
        yield return new TariffMeasure("mexico-fentanyl-25", MeasureKind.Fentanyl, 0.25, new DateOnly(2025, 3, 4), IeepaEnd, ["2010"], shareOfGoods: NonUsmcaShare, name: "Mexico IEEPA 25% on non-USMCA goods", source: SrcYale);
        // Section 122 on everyone else (USMCA goods exempt).
        var s122 = AllExcept([.. Usmca, Vietnam]);
        yield return new TariffMeasure("others-s122", MeasureKind.Section122, 0.10, IeepaEnd, S122End, s122, exemptionLists: ["s122-exempt"], name: "Section 122 surcharge 10%, other partners", source: SrcS122);
        yield return new TariffMeasure("usmca-s122", MeasureKind.Section122, 0.10, IeepaEnd, S122End, Usmca, exemptionLists: ["s122-exempt"], shareOfGoods: NonUsmcaShare, name: "Section 122 surcharge 10% on non-USMCA goods", source: SrcS122);

        // Section 301 forced-labor action on the other investigated economies, from 2026-07-24 (Vietnam's own measure is separate).
        foreach (var (code, rate, floor) in Section301Partners)
        {
            yield return new TariffMeasure($"s301-forced-labor-{code}", MeasureKind.Section301, rate, Section301Start, null, [code], exemptionLists: [PartAList],
                shareOfGoods: Usmca.Contains(code) ? NonUsmcaShare : 1.0, isFloor: floor,
                name: floor ? $"Section 301 forced labor, {rate:P1} all-in floor net of MFN, Census {code}" : $"Section 301 forced labor +{rate:P1}, Census {code}", source: SrcS301Partners);
        }

        // A second Section 301 action on the same partner: modelled as an additional layer so both stack (the validator refuses
        // two measures of one kind on one supplier); unlike the Section 301 layer it also reaches Section 232 value [assumption].
        yield return new TariffMeasure("brazil-s301-25", MeasureKind.Additional, 0.25, new DateOnly(2026, 7, 22), null, ["3510"], exemptionLists: [PartAList],
            name: "Brazil Section 301 +25% (digital trade and other practices)",
            source: "USTR Notice of Action on Brazil, FR 2026-14542 (91 FR 45516), heading 9903.05.01, from 2026-07-22 (CBP CSMS #69302472); its own exemptions 9903.05.02-.09 approximated by Annex II Part A [assumption]; policy-2026/FACTS.md §2");
    }

    /// <summary>Section 301 forced-labor rates of the baseline's other partners (policy-2026/s301_2026_rates_by_partner.csv): Census code, rate, whether it is an all-in floor net of MFN.</summary>
    internal static readonly (string Code, double Rate, bool Floor)[] Section301Partners =
    [
        ("0003", 0.10, true), ("1220", 0.10, false), ("2010", 0.10, false), ("2050", 0.10, false), ("2110", 0.10, false), ("2150", 0.10, false), ("2190", 0.125, false),
        ("2230", 0.125, false), ("2470", 0.125, false), ("2740", 0.10, false), ("3010", 0.125, false), ("3070", 0.125, false), ("3310", 0.10, false), ("3330", 0.125, false),
        ("3370", 0.125, false), ("3510", 0.125, false), ("3570", 0.10, false), ("4039", 0.125, false), ("4120", 0.10, false), ("4419", 0.125, true), ("4621", 0.125, false),
        ("4890", 0.125, false), ("5050", 0.125, false), ("5081", 0.125, false), ("5130", 0.125, false), ("5170", 0.125, false), ("5200", 0.125, false), ("5330", 0.10, false),
        ("5350", 0.10, false), ("5380", 0.10, false), ("5420", 0.10, false), ("5490", 0.125, false), ("5550", 0.10, false), ("5570", 0.10, false), ("5590", 0.125, false),
        ("5600", 0.10, false), ("5650", 0.125, false), ("5700", 0.125, false), ("5800", 0.125, true), ("5820", 0.125, false), ("5830", 0.10, true), ("5880", 0.125, true),
        ("6021", 0.125, false), ("6141", 0.125, false), ("7210", 0.125, false), ("7290", 0.125, false), ("7530", 0.125, false), ("7620", 0.125, false), ("7910", 0.125, false),
    ];

    // "s232-auto-parts" → "auto parts", "s232-metals-2026-annex-1b" → "metals 2026 annex 1b" (for readable measure names).
    private static string ListName(string list) => (list.StartsWith("s232-", StringComparison.Ordinal) ? list[5..] : list).Replace('-', ' ');

    // 0.25 → "25%", 0.125 → "12.5%" (invariant, no space, as in the legal texts).
    private static string Percent(double rate) => (rate * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string[] AllExcept(IEnumerable<string> codes) => AllSuppliers.Except(codes, StringComparer.Ordinal).ToArray();

    private static HtsCode[] Codes(params string[] codes) => codes.Select(HtsCode.Parse).ToArray();
}
