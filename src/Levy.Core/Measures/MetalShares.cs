using System.Collections.Frozen;
using Levy.Core.Primitives;

namespace Levy.Core.Measures;

/// <summary>Default metal content of products as shares of their value (steel, aluminum, copper), used when an entry does
/// not declare it: an estimate, reported as an assumption whenever it is used.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class MetalShares
{
    private readonly KeyValuePair<HtsCode, (decimal Steel, decimal Aluminum, decimal Copper)>[] _entries;
    private readonly Lazy<FrozenDictionary<HtsCode, (decimal Steel, decimal Aluminum, decimal Copper)>> _shares;

    /// <summary>Creates the table.</summary>
    /// <param name="source">Where the estimates come from.</param>
    /// <param name="shares">Shares per 10-digit code.</param>
    public MetalShares(string source, IEnumerable<KeyValuePair<HtsCode, (decimal Steel, decimal Aluminum, decimal Copper)>> shares)
    {
        Source = source;
        _entries = [.. shares];

        // Indexed on first use: most quotes never ask for a default metal share, and start-up should not pay for it.
        _shares = new(() => _entries.ToFrozenDictionary());
    }

    /// <summary>An empty table (every default is "unknown").</summary>
    public static MetalShares None { get; } = new("none", []);

    /// <summary>Where the estimates come from.</summary>
    public string Source { get; }

    /// <summary>Every product with its estimated shares, in the order given.</summary>
    public IReadOnlyList<KeyValuePair<HtsCode, (decimal Steel, decimal Aluminum, decimal Copper)>> Entries => _entries;

    /// <summary>The estimated shares of a product, or null.</summary>
    public (decimal Steel, decimal Aluminum, decimal Copper)? Find(HtsCode product) =>
        _shares.Value.TryGetValue(product, out var s) ? s : null;
}
