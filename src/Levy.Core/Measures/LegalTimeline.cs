using System.Collections.Immutable;
using Levy.Core.Schedule;

namespace Levy.Core.Measures;

/// <summary>Which revision's text governs each date of entry: the revisions ordered by the legal effective date of what they
/// carry (docs/domain.md, "Which text governs a date"), which differs from the date they were published.</summary>
/// <remarks>
/// A revision whose legal date is the same as a later revision's is superseded by it; editorial-only revisions are left
/// out. Immutable and thread-safe.
/// </remarks>
public sealed class LegalTimeline
{
    private readonly ImmutableArray<(DateOnly Date, HtsRevisionId Revision, string Source)> _entries;

    /// <summary>Creates a timeline.</summary>
    /// <param name="entries">Each revision with its legal date and the reason for it.</param>
    /// <param name="first">The first date covered.</param>
    /// <param name="horizon">The last date covered.</param>
    /// <exception cref="ArgumentException">Legal dates go backwards in publication order.</exception>
    public LegalTimeline(IEnumerable<(DateOnly Date, HtsRevisionId Revision, string Source)> entries, DateOnly first, DateOnly horizon)
    {
        var ordered = entries.OrderBy(e => e.Revision).ToList();
        for (int i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Date < ordered[i - 1].Date)
            {
                throw new ArgumentException(
                    $"The legal date of {ordered[i].Revision} ({ordered[i].Date:yyyy-MM-dd}) is before that of {ordered[i - 1].Revision} ({ordered[i - 1].Date:yyyy-MM-dd}).",
                    nameof(entries));
            }
        }

        _entries = [.. ordered];
        First = first;
        Horizon = horizon;
    }

    /// <summary>The first date covered.</summary>
    public DateOnly First { get; }

    /// <summary>The last date covered.</summary>
    public DateOnly Horizon { get; }

    /// <summary>The revisions in legal order with their dates.</summary>
    public ImmutableArray<(DateOnly Date, HtsRevisionId Revision, string Source)> Entries => _entries;

    /// <summary>The revision whose text governs <paramref name="date"/>.</summary>
    /// <exception cref="DateOutsideDataException">The date is outside the data.</exception>
    public HtsRevisionId ForDate(DateOnly date)
    {
        if (date < First || date > Horizon)
        {
            throw new DateOutsideDataException(date, First, Horizon);
        }

        HtsRevisionId found = _entries[0].Revision;
        foreach (var e in _entries)
        {
            if (e.Date > date)
            {
                break;
            }

            found = e.Revision;
        }

        return found;
    }

    /// <summary>The revisions after <paramref name="revision"/> in legal order.</summary>
    public IEnumerable<HtsRevisionId> After(HtsRevisionId revision) =>
        _entries.SkipWhile(e => e.Revision != revision).Skip(1).Select(e => e.Revision);

    /// <summary>The legal date of a revision on the timeline, or null.</summary>
    public DateOnly? DateOf(HtsRevisionId revision)
    {
        foreach (var e in _entries)
        {
            if (e.Revision == revision)
            {
                return e.Date;
            }
        }

        return null;
    }

    /// <summary>The days whose entries the text of <paramref name="revision"/> governs, or null when it is not on the
    /// timeline (an editorial revision, or one superseded on its legal date).</summary>
    /// <param name="revision">The revision.</param>
    /// <returns>The first and the last day (inclusive).</returns>
    public (DateOnly From, DateOnly Until)? GoverningPeriod(HtsRevisionId revision)
    {
        for (int i = 0; i < _entries.Length; i++)
        {
            if (_entries[i].Revision != revision)
            {
                continue;
            }

            DateOnly start = i == 0 ? First : _entries[i].Date;
            DateOnly next = Horizon.AddDays(1);
            for (int j = i + 1; j < _entries.Length; j++)
            {
                if (_entries[j].Date > _entries[i].Date)
                {
                    next = _entries[j].Date;
                    break;
                }
            }

            return next <= start ? null : (start, next.AddDays(-1));
        }

        return null;
    }

    /// <summary>Why the text governing entries on <paramref name="date"/> is not the revision published (in force) that day,
    /// or null when they are the same: the published revisions in between take legal effect later.</summary>
    /// <param name="date">The date of entry.</param>
    /// <param name="catalogue">The revisions by publication.</param>
    /// <exception cref="DateOutsideDataException">The date is outside the data.</exception>
    public string? WhyNotPublished(DateOnly date, RevisionCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        HtsRevisionId governing = ForDate(date);
        HtsRevision published = catalogue.ForDate(date);
        if (published.Id == governing)
        {
            return null;
        }

        var later = new List<string>();
        foreach (HtsRevision r in catalogue.Revisions)
        {
            if (r.Id.CompareTo(governing) > 0 && r.Id.CompareTo(published.Id) <= 0)
            {
                later.Add(DateOf(r.Id) is { } legal ? $"{r.Id} from {legal:yyyy-MM-dd}" : $"{r.Id} never (editorial only)");
            }
        }

        string direction = published.Id.CompareTo(governing) > 0
            ? $"the text of the revisions published since takes legal effect later ({string.Join("; ", later)})"
            : $"{governing}, published {catalogue.Get(governing).EffectiveDate:yyyy-MM-dd}, applies retroactively from {DateOf(governing):yyyy-MM-dd}";
        return $"On {date:yyyy-MM-dd} the schedule in force by publication was {published.Id} (from {published.EffectiveDate:yyyy-MM-dd}), "
            + $"but entries that day are governed by {governing}: {direction}, as the legal timeline of rulebook/revisions.yaml and "
            + "docs/rulebook.md say. `levy rate` reads the same revision.";
    }
}
