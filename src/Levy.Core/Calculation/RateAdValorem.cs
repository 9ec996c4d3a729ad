using System.Collections.Immutable;
using Levy.Core.Primitives;
using Levy.Core.Rates;

namespace Levy.Core.Calculation;

/// <summary>The ad valorem equivalent of a rate: its duty as a fraction of the customs value.</summary>
/// <remarks>Specific parts need the customs value and a quantity in (or convertible to) the rate's unit; without them the
/// equivalent is unknown (null). Thread-safe.</remarks>
public static class RateAdValorem
{
    /// <summary>The duty of <paramref name="rate"/> as a fraction of value, or null when it cannot be known.</summary>
    public static decimal? Of(Rate rate, decimal? customsValue, ImmutableArray<Quantity> quantities) => rate switch
    {
        FreeRate => 0m,
        AdValoremRate { Basis: null } a => a.Fraction,
        SpecificRate s when s.Basis is null && customsValue is > 0 && Amount(s, quantities) is { } amount => amount / customsValue.Value,
        CompoundRate c => Sum(c, customsValue, quantities),
        _ => null,
    };

    private static decimal? Sum(CompoundRate c, decimal? value, ImmutableArray<Quantity> quantities)
    {
        decimal total = 0;
        foreach (Rate part in c.Parts)
        {
            if (Of(part, value, quantities) is not { } p)
            {
                return null;
            }

            total += p;
        }

        return total;
    }

    private static decimal? Amount(SpecificRate s, ImmutableArray<Quantity> quantities)
    {
        if (quantities.IsDefaultOrEmpty)
        {
            return null;
        }

        foreach (Quantity q in quantities)
        {
            if (q.ConvertTo(s.Unit) is { } converted)
            {
                return converted.Value * s.AmountUsd;
            }
        }

        return null;
    }
}
