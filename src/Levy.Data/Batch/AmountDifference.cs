using Levy.Core.Primitives;

namespace Levy.Data.Batch;

/// <summary>An amount declared on a broker's bill that differs from the one Levy computes.</summary>
/// <param name="What">What differs: <c>duty_total</c>, <c>mfn</c>, <c>mpf</c>, <c>hmf</c> or a Chapter 99 heading.</param>
/// <param name="Declared">The amount declared.</param>
/// <param name="Computed">The amount Levy computes.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record AmountDifference(string What, Money Declared, Money Computed)
{
    /// <summary>Declared minus computed.</summary>
    public Money Difference => Declared - Computed;

    /// <summary><c>9903.01.25: declared $900.00, computed $1,000.00 (-$100.00)</c>.</summary>
    public override string ToString() =>
        $"{What}: declared {Declared}, computed {Computed} ({(Difference.Amount >= 0 ? "+" : "-")}{new Money(Math.Abs(Difference.Amount))})";
}
