using Levy.Core.Calculation;
using Levy.Data;

namespace Levy.Web.Quotes;

/// <summary>The quote service backed by Levy's <see cref="TariffEngine"/> over the host's data (built on first use).</summary>
/// <param name="data">The data the engine reads.</param>
public sealed class EngineQuoteService(LevyData data) : IQuoteService
{
    /// <inheritdoc/>
    public RateQuote Quote(QuoteRequest request) => data.Engine.Quote(request);

    /// <inheritdoc/>
    public IReadOnlyList<HistorySegment> History(QuoteRequest template, DateOnly from, DateOnly to) => data.Engine.History(template, from, to);
}
