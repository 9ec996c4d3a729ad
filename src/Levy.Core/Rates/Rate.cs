namespace Levy.Core.Rates;

/// <summary>A rate of duty as the HTS states it, in structured form. A closed hierarchy: one sealed case per form of the
/// rate grammar (docs/rate-grammar.md).</summary>
/// <remarks>
/// <para>Cases: <see cref="FreeRate"/>, <see cref="AdValoremRate"/>, <see cref="SpecificRate"/>, <see cref="CompoundRate"/>,
/// <see cref="ApplicableSubheadingRate"/> (Chapter 99 "The duty provided in the applicable subheading + 25%"),
/// <see cref="NoChangeRate"/>, <see cref="PreferentialRates"/> (the Special column: rates with program symbols),
/// <see cref="ReferenceRate"/> ("See 9822.04.40", "The rate applicable to each article…"), <see cref="SugarDegreeRate"/>, and
/// <see cref="UnparsedRate"/> for text that is not a rate.</para>
/// <para><see cref="object.ToString"/> writes the canonical text; <c>RateParser.Parse(rate.ToString(), column)</c> equals
/// the rate read from that column. All cases are immutable and thread-safe.</para>
/// </remarks>
public abstract record Rate
{
    private protected Rate()
    {
    }

    /// <summary>True when the rate can be computed from the customs value alone (Free, ad valorem, or an additional
    /// ad valorem duty on the full value).</summary>
    public abstract bool IsAdValoremOnly { get; }
}
