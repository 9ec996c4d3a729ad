using System.Collections.Immutable;
using Levy.Core.Calculation.Duties;
using Levy.Core.Primitives;

namespace Levy.Core.Rates;

/// <summary>The ad valorem equivalent of a rate: its duty as a fraction of the customs value.</summary>
/// <remarks>Ad valorem rates need nothing else. Specific parts need the customs value and a quantity in (or convertible to)
/// the rate's unit, and are computed by <see cref="RateEvaluator"/> (so the quantity rounding of 19 CFR 159.3(b) applies
/// here too); without them the equivalent is unknown (null). Thread-safe.</remarks>
public static class RateAdValorem
{
    /// <summary>The duty of <paramref name="rate"/> as a fraction of value, or null when it cannot be known.</summary>
    public static decimal? Of(Rate rate, decimal? customsValue, ImmutableArray<Quantity> quantities)
    {
        switch (rate)
        {
            case FreeRate:
                return 0m;
            case AdValoremRate { Basis: null } a:
                return a.Fraction;
            case CompoundRate c when c.IsAdValoremOnly:
                return c.Parts.Sum(p => p is AdValoremRate a ? a.Fraction : 0m);
        }

        if (customsValue is not > 0 || quantities.IsDefaultOrEmpty)
        {
            return null;
        }

        return RateEvaluator.TryEvaluate(rate, customsValue.Value, quantities.AsSpan(), out decimal amount, out _)
            ? amount / customsValue.Value
            : null;
    }
}
