using System.Globalization;
using Levy.Core.Primitives;
using Levy.Core.Rates;

namespace Levy.Core.Calculation.Duties;

/// <summary>The amount of duty a <see cref="Rate"/> charges on a value and quantities, exact (not rounded to the cent).</summary>
/// <remarks>
/// <para>Ad valorem parts are a fraction of <c>value</c>; specific parts are the amount per unit times the quantity in the
/// rate's unit. A declared quantity in another unit of the same dimension (grams for a rate per kg, dozens for a rate
/// per article) is converted with the exact factor of <see cref="UnitOfMeasure.TryConvert"/>. Compound rates are the sum
/// of their parts.</para>
/// <para>Fractional quantities follow 19 CFR 159.3(b): when a specific rate is $1 or less per unit, a fraction of a unit
/// under one half is disregarded and one half or more counts as a whole unit; a rate above $1 per unit is charged on the
/// exact quantity.</para>
/// <para>Rates that need data the line does not carry (a part of the article, a sugar degree, a rate stated by reference,
/// text that is not a rate) give a <see cref="LineError"/> that names the missing input. The evaluator never rounds
/// money: the caller rounds once per component (<see cref="DutyCalculator"/>). Thread-safe (no state).</para>
/// </remarks>
public static class RateEvaluator
{
    /// <summary>Computes the duty a rate charges.</summary>
    /// <param name="rate">The rate; a <see cref="ApplicableSubheadingRate"/> is evaluated as its additional duty (the
    /// caller passes the value of the basis it is charged on).</param>
    /// <param name="value">The value ad valorem parts are charged on, in dollars.</param>
    /// <param name="quantities">The quantities of the line, in any units.</param>
    /// <param name="amount">The exact amount, in dollars.</param>
    /// <param name="error">Why the rate cannot be computed, when the method returns false.</param>
    /// <returns>True when the amount could be computed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rate"/> is null.</exception>
    public static bool TryEvaluate(Rate rate, decimal value, ReadOnlySpan<Quantity> quantities, out decimal amount, out LineError error)
    {
        ArgumentNullException.ThrowIfNull(rate);
        error = default;
        amount = 0m;
        switch (rate)
        {
            case FreeRate or NoChangeRate:
                return true;
            case AdValoremRate { Basis: null } a:
                amount = a.Fraction * value;
                return true;
            case AdValoremRate a:
                return Fail(out error, "value", DutyErrorMessages.NeedsPartValue, a, a.Basis!);
            case SpecificRate { Basis: null } s:
                return TrySpecific(s, quantities, out amount, out error);
            case SpecificRate s:
                return Fail(out error, "quantity1", DutyErrorMessages.NeedsQuantityBasis, s, s.Basis!);
            case CompoundRate c:
                foreach (Rate part in c.Parts)
                {
                    if (!TryEvaluate(part, value, quantities, out decimal partAmount, out error))
                    {
                        // Name the rate as printed, not the part: "46.3¢/kg + 14.9%" is what the user sees in the HTS.
                        error = error with { Reason = error.Reason.Replace($"\"{part}\"", $"\"{c}\"", StringComparison.Ordinal) };
                        amount = 0m;
                        return false;
                    }

                    amount += partAmount;
                }

                return true;
            case ApplicableSubheadingRate { Additional: null }:
                return true;
            case ApplicableSubheadingRate { Additional: { } additional }:
                return TryEvaluate(additional, value, quantities, out amount, out error);
            case SugarDegreeRate sugar:
                return Fail(out error, "quantity1", DutyErrorMessages.SugarDegree, sugar);
            case ReferenceRate reference:
                return Fail(out error, "hts10", DutyErrorMessages.ReferenceRate, reference);
            case UnparsedRate unparsed:
                return Fail(out error, "hts10", DutyErrorMessages.Unparsed, unparsed.Text, unparsed.Reason);
            case PreferentialRates preferential:
                return Fail(out error, "program", DutyErrorMessages.PreferentialWithoutProgram, preferential);
            default:
                throw new ArgumentOutOfRangeException(nameof(rate), rate, "Unknown rate case.");
        }
    }

    /// <summary>The quantity a specific rate is charged on, rounded as 19 CFR 159.3(b) says.</summary>
    /// <param name="quantity">The quantity in the rate's unit.</param>
    /// <param name="amountPerUnit">The rate in dollars per unit.</param>
    public static decimal DutiableQuantity(decimal quantity, decimal amountPerUnit) =>
        amountPerUnit <= 1m ? Math.Round(quantity, 0, MidpointRounding.AwayFromZero) : quantity;

    private static bool TrySpecific(SpecificRate rate, ReadOnlySpan<Quantity> quantities, out decimal amount, out LineError error)
    {
        amount = 0m;
        error = default;
        foreach (Quantity q in quantities)
        {
            if (!q.Unit.IsEmpty && q.Unit.TryConvert(rate.Unit, out decimal factor))
            {
                amount = rate.AmountUsd * DutiableQuantity(q.Value * factor, rate.AmountUsd);
                return true;
            }
        }

        return quantities.IsEmpty || AllEmpty(quantities)
            ? Fail(out error, "quantity1", DutyErrorMessages.NeedsQuantity, rate, rate.Unit)
            : Fail(out error, "unit1", DutyErrorMessages.QuantityDoesNotConvert, rate, rate.Unit, Describe(quantities));
    }

    private static bool AllEmpty(ReadOnlySpan<Quantity> quantities)
    {
        foreach (Quantity q in quantities)
        {
            if (!q.Unit.IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(ReadOnlySpan<Quantity> quantities)
    {
        var parts = new List<string>(quantities.Length);
        foreach (Quantity q in quantities)
        {
            parts.Add(q.ToString());
        }

        return string.Join(" and ", parts);
    }

    private static bool Fail(out LineError error, string field, string template, params object[] args)
    {
        error = new LineError(field, string.Format(CultureInfo.InvariantCulture, template, args));
        return false;
    }
}
