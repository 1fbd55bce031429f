using System.Globalization;

namespace VietUsTrade.Sim.Policy;

/// <summary>
/// The measure-kind table: one <see cref="MeasureKindInfo"/> row per <see cref="MeasureKind"/>, read by the schedule
/// (stacking), the scenario reader and writer (JSON names), validation (overlaps) and the charts (labels). A new kind
/// costs one enum value, one row here, its <see cref="StackingRule"/> (an existing one or a new case in
/// <see cref="TariffSchedule"/>) and a test; docs/architecture.md walks through it.
/// </summary>
/// <remarks>The table is checked when first used: a kind without a row, two rows for a kind, or a JSON name used twice
/// fails at start-up with an <see cref="InvalidOperationException"/> naming the kind, never silently at run time.</remarks>
public static class MeasureKinds
{
    private static readonly MeasureKindInfo[] Rows = Checked(
    [
        new(MeasureKind.Reciprocal, "reciprocal", StackingRule.Reciprocal, "IEEPA reciprocal", false, true,
            "adds its rate on the value not covered by Section 232 (EO 14257 §3(b)); the rate a transshipment measure replaces"),
        new(MeasureKind.Transshipment, "transshipment", StackingRule.ReplacesReciprocal, "IEEPA transshipment", false, true,
            "replaces the reciprocal rate on its share of the supplier's goods (EO 14326 §3)"),
        new(MeasureKind.Fentanyl, "fentanyl", StackingRule.AddsToAll, "IEEPA fentanyl", false, false,
            "adds its rate on the full value, on top of every other layer (EOs 14193-14195)"),
        new(MeasureKind.Section232, "section-232", StackingRule.HighestDisplaces, "Section 232", true, false,
            "the highest Section 232 rate on a line applies, to its share of the value; the reciprocal, Section 122 and Section 301 layers reach only the rest"),
        new(MeasureKind.Section122, "section-122", StackingRule.DisplacedBySection232, "Section 122", false, true,
            "adds its rate on the value not covered by Section 232 (proclamation of 2026-02-20, clause 4)"),
        new(MeasureKind.Section301, "section-301", StackingRule.DisplacedBySection232, "Section 301", false, true,
            "adds its rate on the value not covered by Section 232 (U.S. note 52(f) to chapter 99)"),
        new(MeasureKind.Additional, "additional", StackingRule.AddsToAll, "additional duty", true, false,
            "adds its rate on the full value, on top of every other layer"),
        new(MeasureKind.MinimumImportPrice, "minimum-import-price", StackingRule.AddsToAll, "minimum import price", false, false,
            "a specific duty = max(0, floor − entered unit value) per unit, applied as the ad valorem equivalent max(0, floor / unit value − 1) on top of every other duty (polysilicon proclamation of 2026-08-06, clauses 2 and 5(a))"),
    ], Enum.GetValues<MeasureKind>());

    private static readonly Dictionary<string, MeasureKindInfo> ByJsonName = Rows.ToDictionary(r => r.JsonName, StringComparer.Ordinal);

    /// <summary>Every row, in the order of <see cref="MeasureKind"/>.</summary>
    public static IReadOnlyList<MeasureKindInfo> All => Rows;

    /// <summary>The JSON names, for messages.</summary>
    internal static IReadOnlyList<string> JsonNames => Rows.Select(r => r.JsonName).ToArray();

    /// <summary>The row of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its row.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined kind.</exception>
    internal static MeasureKindInfo Of(MeasureKind kind) =>
        (uint)kind < (uint)Rows.Length ? Rows[(int)kind] : throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a defined measure kind");

    /// <summary>The row with a JSON name (exact, case-sensitive as in scenario files).</summary>
    /// <param name="jsonName">The name ("section-301").</param>
    /// <param name="info">The row when found.</param>
    /// <returns>Whether the name is a kind.</returns>
    internal static bool TryParse(string jsonName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MeasureKindInfo? info) =>
        ByJsonName.TryGetValue(jsonName ?? string.Empty, out info);

    /// <summary>Checks a kind table: exactly one row per kind, in enum order, and distinct non-empty JSON names.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="kinds">Every kind that must have a row.</param>
    /// <returns>The rows, indexed by kind.</returns>
    /// <exception cref="InvalidOperationException">A kind has no row or two, or a JSON name is empty or repeated; the message names it.</exception>
    internal static MeasureKindInfo[] Checked(IReadOnlyList<MeasureKindInfo> rows, IReadOnlyList<MeasureKind> kinds)
    {
        var byKind = new MeasureKindInfo[kinds.Count];
        foreach (var r in rows)
        {
            var i = Array.IndexOf(kinds.ToArray(), r.Kind);
            if (i < 0 || i != (int)r.Kind)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"the measure-kind table has a row for {r.Kind}, which is not a kind in enum order"));
            }

            if (byKind[i] is not null)
            {
                throw new InvalidOperationException($"the measure-kind table has two rows for {r.Kind}");
            }

            if (string.IsNullOrWhiteSpace(r.JsonName) || string.IsNullOrWhiteSpace(r.Label))
            {
                throw new InvalidOperationException($"the measure-kind row of {r.Kind} has no JSON name or label");
            }

            byKind[i] = r;
        }

        for (var i = 0; i < byKind.Length; i++)
        {
            if (byKind[i] is null)
            {
                throw new InvalidOperationException($"measure kind {kinds[i]} has no row in the measure-kind table (src/VietUsTrade.Sim/Policy/MeasureKinds.cs): add its JSON name, stacking rule, label and overlap rule there");
            }
        }

        var dup = byKind.GroupBy(r => r.JsonName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
        {
            throw new InvalidOperationException($"the measure-kind table uses the JSON name '{dup.Key}' for {string.Join(" and ", dup.Select(r => r.Kind))}");
        }

        return byKind;
    }
}
