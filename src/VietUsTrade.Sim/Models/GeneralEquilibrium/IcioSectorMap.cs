using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Models.GeneralEquilibrium;

/// <summary>
/// The OECD ICIO 2022 goods sector (ISIC Rev. 4 groups) of an HTS line, by HS chapter with heading exceptions where a
/// chapter spans sectors (computers and electronics in 84–85, motorcycles and bicycles in 87, medical instruments in
/// 90, lamps in 94). A correspondence in the spirit of the UN HS–ISIC Rev. 4 tables at chapter level [assumption];
/// docs/models/general-equilibrium.md.
/// </summary>
internal static class IcioSectorMap
{
    private static readonly HashSet<int> ElectronicHeadings = [8471, 8473, 8517, 8518, 8519, 8521, 8522, 8523, 8525, 8526, 8527, 8528, 8529, 8540, 8541, 8542];

    /// <summary>The ICIO sector code of a line, or null (chapters 98–99: special provisions).</summary>
    public static string? Of(HtsCode code)
    {
        var chapter = int.Parse(code.Digits.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture);
        var heading = code.Length >= 4 ? int.Parse(code.Digits.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture) : 0;
        return chapter switch
        {
            1 or 5 or (>= 6 and <= 10) or 12 or 13 or 14 => "A01",
            3 => "A03",
            2 or 4 or 11 or (>= 15 and <= 24) => "C10T12",
            25 => "B08",
            26 => "B07",
            27 => heading is 2701 or 2702 or 2703 ? "B05" : heading == 2709 ? "B06" : heading == 2711 ? "B06" : "C19",
            30 => "C21",
            (>= 28 and <= 38) => "C20",
            39 or 40 => "C22",
            (>= 41 and <= 43) or (>= 50 and <= 67) => "C13T15",
            (>= 44 and <= 46) => "C16",
            (>= 47 and <= 49) => "C17_18",
            (>= 68 and <= 70) => "C23",
            71 => "C31T33",
            72 => "C24A",
            (>= 74 and <= 81) => "C24B",
            73 or 82 or 83 or 93 => "C25",
            84 or 85 when ElectronicHeadings.Contains(heading) => "C26",
            84 => "C28",
            85 => "C27",
            86 or 88 => "C302T309",
            87 => heading is >= 8711 and <= 8714 ? "C302T309" : "C29",
            89 => "C301",
            90 => heading is >= 9018 and <= 9022 ? "C31T33" : "C26",
            91 => "C26",
            94 when heading == 9405 => "C27",
            92 or (>= 94 and <= 97) => "C31T33",
            _ => null,
        };
    }
}
