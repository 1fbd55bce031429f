using System.Globalization;
using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Products;
using VietUsTrade.Sim.Reporting;

namespace VietUsTrade.Sim.Models.PartialEquilibrium;

/// <summary>Which published σ the import side uses.</summary>
public enum SigmaSet
{
    /// <summary>Broda–Weinstein (2006) with the documented fallbacks and cap (every line has one).</summary>
    BrodaWeinstein,

    /// <summary>Hauk (2012) where a valid estimate matches, else Broda–Weinstein.</summary>
    Hauk2012,
}
