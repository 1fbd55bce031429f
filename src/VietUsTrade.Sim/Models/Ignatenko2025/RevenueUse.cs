namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>How the tariff revenue is used (paper Section 2; Table 1 cases 1–3).</summary>
public enum RevenueUse
{
    /// <summary>
    /// Revenue abolishes an income tax of the same size, τ_i = R′_i/Y′_i, which raises the after-tax wage by
    /// 1/(1 − τ_i) and so labour supply (Table 1 cases 1 and 3, the retaliation cases, Table 9).
    /// </summary>
    IncomeTaxRelief = 0,

    /// <summary>Revenue is rebated lump sum: no labour-supply incentive, τ_i = 0 (Table 1 case 2).</summary>
    LumpSumRebate = 1,
}
