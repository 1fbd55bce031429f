using System.Globalization;
using System.Text.RegularExpressions;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>
/// A policy scenario: a dated set of tariff measures on US imports, purchase commitments by Vietnam and
/// market-access concessions by Vietnam, with a name, description, sources and stated assumptions.
/// </summary>
/// <remarks>
/// Validated at construction: a kebab-case name, unique ids, and no two measures of the same kind (other than
/// Section 232 and additional duties, which combine) on the same supplier and products at the same time.
/// <see cref="Validate"/> checks references against a policy library and a baseline. Round-trips through JSON
/// (<see cref="ScenarioJson"/>; schema in docs/scenario-files.md). Immutable and thread-safe.
/// </remarks>
public sealed partial class Scenario
{
    /// <summary>Creates a scenario.</summary>
    /// <param name="name">Kebab-case name.</param>
    /// <param name="description">What it represents.</param>
    /// <param name="sources">Sources of its facts.</param>
    /// <param name="measures">Tariff measures.</param>
    /// <param name="commitments">Purchase commitments by Vietnam.</param>
    /// <param name="concessions">Market-access concessions by Vietnam.</param>
    /// <param name="assumptions">Stated assumptions (free text).</param>
    /// <exception cref="ScenarioValidationException">The scenario is inconsistent; the exception names the field path and value.</exception>
    public Scenario(string name, string description, IReadOnlyList<string>? sources, IReadOnlyList<TariffMeasure>? measures,
        IReadOnlyList<PurchaseCommitment>? commitments = null, IReadOnlyList<MarketAccessConcession>? concessions = null, IReadOnlyList<string>? assumptions = null)
    {
        if (string.IsNullOrWhiteSpace(name) || !KebabCase().IsMatch(name))
        {
            throw new ScenarioValidationException("name", name ?? "null", "must be kebab-case (lower-case letters, digits and '-')");
        }

        Name = name;
        Description = description ?? string.Empty;
        Sources = sources?.ToArray() ?? [];
        Measures = measures?.ToArray() ?? [];
        Commitments = commitments?.ToArray() ?? [];
        Concessions = concessions?.ToArray() ?? [];
        Assumptions = assumptions?.ToArray() ?? [];
        CheckUnique("measures", Measures.Select(m => m.Id));
        CheckUnique("commitments", Commitments.Select(c => c.Id));
        CheckUnique("concessions", Concessions.Select(c => c.Id));
        for (var j = 0; j < Measures.Count; j++)
        {
            for (var i = 0; i < j; i++)
            {
                if (Contradict(Measures[i], Measures[j]))
                {
                    throw new ScenarioValidationException($"measures[{j}]", Measures[j].Id,
                        $"overlaps measures[{i}] ('{Measures[i].Id}'): same kind ({Measures[j].Kind}), supplier, products and dates; end one before the other starts or use an exemption list");
                }
            }
        }
    }

    /// <summary>Kebab-case name.</summary>
    public string Name { get; }

    /// <summary>What it represents.</summary>
    public string Description { get; }

    /// <summary>Sources of its facts.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Tariff measures.</summary>
    public IReadOnlyList<TariffMeasure> Measures { get; }

    /// <summary>Purchase commitments.</summary>
    public IReadOnlyList<PurchaseCommitment> Commitments { get; }

    /// <summary>Market-access concessions.</summary>
    public IReadOnlyList<MarketAccessConcession> Concessions { get; }

    /// <summary>Stated assumptions.</summary>
    public IReadOnlyList<string> Assumptions { get; }

    /// <summary>Checks references: every list name exists in the library, and every code a measure, commitment or concession names matches the baseline.</summary>
    /// <param name="library">The policy library.</param>
    /// <param name="baseline">The baseline (import lines for measures, export lines for commitments).</param>
    /// <returns>The findings: errors (unknown list, unknown code) and, for information, the list codes that match no baseline line.</returns>
    public ScenarioValidation Validate(PolicyLibrary library, BaselineDataset baseline)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(baseline);
        var errors = new List<ScenarioValidationException>();
        var unmatched = new SortedDictionary<string, IReadOnlyList<HtsCode>>(StringComparer.Ordinal);
        var lineCodes = baseline.ImportLines.Select(l => l.Code).ToArray();
        var exportCodes = baseline.ExportLines.Select(e => e.Code).ToArray();
        for (var i = 0; i < Measures.Count; i++)
        {
            var m = Measures[i];
            foreach (var (field, names) in new[] { ("product_lists", m.ProductLists), ("exemption_lists", m.ExemptionLists) })
            {
                for (var k = 0; k < names.Count; k++)
                {
                    if (!library.Has(names[k]))
                    {
                        errors.Add(new ScenarioValidationException($"measures[{i}].{field}[{k}]", names[k], "unknown product list"));
                    }
                    else if (!unmatched.ContainsKey(names[k]))
                    {
                        unmatched[names[k]] = library.Get(names[k]).UnmatchedCodes(lineCodes);
                    }
                }
            }

            foreach (var (field, codes) in new[] { ("products", m.Products), ("exempt_codes", m.ExemptCodes) })
            {
                for (var k = 0; k < codes.Count; k++)
                {
                    var code = codes[k];
                    if (!lineCodes.Any(code.Contains))
                    {
                        errors.Add(new ScenarioValidationException($"measures[{i}].{field}[{k}]", code.Digits, "HTS code matches no import line of the baseline"));
                    }
                }
            }

            for (var k = 0; k < m.Suppliers.Count; k++)
            {
                if (baseline.FindPartner(m.Suppliers[k]) is null)
                {
                    errors.Add(new ScenarioValidationException($"measures[{i}].suppliers[{k}]", m.Suppliers[k], "unknown supplier (use a Census code of the baseline's partners, e.g. 5520 Vietnam, 5700 China, 0003 EU-27, ROW)"));
                }
            }
        }

        for (var i = 0; i < Commitments.Count; i++)
        {
            for (var k = 0; k < Commitments[i].Products.Count; k++)
            {
                var code = Commitments[i].Products[k];
                if (!exportCodes.Any(e => code.Contains(e) || e.Contains(code)) && !library.VietnamTariff.Any(t => code.Contains(t.Hs8) || t.Hs8.Contains(code)))
                {
                    errors.Add(new ScenarioValidationException($"commitments[{i}].products[{k}]", code.Digits, "code matches no US export line to Vietnam and no line of Vietnam's tariff schedule"));
                }
            }
        }

        for (var i = 0; i < Concessions.Count; i++)
        {
            for (var k = 0; k < Concessions[i].Products.Count; k++)
            {
                var code = Concessions[i].Products[k];
                if (!library.VietnamTariff.Any(t => code.Contains(t.Hs8) || t.Hs8.Contains(code)))
                {
                    errors.Add(new ScenarioValidationException($"concessions[{i}].products[{k}]", code.Digits, "code matches no line of Vietnam's tariff schedule"));
                }
            }
        }

        return new ScenarioValidation(errors, unmatched);
    }

    /// <summary>A copy with another name and description.</summary>
    /// <param name="name">New kebab-case name.</param>
    /// <param name="description">New description.</param>
    /// <returns>The copy.</returns>
    internal Scenario Renamed(string name, string description) => new(name, description, Sources, Measures, Commitments, Concessions, Assumptions);

    /// <summary>The same scenario with every transshipment measure's share of goods set to <paramref name="share"/> (the one place the share is rewritten, for the PE override and the projection's share grid).</summary>
    internal Scenario WithTransshipmentShare(double share) =>
        new(Name, Description, Sources, Measures.Select(m => m.Kind == MeasureKind.Transshipment ? m.WithShare(share) : m).ToArray(), Commitments, Concessions, Assumptions);

    /// <summary>A builder that starts from this scenario under a new name (measures, commitments, concessions, sources and assumptions copied): <c>preset.ToBuilder("my-case").Exempt("0901").Build()</c>.</summary>
    /// <param name="name">Kebab-case name of the new scenario (checked by <see cref="ScenarioBuilder.Build"/>).</param>
    /// <returns>The builder.</returns>
    public ScenarioBuilder ToBuilder(string name) => ScenarioBuilder.From(this).Named(name);

    /// <summary>The dates on which any measure starts or ends (sorted).</summary>
    /// <returns>The dates.</returns>
    internal IEnumerable<DateOnly> MeasureDates() =>
        Measures.SelectMany(m => new[] { (DateOnly?)m.From, m.Until }).Concat(Concessions.Select(c => (DateOnly?)c.From))
            .Where(d => d.HasValue).Select(d => d!.Value).Distinct().Order();

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}: {Measures.Count} measures, {Commitments.Count} commitments, {Concessions.Count} concessions");

    private static bool Contradict(TariffMeasure a, TariffMeasure b)
    {
        if (a.Kind != b.Kind || a.KindInfo.MayOverlap || !a.OverlapsInTime(b))
        {
            return false;
        }

        var suppliers = a.Suppliers.Count == 0 || b.Suppliers.Count == 0 || a.Suppliers.Intersect(b.Suppliers, StringComparer.Ordinal).Any();
        if (!suppliers || Excludes(a, b) || Excludes(b, a))
        {
            return false;
        }

        var aAll = a.Products.Count == 0 && a.ProductLists.Count == 0;
        var bAll = b.Products.Count == 0 && b.ProductLists.Count == 0;
        return aAll || bAll
            || a.ProductLists.Intersect(b.ProductLists, StringComparer.Ordinal).Any()
            || a.Products.Any(p => b.Products.Any(q => p.Contains(q) || q.Contains(p)));
    }

    // True when `part` covers only product lists that `other` exempts: the two never apply to the same line.
    private static bool Excludes(TariffMeasure other, TariffMeasure part) =>
        part.Products.Count == 0 && part.ProductLists.Count > 0 && part.ProductLists.All(l => other.ExemptionLists.Contains(l, StringComparer.Ordinal));

    private static void CheckUnique(string field, IEnumerable<string> ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                throw new ScenarioValidationException($"{field}[{i}].id", id, "duplicate id");
            }

            i++;
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
