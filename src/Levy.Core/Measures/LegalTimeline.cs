using System.Collections.Immutable;
using Levy.Core.Schedule;

namespace Levy.Core.Measures;

/// <summary>Which revision's text governs each date of entry: the revisions ordered by the legal effective date of what they
/// carry (DOMAIN.md §2), which differs from the date they were published.</summary>
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
}
