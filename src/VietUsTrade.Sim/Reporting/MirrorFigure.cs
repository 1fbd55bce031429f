using VietUsTrade.Sim.Data;

namespace VietUsTrade.Sim.Reporting;

/// <summary>One published figure of US–Vietnam goods trade, with the side that reports it and its concept.</summary>
public sealed class MirrorFigure
{
    /// <summary>Year or period, e.g. "2024" or "2025 Jan–Oct".</summary>
    public string Period { get; }

    /// <summary>Who reports it: "US Census" or "Vietnam NSO/customs" (or "this library").</summary>
    public string Side { get; }

    /// <summary>The trade concept (general imports, imports for consumption, FOB exports, …).</summary>
    public string Concept { get; }

    /// <summary>US imports from Vietnam = Vietnam's exports to the US, US dollars (null when not published).</summary>
    public double? UsImportsFromVietnamUsd { get; }

    /// <summary>US exports to Vietnam = Vietnam's imports from the US (null when not published).</summary>
    public double? UsExportsToVietnamUsd { get; }

    /// <summary>US balance with Vietnam (negative = US deficit; Vietnam's surplus with the sign flipped), or null.</summary>
    public double? UsBalanceUsd { get; }

    /// <summary>The source tag of policy-facts.md §4 or the dataset.</summary>
    public string Source { get; }

    internal MirrorFigure(string Period, string Side, string Concept, double? UsImportsFromVietnamUsd, double? UsExportsToVietnamUsd, double? UsBalanceUsd, string Source)
    {
        this.Period = Period;
        this.Side = Side;
        this.Concept = Concept;
        this.UsImportsFromVietnamUsd = UsImportsFromVietnamUsd;
        this.UsExportsToVietnamUsd = UsExportsToVietnamUsd;
        this.UsBalanceUsd = UsBalanceUsd;
        this.Source = Source;
    }
}
