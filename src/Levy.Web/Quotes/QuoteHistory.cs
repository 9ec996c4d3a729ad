using Levy.Core.Calculation;
using Levy.Core.Schedule;

namespace Levy.Web.Quotes;

/// <summary>Builds a quote history from single quotes, for engines that do not compute one themselves.</summary>
public static class QuoteHistory
{
    /// <summary>Quotes on every day the law or the schedule may change (each revision's effective date and the legal
    /// date of its main action, plus <paramref name="moreDates"/>) and merges consecutive days whose quotes have the same
    /// total and the same Chapter 99 headings into one period.</summary>
    /// <param name="quote">The engine's single quote.</param>
    /// <param name="catalogue">The revisions and their dates.</param>
    /// <param name="request">The question; its entry date is replaced by each sampled day.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="moreDates">Other days on which a measure starts or ends (the engine's own measure dates).</param>
    /// <returns>The periods in date order. A day on which the code is not printed (the engine throws
    /// <see cref="UnknownHtsCodeException"/>) starts a gap that belongs to no period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static IReadOnlyList<QuotePeriod> Sample(
        Func<QuoteRequest, RateQuote> quote, RevisionCatalogue catalogue, QuoteRequest request, DateOnly from, DateOnly to,
        IEnumerable<DateOnly>? moreDates = null)
    {
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);

        var days = new SortedSet<DateOnly> { from };
        foreach (HtsRevision r in catalogue.Revisions)
        {
            days.Add(r.EffectiveDate);
            if (r.PolicyEffectiveDate is { } legal)
            {
                days.Add(legal);
            }
        }

        foreach (DateOnly d in moreDates ?? [])
        {
            days.Add(d);
        }

        DateOnly[] starts = days.Where(d => d >= from && d <= to).ToArray();
        var periods = new List<QuotePeriod>();
        for (int i = 0; i < starts.Length; i++)
        {
            DateOnly last = i + 1 < starts.Length ? starts[i + 1].AddDays(-1) : to;
            RateQuote q;
            try
            {
                q = quote(request with { EntryDate = starts[i] });
            }
            catch (UnknownHtsCodeException)
            {
                continue;
            }

            if (periods.Count > 0 && periods[^1].To == starts[i].AddDays(-1) && SameRate(periods[^1].Quote, q))
            {
                periods[^1] = periods[^1] with { To = last };
            }
            else
            {
                periods.Add(new QuotePeriod(starts[i], last, q));
            }
        }

        return periods;
    }

    private static bool SameRate(RateQuote a, RateQuote b) =>
        a.TotalAdValorem == b.TotalAdValorem && a.Chapter99Headings.SequenceEqual(b.Chapter99Headings);
}
