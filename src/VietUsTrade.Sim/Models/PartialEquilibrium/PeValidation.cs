using System.Globalization;

namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>Argument checks shared by the partial-equilibrium inputs; messages name parameter, line and value.</summary>
internal static class PeValidation
{
    public static string Where(int line, string? label, string? supplier)
    {
        var s = label is null
            ? string.Create(CultureInfo.InvariantCulture, $"line {line}")
            : string.Create(CultureInfo.InvariantCulture, $"line {line} ('{label}')");
        return supplier is null ? s : s + $", supplier '{supplier}'";
    }

    public static string Fmt(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public static void Value(double v, string param, int line, string? label, string? supplier)
    {
        if (!(v >= 0.0 && v <= PeProblem.MaxCellValue))
        {
            throw new ArgumentException(
                $"{param} at {Where(line, label, supplier)} = {Fmt(v)} is not valid: expected a finite import value in US dollars, 0 ≤ value ≤ {Fmt(PeProblem.MaxCellValue)}.",
                param);
        }
    }

    public static void Tariff(double t, string param, int line, string? label, string? supplier)
    {
        if (!(t >= 0.0 && t <= PeProblem.MaxTariff))
        {
            throw new ArgumentException(
                $"{param} at {Where(line, label, supplier)} = {Fmt(t)} is not valid: expected an ad valorem rate as a fraction, 0 ≤ t ≤ {Fmt(PeProblem.MaxTariff)} (0.20 = 20%).",
                param);
        }
    }

    public static void SupplyElasticity(double w, string param, int line, string? label, string? supplier)
    {
        if (!(w > 0.0))
        {
            throw new ArgumentException(
                $"{param} at {Where(line, label, supplier)} = {Fmt(w)} is not valid: expected an export supply elasticity ω > 0 (positive infinity = fixed world price).",
                param);
        }
    }

    public static void DemandElasticity(double e, string param, int line, string? label)
    {
        if (!(e >= 0.0 && e <= PeProblem.MaxImportDemandElasticity))
        {
            throw new ArgumentException(
                $"{param} at {Where(line, label, null)} = {Fmt(e)} is not valid: expected an import demand elasticity as a positive magnitude, 0 ≤ ε ≤ {Fmt(PeProblem.MaxImportDemandElasticity)}.",
                param);
        }
    }

    public static void SubstitutionElasticity(double s, string param, int line, string? label)
    {
        if (!(s > 0.0 && s <= PeProblem.MaxSubstitutionElasticity))
        {
            throw new ArgumentException(
                $"{param} at {Where(line, label, null)} = {Fmt(s)} is not valid: expected a substitution elasticity 0 < σ ≤ {Fmt(PeProblem.MaxSubstitutionElasticity)}.",
                param);
        }
    }
}
