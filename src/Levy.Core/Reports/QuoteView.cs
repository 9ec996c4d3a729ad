using Levy.Core.Calculation;
using Levy.Core.Countries;

namespace Levy.Core.Reports;

/// <summary>A rate quote as the hosts show it: the JSON shape of <c>levy rate --json</c> and <c>GET /api/v1/quote</c>.</summary>
/// <remarks>
/// <para>Percentages are percent of the customs value (27.5 for 27.5%), like <see cref="RateView.Percent"/>; shares are
/// fractions (0–1).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
/// <param name="Product">The HTS code quoted, dotted.</param>
/// <param name="Description">The product's full description path.</param>
/// <param name="Origin">The ISO code of the country of origin.</param>
/// <param name="OriginName">The country's name.</param>
/// <param name="EntryDate">The date of entry.</param>
/// <param name="Revision">The short name of the revision whose text governs the date.</param>
/// <param name="RevisionName">Its long name.</param>
/// <param name="BaseColumn">The column the ordinary duty comes from (<c>General</c>, <c>Special (KR)</c>, <c>Column 2</c>).</param>
/// <param name="TotalPercent">The total in percent of the customs value, or null when specific duties need a value or quantity.</param>
/// <param name="AdditionalPercent">The Chapter 99 duties in percent, or null likewise.</param>
/// <param name="Components">The duties, the ordinary one first.</param>
/// <param name="Chapter99">The Chapter 99 numbers to declare, in CBP order.</param>
/// <param name="NotApplied">Measures considered that did not apply, with the reason.</param>
/// <param name="Assumptions">Defaults assumed for inputs not given.</param>
/// <param name="Trace">Every rule consulted, in order; null unless asked for.</param>
public sealed record QuoteView(
    string Product,
    string Description,
    string Origin,
    string OriginName,
    DateOnly EntryDate,
    string Revision,
    string RevisionName,
    string BaseColumn,
    decimal? TotalPercent,
    decimal? AdditionalPercent,
    IReadOnlyList<ComponentView> Components,
    IReadOnlyList<string> Chapter99,
    IReadOnlyList<NotAppliedView> NotApplied,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<string>? Trace) : DataAnswer
{
    /// <summary>The rulebook that answered: <c>actual</c> or a scenario's name (docs/scenarios.md); null (left out of the
    /// JSON) when the host does not say.</summary>
    public string? Scenario { get; init; }

    /// <summary>Facts left to the importer on which the total turns (auto part or not, civil aircraft, semiconductor end use
    /// or thresholds…): what the quote assumed and what certifying each would give. Shown first, before the components.</summary>
    public IReadOnlyList<ChoiceView> Choices { get; init; } = [];

    /// <summary>The view of a quote, with its trace.</summary>
    /// <param name="q">The quote.</param>
    /// <param name="countries">The countries, for the origin's name.</param>
    public static QuoteView From(RateQuote q, CountryDirectory countries)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(countries);
        return new(
            q.Product.Code.ToString(),
            q.Product.FullDescription,
            q.Request.Origin.Value,
            countries.FindByIso(q.Request.Origin)?.Name ?? q.Request.Origin.Value,
            q.Request.EntryDate,
            q.Revision.ShortName,
            q.Revision.ToString(),
            q.Base.Program,
            Percent(q.TotalAdValorem),
            Percent(q.AdditionalAdValorem),
            q.Components.Select(ComponentView.From).ToList(),
            q.Chapter99Headings.Select(h => h.ToString()).ToList(),
            q.NotApplied.Select(n => new NotAppliedView(n.MeasureId, n.Authority.ToString(), n.Heading?.ToString(), n.Reason)).ToList(),
            q.Assumptions,
            q.Trace)
        {
            Choices = q.Choices.Select(ChoiceView.From).ToList(),
        };
    }

    /// <summary>A fraction of the customs value in percent, without trailing zeros (0.275 gives 27.5).</summary>
    /// <param name="fraction">The fraction, or null.</param>
    public static decimal? Percent(decimal? fraction) => fraction is { } f ? f * 100m / 1.0000000000000000000000000000m : null;
}
