namespace VietUsTrade.Sim.Models.Ignatenko2025;

/// <summary>The paper's runs (Matlab <c>results(:,:,k)</c> of the replication package).</summary>
public enum IgnatenkoPaperRun
{
    /// <summary>Table 1 case 1 (= Table 9 baseline = <c>output_map.csv</c>): USTR tariffs, income-tax relief.</summary>
    UstrIncomeTaxRelief = 1,

    /// <summary>Table 1 case 2: USTR tariffs, lump-sum rebate.</summary>
    UstrLumpSum = 2,

    /// <summary>Table 1 case 3: the optimal uniform US tariff (21.80%), income-tax relief.</summary>
    OptimalUsTariff = 3,

    /// <summary>Table 2 (1): USTR tariffs and reciprocal retaliation.</summary>
    ReciprocalRetaliation = 4,

    /// <summary>Table 2 (3) (= <c>output_map_retal.csv</c>): USTR tariffs and optimal retaliation (22.74%).</summary>
    OptimalRetaliation = 5,

    /// <summary>Table 2 (4): optimal US tariff (18.54%, Y-based δ) and optimal retaliation.</summary>
    OptimalWithOptimalRetaliation = 6,

    /// <summary>Table 9 Alt. 2: incomplete firm-level pass-through φ̃ = 0.25, USTR tariffs.</summary>
    IncompletePassThrough = 7,

    /// <summary>Table 9 Alt. 3: trade elasticity ε = 8 (ψ and φ kept), USTR tariffs.</summary>
    HighTradeElasticity = 8,

    /// <summary>Table 9 Alt. 4: the Eaton–Kortum special case (ν = 0, φ = 1), USTR tariffs.</summary>
    EatonKortum = 9,
}
