using Levy.Core.Calculation;

namespace Levy.Web.Quotes;

/// <summary>The rate engine as the web host uses it: one quote, or the quotes over a span of dates.</summary>
/// <remarks>
/// <para>The host validates every input before calling (the code is printed in the revision in force, the country is
/// known, the dates are covered by the data), so an implementation may treat a bad request as a bug of the caller.</para>
/// <para>Implementations are singletons and must be thread-safe. When none is registered, the quote and history
/// endpoints answer 501 with a problem document.</para>
/// </remarks>
public interface IQuoteService
{
    /// <summary>Quotes the duties on one product from one country on one date.</summary>
    /// <param name="request">The question.</param>
    /// <returns>The quote with its components, the measures that did not apply and the assumptions made.</returns>
    RateQuote Quote(QuoteRequest request);

    /// <summary>The quote over time: consecutive periods from <paramref name="from"/> to <paramref name="to"/> over
    /// which the quote stays the same. Dates on which the product's code is not printed belong to no period.</summary>
    /// <param name="request">The question; its <see cref="QuoteRequest.EntryDate"/> is ignored.</param>
    /// <param name="from">The first date of the series.</param>
    /// <param name="to">The last date of the series.</param>
    IReadOnlyList<QuotePeriod> History(QuoteRequest request, DateOnly from, DateOnly to);
}
