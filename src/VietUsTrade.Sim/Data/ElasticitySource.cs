namespace VietUsTrade.Sim.Data;

/// <summary>The published source of an elasticity estimate.</summary>
public enum ElasticitySource
{
    /// <summary>Broda &amp; Weinstein (2006), "Globalization and the Gains from Variety", QJE 121(2): US σ by HTS10, 1990–2001.</summary>
    BrodaWeinstein2006,

    /// <summary>Broda, Greenfield &amp; Weinstein (2006), NBER WP 12512: σ by HS 3-digit for 73 importers; the USA values, 1994–2003.</summary>
    BrodaGreenfieldWeinstein2006,

    /// <summary>Hauk (2012), "U.S. import and export elasticities: a panel data approach", Empirical Economics.</summary>
    Hauk2012,
}
