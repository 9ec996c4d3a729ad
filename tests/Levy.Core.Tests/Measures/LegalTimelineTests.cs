using System.Globalization;
using Levy.Core.Measures;
using Levy.Core.Schedule;

namespace Levy.Core.Tests.Measures;

public class LegalTimelineTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static HtsRevisionId R(string id) => HtsRevisionId.Parse(id);

    // Shaped like April 2025: Rev. 10 (published 04-09) governs from 04-15; Rev. 11 (04-11) and Rev. 12 (04-14) carry
    // changes that take legal effect 05-03 and 05-14; Rev. 13 is retroactive (published 05-20, in law from 05-16).
    private static readonly RevisionCatalogue Catalogue = new(
        [
            new HtsRevision(R("2025_rev_10"), D("2025-04-09"), D("2025-04-15"), "event", "test"),
            new HtsRevision(R("2025_rev_11"), D("2025-04-11"), D("2025-05-03"), "auto parts", "test"),
            new HtsRevision(R("2025_rev_12"), D("2025-04-14"), D("2025-05-14"), "Geneva", "test"),
            new HtsRevision(R("2025_rev_13"), D("2025-05-20"), D("2025-05-16"), null, "test"),
        ],
        D("2025-12-31"));

    private static readonly LegalTimeline Timeline = new(
        [(D("2025-04-15"), R("2025_rev_10"), "t"), (D("2025-05-03"), R("2025_rev_11"), "t"), (D("2025-05-14"), R("2025_rev_12"), "t"), (D("2025-05-16"), R("2025_rev_13"), "t")],
        D("2025-04-09"), D("2025-12-31"));

    [Fact]
    public void GoverningPeriod_IsFromTheLegalDateToTheDayBeforeTheNext()
    {
        Assert.Equal((D("2025-05-03"), D("2025-05-13")), Timeline.GoverningPeriod(R("2025_rev_11")));
        Assert.Equal((D("2025-05-16"), D("2025-12-31")), Timeline.GoverningPeriod(R("2025_rev_13")));
        Assert.Null(Timeline.GoverningPeriod(R("2026_rev_8")));
    }

    [Fact]
    public void WhyNotPublished_PublishedRevisionTakesEffectLater_NamesBothAndTheLegalDates()
    {
        string? why = Timeline.WhyNotPublished(D("2025-04-20"), Catalogue);

        Assert.Equal(
            "On 2025-04-20 the schedule in force by publication was 2025 Revision 12 (from 2025-04-14), but entries that day are "
            + "governed by 2025 Revision 10: the text of the revisions published since takes legal effect later (2025 Revision 11 "
            + "from 2025-05-03; 2025 Revision 12 from 2025-05-14), as the legal timeline of rulebook/revisions.yaml and "
            + "docs/rulebook.md say. `levy rate` reads the same revision.",
            why);
    }

    [Fact]
    public void WhyNotPublished_RetroactiveRevision_SaysItAppliesRetroactively()
    {
        string? why = Timeline.WhyNotPublished(D("2025-05-17"), Catalogue);

        Assert.Contains("governed by 2025 Revision 13: 2025 Revision 13, published 2025-05-20, applies retroactively from 2025-05-16", why, StringComparison.Ordinal);
    }

    [Fact]
    public void WhyNotPublished_SameRevision_IsNull() => Assert.Null(Timeline.WhyNotPublished(D("2025-06-01"), Catalogue));
}
