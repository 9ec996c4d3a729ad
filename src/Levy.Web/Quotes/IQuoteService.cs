using Levy.Core.Calculation;

namespace Levy.Web.Quotes;

/// <summary>The rate engine as the web host uses it: one quote, or the quotes over a span of dates. The host registers
/// <see cref="EngineQuoteService"/>; tests register a stand-in.</summary>
/// <remarks>Implementations are singletons and must be thread-safe. They report bad requests with the engine's exceptions
/// (<see cref="UnknownProductException"/>, <see cref="InvalidQuoteRequestException"/>,
/// <see cref="Levy.Core.Schedule.DateOutsideDataException"/>), which the endpoints turn into problem documents.</remarks>
public interface IQuoteService
{
    /// <summary>Quotes the duties on one product from one country on one date.</summary>
    /// <param name="request">The question.</param>
    /// <returns>The quote with its components, the measures that did not apply and the assumptions made.</returns>
    RateQuote Quote(QuoteRequest request);

    /// <summary>The quote over time: consecutive segments from <paramref name="from"/> to <paramref name="to"/> over
    /// which the quote stays the same (a segment without a quote is a period in which the code is not printed).</summary>
    /// <param name="template">The question; its entry date is ignored.</param>
    /// <param name="from">The first date of the series.</param>
    /// <param name="to">The last date of the series.</param>
    IReadOnlyList<HistorySegment> History(QuoteRequest template, DateOnly from, DateOnly to);
}
