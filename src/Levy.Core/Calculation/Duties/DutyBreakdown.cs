using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Core.Calculation.Duties;

/// <summary>The duty of one entry line in dollars: each component of the quote with its amount, in the quote's order
/// (the ordinary duty first, then the Chapter 99 headings in declaration order), and the total.</summary>
/// <remarks>
/// <para>Each component's amount is computed exactly and rounded once, to the cent, half a cent going up (19 CFR 159.3);
/// <see cref="Total"/> is the sum of the rounded amounts, so it equals the sum of what the entry summary prints.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class DutyBreakdown
{
    internal DutyBreakdown(RateQuote quote, Money customsValue, Money enteredValue, ImmutableArray<ComponentDuty> components, Money total)
    {
        Quote = quote;
        CustomsValue = customsValue;
        EnteredValue = enteredValue;
        Components = components;
        Total = total;
    }

    /// <summary>The quote the amounts were computed from.</summary>
    public RateQuote Quote { get; }

    /// <summary>The customs value as declared.</summary>
    public Money CustomsValue { get; }

    /// <summary>The entered value in whole dollars, the value ad valorem rates are applied to (19 CFR 159.3(a)).</summary>
    public Money EnteredValue { get; }

    /// <summary>The components with their amounts, in the quote's order.</summary>
    public ImmutableArray<ComponentDuty> Components { get; }

    /// <summary>The ordinary (MFN, Special or column 2) duty.</summary>
    public Money Ordinary => Components[0].Amount;

    /// <summary>The total duty of the line.</summary>
    public Money Total { get; }

    /// <summary>The duty charged under one authority.</summary>
    public Money TotalFor(Authority authority)
    {
        Money sum = Money.Zero;
        foreach (ComponentDuty c in Components)
        {
            if (c.Component.Authority == authority)
            {
                sum += c.Amount;
            }
        }

        return sum;
    }

    /// <summary>The same line with every amount zero, for goods released free of duty (de minimis).</summary>
    public DutyBreakdown Waived()
    {
        var zero = new ComponentDuty[Components.Length];
        for (int i = 0; i < zero.Length; i++)
        {
            zero[i] = Components[i] with { Amount = Money.Zero };
        }

        return new DutyBreakdown(Quote, CustomsValue, EnteredValue, ImmutableArray.Create(zero), Money.Zero);
    }

    /// <summary>The total and the number of components.</summary>
    public override string ToString() => $"{Total} on {EnteredValue} ({Components.Length} components)";
}
