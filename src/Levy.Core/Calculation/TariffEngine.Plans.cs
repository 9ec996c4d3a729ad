using System.Collections.Concurrent;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Schedule;

namespace Levy.Core.Calculation;

public sealed partial class TariffEngine
{
    private const int PlanCacheLimit = 200_000;
    private readonly ConcurrentDictionary<(int Epoch, HtsCode Product), ProductPlan> _plans = new();
    private DateOnly[]? _epochStarts;

    /// <summary>The first date of every epoch: the spans of dates in which no measure period, dated list entry or governing
    /// revision changes. Quotes within one epoch differ only by country and declarations.</summary>
    public IReadOnlyList<DateOnly> EpochStarts => _epochStarts ??= [.. ChangeDates(Timeline.First, Timeline.Horizon)];

    /// <summary>The epoch containing <paramref name="date"/>.</summary>
    /// <exception cref="DateOutsideDataException">The date is outside the data.</exception>
    public int EpochOf(DateOnly date)
    {
        if (date < Timeline.First || date > Timeline.Horizon)
        {
            throw new DateOutsideDataException(date, Timeline.First, Timeline.Horizon);
        }

        DateOnly[] starts = (DateOnly[])EpochStarts;
        int i = Array.BinarySearch(starts, date);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>The plan of a product in the epoch containing <paramref name="date"/> (cached).</summary>
    /// <exception cref="UnknownProductException">The code is not printed in the revision governing the epoch.</exception>
    public ProductPlan PlanFor(HtsCode product, DateOnly date) => PlanFor(product, EpochOf(date));

    /// <summary>The plan of a product in an epoch (cached; the cache is bounded).</summary>
    /// <exception cref="UnknownProductException">The code is not printed in the revision governing the epoch.</exception>
    public ProductPlan PlanFor(HtsCode product, int epoch)
    {
        if (_plans.TryGetValue((epoch, product), out ProductPlan? plan))
        {
            return plan;
        }

        plan = BuildPlan(product, epoch);
        if (_plans.Count >= PlanCacheLimit)
        {
            _plans.Clear();
        }

        return _plans.GetOrAdd((epoch, product), plan);
    }

    /// <summary>Builds a plan without caching it (panels iterate every product once per epoch).</summary>
    /// <exception cref="UnknownProductException">The code is not printed in the revision governing the epoch.</exception>
    public ProductPlan BuildPlan(HtsCode product, int epoch)
    {
        IReadOnlyList<DateOnly> starts = EpochStarts;
        DateOnly start = starts[epoch];
        DateOnly end = epoch + 1 < starts.Count ? starts[epoch + 1] : Timeline.Horizon.AddDays(1);
        HtsRevisionId revision = Timeline.ForDate(start);
        TariffSchedule schedule = Schedule(revision);
        int line = schedule.IndexOf(product);
        if (line < 0)
        {
            throw new UnknownProductException(product, revision, schedule.Nearest(product));
        }

        HtsProduct printed = schedule.ProductAt(line);
        var slots = new List<CandidatePlan>[Rulebook.Slots.Length];
        for (int s = 0; s < slots.Length; s++)
        {
            slots[s] = [];
        }

        foreach (int i in CandidatesFor(product, printed))
        {
            PolicyMeasure m = Rulebook.Measures[i];
            MeasurePeriod? period = m.PeriodOn(start);
            if (period is null)
            {
                continue;
            }

            ProductListEntry? entry = null;
            if (m.Products is { } products && !m.FootnoteLinked)
            {
                entry = products.Find(product, start, m.ProductListHeading);
                foreach (ProductSet also in m.AlsoProducts)
                {
                    entry ??= also.Find(product, start);
                }

                if (entry is null)
                {
                    continue;
                }
            }

            if (m.ExcludedProducts is { } excluded && excluded.Contains(product, start))
            {
                continue;
            }

            HeadingText? text = m.Heading.IsEmpty ? null : FindHeading(m.Heading, revision)
                ?? throw new InvalidOperationException($"Measure {m.Id}: heading {m.Heading} is not printed in {revision} or any later revision.");
            slots[SlotIndex(m.Slot)].Add(CandidatePlan.Create(m, i, period, CountriesOf(m, i, revision), entry, text));
        }

        // Highest priority first; among equals, rulebook order.
        CandidatePlan[][] ordered = slots.Select(l => l.OrderByDescending(c => c.Measure.Priority).ThenBy(c => c.Index).ToArray()).ToArray();
        decimal? generalAve = RateAdValorem.Of(printed.General?.Rate ?? Rates.FreeRate.Instance, null, default);
        return new ProductPlan(epoch, start, end, revision, printed, ordered, generalAve);
    }
}
