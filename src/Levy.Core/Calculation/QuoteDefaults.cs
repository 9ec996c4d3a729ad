namespace Levy.Core.Calculation;

/// <summary>Values the engine assumes when a request leaves an input out, each with its source (rulebook defaults.yaml).</summary>
/// <param name="FlatMetalShare">Metal share of value for a Section 232 derivative with no estimate.</param>
/// <param name="FlatMetalShareSource">Where that value comes from.</param>
/// <param name="UsmcaVehicleUsContentShare">U.S. content share of a USMCA-qualifying vehicle.</param>
/// <param name="UsmcaVehicleUsContentSource">Where that value comes from.</param>
public sealed record QuoteDefaults(decimal FlatMetalShare, string FlatMetalShareSource, decimal UsmcaVehicleUsContentShare, string UsmcaVehicleUsContentSource)
{
    /// <summary>Defaults for tests and hand-built engines: 50% metal, 40% U.S. content.</summary>
    public static QuoteDefaults Standard { get; } = new(0.5m, "flat 50% (Tax Policy Center / Yale fallback)", 0.4m, "40% (Yale us_auto_content_share)");
}
