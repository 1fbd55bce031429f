using System.Globalization;

namespace VietUsTrade.Sim.Policy;

/// <summary>
/// The terms of a minimum-import-price measure (<see cref="MeasureKind.MinimumImportPrice"/>): a floor per unit and the
/// entered unit value the goods are assumed to have, so that the specific duty max(0, floor − unit value) per unit has
/// the ad valorem equivalent <see cref="AdValoremEquivalent"/> = max(0, floor / unit value − 1).
/// </summary>
/// <remarks>
/// <para>The AVE of a specific duty is the duty per unit over the unit value (WTO/UNCTAD AVE method; e.g. the Section 232
/// polysilicon proclamation of 2026-08-06, clause 2(c): "a specific tariff equal to the difference between the entered
/// value … and the MIP"). The quantity response is the same whichever way the floor binds; the revenue is not: if
/// exporters raise their prices to the floor instead, the wedge goes to them and the customs value rises. The library
/// books it as duty (the text's default); docs/policy.md states the alternative.</para>
/// <para>The bundled data have values but no quantities in the floor's units (watts), so the unit value is a parameter
/// with its source stated (<see cref="UnitValueSource"/>).</para>
/// </remarks>
public sealed class MinimumPrice
{
    /// <summary>Creates the terms, validating them.</summary>
    /// <param name="floorUsdPerUnit">The minimum import price, US$ per unit (&gt; 0, ≤ 1e9).</param>
    /// <param name="unitValueUsdPerUnit">The assumed entered (customs) value per unit, US$ (&gt; 0, ≤ 1e9).</param>
    /// <param name="unit">The unit ("W", "kg").</param>
    /// <param name="unitValueSource">Where the unit value comes from.</param>
    /// <exception cref="ScenarioValidationException">A value is out of range; the exception names it.</exception>
    internal MinimumPrice(double floorUsdPerUnit, double unitValueUsdPerUnit, string unit, string unitValueSource)
    {
        if (!double.IsFinite(floorUsdPerUnit) || floorUsdPerUnit <= 0 || floorUsdPerUnit > 1e9)
        {
            throw new ScenarioValidationException("floor_usd_per_unit", floorUsdPerUnit, "must be a finite price per unit in (0, 1e9] US$");
        }

        if (!double.IsFinite(unitValueUsdPerUnit) || unitValueUsdPerUnit <= 0 || unitValueUsdPerUnit > 1e9)
        {
            throw new ScenarioValidationException("unit_value_usd_per_unit", unitValueUsdPerUnit, "must be a finite value per unit in (0, 1e9] US$");
        }

        if (string.IsNullOrWhiteSpace(unit))
        {
            throw new ScenarioValidationException("unit", unit ?? "null", "a minimum import price needs its unit (e.g. \"W\", \"kg\")");
        }

        if (floorUsdPerUnit / unitValueUsdPerUnit > 11)
        {
            throw new ScenarioValidationException("unit_value_usd_per_unit", unitValueUsdPerUnit,
                string.Create(CultureInfo.InvariantCulture, $"the floor {floorUsdPerUnit} per {unit} is more than 11 times it: the ad valorem equivalent would exceed 1000%"));
        }

        FloorUsdPerUnit = floorUsdPerUnit;
        UnitValueUsdPerUnit = unitValueUsdPerUnit;
        Unit = unit;
        UnitValueSource = unitValueSource ?? string.Empty;
    }

    /// <summary>The floor, US$ per unit.</summary>
    internal double FloorUsdPerUnit { get; }

    /// <summary>The assumed entered value, US$ per unit.</summary>
    internal double UnitValueUsdPerUnit { get; }

    /// <summary>The unit.</summary>
    internal string Unit { get; }

    /// <summary>The source of the unit value.</summary>
    internal string UnitValueSource { get; }

    /// <summary>max(0, floor / unit value − 1): the specific duty per unit over the unit value.</summary>
    public double AdValoremEquivalent => Math.Max(0.0, (FloorUsdPerUnit / UnitValueUsdPerUnit) - 1.0);
}
