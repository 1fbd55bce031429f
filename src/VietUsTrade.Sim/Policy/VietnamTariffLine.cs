using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>One 8-digit line of Vietnam's import tariff (AHTN 2022) with its MFN rate before and after the 2025 changes.</summary>
/// <param name="Hs8">The AHTN 8-digit code (first six digits = HS 2022).</param>
/// <param name="MfnBefore">The MFN rate in force in 2024 (Decree 26/2023), fraction; in-quota rate for tariff-quota lines.</param>
/// <param name="MfnAfter">The MFN rate after Decree 73/2025 (in force 2025-03-31) and the other 2025 changes, fraction.</param>
/// <param name="ChangeGroup">Why the rate changed ("D73: …" for Decree 73 lines), or empty.</param>
/// <remarks>Source: quyphong91/tariffvn compilation of Decree 26/2023/ND-CP as amended (docs/data.md). The US has no FTA with Vietnam, so US goods pay the MFN column.</remarks>
internal sealed record VietnamTariffLine(HtsCode Hs8, double MfnBefore, double MfnAfter, string ChangeGroup);
