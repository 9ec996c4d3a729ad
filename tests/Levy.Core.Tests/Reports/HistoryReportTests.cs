using System.Collections.Immutable;
using System.Globalization;
using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Reports;
using Levy.Core.Schedule;
using static Levy.Core.Tests.Calculation.TestQuotes;

namespace Levy.Core.Tests.Reports;

public class HistoryReportTests
{
    private static readonly CountryDirectory Countries = new([new Country(CountryCode.Parse("JP"), "5880", "Japan", [])],
        new Dictionary<string, ImmutableArray<CountryCode>>());

    private static DateOnly D(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static readonly RevisionCatalogue Catalogue = new(
        [
            new HtsRevision(HtsRevisionId.Parse("2025_rev_8"), D("2025-01-01"), null, null, "test"),
            new HtsRevision(HtsRevisionId.Parse("2025_rev_9"), D("2025-04-05"), null, "Reciprocal baseline", "test"),
            new HtsRevision(HtsRevisionId.Parse("2025_rev_10"), D("2025-10-01"), null, "Something else", "test"),
        ],
        D("2025-12-31"));

    private static readonly LegalTimeline Timeline = new(
        [(D("2025-01-01"), HtsRevisionId.Parse("2025_rev_8"), "t"), (D("2025-04-05"), HtsRevisionId.Parse("2025_rev_9"), "t"), (D("2025-10-01"), HtsRevisionId.Parse("2025_rev_10"), "t")],
        D("2025-01-01"), D("2025-12-31"));

    private static HistorySegment Segment(string from, string until, params QuoteComponent[] components) =>
        new(D(from), D(until), Quote("8703.23.01.90", "JP", from, components), null, from);

    [Fact]
    public void Create_AdjacentPeriodsThatReadAlike_AreOneRowWithTheirRevisionRange()
    {
        QuoteComponent mfn = Base(new AdValoremRate(2.5m));
        HistorySegment[] segments =
        [
            Segment("2025-01-01", "2025-04-03", mfn),
            Segment("2025-04-03", "2025-04-05", mfn, Additional(Authority.Section232, "9903.94.01", 25m)),
            Segment("2025-04-05", "2025-09-16", mfn, Additional(Authority.Section232, "9903.94.01", 25m)), // a new revision, the same answer
            Segment("2025-09-16", "2025-10-01", mfn, Additional(Authority.Section232, "9903.94.01", 25m), Exemption(Authority.IeepaReciprocal, "9903.01.33")),
            Segment("2025-10-01", "2026-01-01", mfn, Additional(Authority.Section232, "9903.94.01", 25m), Exemption(Authority.IeepaReciprocal, "9903.01.33")),
        ];
        var template = new QuoteRequest { Product = HtsCode.Parse("8703.23.01.90"), Origin = CountryCode.Parse("JP"), EntryDate = D("2025-01-01") };

        HistoryReport report = HistoryReport.Create(template, D("2025-01-01"), D("2025-12-31"), segments, Countries, Catalogue, Timeline);

        Assert.Equal(["2025-01-01", "2025-04-03", "2025-09-16"], report.Segments.Select(s => s.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        HistorySegmentView merged = report.Segments[1];
        Assert.Equal(D("2025-09-15"), merged.To);
        Assert.Equal("2025_rev_8 – 2025_rev_9", merged.Revisions); // the text of Rev. 9 governs from 04-05
        Assert.Equal("adds 9903.94.01", merged.Event);
        // The declared exemption makes the next period read differently; the one after it reads the same and merges,
        // keeping the event that starts it.
        HistorySegmentView last = report.Segments[2];
        Assert.Equal(["9903.01.33", "9903.94.01"], last.Chapter99.Order(StringComparer.Ordinal));
        Assert.Equal(D("2025-12-31"), last.To);
        Assert.Equal("2025_rev_9 – 2025_rev_10", last.Revisions);
        Assert.Equal("adds 9903.01.33", last.Event);
    }

    [Fact]
    public void FreshnessOn_IsAsOfTheLastDayAndTheRevisionGoverningIt()
    {
        QuoteComponent mfn = Base(new AdValoremRate(2.5m));
        var template = new QuoteRequest { Product = HtsCode.Parse("8703.23.01.90"), Origin = CountryCode.Parse("JP"), EntryDate = D("2025-01-01") };
        HistoryReport report = HistoryReport.Create(template, D("2025-01-01"), D("2025-12-31"), [Segment("2025-01-01", "2026-01-01", mfn)], Countries, Catalogue, Timeline);

        DataFreshness f = report.FreshnessOn(Catalogue, today: D("2026-01-10"));

        Assert.True(f.IsStale);
        Assert.Equal(D("2025-12-31"), f.Asked);
        Assert.Equal(HtsRevisionId.Parse("2025_rev_10"), f.Used);
    }
}
