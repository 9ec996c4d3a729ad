using System.Collections.Immutable;
using System.Globalization;
using Levy.Core.Calculation.Entries;
using Levy.Core.Primitives;
using Levy.Core.Rates;

namespace Levy.Core.Calculation.Duties;

/// <summary>Turns a <see cref="RateQuote"/> into dollars for one entry line: the customs value and quantities in, a
/// <see cref="DutyBreakdown"/> with the amount of every component out.</summary>
/// <remarks>
/// <para>Rules, in order:</para>
/// <list type="number">
/// <item>The customs value is rounded to whole dollars, half a dollar going up, and ad valorem rates are applied to that
/// entered value (19 CFR 159.3(a); the entry summary reports entered value in whole dollars).</item>
/// <item><see cref="ComponentKind.Base"/>: the ordinary rate (<see cref="QuoteComponent.PrintedRate"/>) evaluated by
/// <see cref="RateEvaluator"/>: ad valorem, specific (quantities converted to the rate's unit) or compound. A Special
/// column is resolved with the claimed program.</item>
/// <item><see cref="ComponentKind.Additional"/>: <see cref="QuoteComponent.AdValorem"/> × entered value (the fraction
/// already includes the share of value the duty is charged on, e.g. 0.5 × steel share); when the fraction is null the
/// printed additional duty is evaluated on the entered value × <see cref="QuoteComponent.Share"/>.</item>
/// <item><see cref="ComponentKind.Floor"/>: max(0, <see cref="QuoteComponent.FloorRate"/> × entered value − the rounded
/// ordinary duty), so the line's total of ordinary and floor duty is exactly the all-in rate, to the cent (HTS U.S.
/// note 2(v)(xix) to subchapter III of chapter 99: for specific or compound rates the ordinary duty is its dollar amount).</item>
/// <item><see cref="ComponentKind.Exemption"/>: declared, zero.</item>
/// <item>Each component is computed exactly in <see cref="decimal"/> and rounded once to the cent, half a cent going up
/// (<see cref="Money.RoundToCents"/>); the line total is the sum of the rounded components.</item>
/// </list>
/// <para>A declared quantity without a unit takes the product's reporting unit at the same position (quantity 1 the first
/// unit of <see cref="Schedule.HtsProduct.Units"/>, quantity 2 the second).</para>
/// <para>Pure and thread-safe.</para>
/// </remarks>
public static class DutyCalculator
{
    /// <summary>Computes the duty of a line.</summary>
    /// <param name="quote">The rates that apply.</param>
    /// <param name="customsValue">The customs value in USD, as declared.</param>
    /// <param name="quantities">The declared quantities (quantity 1 first), in any units; an empty unit means the HTS unit.</param>
    /// <returns>The breakdown, or the input that is missing or wrong.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quote"/> is null.</exception>
    public static DutyResult Calculate(RateQuote quote, Money customsValue, ImmutableArray<Quantity> quantities)
    {
        ArgumentNullException.ThrowIfNull(quote);
        if (customsValue.Amount < 0)
        {
            return DutyResult.Failure(new LineError("value", string.Format(CultureInfo.InvariantCulture, DutyErrorMessages.NegativeValue, customsValue)));
        }

        ImmutableArray<QuoteComponent> components = quote.Components;
        if (components.IsDefaultOrEmpty)
        {
            return DutyResult.Failure(new LineError("hts10", DutyErrorMessages.NoComponents));
        }

        Money entered = customsValue.RoundToDollars();
        decimal value = entered.Amount;
        ReadOnlySpan<Quantity> q = EntryLine.FillUnits(quantities, quote.Product.Units).AsSpan();
        var amounts = new ComponentDuty[components.Length];
        Money ordinary = Money.Zero, total = Money.Zero;
        for (int i = 0; i < components.Length; i++)
        {
            QuoteComponent c = components[i];
            decimal exact;
            LineError error;
            switch (c.Kind)
            {
                case ComponentKind.Base:
                    if (!TryOrdinaryRate(c.PrintedRate, quote.Request.ClaimedProgram, out Rate rate, out error)
                        || !RateEvaluator.TryEvaluate(rate, value, q, out exact, out error))
                    {
                        return DutyResult.Failure(error);
                    }

                    break;
                case ComponentKind.Additional:
                    if (c.AdValorem is { } fraction)
                    {
                        exact = fraction * value;
                    }
                    else if (!RateEvaluator.TryEvaluate(c.PrintedRate, value * c.Share, q, out exact, out error))
                    {
                        return DutyResult.Failure(error);
                    }

                    break;
                case ComponentKind.Floor:
                    if (c.FloorRate is not { } floor)
                    {
                        return DutyResult.Failure(new LineError("hts10",
                            string.Format(CultureInfo.InvariantCulture, DutyErrorMessages.FloorWithoutRate, c.Heading)));
                    }

                    exact = Math.Max(0m, floor * value - ordinary.Amount);
                    break;
                default:
                    exact = 0m;
                    break;
            }

            Money amount = new Money(exact).RoundToCents();
            if (c.Kind == ComponentKind.Base)
            {
                ordinary += amount;
            }

            amounts[i] = new ComponentDuty(c, amount);
            total += amount;
        }

        return DutyResult.Success(new DutyBreakdown(quote, customsValue, entered, ImmutableArray.Create(amounts), total));
    }

    private static bool TryOrdinaryRate(Rate printed, string? program, out Rate rate, out LineError error)
    {
        error = default;
        rate = printed;
        if (printed is not PreferentialRates special)
        {
            return true;
        }

        if (program is null)
        {
            error = new LineError("program", string.Format(CultureInfo.InvariantCulture, DutyErrorMessages.PreferentialWithoutProgram, special));
            return false;
        }

        if (special.ForProgram(program) is { } granted)
        {
            rate = granted;
            return true;
        }

        error = new LineError("program", string.Format(CultureInfo.InvariantCulture, DutyErrorMessages.ProgramNotListed, program, special));
        return false;
    }
}
