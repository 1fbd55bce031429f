using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>
/// Builds a <see cref="Scenario"/> step by step, optionally starting from a preset:
/// <c>ScenarioBuilder.From(Presets.Get("reciprocal-20")).Named("my-case").Add(measure).Build()</c>.
/// </summary>
/// <remarks>Not thread-safe (a builder is a local helper); the scenario it builds is immutable and validated by <see cref="Build"/>.</remarks>
public sealed class ScenarioBuilder
{
    private readonly List<TariffMeasure> _measures = [];
    private readonly List<PurchaseCommitment> _commitments = [];
    private readonly List<MarketAccessConcession> _concessions = [];
    private readonly List<string> _sources = [];
    private readonly List<string> _assumptions = [];
    private string _name;
    private string _description = string.Empty;

    /// <summary>Starts an empty scenario.</summary>
    /// <param name="name">Kebab-case name (checked by <see cref="Build"/>).</param>
    internal ScenarioBuilder(string name) => _name = name;

    /// <summary>Starts from an existing scenario (e.g. a preset): its measures, commitments, concessions, sources and assumptions are copied.</summary>
    /// <param name="scenario">The scenario to start from.</param>
    /// <returns>The builder.</returns>
    public static ScenarioBuilder From(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var b = new ScenarioBuilder(scenario.Name) { _description = scenario.Description };
        b._measures.AddRange(scenario.Measures);
        b._commitments.AddRange(scenario.Commitments);
        b._concessions.AddRange(scenario.Concessions);
        b._sources.AddRange(scenario.Sources);
        b._assumptions.AddRange(scenario.Assumptions);
        return b;
    }

    /// <summary>Sets the name and, optionally, the description.</summary>
    /// <param name="name">Kebab-case name.</param>
    /// <param name="description">Description (null keeps the current one).</param>
    /// <returns>The builder.</returns>
    public ScenarioBuilder Named(string name, string? description = null)
    {
        _name = name;
        _description = description ?? _description;
        return this;
    }

    /// <summary>Adds tariff measures.</summary>
    /// <param name="measures">The measures.</param>
    /// <returns>The builder.</returns>
    public ScenarioBuilder Add(params TariffMeasure[] measures)
    {
        _measures.AddRange(measures);
        return this;
    }

    /// <summary>Adds purchase commitments.</summary>
    /// <param name="commitments">The commitments.</param>
    /// <returns>The builder.</returns>
    public ScenarioBuilder Add(params PurchaseCommitment[] commitments)
    {
        _commitments.AddRange(commitments);
        return this;
    }

    /// <summary>Adds market-access concessions.</summary>
    /// <param name="concessions">The concessions.</param>
    /// <returns>The builder.</returns>
    public ScenarioBuilder Add(params MarketAccessConcession[] concessions)
    {
        _concessions.AddRange(concessions);
        return this;
    }

    /// <summary>Exempts HTS codes (prefixes, e.g. "0901") from every tariff measure of the scenario so far.</summary>
    /// <param name="codes">HTS prefixes of 2 to 10 digits.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ScenarioValidationException">A code is not a valid HTS prefix (named with its value).</exception>
    public ScenarioBuilder Exempt(params string[] codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var parsed = new HtsCode[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            try
            {
                parsed[i] = HtsCode.Parse(codes[i]);
            }
            catch (FormatException ex)
            {
                throw new ScenarioValidationException($"exempt_codes[{i}]", codes[i] ?? "null", ex.Message);
            }
        }

        for (var k = 0; k < _measures.Count; k++)
        {
            var m = _measures[k];
            _measures[k] = new TariffMeasure(m.Id, m.Kind, m.Rate, m.From, m.Until, m.Suppliers, m.Products, m.ProductLists, m.ExemptionLists,
                [.. m.ExemptCodes, .. parsed.Where(c => !m.ExemptCodes.Contains(c))], m.ShareOfGoods, m.IsFloor, m.Name, m.Source, m.MinimumPrice, m.AllowHighRate);
        }

        return this;
    }

    /// <summary>
    /// Adds a purchase commitment by Vietnam with the scenario-file defaults (docs/scenario-files.md): spread evenly,
    /// the low and high fulfilment and additionality equal to the central values, no source.
    /// </summary>
    /// <param name="description">Readable name; the id is its kebab-case form.</param>
    /// <param name="hts">US export code (HS prefix) covered.</param>
    /// <param name="usdPerYear">Amount per year, US dollars.</param>
    /// <param name="from">First day of the period.</param>
    /// <param name="years">Length of the period in whole years (default 1); the amount is <paramref name="usdPerYear"/> × years.</param>
    /// <param name="fulfilment">Central fulfilment in [0, 1] (default 1: the full amount is bought).</param>
    /// <param name="additionality">Central additionality in [0, 1] (default 1: none of it is diverted from other buyers).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ScenarioValidationException">A field is invalid (named with its value).</exception>
    public ScenarioBuilder AddPurchaseCommitment(string description, string hts, double usdPerYear, DateOnly from, int years = 1, double fulfilment = 1.0, double additionality = 1.0)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new ScenarioValidationException("commitments.name", description ?? "null", "a commitment needs a description");
        }

        if (years is < 1 or > 50)
        {
            throw new ScenarioValidationException("commitments.years", years, "must be 1–50");
        }

        HtsCode code;
        try
        {
            code = HtsCode.Parse(hts);
        }
        catch (FormatException ex)
        {
            throw new ScenarioValidationException("commitments.products[0]", hts ?? "null", ex.Message);
        }

        var id = string.Join('-', new string([.. description.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        _commitments.Add(new PurchaseCommitment(id, description, [code], usdPerYear * years, from, from.AddYears(years), PhaseIn.Even,
            fulfilment, fulfilment, fulfilment, additionality, additionality, additionality, string.Empty));
        return this;
    }

    /// <summary>Removes the measures with a given id (e.g. to replace a preset's measure).</summary>
    /// <param name="id">The measure id.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="KeyNotFoundException">No measure has that id.</exception>
    public ScenarioBuilder RemoveMeasure(string id)
    {
        if (_measures.RemoveAll(m => m.Id == id) == 0)
        {
            throw new KeyNotFoundException($"No measure with id '{id}' (ids: {string.Join(", ", _measures.Select(m => m.Id))}).");
        }

        return this;
    }

    /// <summary>Adds a source.</summary>
    /// <param name="source">The source.</param>
    /// <returns>The builder.</returns>
    internal ScenarioBuilder Source(string source)
    {
        _sources.Add(source);
        return this;
    }

    /// <summary>States an assumption.</summary>
    /// <param name="assumption">The assumption.</param>
    /// <returns>The builder.</returns>
    internal ScenarioBuilder Assume(string assumption)
    {
        _assumptions.Add(assumption);
        return this;
    }

    /// <summary>Builds and validates the scenario.</summary>
    /// <returns>The scenario.</returns>
    /// <exception cref="ScenarioValidationException">The scenario is inconsistent (the path names the field).</exception>
    public Scenario Build() => new(_name, _description, _sources, _measures, _commitments, _concessions, _assumptions);
}
