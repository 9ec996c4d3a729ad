using System.Collections.Frozen;
using Levy.Core.Primitives;
using Levy.Core.Rates;

namespace Levy.Core.Measures;

/// <summary>Default metal content of products as shares of their value (steel, aluminum, copper), used when an entry does
/// not declare it: an estimate, reported as an assumption whenever it is used.</summary>
/// <remarks>
/// <para>A duty "upon the value of the steel content" can never exceed the same duty on the whole value, so every share is
/// clamped to [0, 1], and when the shares of the three metals add up to more than 1 they are scaled down in proportion
/// until they add up to 1. The estimates of the BEA-based table exceed 1 for some products (copper 1.806 for 7406–7413,
/// aluminum 1.603 for 8544.19, steel 1.084 for 8454/8455): input-output ratios, not shares of an article's value. The
/// estimate keeps the table's figures so that a quote can say it clamped them (docs/validation.md).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class MetalShares
{
    private readonly KeyValuePair<HtsCode, (decimal Steel, decimal Aluminum, decimal Copper)>[] _entries;
    private readonly Lazy<FrozenDictionary<HtsCode, MetalEstimate>> _shares;

    /// <summary>Creates the table; the shares are clamped as the remarks say.</summary>
    /// <param name="source">Where the estimates come from.</param>
    /// <param name="shares">Shares per 10-digit code, as the source gives them.</param>
    public MetalShares(string source, IEnumerable<KeyValuePair<HtsCode, (decimal Steel, decimal Aluminum, decimal Copper)>> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        Source = source;
        _entries = [.. shares];

        // Indexed on first use: most quotes never ask for a default metal share, and start-up should not pay for it.
        _shares = new(() => _entries.ToFrozenDictionary(kv => kv.Key, kv => MetalEstimate.Clamp(kv.Value.Steel, kv.Value.Aluminum, kv.Value.Copper)));
    }

    /// <summary>An empty table (every default is "unknown").</summary>
    public static MetalShares None { get; } = new("none", []);

    /// <summary>Where the estimates come from.</summary>
    public string Source { get; }

    /// <summary>Every product with its shares as the source gives them (not clamped), in the order given.</summary>
    public IReadOnlyList<KeyValuePair<HtsCode, (decimal Steel, decimal Aluminum, decimal Copper)>> Entries => _entries;

    /// <summary>The estimated shares of a product, clamped, or null.</summary>
    public MetalEstimate? Find(HtsCode product) =>
        _shares.Value.TryGetValue(product, out MetalEstimate s) ? s : null;
}

/// <summary>The estimated metal shares of one product: the shares used (each in [0, 1], adding up to at most 1) and the
/// figures of the source when they had to be clamped.</summary>
/// <param name="Steel">Share of the value that is steel.</param>
/// <param name="Aluminum">Share of the value that is aluminum.</param>
/// <param name="Copper">Share of the value that is copper.</param>
/// <param name="SourceSteel">The source's steel figure.</param>
/// <param name="SourceAluminum">The source's aluminum figure.</param>
/// <param name="SourceCopper">The source's copper figure.</param>
public readonly record struct MetalEstimate(decimal Steel, decimal Aluminum, decimal Copper, decimal SourceSteel, decimal SourceAluminum, decimal SourceCopper)
{
    /// <summary>True when the source's figures had to be clamped (a share outside [0, 1], or a sum above 1).</summary>
    public bool IsClamped => Steel != SourceSteel || Aluminum != SourceAluminum || Copper != SourceCopper;

    /// <summary>Clamps each share to [0, 1], then scales all three down in proportion when they add up to more than 1.</summary>
    public static MetalEstimate Clamp(decimal steel, decimal aluminum, decimal copper)
    {
        decimal s = Math.Clamp(steel, 0m, 1m), a = Math.Clamp(aluminum, 0m, 1m), c = Math.Clamp(copper, 0m, 1m);
        decimal sum = s + a + c;
        if (sum > 1m)
        {
            (s, a, c) = (s / sum, a / sum, c / sum);
        }

        return new MetalEstimate(s, a, c, steel, aluminum, copper);
    }

    /// <summary>The share used for one metal.</summary>
    public decimal Of(DutyBasis basis) => basis switch
    {
        DutyBasis.SteelContent => Steel,
        DutyBasis.AluminumContent => Aluminum,
        _ => Copper,
    };

    /// <summary>The source's figure for one metal.</summary>
    public decimal SourceOf(DutyBasis basis) => basis switch
    {
        DutyBasis.SteelContent => SourceSteel,
        DutyBasis.AluminumContent => SourceAluminum,
        _ => SourceCopper,
    };
}
