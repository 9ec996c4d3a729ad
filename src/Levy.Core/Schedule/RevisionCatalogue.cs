using System.Collections.Immutable;

namespace Levy.Core.Schedule;

/// <summary>Every HTS revision Levy knows, in force order, and the date range the data covers.</summary>
/// <remarks>
/// <para><see cref="ForDate"/> maps any date from the first revision's effective date to <see cref="Horizon"/> to the
/// revision in force that day. It never falls back silently: a date outside the data is an error that says which dates
/// are covered.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class RevisionCatalogue
{
    /// <summary>Builds a catalogue.</summary>
    /// <param name="revisions">The revisions, in any order.</param>
    /// <param name="horizon">The last date the data is taken to describe (the newest revision stays in force until then).</param>
    /// <exception cref="ArgumentException">The list is empty, a revision appears twice, two revisions take effect the
    /// same day, or the effective dates are not in publication order.</exception>
    public RevisionCatalogue(IEnumerable<HtsRevision> revisions, DateOnly horizon)
    {
        Revisions = revisions.OrderBy(r => r.Id).ToImmutableArray();
        if (Revisions.IsEmpty)
        {
            throw new ArgumentException("The revision catalogue is empty.", nameof(revisions));
        }

        for (int i = 1; i < Revisions.Length; i++)
        {
            HtsRevision previous = Revisions[i - 1], current = Revisions[i];
            if (previous.Id == current.Id)
            {
                throw new ArgumentException($"Revision {current.Id} appears twice in the catalogue.", nameof(revisions));
            }

            if (current.EffectiveDate <= previous.EffectiveDate)
            {
                throw new ArgumentException(
                    $"Revision {current.Id} takes effect {current.EffectiveDate:yyyy-MM-dd}, not after {previous.Id} ({previous.EffectiveDate:yyyy-MM-dd}).",
                    nameof(revisions));
            }
        }

        if (horizon < Revisions[^1].EffectiveDate)
        {
            throw new ArgumentException($"The horizon {horizon:yyyy-MM-dd} is before the newest revision takes effect.", nameof(horizon));
        }

        Horizon = horizon;
    }

    /// <summary>The newest revision whose Chapter 99 measures the rulebook models, or null when it does not say. Revisions
    /// after it (published since, and fetched by <c>levy data sync</c>) give their ordinary rates, but what they add to
    /// Chapter 99 is not modelled yet.</summary>
    public HtsRevisionId? ModelledThrough { get; init; }

    /// <summary>The revisions in force order.</summary>
    public ImmutableArray<HtsRevision> Revisions { get; }

    /// <summary>The first date covered.</summary>
    public DateOnly FirstDate => Revisions[0].EffectiveDate;

    /// <summary>The last date covered.</summary>
    public DateOnly Horizon { get; }

    /// <summary>The newest revision: the data is as of its publication (<see cref="HtsRevision.EffectiveDate"/>).</summary>
    public HtsRevision Newest => Revisions[^1];

    /// <summary>How current the data is for an answer about <paramref name="asked"/>, given today's date.</summary>
    /// <param name="asked">The latest date the answer is about.</param>
    /// <param name="today">Today, from the host's clock (Core never reads it).</param>
    /// <param name="used">The revision whose text answered, when the answer names one.</param>
    public DataFreshness Freshness(DateOnly asked, DateOnly today, HtsRevisionId? used = null) =>
        new(Newest.Id, Newest.EffectiveDate, today, asked, used);

    /// <summary>The revision in force on <paramref name="date"/>.</summary>
    /// <exception cref="DateOutsideDataException">The date is before the first revision or after the horizon.</exception>
    public HtsRevision ForDate(DateOnly date)
    {
        if (date < FirstDate || date > Horizon)
        {
            throw new DateOutsideDataException(date, FirstDate, Horizon);
        }

        int lo = 0, hi = Revisions.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (Revisions[mid].EffectiveDate <= date)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return Revisions[lo];
    }

    /// <summary>The first day the revision after <paramref name="revision"/> takes effect, or the day after the horizon.</summary>
    public DateOnly EndOf(HtsRevisionId revision)
    {
        int i = IndexOf(revision);
        return i + 1 < Revisions.Length ? Revisions[i + 1].EffectiveDate : Horizon.AddDays(1);
    }

    /// <summary>The catalogue entry for <paramref name="revision"/>.</summary>
    /// <exception cref="KeyNotFoundException">The revision is not in the catalogue; the message lists the nearest ones.</exception>
    public HtsRevision Get(HtsRevisionId revision) => Revisions[IndexOf(revision)];

    /// <summary>The entry for <paramref name="revision"/>, or null.</summary>
    public HtsRevision? Find(HtsRevisionId revision)
    {
        foreach (HtsRevision r in Revisions)
        {
            if (r.Id == revision)
            {
                return r;
            }
        }

        return null;
    }

    private int IndexOf(HtsRevisionId revision)
    {
        for (int i = 0; i < Revisions.Length; i++)
        {
            if (Revisions[i].Id == revision)
            {
                return i;
            }
        }

        IEnumerable<string> sameYear = Revisions.Where(r => r.Id.Year == revision.Year).Select(r => r.Id.ShortName);
        throw new KeyNotFoundException(
            $"Unknown HTS revision {revision.ShortName}; known for {revision.Year}: {string.Join(", ", sameYear.DefaultIfEmpty("none"))}.");
    }
}
