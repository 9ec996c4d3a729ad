namespace Levy.Data.Locating;

/// <summary>Where Levy's official input data lives, and how it was found.</summary>
/// <remarks>
/// <para>The layout is that of <c>../shared/data</c>: <c>hts/hts_&lt;revision&gt;.json.gz</c>, <c>policy/*.csv|yaml|txt</c>,
/// <c>trade/*.csv</c>, and, after <c>levy data sync</c>, a <c>manifest.json</c>.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
/// <param name="Root">The absolute path of the data folder.</param>
/// <param name="Source">How it was chosen: <c>--data-dir</c>, <c>$LEVY_DATA</c>, <c>./data</c> or <c>../shared/data</c>.</param>
public sealed record DataDirectory(string Root, string Source)
{
    /// <summary>The folder of HTS revision files.</summary>
    public string HtsFolder => Path.Combine(Root, "hts");

    /// <summary>The folder of policy tables.</summary>
    public string PolicyFolder => Path.Combine(Root, "policy");

    /// <summary>The folder of trade tables.</summary>
    public string TradeFolder => Path.Combine(Root, "trade");

    /// <summary>The manifest written by <c>levy data sync</c>.</summary>
    public string ManifestPath => Path.Combine(Root, "manifest.json");

    /// <summary>The path of a policy table, e.g. <c>revision_dates.csv</c>.</summary>
    public string Policy(string fileName) => Path.Combine(PolicyFolder, fileName);

    /// <summary>The path of a trade table.</summary>
    public string Trade(string fileName) => Path.Combine(TradeFolder, fileName);

    /// <summary><c>/work/shared/data (../shared/data)</c>.</summary>
    public override string ToString() => $"{Root} ({Source})";
}
