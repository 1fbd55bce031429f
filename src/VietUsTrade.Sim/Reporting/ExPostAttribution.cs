using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Models.PartialEquilibrium;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Projection;

namespace VietUsTrade.Sim.Reporting;

/// <summary>
/// Ex-post attribution of the observed change in US imports from Vietnam and in the duty collected on them, over the
/// observed months of a year against the same months a year earlier, with parts that add up exactly.
/// </summary>
/// <remarks>
/// <para><b>Imports</b>, for each NAICS-3 sector s with Vietnam's share h = V/W of US imports from all countries
/// (imports for consumption, Census): ΔV_s = h₀(W₁ − W₀) [market growth] + W₁(h^T − h₀) [pre-existing share trend]
/// + R_s [the share change net of its trend]. h^T = h₀ + (h₀ − h₋₂)/2 extrapolates the change of the share from the same
/// months three years to one year earlier (a shift-share split in the manner of Dunn 1960, with a trend term). The first
/// two parts are exact identities of the data.</para>
/// <para>For the total the model's policy effects are split out of the share change by three projections of the scenario
/// at central inputs (<see cref="ProjectionModel"/>, BLP adjustment kernel, relocation share 0.075): with the scenario's
/// rates on Vietnam only (A), on Vietnam and China (B), on every supplier (C); every other cell keeps its 2024 rate. With
/// R_X(m) the projected imports over the no-policy path in month m and V(m) the observed month, the no-policy level is
/// V(m)/R_C(m), own tariffs = Σ V/R_C·(R_A − 1), diversion from China = Σ V/R_C·(R_B − R_A), diversion from others =
/// Σ V/R_C·(R_C − R_B) (a sequential decomposition: the order Vietnam → China → others is stated). The residual is what
/// the data-based parts and the model's parts leave, reported, not hidden; it is large when the model misses what
/// happened. Market growth is itself partly a policy outcome (tariffs on everyone shrink W), so the parts are an
/// accounting, not a causal split of US demand.</para>
/// <para><b>Sectors</b>: the three model parts of the total are allocated to NAICS-3 sectors in proportion to each sector's
/// change of imports from Vietnam in the exact long-run PE (<see cref="PeSolver"/>) on the 15th of the middle month,
/// with the same three rate masks (lines mapped by the Census HTS–NAICS concordance on every line): the timing comes
/// from the projection, the sector pattern from the PE model. Lines in sectors without an observed series go to an
/// "unallocated" row, so the sectors add up to the total in every column.</para>
/// <para><b>Duty</b>: see <see cref="DutyAttribution"/> (statutory rates from <see cref="CollectedRates"/>).</para>
/// </remarks>
public static class ExPostAttribution
{
    private static double Share(double total, double part, double sum) => sum != 0 ? total * part / sum : 0.0;

    /// <summary>
    /// Vietnam's change of imports by NAICS-3 sector in the exact long-run PE on a date with the scenario's rates on Vietnam
    /// only, then also on China, then on everyone: (own, China, others) per sector, the allocation key of the model parts.
    /// </summary>
    private static Dictionary<string, (double Own, double China, double Others)> SectorPattern(BaselineDataset baseline, TariffSchedule schedule, DateOnly date, int vn, int cn)
    {
        var rates = schedule.RatesOn(date);
        var baseRates = rates.BaseToArray();
        var full = rates.ToArray();
        var lines = baseline.LinesArray;
        var cellPartner = schedule.PartnerOfCell.ToArray();
        var offsets = rates.LineOffsets();
        double[] VietnamByLine(Func<int, bool> follows)
        {
            var r = new double[full.Length];
            for (var c = 0; c < r.Length; c++)
            {
                r[c] = follows(cellPartner[c]) ? full[c] : baseRates[c];
            }

            var problem = ScenarioModel.BuildProblem(baseline, baseRates, r, new PeRunOptions(date));
            var result = PeSolver.Solve(problem);
            return Enumerable.Range(0, lines.Length).Select(i => result.CellNewImports[offsets[i]] - problem.BaselineValues[offsets[i]]).ToArray();
        }

        var a = VietnamByLine(k => k == vn);
        var b = VietnamByLine(k => k == vn || k == cn);
        var c = VietnamByLine(_ => true);
        var bySector = new Dictionary<string, (double, double, double)>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var key = lines[i].Naics is { Length: >= 3 } n ? n[..3] : "none";
            var (o, ch, r) = bySector.GetValueOrDefault(key);
            bySector[key] = (o + a[i], ch + (b[i] - a[i]), r + (c[i] - b[i]));
        }

        return bySector;
    }

    /// <summary>Explains the observed months of <paramref name="year"/>.</summary>
    /// <param name="baseline">The baseline dataset (2024 calibration).</param>
    /// <param name="scenario">The policy scenario (e.g. real-2025-2026).</param>
    /// <param name="observed">The observed data.</param>
    /// <param name="year">A year after the baseline year whose months are observed, with the same months three years earlier in the data.</param>
    /// <param name="library">The policy library (default: embedded).</param>
    /// <param name="cancellationToken">Cancels the projections.</param>
    /// <returns>The attribution.</returns>
    /// <exception cref="ArgumentException">The year has no usable months (named).</exception>
    public static AttributionResult Explain(BaselineDataset baseline, Scenario scenario, ObservedTrade observed, int year, PolicyLibrary? library = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(observed);
        library ??= PolicyLibrary.LoadEmbedded();
        var total = observed.Get(ObservedTrade.VietnamImportsKey).Points.ToDictionary(p => p.Month);
        var worldTotal = observed.Get(ObservedTrade.WorldImportsKey).Points.ToDictionary(p => p.Month);
        var months = total.Keys.Where(m => m.Year == year && total.ContainsKey(m.AddYears(-1)) && total.ContainsKey(m.AddYears(-3))
            && worldTotal.ContainsKey(m) && worldTotal.ContainsKey(m.AddYears(-1)) && worldTotal.ContainsKey(m.AddYears(-3))).Order().ToArray();
        if (year <= baseline.Year || months.Length == 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"year = {year} must be after the baseline year {baseline.Year} with observed months whose same months one and three years earlier are in the data."), nameof(year));
        }

        // Sectors: data-based parts.
        const string Prefix = "imports/VIETNAM/";
        var sectors = new List<ImportAttributionRow>();
        double sumBefore = 0, sumAfter = 0, market = 0, trend = 0;
        foreach (var s in observed.Series.Where(s => s.Key.StartsWith(Prefix, StringComparison.Ordinal) && s.Key != ObservedTrade.VietnamImportsKey && s.Key != ObservedTrade.VietnamImportsHistoryKey)
                     .OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var code = s.Key[Prefix.Length..];
            var v = s.Points.ToDictionary(p => p.Month, p => p.ValueUsd);
            var w = observed.Find("imports/WORLD/" + code)?.Points.ToDictionary(p => p.Month, p => p.ValueUsd) ?? [];
            double Sum(Dictionary<DateOnly, double> d, int back) => months.Sum(m => d.GetValueOrDefault(m.AddYears(-back)));
            var (v1, v0, v3) = (Sum(v, 0), Sum(v, 1), Sum(v, 3));
            var (w1, w0, w3) = (Sum(w, 0), Sum(w, 1), Sum(w, 3));
            if (v1 == 0 && v0 == 0)
            {
                continue;
            }

            var h0 = w0 > 0 ? v0 / w0 : 0.0;
            var hT = w3 > 0 ? h0 + ((h0 - (v3 / w3)) / 2) : h0;
            var mg = w0 > 0 ? h0 * (w1 - w0) : 0.0;
            var tr = w0 > 0 ? w1 * (hT - h0) : 0.0;
            sectors.Add(new ImportAttributionRow(code, v0, v1, mg, tr, null, null, null, v1 - v0 - mg - tr));
            sumBefore += v0;
            sumAfter += v1;
            market += mg;
            trend += tr;
        }

        var before = months.Sum(m => total[m.AddYears(-1)].ValueUsd);
        var after = months.Sum(m => total[m].ValueUsd);
        if (Math.Abs(before - sumBefore) > 0.5 || Math.Abs(after - sumAfter) > 0.5)
        {
            sectors.Add(new ImportAttributionRow("unallocated", before - sumBefore, after - sumAfter, 0.0, 0.0, null, null, null, (after - sumAfter) - (before - sumBefore)));
        }

        // Model parts: Vietnam's rates only, + China's, + everyone's.
        var horizon = new DateOnly(year, 12, 1);
        var options = new ProjectionOptions(Horizon: horizon, RelocationShare: ProjectionOptions.DefaultRelocationShare);
        var vn = baseline.IndexOfPartner(baseline.Vietnam);
        var cn = baseline.PartnersArray.Select((p, i) => (p, i)).Where(x => x.p.CensusCode == Products.Partner.ChinaCode).Select(x => x.i).DefaultIfEmpty(-1).First();
        (double[] Ratio, double Vietnam, double China) Run(Func<int, bool> follows)
        {
            var path = ProjectionModel.CreateWithRatesOf(baseline, scenario, options, library, follows, cancellationToken).Deterministic().Monthly;
            var rows = months.Select(m => path.Single(r => r.Period == m)).ToArray();
            return (rows.Select(r => r.BaselineImportsUsd > 0 ? r.ImportsUsd / r.BaselineImportsUsd : 1.0).ToArray(), rows.Sum(r => r.ImportsUsd), cn >= 0 ? rows.Sum(r => r.DivertedToUsd[cn]) : 0.0);
        }

        var a = Run(k => k == vn);
        var bRun = Run(k => k == vn || k == cn);
        var c = Run(_ => true);
        var (rA, rB, rC) = (a.Ratio, bRun.Ratio, c.Ratio);

        // The model's capture rate: Vietnam's gain from China's tariffs over China's loss from them (CES + relocation).
        var chinaLoss = a.China - bRun.China;
        double? capture = chinaLoss > 0 ? (bRun.Vietnam - a.Vietnam) / chinaLoss : null;
        double own = 0, china = 0, others = 0;
        for (var i = 0; i < months.Length; i++)
        {
            var noPolicy = total[months[i]].ValueUsd / rC[i];
            own += noPolicy * (rA[i] - 1);
            china += noPolicy * (rB[i] - rA[i]);
            others += noPolicy * (rC[i] - rB[i]);
        }

        var totalRow = new ImportAttributionRow("total", before, after, market, trend, own, china, others, after - before - market - trend - own - china - others);

        // Sectors: the three model parts allocated by the sector pattern of the exact long-run PE at the middle of the months.
        var mid = new DateOnly(months[months.Length / 2].Year, months[months.Length / 2].Month, 15);
        var schedule = TariffSchedule.Compile(scenario, baseline, library);
        var pattern = SectorPattern(baseline, schedule, mid, vn, cn);
        sectors = sectors.Select(x =>
        {
            if (x.Sector == "unallocated")
            {
                return x;
            }

            var (o, c, r) = pattern.GetValueOrDefault(x.Sector);
            var ownS = Share(own, o, pattern.Values.Sum(v => v.Own));
            var chinaS = Share(china, c, pattern.Values.Sum(v => v.China));
            var othersS = Share(others, r, pattern.Values.Sum(v => v.Others));
            return x.WithModelParts(ownS, chinaS, othersS, x.ResidualUsd - ownS - chinaS - othersS);
        }).ToList();
        var unallocatedPolicy = new double[3];
        foreach (var (code, v) in pattern.Where(kv => !sectors.Any(x => x.Sector == kv.Key)))
        {
            unallocatedPolicy[0] += Share(own, v.Own, pattern.Values.Sum(t => t.Own));
            unallocatedPolicy[1] += Share(china, v.China, pattern.Values.Sum(t => t.China));
            unallocatedPolicy[2] += Share(others, v.Others, pattern.Values.Sum(t => t.Others));
        }

        if (unallocatedPolicy.Any(v => v != 0))
        {
            // Model effects on lines whose sector has no observed series: shown in an unallocated row so the sectors still add up.
            var i = sectors.FindIndex(x => x.Sector == "unallocated");
            var row = i >= 0 ? sectors[i] : new ImportAttributionRow("unallocated", 0, 0, 0, 0, 0, 0, 0, 0);
            row = row.WithModelParts(
                (row.OwnTariffUsd ?? 0) + unallocatedPolicy[0],
                (row.DiversionFromChinaUsd ?? 0) + unallocatedPolicy[1],
                (row.DiversionFromOthersUsd ?? 0) + unallocatedPolicy[2],
                row.ResidualUsd - unallocatedPolicy.Sum());
            if (i >= 0)
            {
                sectors[i] = row;
            }
            else
            {
                sectors.Add(row);
            }
        }

        // Duty.
        var table = CollectedRates.Table(observed, schedule, months[0], months[^1]).Where(r => months.Contains(r.Month)).ToArray();
        var d0 = months.Sum(m => total[m.AddYears(-1)].DutyUsd);
        var d1 = months.Sum(m => total[m].DutyUsd);
        var b = schedule.RatesOn(new DateOnly(baseline.Year, 7, 1)).VietnamEtr(baseline).EtrTotal;
        var tau0 = before > 0 ? d0 / before : 0.0;
        var e1 = after > 0 ? table.Sum(r => r.VietnamImportsUsd * r.StatutoryRate2024Weights) / after : 0.0;
        var b1 = after > 0 ? table.Sum(r => r.VietnamImportsUsd * r.StatutoryRateCurrentBasket) / after : 0.0;
        var tau1 = after > 0 ? d1 / after : 0.0;
        var volume = tau0 * (after - before);
        var statutory = after * (e1 - b);
        var composition = after * (b1 - e1);
        var gap = (d1 - d0) - volume - statutory - composition; // = V₁((τ₁ − B₁) − (τ₀ − b)) up to rounding; closes the identity exactly
        var duty = new DutyAttribution(d0, d1, volume, statutory, composition, gap);

        var ic = CultureInfo.InvariantCulture;
        string[] notes =
        [
            string.Create(ic, $"months {months[0]:yyyy-MM}..{months[^1]:yyyy-MM} ({months.Length}) against the same months of {year - 1}; share trend from the same months of {year - 3} to {year - 1}"),
            $"observed: {observed.Vintage}; imports for consumption, customs value; calculated duty",
            string.Create(ic, $"model parts: projections of {scenario.Name} at central inputs with the scenario's rates on Vietnam only, on Vietnam and China, on every supplier (BLP kernel, relocation share {ProjectionOptions.DefaultRelocationShare}); sequential order Vietnam → China → others"),
            capture is { } cr
                ? string.Create(ic, $"model capture rate: Vietnam gains {NumberFormat.Percent(cr, 1)} of the {NumberFormat.Number(chinaLoss / 1e9, 1)} bn China loses to its own tariffs in these months (CES diversion + relocation, no-policy paths of the model)")
                : "model capture rate: undefined (China loses nothing to its own tariffs in these months)",
            string.Create(ic, $"duty: 2024 statutory ETR b = {NumberFormat.Percent(b, 2)}; collected τ₀ = {NumberFormat.Percent(tau0, 2)}, τ₁ = {NumberFormat.Percent(tau1, 2)}; statutory on 2024 weights E₁ = {NumberFormat.Percent(e1, 2)}, on the observed basket B₁ = {NumberFormat.Percent(b1, 2)}"),
        ];
        return new AttributionResult(year, months, scenario.Name, totalRow, sectors, duty, notes) { CaptureRate = capture, ChinaLossUsd = chinaLoss };
    }
}
