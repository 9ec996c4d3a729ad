using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Schedule;

namespace Levy.Core.Calculation;

/// <summary>How the quote for a product and origin changed over a range of dates.</summary>
internal static class QuoteHistory
{
    /// <summary>How the quote for a product and origin changed over a range of dates: one segment per period in which the
    /// components stayed the same.</summary>
    /// <param name="engine">The engine that quotes.</param>
    /// <param name="template">The request (its entry date is ignored).</param>
    /// <param name="from">The first date (default: the first date of the data).</param>
    /// <param name="to">The last date (default: the horizon).</param>
    /// <returns>Segments in date order; a segment with a null quote is a period in which the code was not printed.</returns>
    /// <exception cref="DateOutsideDataException">A bound is outside the data.</exception>
    /// <exception cref="UnknownProductException">No revision of the range prints the code: there is no history to tell,
    /// only a code that does not exist (the first revision's exception, with its nearest code).</exception>
    internal static IReadOnlyList<HistorySegment> Of(TariffEngine engine, QuoteRequest template, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        DateOnly first = from ?? engine.Timeline.First, last = to ?? engine.Timeline.Horizon;
        engine.Timeline.ForDate(first);
        engine.Timeline.ForDate(last);
        var segments = new List<HistorySegment>();
        UnknownProductException? unknown = null;
        bool anyQuote = false;
        foreach (DateOnly date in engine.ChangeDates(first, last))
        {
            RateQuote? quote;
            string? problem = null;
            try
            {
                quote = engine.Quote(template with { EntryDate = date });
                anyQuote = true;
            }
            catch (UnknownProductException ex)
            {
                quote = null;
                problem = ex.Message;
                unknown ??= ex;
            }

            string signature = quote is null ? "absent" : Signature(quote);
            if (segments.Count > 0 && segments[^1].Signature == signature)
            {
                continue;
            }

            if (segments.Count > 0)
            {
                segments[^1] = segments[^1] with { Until = date };
            }

            segments.Add(new HistorySegment(date, null, quote, problem, signature));
        }

        if (!anyQuote && unknown is not null)
        {
            throw unknown;
        }

        if (segments.Count > 0)
        {
            segments[^1] = segments[^1] with { Until = last.AddDays(1) };
        }

        return segments;
    }

    private static string Signature(RateQuote q) =>
        string.Join("|", q.Components.Select(c => $"{c.Heading}:{c.Kind}:{c.AdValorem}:{c.PrintedRate}"));
}

/// <summary>A period during which the quote for a product and origin stayed the same.</summary>
/// <param name="From">The first date.</param>
/// <param name="Until">The first date of the next segment (or the day after the last date asked).</param>
/// <param name="Quote">The quote in force, or null when the code was not printed.</param>
/// <param name="Problem">Why there is no quote.</param>
/// <param name="Signature">What identifies the segment's components.</param>
public sealed record HistorySegment(DateOnly From, DateOnly? Until, RateQuote? Quote, string? Problem, string Signature);
