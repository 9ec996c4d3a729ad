using System.Collections.Immutable;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;
using Levy.Data;
using Levy.Web.Quotes;

namespace Levy.Web.Tests.Quotes;

/// <summary>Stands in for the rate engine until it lands: whatever the product and origin, it answers the story of a
/// Japanese car (DOMAIN.md §4.4) — MFN 2.5% alone until 2025-04-02, plus Section 232 autos (+25%, 9903.94.01) from
/// 2025-04-03, then the 15% Japan deal floor (9903.94.41) from 2025-09-16. The product is read from one revision (2025
/// Revision 12) whatever the date, so that a history does not load every revision. It is a test double for the host and
/// the page, not a statement of the law.</summary>
internal sealed class FakeQuoteService(LevyData data) : IQuoteService
{
    internal static readonly DateOnly AutosStart = new(2025, 4, 3), DealStart = new(2025, 9, 16);

    /// <summary>The requests received, for assertions on how the host read the query.</summary>
    internal List<QuoteRequest> Requests { get; } = [];

    /// <summary>Set to make every quote fail with this exception.</summary>
    internal Exception? Failure { get; set; }

    public RateQuote Quote(QuoteRequest request)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        lock (Requests)
        {
            Requests.Add(request);
        }

        HtsRevisionId revision = data.Catalogue.ForDate(request.EntryDate).Id;
        HtsProduct product = data.Archive.Get(HtsRevisionId.Parse("2025_rev_12")).GetProduct(request.Product);
        var mfn = new QuoteComponent(Authority.Mfn, "mfn", null, ComponentKind.Base, new AdValoremRate(2.5m), 0.025m, 1m, null, "mfn",
            "HTSUS 8703.23.01, column 1 General", "The ordinary duty of the line.");
        var reciprocal = new NotAppliedMeasure("ieepa-reciprocal", Authority.IeepaReciprocal, HtsCode.Parse("9903.01.25"),
            "product covered by Section 232 autos (9903.01.33)");
        ImmutableArray<QuoteComponent> components = request.EntryDate < AutosStart ? [mfn]
            : request.EntryDate < DealStart
                ? [mfn, new QuoteComponent(Authority.Section232, "autos", HtsCode.Parse("9903.94.01"), ComponentKind.Additional,
                    new ApplicableSubheadingRate(new AdValoremRate(25m), DutyBasis.FullValue, []), 0.25m, 1m, null, "s232-autos",
                    "Proclamation 10908 (2025-03-26); HTSUS 9903.94.01", "Passenger vehicles of heading 8703 pay 25% under Section 232.")]
                : [mfn with { AdValorem = 0m, Explanation = "Included in the 15% all-in rate." },
                    new QuoteComponent(Authority.Section232, "autos (Japan deal)", HtsCode.Parse("9903.94.41"), ComponentKind.Floor,
                    new AdValoremRate(15m), 0.15m, 1m, 0.15m, "s232-autos-japan", "EO 14345 (2025-09-04); HTSUS 9903.94.41",
                    "Japanese vehicles pay 15% all in.")];
        return new RateQuote(request, revision, product, components, [reciprocal],
            ["No preference program claimed."], ["fake engine: the Japanese car story"]);
    }

    public IReadOnlyList<QuotePeriod> History(QuoteRequest request, DateOnly from, DateOnly to) =>
        QuoteHistory.Sample(Quote, data.Catalogue, request, from, to, [AutosStart, DealStart]);
}
