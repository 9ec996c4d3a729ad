namespace Levy.Core.Primitives;

/// <summary>An amount of US dollars, held exactly as a <see cref="decimal"/>.</summary>
/// <remarks>
/// Amounts are kept unrounded through a calculation; <see cref="RoundToCents"/> is the one place
/// rounding happens (19 CFR 159.3 rounds duties to the cent; fractions of half a cent or more go up).
/// Immutable and thread-safe.
/// </remarks>
public readonly record struct Money(decimal Amount) : IComparable<Money>
{
    /// <summary>Zero dollars.</summary>
    public static Money Zero => default;

    /// <summary>Rounds to whole cents, half away from zero, as CBP rounds duty amounts.</summary>
    public Money RoundToCents() => new(Math.Round(Amount, 2, MidpointRounding.AwayFromZero));

    /// <summary>Rounds to whole dollars, half away from zero, as entered values are reported.</summary>
    public Money RoundToDollars() => new(Math.Round(Amount, 0, MidpointRounding.AwayFromZero));

    /// <summary>Adds two amounts.</summary>
    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount);

    /// <summary>Subtracts two amounts.</summary>
    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount);

    /// <summary>Scales an amount.</summary>
    public static Money operator *(Money a, decimal factor) => new(a.Amount * factor);

    /// <summary>Compares two amounts.</summary>
    public static bool operator <(Money a, Money b) => a.Amount < b.Amount;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >(Money a, Money b) => a.Amount > b.Amount;

    /// <summary>Compares two amounts.</summary>
    public static bool operator <=(Money a, Money b) => a.Amount <= b.Amount;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >=(Money a, Money b) => a.Amount >= b.Amount;

    /// <inheritdoc/>
    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    /// <summary><c>$1,234.56</c> with as many decimals as the amount holds (at least two).</summary>
    public override string ToString() => "$" + Amount.ToString(Amount == Math.Round(Amount, 2) ? "#,0.00" : "#,0.00########", System.Globalization.CultureInfo.InvariantCulture);
}
