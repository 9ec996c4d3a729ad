using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;
using Levy.Data;
using Levy.Web.Quotes;

namespace Levy.Web.Tests.Quotes;

/// <summary>Stands in for the rate engine where a test needs to see what the host asked, or needs the engine to fail:
/// it records each request and answers the ordinary 2.5% duty alone (or throws <see cref="Failure"/>).</summary>
internal sealed class FakeQuoteService(LevyData data) : IQuoteService
{
    /// <summary>The requests received.</summary>
    internal List<QuoteRequest> Requests { get; } = [];

    /// <summary>The rulebook of each request received.</summary>
    internal List<string> Scenarios { get; } = [];

    /// <summary>Set to make every call fail with this exception.</summary>
    internal Exception? Failure { get; set; }

    public RateQuote Quote(QuoteRequest request, string scenario)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        lock (Requests)
        {
            Requests.Add(request);
            Scenarios.Add(scenario);
        }

        HtsRevisionId revision = data.Catalogue.ForDate(request.EntryDate).Id;
        HtsProduct product = data.Archive.Get(revision).FindProduct(request.Product)!;
        var mfn = new QuoteComponent(Authority.Mfn, "General", null, ComponentKind.Base, new AdValoremRate(2.5m), 0.025m, 1m, null, "mfn",
            "HTSUS, column 1 General", "The ordinary duty of the line.");
        return new RateQuote(request, revision, product, [mfn], [], [], ["fake engine"]);
    }

    public IReadOnlyList<HistorySegment> History(QuoteRequest template, DateOnly from, DateOnly to, string scenario)
    {
        RateQuote q = Quote(template with { EntryDate = from }, scenario);
        return [new HistorySegment(from, to.AddDays(1), q, null, "fake")];
    }
}
