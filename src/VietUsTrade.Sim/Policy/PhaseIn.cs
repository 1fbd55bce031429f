using VietUsTrade.Sim.Products;

namespace VietUsTrade.Sim.Policy;

/// <summary>How a purchase commitment's amount is spread over its period.</summary>
internal enum PhaseIn
{
    /// <summary>The same amount every month of the period.</summary>
    Even,

    /// <summary>Rising linearly from zero at the start to twice the average in the last month (same total).</summary>
    LinearRamp,
}
