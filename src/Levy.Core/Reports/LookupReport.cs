using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Schedule;

namespace Levy.Core.Reports;

/// <summary>One line of the schedule as <c>levy lookup</c> and <c>GET /api/v1/lines/{code}</c> report it: description
/// path, units, the three rate columns (as printed and as read), footnotes and the Chapter 99 headings they name.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Code">The code looked up.</param>
/// <param name="Revision">The revision's short name (<c>2025_rev_12</c>).</param>
/// <param name="RevisionName">The revision's long name (<c>2025 Revision 12</c>).</param>
/// <param name="InForceFrom">The first day the revision is in force.</param>
/// <param name="InForceUntil">The last day the revision is in force.</param>
/// <param name="Date">The date the revision was chosen for, or null when it was named.</param>
/// <param name="DescriptionPath">Descriptions from the top of the outline down to the line.</param>
/// <param name="Units">Reporting units.</param>
/// <param name="RateSource">The line the rates are printed on, when not the line itself.</param>
/// <param name="General">Column 1 General.</param>
/// <param name="Special">Column 1 Special.</param>
/// <param name="Column2">Column 2.</param>
/// <param name="Footnotes">Footnotes of the line and its coded ancestors.</param>
/// <param name="Chapter99">The Chapter 99 headings the footnotes name.</param>
/// <param name="GovernsFrom">The first day of entry whose duties the revision's text governs (the legal timeline, as
/// <c>levy rate</c> reads it); null for a revision not on the timeline (editorial).</param>
/// <param name="GovernsUntil">The last such day.</param>
/// <param name="RevisionNote">When the revision was chosen for a date and is not the one published that day: why.</param>
public sealed record LookupReport(
    HtsCode Code,
    string Revision,
    string RevisionName,
    DateOnly InForceFrom,
    DateOnly InForceUntil,
    DateOnly? Date,
    IReadOnlyList<string> DescriptionPath,
    IReadOnlyList<string> Units,
    HtsCode? RateSource,
    RateCellView? General,
    RateCellView? Special,
    RateCellView? Column2,
    IReadOnlyList<FootnoteView> Footnotes,
    IReadOnlyList<HeadingView> Chapter99,
    DateOnly? GovernsFrom,
    DateOnly? GovernsUntil,
    string? RevisionNote) : DataAnswer
{
    /// <summary>The report of a product.</summary>
    /// <param name="catalogue">The revision catalogue (for the revision's dates).</param>
    /// <param name="timeline">The legal timeline (for the days the revision governs, and why it is not the one published on
    /// <paramref name="date"/>).</param>
    /// <param name="schedule">The revision the product was read from.</param>
    /// <param name="product">The product.</param>
    /// <param name="date">The date the revision was chosen for, or null.</param>
    /// <exception cref="KeyNotFoundException">The schedule's revision is not in the catalogue.</exception>
    public static LookupReport From(RevisionCatalogue catalogue, LegalTimeline timeline, TariffSchedule schedule, HtsProduct product, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(product);
        HtsRevision revision = catalogue.Get(schedule.Revision);
        (DateOnly From, DateOnly Until)? governs = timeline.GoverningPeriod(schedule.Revision);
        return new LookupReport(
            product.Code,
            schedule.Revision.ShortName,
            schedule.Revision.ToString(),
            revision.EffectiveDate,
            catalogue.EndOf(schedule.Revision).AddDays(-1),
            date,
            product.DescriptionPath,
            product.Units.Select(u => u.Symbol).ToList(),
            product.RateSource.IsEmpty ? null : product.RateSource,
            RateCellView.From(product.General),
            RateCellView.From(product.Special),
            RateCellView.From(product.Other),
            product.Footnotes.Select(f => new FootnoteView(f.Columns.ToString(), f.Text, f.References.Select(c => c.ToString()).ToList())).ToList(),
            product.Chapter99References.Select(c => HeadingView.From(schedule, c)).ToList(),
            governs?.From,
            governs?.Until,
            date is { } d ? timeline.WhyNotPublished(d, catalogue) : null);
    }
}
