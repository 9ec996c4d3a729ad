using Levy.Core.Measures;
using Levy.Core.Schedule;

namespace Levy.Core.Calculation.Planning;

/// <summary>A span of dates in which no measure period, dated list entry or governing revision changes: quotes within one
/// epoch differ only by product, country and declarations.</summary>
/// <param name="Index">The epoch's position in its <see cref="EpochCalendar"/>, from 0.</param>
/// <param name="Start">The first date of the epoch.</param>
/// <param name="End">The first date after the epoch (half-open).</param>
/// <param name="Revision">The revision whose text governs the epoch.</param>
public readonly record struct Epoch(int Index, DateOnly Start, DateOnly End, HtsRevisionId Revision)
{
    /// <summary>The last date of the epoch.</summary>
    public DateOnly Last => End.AddDays(-1);
}

/// <summary>The epochs of an engine's data, in date order, from the first date of the legal timeline to its horizon.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class EpochCalendar
{
    private readonly DateOnly[] _starts;
    private readonly Epoch[] _epochs;
    private readonly DateOnly _first, _horizon;

    /// <summary>Builds the calendar of a rulebook and legal timeline: an epoch starts at every change date.</summary>
    public EpochCalendar(Rulebook rulebook, LegalTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        ArgumentNullException.ThrowIfNull(timeline);
        (_first, _horizon) = (timeline.First, timeline.Horizon);
        _starts = [.. ChangeDates(rulebook, timeline, _first, _horizon)];
        _epochs = new Epoch[_starts.Length];
        for (int e = 0; e < _starts.Length; e++)
        {
            DateOnly end = e + 1 < _starts.Length ? _starts[e + 1] : _horizon.AddDays(1);
            _epochs[e] = new Epoch(e, _starts[e], end, timeline.ForDate(_starts[e]));
        }
    }

    /// <summary>The number of epochs.</summary>
    public int Count => _epochs.Length;

    /// <summary>The first date of every epoch.</summary>
    public IReadOnlyList<DateOnly> Starts => _starts;

    /// <summary>The epoch at an index.</summary>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is not between 0 and <see cref="Count"/> − 1.</exception>
    public Epoch this[int index] => _epochs[index];

    /// <summary>The epoch containing <paramref name="date"/>.</summary>
    /// <exception cref="DateOutsideDataException">The date is outside the data.</exception>
    public Epoch Of(DateOnly date)
    {
        if (date < _first || date > _horizon)
        {
            throw new DateOutsideDataException(date, _first, _horizon);
        }

        int i = Array.BinarySearch(_starts, date);
        return _epochs[i >= 0 ? i : ~i - 1];
    }

    /// <summary>The dates on which anything in the rulebook or the legal timeline can change a quote: revision legal dates,
    /// the start and end of every measure period, and the dates of dated product-list entries.</summary>
    public static IReadOnlyList<DateOnly> ChangeDates(Rulebook rulebook, LegalTimeline timeline, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        ArgumentNullException.ThrowIfNull(timeline);
        var dates = new SortedSet<DateOnly> { from };
        foreach (var e in timeline.Entries)
        {
            dates.Add(e.Date);
        }

        foreach (PolicyMeasure m in rulebook.Measures)
        {
            foreach (MeasurePeriod p in m.Periods)
            {
                dates.Add(p.Period.Start);
                if (p.Period.End is { } end)
                {
                    dates.Add(end);
                }
            }

            foreach (ProductSet set in new[] { m.Products, m.ExcludedProducts }.OfType<ProductSet>().Concat(m.AlsoProducts))
            {
                foreach (ProductListEntry entry in set.Entries)
                {
                    if (entry.From is { } f)
                    {
                        dates.Add(f);
                    }

                    if (entry.Until is { } u)
                    {
                        dates.Add(u);
                    }
                }
            }
        }

        return dates.Where(d => d >= from && d <= to).ToList();
    }
}
