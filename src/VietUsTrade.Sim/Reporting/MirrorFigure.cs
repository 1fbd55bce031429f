using VietUsTrade.Sim.Data;

namespace VietUsTrade.Sim.Reporting;

/// <summary>One published figure of US–Vietnam goods trade, with the side that reports it and its concept.</summary>
/// <param name="Period">Year or period, e.g. "2024" or "2025 Jan–Oct".</param>
/// <param name="Side">Who reports it: "US Census" or "Vietnam NSO/customs" (or "this library").</param>
/// <param name="Concept">The trade concept (general imports, imports for consumption, FOB exports, …).</param>
/// <param name="UsImportsFromVietnamUsd">US imports from Vietnam = Vietnam's exports to the US, US dollars (null when not published).</param>
/// <param name="UsExportsToVietnamUsd">US exports to Vietnam = Vietnam's imports from the US (null when not published).</param>
/// <param name="UsBalanceUsd">US balance with Vietnam (negative = US deficit; Vietnam's surplus with the sign flipped), or null.</param>
/// <param name="Source">The source tag of policy-facts.md §4 or the dataset.</param>
public sealed record MirrorFigure(string Period, string Side, string Concept, double? UsImportsFromVietnamUsd, double? UsExportsToVietnamUsd, double? UsBalanceUsd, string Source);
