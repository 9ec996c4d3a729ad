using System.Collections.Frozen;
using Levy.Core.Primitives;

namespace Levy.Core.Panels;

/// <summary>The share of imports of a product from a country that claims a preference program (e.g. USMCA), used to
/// blend the duty with and without the claim.</summary>
/// <remarks>
/// <para>A panel quotes every product as if no preference were claimed. With shares, the rows of the countries that have
/// them become expected rates: <c>share × (rate with the claim) + (1 − share) × (rate without)</c>, as The Budget Lab at
/// Yale does for Canada and Mexico with the 2025 USMCA utilisation of each HTS-10 (<c>usmca_product_shares_2025.csv</c>).
/// A product missing from the table has share 0 (no claim).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class PreferenceShares
{
    private readonly FrozenDictionary<(HtsCode Product, CountryCode Country), decimal> _shares;

    /// <summary>Creates a table.</summary>
    /// <param name="program">The Special Program Indicator claimed (<c>S</c> for USMCA).</param>
    /// <param name="source">Where the shares come from.</param>
    /// <param name="shares">The share per product and country, each between 0 and 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A share is outside [0, 1].</exception>
    public PreferenceShares(string program, string source, IEnumerable<KeyValuePair<(HtsCode Product, CountryCode Country), decimal>> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        Program = program;
        Source = source;
        var table = new Dictionary<(HtsCode, CountryCode), decimal>();
        foreach (var (key, share) in shares)
        {
            table[key] = share; // a repeated row: the last one counts
        }

        _shares = table.ToFrozenDictionary();
        foreach (var (key, share) in _shares)
        {
            if (share is < 0m or > 1m)
            {
                throw new ArgumentOutOfRangeException(nameof(shares), share, $"The share of {key.Product} from {key.Country} is not between 0 and 1.");
            }
        }

        Countries = [.. _shares.Keys.Select(k => k.Country).Distinct().Order()];
    }

    /// <summary>The program claimed.</summary>
    public string Program { get; }

    /// <summary>Where the shares come from.</summary>
    public string Source { get; }

    /// <summary>The countries that have shares.</summary>
    public IReadOnlyList<CountryCode> Countries { get; }

    /// <summary>The number of (product, country) shares.</summary>
    public int Count => _shares.Count;

    /// <summary>The share of <paramref name="product"/> from <paramref name="country"/> that claims the program (0 when unknown).</summary>
    public decimal ShareOf(HtsCode product, CountryCode country) => _shares.GetValueOrDefault((product, country));
}
