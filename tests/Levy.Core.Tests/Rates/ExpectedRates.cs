using Levy.Core.Primitives;
using Levy.Core.Rates;

namespace Levy.Core.Tests.Rates;

/// <summary>Short constructors for the expected rates in the test tables (<c>using static</c>).</summary>
internal static class ExpectedRates
{
    public static FreeRate Free => FreeRate.Instance;

    public static NoChangeRate NoChange => NoChangeRate.Instance;

    public static AdValoremRate Percent(decimal percent, string? basis = null) => new(percent, basis);

    /// <summary>An amount written in cents: <c>Cents(4.4m, "kg")</c> is <c>4.4¢/kg</c>.</summary>
    public static SpecificRate Cents(decimal cents, string unit, string? basis = null) =>
        new(cents * 0.01m, UnitOfMeasure.Parse(unit), WrittenInCents: true, basis);

    /// <summary>An amount written in dollars: <c>Dollars(1.99m, "pf. liter")</c> is <c>$1.99/pf. liter</c>.</summary>
    public static SpecificRate Dollars(decimal dollars, string unit, string? basis = null) =>
        new(dollars, UnitOfMeasure.Parse(unit), WrittenInCents: false, basis);

    public static CompoundRate Sum(params Rate[] parts) => new([.. parts]);

    /// <summary>"The duty provided in the applicable subheading", plus <paramref name="additional"/> when given.</summary>
    public static ApplicableSubheadingRate Applicable(Rate? additional = null, DutyBasis basis = DutyBasis.FullValue) =>
        new(additional, basis);

    public static ApplicableSubheadingRate Applicable(Rate additional, params string[] subheadings) =>
        new(additional, DutyBasis.FullValue, [.. subheadings.Select(HtsCode.Parse)]);

    public static ReferenceRate Reference(string text, params string[] headings) =>
        new(text, [.. headings.Select(HtsCode.Parse)]);

    /// <summary>One group of the Special column: <c>Group(Free, "A+", "AU")</c> is <c>Free (A+,AU)</c>.</summary>
    public static PreferentialRate Group(Rate rate, params string[] programs) => new(rate, [.. programs]);

    public static PreferentialRates Groups(params PreferentialRate[] groups) => new([.. groups]);

    /// <summary>The program symbols of an ordinary Special cell, split from "A+,AU,BH".</summary>
    public static string[] Programs(string symbols) => symbols.Split(',');
}
