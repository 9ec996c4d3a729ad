namespace Levy.Data.Sync;

/// <summary>The top-level folders of the data layout, which <c>levy data sync --only</c> selects.</summary>
public enum DataGroup
{
    /// <summary><c>hts/</c>: one USITC JSON export per HTS revision.</summary>
    Hts,

    /// <summary><c>policy/</c>: policy parameters and product lists.</summary>
    Policy,

    /// <summary><c>trade/</c>: trade figures for the reciprocal-tariff formula.</summary>
    Trade,
}
