using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Measures;
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
public sealed record HistoryReport(string Product, string Origin, string OriginName, DateOnly From, DateOnly To, IReadOnlyList<HistorySegmentView> Segments) : DataAnswer
{
    /// <summary>The rulebook that answered: <c>actual</c> or a scenario's name (docs/scenarios.md); null (left out of the
    /// JSON) when the host does not say.</summary>
    public string? Scenario { get; init; }

    /// <summary>The report of an engine's history: one period per run of days over which the answer reads alike (the
    /// same total, duties, declared headings and problem), with the revisions whose text governs its first and last day.</summary>
    /// <remarks>The engine splits a history wherever anything in the quote changes, including the revision it reads; periods
    /// that read the same are merged here, so that a new revision that changes nothing for this product does not start a
    /// new row. A merged period keeps the event that starts it.</remarks>
    /// <param name="template">The request the history was computed for.</param>
    /// <param name="from">The first date of the series.</param>
    /// <param name="to">The last date of the series.</param>
    /// <param name="segments">The engine's segments.</param>
    /// <param name="countries">The countries, for the origin's name.</param>
    /// <param name="catalogue">The revisions, for the policy event that starts a segment.</param>
    /// <param name="timeline">The legal timeline, for the revision that governs the last day of a period.</param>
    public static HistoryReport Create(QuoteRequest template, DateOnly from, DateOnly to, IReadOnlyList<HistorySegment> segments,
        CountryDirectory countries, RevisionCatalogue catalogue, LegalTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(timeline);
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
            DateOnly last = (s.Until ?? to.AddDays(1)).AddDays(-1);
            IReadOnlyList<string> headings = q is null ? [] : q.Chapter99Headings.Select(h => h.ToString()).ToList();
            var view = new HistorySegmentView(
                s.From,
                last,
                QuoteView.Percent(q?.TotalAdValorem),
                q is null ? null : timeline.ForDate(s.From).ShortName,
                q is null ? null : timeline.ForDate(last).ShortName,
                q is null ? [] : q.Components.Skip(1).Where(c => c.Kind != ComponentKind.Exemption)
                    .Select(c => $"{c.Heading} {(QuoteView.Percent(c.AdValorem) is { } p ? $"{p}%" : "?")}").ToList(),
                headings,
                s.Problem,
                events.GetValueOrDefault(s.From) ?? (views.Count == 0 ? null : Changes(previous, headings)));
            if (views.Count > 0 && views[^1].ReadsLike(view))
            {
                views[^1] = views[^1] with { To = view.To, LastRevision = view.LastRevision };
                continue;
            }

            views.Add(view);
            previous = headings;
        }

        return new HistoryReport(template.Product.ToString(), template.Origin.Value,
            countries.FindByIso(template.Origin)?.Name ?? template.Origin.Value, from, to, views);
    }

    /// <summary>How current the data is for this history: as of its last day, read from the revision governing it.</summary>
    /// <param name="catalogue">The revision catalogue.</param>
    /// <param name="today">Today, from the host's clock.</param>
    public DataFreshness FreshnessOn(RevisionCatalogue catalogue, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        string? last = Segments.Count > 0 ? Segments[^1].LastRevision : null;
        return catalogue.Freshness(To, today, last is null ? null : HtsRevisionId.Parse(last));
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
