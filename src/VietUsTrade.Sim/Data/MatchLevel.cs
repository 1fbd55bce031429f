namespace VietUsTrade.Sim.Data;

/// <summary>How an elasticity was matched to a 2024 HTS10 line: the fallback level that gave its value.</summary>
/// <remarks>Levels are tried in the order of the enum; a lower level is a more specific match.</remarks>
public enum MatchLevel
{
    /// <summary>The same 10-digit code in the source.</summary>
    Hts10,

    /// <summary>The median of the source's codes with the same 6 digits (HS 2022 subheading read directly).</summary>
    Hs6,

    /// <summary>The HS 2022 subheading mapped to its HS 1992 subheading (UN concordance), then the median of the source's codes there.</summary>
    Hs6ViaHs1992,

    /// <summary>The HS 1992 3-digit group (Broda–Greenfield–Weinstein USA set).</summary>
    Hs3ViaHs1992,

    /// <summary>The median of the matched lines of the same HS chapter.</summary>
    ChapterMedian,

    /// <summary>The median of all matched lines.</summary>
    GlobalMedian,
}
