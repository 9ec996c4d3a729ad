namespace Levy.Core.Inputs;

/// <summary>The documented limits of what Levy accepts from a user, on every surface (docs/reliability.md).</summary>
/// <remarks>A value beyond a bound is refused with <see cref="InputMessages.AboveMaximum"/> (an error row in a batch),
/// never computed: so no amount can overflow <see cref="decimal"/> in the duty, the fees or a batch's totals.</remarks>
public static class InputBounds
{
    /// <summary>The largest amount in USD (customs value, metal value, declared amount): one trillion dollars, a thousand
    /// times the largest entry line CBP has published, and small enough that every duty, fee and total over a billion
    /// lines stays far inside <see cref="decimal"/>.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>The largest quantity in any unit (10^15: a million tonnes counted in grams).</summary>
    public const decimal MaxQuantity = 1_000_000_000_000_000m;

    /// <summary>The most quantities a line declares (one per unit of the HTS line: at most two).</summary>
    public const int MaxQuantities = 2;

    /// <summary>The longest free-text value accepted by the API (search words, country names).</summary>
    public const int MaxTextLength = 200;

    /// <summary>The longest row of a batch input, in characters (a row of Levy's columns is under 1,000): a longer line,
    /// or a quoted field left open for this long, is an error row and the reading goes on at the next line.</summary>
    public const int MaxBatchRowChars = 1 << 20;
}
