using System.Collections.Immutable;
using System.Globalization;
using Levy.Core.Primitives;

namespace Levy.Core.Rates;

/// <summary>No duty: <c>Free</c>.</summary>
public sealed record FreeRate : Rate
{
    private FreeRate()
    {
    }

    /// <summary>The one instance.</summary>
    public static FreeRate Instance { get; } = new();

    /// <inheritdoc/>
    public override bool IsAdValoremOnly => true;

    /// <summary><c>Free</c>.</summary>
    public override string ToString() => "Free";
}

/// <summary>A percentage of a value: <c>2.5%</c>, or <c>6% on the case</c> when <see cref="Basis"/> names a part of the article.</summary>
/// <param name="Percent">The percentage, e.g. 2.5 for "2.5%". Exact, except for a mixed fraction such as "33 1/3%",
/// which is held to the 28 digits a <see cref="decimal"/> holds and written back as the fraction.</param>
/// <param name="Basis">What the percentage applies to when it is not the whole customs value (<c>the case</c>,
/// <c>the value of the steel content</c>, <c>the fair retail value</c>); null for the whole value.</param>
public sealed record AdValoremRate(decimal Percent, string? Basis = null) : Rate
{
    /// <summary>The rate as a fraction: 0.025 for 2.5%.</summary>
    public decimal Fraction => Percent / 100m;

    /// <inheritdoc/>
    public override bool IsAdValoremOnly => Basis is null;

    /// <summary><c>2.5%</c> or <c>6% on the case</c>.</summary>
    public override string ToString() =>
        RateFormat.Percent(Percent) + (Basis is null ? string.Empty : " " + Basis);
}

/// <summary>An amount per unit of quantity: <c>4.4¢/kg</c>, <c>$1.99/pf. liter</c>, <c>44¢ each</c>,
/// <c>0.7¢/kg on copper content</c>.</summary>
/// <param name="AmountUsd">Dollars per unit, exact (4.4¢ is 0.044).</param>
/// <param name="Unit">The unit the amount is charged on.</param>
/// <param name="WrittenInCents">True when the text gave the amount in cents (<c>¢</c>); keeps the round trip exact.</param>
/// <param name="Basis">Qualifier of the quantity (<c>on copper content</c>, <c>on drained weight</c>,
/// <c>over 7</c>, <c>including weight of container</c>); null for the plain quantity.</param>
public sealed record SpecificRate(decimal AmountUsd, UnitOfMeasure Unit, bool WrittenInCents, string? Basis = null) : Rate
{
    /// <inheritdoc/>
    public override bool IsAdValoremOnly => false;

    /// <summary><c>4.4¢/kg</c>, <c>$1.99/pf. liters</c>, <c>44¢ each</c>, <c>$1.76/t, including weight of container</c>.</summary>
    /// <remarks>Cents keep the digits that were written: 0.044 dollars is <c>4.4¢</c>, not <c>4.400¢</c>.</remarks>
    public override string ToString()
    {
        string amount = WrittenInCents
            ? RateFormat.Cents(AmountUsd) + "¢"
            : "$" + RateFormat.Number(AmountUsd);
        string unit = Unit == UnitOfMeasure.Number ? " each" : "/" + Unit.Symbol;
        string basis = Basis is null ? string.Empty
            : Basis.StartsWith("including", StringComparison.OrdinalIgnoreCase) ? ", " + Basis
            : " " + Basis;
        return amount + unit + basis;
    }
}

/// <summary>A sum of rates: <c>4.4¢/kg + 6%</c>, <c>44¢ each + 6% on the case + 14% on the strap</c>.</summary>
/// <param name="Parts">Two or more parts, none of them compound.</param>
public sealed record CompoundRate(ImmutableArray<Rate> Parts) : Rate
{
    /// <inheritdoc/>
    public override bool IsAdValoremOnly => Parts.All(p => p.IsAdValoremOnly);

    /// <inheritdoc/>
    public bool Equals(CompoundRate? other) => other is not null && Parts.SequenceEqual(other.Parts);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (Rate part in Parts)
        {
            hash.Add(part);
        }

        return hash.ToHashCode();
    }

    /// <summary>The parts joined by <c> + </c>.</summary>
    public override string ToString() => string.Join(" + ", Parts.Select(p => p.ToString()));
}

/// <summary>The value a Chapter 99 duty is charged on.</summary>
public enum DutyBasis
{
    /// <summary>The full customs value of the article.</summary>
    FullValue,

    /// <summary>The value of the steel content (Section 232 derivatives before 2026-04-06).</summary>
    SteelContent,

    /// <summary>The value of the aluminum content.</summary>
    AluminumContent,

    /// <summary>The value of the copper content (Section 232 copper, 9903.78.01).</summary>
    CopperContent,

    /// <summary>The value of the non-U.S. content (9903.94.03, 9903.01.34).</summary>
    NonUsContent,
}

/// <summary>The Chapter 99 form "The duty provided in the applicable subheading [+ X%]": the ordinary duty of the
/// chapter 1–97 line plus an additional duty, or nothing more (a passthrough or exemption line).</summary>
/// <param name="Additional">The additional duty, or null for a passthrough ("The duty provided in the applicable subheading").
/// A negative ad valorem rate stands for "minus".</param>
/// <param name="Basis">What the additional duty is charged on.</param>
/// <param name="Subheadings">When the text names the subheadings whose duty applies ("The duty provided in subheadings
/// 8716.39.00, 8716.90.30 or 8716.90.50 + 100%"), those codes; empty for "the applicable subheading".</param>
public sealed record ApplicableSubheadingRate(Rate? Additional, DutyBasis Basis, ImmutableArray<HtsCode> Subheadings) : Rate
{
    /// <summary>Creates the common form with no named subheadings.</summary>
    public ApplicableSubheadingRate(Rate? additional, DutyBasis basis = DutyBasis.FullValue)
        : this(additional, basis, ImmutableArray<HtsCode>.Empty)
    {
    }

    /// <summary>True when the line adds nothing (an exemption or a passthrough line).</summary>
    public bool IsPassthrough => Additional is null;

    /// <inheritdoc/>
    public override bool IsAdValoremOnly => Additional is null || (Basis == DutyBasis.FullValue && Additional.IsAdValoremOnly);

    /// <inheritdoc/>
    public bool Equals(ApplicableSubheadingRate? other) =>
        other is not null && Equals(Additional, other.Additional) && Basis == other.Basis
        && Subheadings.SequenceEqual(other.Subheadings);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Additional, Basis, Subheadings.Length);

    /// <summary>The canonical text, e.g. <c>The duty provided in the applicable subheading + 25%</c>.</summary>
    public override string ToString() => RateFormat.ApplicableSubheading(this);
}

/// <summary>The Chapter 99 form <c>No change</c>: the line does not alter the duty.</summary>
public sealed record NoChangeRate : Rate
{
    private NoChangeRate()
    {
    }

    /// <summary>The one instance.</summary>
    public static NoChangeRate Instance { get; } = new();

    /// <inheritdoc/>
    public override bool IsAdValoremOnly => true;

    /// <summary><c>No change</c>.</summary>
    public override string ToString() => "No change";
}

/// <summary>One group of the Special column: a rate and the program symbols it is granted under, e.g.
/// <c>Free (A+,AU,BH)</c> or <c>3.4% (JP)</c>.</summary>
/// <param name="Rate">The rate granted.</param>
/// <param name="Programs">The Special Program Indicators, as printed (<c>A+</c>, <c>AU</c>, <c>S</c>, <c>JP</c>…).</param>
public sealed record PreferentialRate(Rate Rate, ImmutableArray<string> Programs)
{
    /// <inheritdoc/>
    public bool Equals(PreferentialRate? other) => other is not null && Rate.Equals(other.Rate) && Programs.SequenceEqual(other.Programs);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Rate, Programs.Length);

    /// <summary><c>Free (A+,AU,BH)</c>.</summary>
    public override string ToString() => $"{Rate} ({string.Join(",", Programs)})";
}

/// <summary>The Special column: one or more <see cref="PreferentialRate"/> groups, e.g.
/// <c>Free (A+,AU,BH,CL) 3.4% (JP)</c>.</summary>
/// <param name="Groups">The groups in printed order.</param>
public sealed record PreferentialRates(ImmutableArray<PreferentialRate> Groups) : Rate
{
    /// <inheritdoc/>
    public override bool IsAdValoremOnly => false;

    /// <summary>The rate granted under <paramref name="program"/>, or null if the program is not listed.</summary>
    public Rate? ForProgram(string program)
    {
        foreach (PreferentialRate group in Groups)
        {
            foreach (string p in group.Programs)
            {
                if (string.Equals(p, program, StringComparison.OrdinalIgnoreCase))
                {
                    return group.Rate;
                }
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public bool Equals(PreferentialRates? other) => other is not null && Groups.SequenceEqual(other.Groups);

    /// <inheritdoc/>
    public override int GetHashCode() => Groups.Length;

    /// <summary>The groups separated by a space.</summary>
    public override string ToString() => string.Join(" ", Groups.Select(g => g.ToString()));
}

/// <summary>A rate stated by reference to other provisions: <c>See 9822.04.40</c>, <c>The rate applicable to each
/// article in the absence of this subheading</c>, <c>See additional U.S. note 1</c>. The duty cannot be computed
/// from the line alone.</summary>
/// <param name="Text">The canonical text of the reference.</param>
/// <param name="Headings">HTS codes named by the reference, if any.</param>
public sealed record ReferenceRate(string Text, ImmutableArray<HtsCode> Headings) : Rate
{
    /// <inheritdoc/>
    public override bool IsAdValoremOnly => false;

    /// <inheritdoc/>
    public bool Equals(ReferenceRate? other) => other is not null && Text == other.Text && Headings.SequenceEqual(other.Headings);

    /// <inheritdoc/>
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    /// <summary>The text.</summary>
    public override string ToString() => Text;
}

/// <summary>The raw-sugar formula: <c>1.4606¢/kg less 0.020668¢/kg for each degree under 100 degrees (and fractions of a
/// degree in proportion) but not less than 0.943854¢/kg</c> (heading 1701).</summary>
/// <param name="Base">The rate at 100 degrees.</param>
/// <param name="ReductionPerDegree">The reduction for each degree under 100.</param>
/// <param name="Minimum">The floor.</param>
public sealed record SugarDegreeRate(SpecificRate Base, SpecificRate ReductionPerDegree, SpecificRate Minimum) : Rate
{
    /// <inheritdoc/>
    public override bool IsAdValoremOnly => false;

    /// <summary>The canonical text.</summary>
    public override string ToString() =>
        $"{Base} less {ReductionPerDegree} for each degree under 100 degrees (and fractions of a degree in proportion) but not less than {Minimum}";
}

/// <summary>Text in a rate column that is not a rate Levy can read (e.g. <c>"A duty upon the value of the repairs…"</c>).
/// Kept with the reason, so that a quote can say "needs manual review" rather than fail.</summary>
/// <param name="Text">The text as printed (markup removed).</param>
/// <param name="Reason">Why it is not read as a rate.</param>
public sealed record UnparsedRate(string Text, string Reason) : Rate
{
    /// <inheritdoc/>
    public override bool IsAdValoremOnly => false;

    /// <summary>The text as printed.</summary>
    public override string ToString() => Text;
}

/// <summary>Number formatting shared by the rate cases: invariant culture, no trailing zeros beyond what was written.</summary>
internal static class RateFormat
{
    internal static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Percent(decimal percent) => (MixedFraction(percent) ?? Number(percent)) + "%";

    // A percentage read from a mixed fraction ("33 1/3%") holds all the digits a decimal can (33.333…3); it is written
    // back as the fraction that gives exactly that decimal. Values written with fewer than 20 decimals print as they are.
    private static string? MixedFraction(decimal value)
    {
        if (value <= 0m || value.Scale < 20)
        {
            return null;
        }

        for (int denominator = 3; denominator <= 16; denominator++)
        {
            decimal parts = decimal.Round(value * denominator);
            decimal whole = decimal.Truncate(parts / denominator);
            decimal numerator = parts - (whole * denominator);
            if (numerator > 0m && whole + (numerator / denominator) == value)
            {
                return Number(whole) + " " + Number(numerator) + "/" + Number(denominator);
            }
        }

        return null;
    }

    // Dollars as cents with the scale the cents were written with: 0.044 (scale 3) is "4.4", 0.10 is "10".
    internal static string Cents(decimal usd) => Number(decimal.Round(usd * 100m, Math.Max(0, usd.Scale - 2)));

    internal static string ApplicableSubheading(ApplicableSubheadingRate rate)
    {
        string head = rate.Subheadings.IsDefaultOrEmpty
            ? "The duty provided in the applicable subheading"
            : "The duty provided in subheadings " + JoinOr(rate.Subheadings);
        if (rate.Additional is null)
        {
            return head;
        }

        string basis = rate.Basis switch
        {
            DutyBasis.SteelContent => " upon the value of the steel content",
            DutyBasis.AluminumContent => " upon the value of the aluminum content",
            DutyBasis.CopperContent => " upon the value of the copper content",
            DutyBasis.NonUsContent => " upon the value of the non-U.S. content",
            _ => string.Empty,
        };

        if (rate.Additional is AdValoremRate { Percent: < 0 } minus)
        {
            return head + " minus " + Percent(-minus.Percent) + basis;
        }

        string a = rate.Basis == DutyBasis.FullValue ? rate.Additional.ToString()! : "a duty of " + rate.Additional;
        return head + " + " + a + basis;
    }

    private static string JoinOr(ImmutableArray<HtsCode> codes) =>
        codes.Length == 1 ? codes[0].ToString() : string.Join(", ", codes.Take(codes.Length - 1)) + " or " + codes[^1];
}
