using System.Collections.Frozen;
using Levy.Core.Primitives;

namespace Levy.Core.Panels;

/// <summary>Import values by HTS-10 and country of origin, to weight panel rows into import-weighted effective rates.</summary>
/// <remarks>A product and country missing from the table weigh 0 (no imports). Immutable and thread-safe.</remarks>
public sealed class ImportWeights
{
    private readonly FrozenDictionary<(HtsCode Product, CountryCode Country), decimal> _values;

    /// <summary>Creates a table.</summary>
    /// <param name="source">Where the values come from.</param>
    /// <param name="values">The import value per product and country (any currency unit; only ratios matter).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative.</exception>
    public ImportWeights(string source, IEnumerable<KeyValuePair<(HtsCode Product, CountryCode Country), decimal>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Source = source;
        var sums = new Dictionary<(HtsCode, CountryCode), decimal>();
        foreach (var (key, value) in values)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(values));
            sums[key] = sums.GetValueOrDefault(key) + value;
        }

        _values = sums.ToFrozenDictionary();
    }

    /// <summary>Where the values come from.</summary>
    public string Source { get; }

    /// <summary>The number of (product, country) values.</summary>
    public int Count => _values.Count;

    /// <summary>The import value of a product from a country (0 when not in the table).</summary>
    public decimal WeightOf(HtsCode product, CountryCode country) => _values.GetValueOrDefault((product, country));
}

/// <summary>Import values by country of origin, to weight countries in an average over several of them.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CountryWeights
{
    private readonly FrozenDictionary<CountryCode, decimal> _values;

    /// <summary>Creates a table.</summary>
    /// <param name="source">Where the values come from.</param>
    /// <param name="values">The import value per country.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative.</exception>
    public CountryWeights(string source, IEnumerable<KeyValuePair<CountryCode, decimal>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Source = source;
        _values = values.ToFrozenDictionary();
        foreach (var (_, value) in _values)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(values));
        }
    }

    /// <summary>Where the values come from.</summary>
    public string Source { get; }

    /// <summary>The import value of a country (0 when not in the table).</summary>
    public decimal WeightOf(CountryCode country) => _values.GetValueOrDefault(country);
}
