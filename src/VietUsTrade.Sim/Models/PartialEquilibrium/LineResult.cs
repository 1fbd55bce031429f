using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>One line's result.</summary>
public sealed class LineResult
{
    /// <summary>HTS10.</summary>
    public HtsCode Code { get; }

    /// <summary>Description.</summary>
    public string Description { get; }

    /// <summary>2024 imports from Vietnam.</summary>
    public double BaselineImportsFromVietnamUsd { get; }

    /// <summary>Scenario imports from Vietnam.</summary>
    public double ScenarioImportsFromVietnamUsd { get; }

    /// <summary>Vietnam's 2024 applied rate.</summary>
    public double VietnamRate0 { get; }

    /// <summary>Vietnam's rate in the scenario.</summary>
    public double VietnamRate1 { get; }

    /// <summary>σ used and its source.</summary>
    public Elasticity Sigma { get; }

    internal Elasticity Epsilon { get; }

    internal LineResult(HtsCode Code, string Description, double BaselineImportsFromVietnamUsd, double ScenarioImportsFromVietnamUsd, double VietnamRate0, double VietnamRate1, Elasticity Sigma, Elasticity Epsilon)
    {
        this.Code = Code;
        this.Description = Description;
        this.BaselineImportsFromVietnamUsd = BaselineImportsFromVietnamUsd;
        this.ScenarioImportsFromVietnamUsd = ScenarioImportsFromVietnamUsd;
        this.VietnamRate0 = VietnamRate0;
        this.VietnamRate1 = VietnamRate1;
        this.Sigma = Sigma;
        this.Epsilon = Epsilon;
    }

    /// <summary>Change of imports from Vietnam.</summary>
    public double ChangeUsd => ScenarioImportsFromVietnamUsd - BaselineImportsFromVietnamUsd;
}
