using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Schedule;

namespace Levy.Core.Reports;

/// <summary>How the duty on a product from a country changed over a span of dates: the JSON shape of
/// <c>levy history --json</c> and <c>GET /api/v1/history</c>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Product">The HTS code, dotted.</param>
/// <param name="Origin">The ISO code of the country of origin.</param>
/// <param name="OriginName">The country's name.</param>
/// <param name="From">The first date of the series.</param>
/// <param name="To">The last date of the series.</param>
/// <param name="Segments">The periods over which the quote stays the same, in date order, covering the span.</param>
public sealed record HistoryReport(string Product, string Origin, string OriginName, DateOnly From, DateOnly To, IReadOnlyList<HistorySegmentView> Segments)
{
    /// <summary>The report of an engine's history.</summary>
    /// <param name="template">The request the history was computed for.</param>
    /// <param name="from">The first date of the series.</param>
    /// <param name="to">The last date of the series.</param>
    /// <param name="segments">The engine's segments.</param>
    /// <param name="countries">The countries, for the origin's name.</param>
    /// <param name="catalogue">The revisions, for the policy event that starts a segment.</param>
    public static HistoryReport Create(QuoteRequest template, DateOnly from, DateOnly to, IReadOnlyList<HistorySegment> segments,
        CountryDirectory countries, RevisionCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(catalogue);
        var events = new Dictionary<DateOnly, string>();
        foreach (HtsRevision r in catalogue.Revisions)
        {
            if (r.PolicyEvent is { } e)
            {
                events.TryAdd(r.PolicyEffectiveDate ?? r.EffectiveDate, e);
            }
        }

        var views = new List<HistorySegmentView>(segments.Count);
        IReadOnlyList<string> previous = [];
        foreach (HistorySegment s in segments)
        {
            RateQuote? q = s.Quote;
            IReadOnlyList<string> headings = q is null ? [] : q.Chapter99Headings.Select(h => h.ToString()).ToList();
            views.Add(new HistorySegmentView(
                s.From,
                (s.Until ?? to.AddDays(1)).AddDays(-1),
                QuoteView.Percent(q?.TotalAdValorem),
                q?.Revision.ShortName,
                q is null ? [] : q.Components.Skip(1).Where(c => c.Kind != ComponentKind.Exemption)
                    .Select(c => $"{c.Heading} {(QuoteView.Percent(c.AdValorem) is { } p ? $"{p}%" : "?")}").ToList(),
                headings,
                s.Problem,
                events.GetValueOrDefault(s.From) ?? (views.Count == 0 ? null : Changes(previous, headings))));
            previous = headings;
        }

        return new HistoryReport(template.Product.ToString(), template.Origin.Value,
            countries.FindByIso(template.Origin)?.Name ?? template.Origin.Value, from, to, views);
    }

    private static string? Changes(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        string[] added = [.. after.Except(before)], dropped = [.. before.Except(after)];
        var parts = new List<string>(2);
        if (added.Length > 0)
        {
            parts.Add("adds " + string.Join(", ", added));
        }

        if (dropped.Length > 0)
        {
            parts.Add("drops " + string.Join(", ", dropped));
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
