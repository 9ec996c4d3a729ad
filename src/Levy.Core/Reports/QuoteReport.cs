using Levy.Core.Calculation;
using Levy.Core.Primitives;

namespace Levy.Core.Reports;

/// <summary>A rate quote as the hosts report it: the total, each component with its heading and citation, the measures
/// that did not apply, the assumptions and the trace of rules consulted.</summary>
/// <remarks>
/// <para>Rates are in percent of the customs value (27.5 for 27.5%), without trailing zeros; shares stay fractions (0–1).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
/// <param name="Product">The HTS code quoted.</param>
/// <param name="Description">The product's full description path.</param>
/// <param name="Origin">The country of origin.</param>
/// <param name="OriginName">The country's name, when known.</param>
/// <param name="EntryDate">The date of entry.</param>
/// <param name="Revision">The short name of the revision read.</param>
/// <param name="ClaimedProgram">The Special Program Indicator claimed, or null.</param>
/// <param name="TotalPercent">The total in percent of the customs value, or null when specific duties need a value or quantity.</param>
/// <param name="AdditionalPercent">The Chapter 99 duties in percent, or null likewise.</param>
/// <param name="Components">The duties, the ordinary one first.</param>
/// <param name="Chapter99">The Chapter 99 numbers to declare, in CBP order.</param>
/// <param name="NotApplied">Measures considered that did not apply, with the reason.</param>
/// <param name="Assumptions">Defaults assumed for inputs not given.</param>
/// <param name="Trace">Every rule consulted, in order.</param>
public sealed record QuoteReport(
    HtsCode Product,
    string Description,
    CountryCode Origin,
    string? OriginName,
    DateOnly EntryDate,
    string Revision,
    string? ClaimedProgram,
    decimal? TotalPercent,
    decimal? AdditionalPercent,
    IReadOnlyList<ComponentView> Components,
    IReadOnlyList<HtsCode> Chapter99,
    IReadOnlyList<NotAppliedMeasure> NotApplied,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<string> Trace)
{
    /// <summary>The report of a quote.</summary>
    /// <param name="quote">The quote.</param>
    /// <param name="originName">The name of the origin country, when known.</param>
    public static QuoteReport From(RateQuote quote, string? originName)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return new QuoteReport(
            quote.Request.Product,
            quote.Product.FullDescription,
            quote.Request.Origin,
            originName,
            quote.Request.EntryDate,
            quote.Revision.ShortName,
            quote.Request.ClaimedProgram,
            Percent(quote.TotalAdValorem),
            Percent(quote.AdditionalAdValorem),
            quote.Components.Select(ComponentView.From).ToList(),
            quote.Chapter99Headings.ToList(),
            quote.NotApplied,
            quote.Assumptions,
            quote.Trace);
    }

    /// <summary>A fraction of the customs value as a percentage without trailing zeros (0.275 gives 27.5).</summary>
    /// <param name="fraction">The fraction, or null.</param>
    public static decimal? Percent(decimal? fraction) => fraction is { } f ? Trim(f * 100m) : null;

    /// <summary>The same number without trailing zeros (27.500 gives 27.5).</summary>
    /// <param name="value">The number.</param>
    public static decimal Trim(decimal value) => value / 1.0000000000000000000000000000m;
}
