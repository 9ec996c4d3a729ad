using Levy.Core.Calculation;
using Levy.Data;
using Levy.Data.Rulebook;

namespace Levy.Web.Quotes;

/// <summary>The quote service backed by Levy's <see cref="TariffEngine"/>s over the host's data: the actual rulebook's
/// and one per scenario, each built on first use and then kept for the life of the process
/// (<see cref="LevyData.ScenarioEngine"/>).</summary>
/// <param name="data">The data the engines read.</param>
public sealed class EngineQuoteService(LevyData data) : IQuoteService
{
    /// <inheritdoc/>
    public RateQuote Quote(QuoteRequest request, string scenario) => EngineOf(scenario).Quote(request);

    /// <inheritdoc/>
    public IReadOnlyList<HistorySegment> History(QuoteRequest template, DateOnly from, DateOnly to, string scenario) =>
        EngineOf(scenario).History(template, from, to);

    /// <summary>The engine of a rulebook; the actual one without a lookup, since nearly every request asks for it.</summary>
    private TariffEngine EngineOf(string scenario) => scenario == PolicyRulebookReader.Actual ? data.Engine : data.ScenarioEngine(scenario).Engine;
}
