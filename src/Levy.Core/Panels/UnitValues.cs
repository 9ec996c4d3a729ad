using System.Collections.Frozen;
using Levy.Core.Primitives;

namespace Levy.Core.Panels;

/// <summary>What one unit of a product is worth, in USD: the customs value a panel assumes for one unit of it, so that a
/// specific or compound ordinary rate (<c>4.4¢/kg</c>, <c>46.3¢/kg + 14.9%</c>) gets an ad valorem equivalent.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Product">The HTS code it is for (10 digits, or 8 for every statistical line under it).</param>
/// <param name="Unit">The unit it is per (<c>kg</c>, <c>liters</c>, <c>No.</c>…).</param>
/// <param name="UsdPerUnit">The value of one unit, in USD; positive.</param>
/// <param name="Source">Where the value comes from (e.g. customs value over quantity of 2024 imports).</param>
public sealed record UnitValue(HtsCode Product, UnitOfMeasure Unit, decimal UsdPerUnit, string Source);

/// <summary>Unit values by product, for the ad valorem equivalents of a panel's specific and compound ordinary rates
/// (docs/panel.md, "Unit values").</summary>
/// <remarks>
/// <para>A panel evaluates a product that has a unit value with a customs value of <see cref="UnitValue.UsdPerUnit"/> and
/// a quantity of one unit; the engine then computes the specific part of the ordinary rate (and every floor measured
/// against it) as for an entry. The result is an estimate: it holds for goods worth that much a unit, and the panel flags
/// it (<see cref="PanelValues.AveEstimated"/>). A rate whose unit cannot be converted to the unit value's stays without an
/// equivalent (<see cref="PanelValues.NeedsValue"/>).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class UnitValues
{
    private readonly FrozenDictionary<HtsCode, UnitValue> _byCode;

    /// <summary>Creates the set.</summary>
    /// <param name="values">The unit values, at most one per code.</param>
    /// <param name="source">Where they were read from (shown with the results).</param>
    /// <exception cref="ArgumentException">A code appears twice, or a value is not positive.</exception>
    public UnitValues(IEnumerable<UnitValue> values, string source)
    {
        ArgumentNullException.ThrowIfNull(values);
        var byCode = new Dictionary<HtsCode, UnitValue>();
        foreach (UnitValue v in values)
        {
            if (v.UsdPerUnit <= 0m)
            {
                throw new ArgumentException($"The unit value of {v.Product} must be positive (got {v.UsdPerUnit}).", nameof(values));
            }

            if (!byCode.TryAdd(v.Product, v))
            {
                throw new ArgumentException($"{v.Product} has two unit values.", nameof(values));
            }
        }

        _byCode = byCode.ToFrozenDictionary();
        Source = source;
    }

    /// <summary>Where the values were read from.</summary>
    public string Source { get; }

    /// <summary>The number of codes with a value.</summary>
    public int Count => _byCode.Count;

    /// <summary>The unit value of a product: its own, else that of its 8-digit tariff line; null when there is none.</summary>
    /// <param name="product">The product.</param>
    public UnitValue? For(HtsCode product)
    {
        if (_byCode.TryGetValue(product, out UnitValue? own))
        {
            return own;
        }

        return product.IsStatisticalLine && _byCode.TryGetValue(product.Truncate(8), out UnitValue? line) ? line : null;
    }
}
