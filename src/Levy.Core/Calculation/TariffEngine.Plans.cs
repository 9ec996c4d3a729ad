using System.Collections.Concurrent;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Schedule;

namespace Levy.Core.Calculation;

public sealed partial class TariffEngine
{
    private const int PlanCacheLimit = 200_000;
    private readonly ConcurrentDictionary<(int Epoch, HtsCode Product), ProductPlan> _plans = new();

    // A measure without a product list covers every product the same way within an epoch: its candidate is built once per
    // epoch and shared by every plan. A listed measure's candidate depends on the product's list entry; its heading terms
    // (the costly part) depend only on the measure and the governing revision.
    private readonly ConcurrentDictionary<(int Measure, int Epoch), CandidatePlan> _unlisted = new();
    private readonly ConcurrentDictionary<(int Measure, HtsRevisionId Revision), CandidateTerms> _terms = new();
    private readonly ConcurrentDictionary<int, EpochPlan> _epochPlans = new();
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
        EpochPlan shared = EpochPlanOf(epoch);
        int line = shared.Schedule.IndexOf(product);
        if (line < 0)
        {
            throw new UnknownProductException(product, shared.Revision, shared.Schedule.Nearest(product));
        }

        HtsProduct printed = shared.Schedule.ProductAt(line);
        List<CandidatePlan>?[]? specific = null;
        foreach (int i in CandidatesFor(product, printed))
        {
            PolicyMeasure m = Rulebook.Measures[i];
            if (!IsProductSpecific(m))
            {
                continue; // already in the epoch's shared candidates
            }

            MeasurePeriod? period = m.PeriodOn(shared.Start);
            if (period is null)
            {
                continue;
            }

            ProductListEntry? entry = null;
            if (m.Products is { } products && !m.FootnoteLinked)
            {
                entry = products.Find(product, shared.Start, m.ProductListHeading);
                foreach (ProductSet also in m.AlsoProducts)
                {
                    entry ??= also.Find(product, shared.Start);
                }

                if (entry is null)
                {
                    continue;
                }
            }

            if (m.ExcludedProducts is { } excluded && excluded.Contains(product, shared.Start))
            {
                continue;
            }

            CandidatePlan candidate = entry is null
                ? _unlisted.GetOrAdd((i, epoch), key => NewCandidate(key.Measure, period, shared.Revision, null))
                : NewCandidate(i, period, shared.Revision, entry);
            specific ??= new List<CandidatePlan>?[Rulebook.Slots.Length];
            (specific[SlotIndex(m.Slot)] ??= []).Add(candidate);
        }

        CandidatePlan[][] ordered = shared.Slots;
        if (specific is not null)
        {
            ordered = (CandidatePlan[][])shared.Slots.Clone();
            for (int s = 0; s < specific.Length; s++)
            {
                if (specific[s] is { } own)
                {
                    ordered[s] = Merge(shared.Slots[s], own);
                }
            }
        }

        decimal? generalAve = RateAdValorem.Of(printed.General?.Rate ?? Rates.FreeRate.Instance, null, default);
        return new ProductPlan(epoch, shared.Start, shared.End, shared.Revision, printed, ordered, generalAve);
    }

    /// <summary>True when whether the measure covers a product depends on the product (a list, an exclusion, a footnote);
    /// the others cover every product and are shared by all plans of an epoch.</summary>
    private static bool IsProductSpecific(PolicyMeasure m) => m.Products is not null || m.FootnoteLinked || m.ExcludedProducts is not null;

    /// <summary>The candidates in evaluation order: highest priority first; among equals, rulebook order.</summary>
    private static int Compare(CandidatePlan a, CandidatePlan b)
    {
        int byPriority = b.Measure.Priority.CompareTo(a.Measure.Priority);
        return byPriority != 0 ? byPriority : a.Index.CompareTo(b.Index);
    }

    private static CandidatePlan[] Merge(CandidatePlan[] shared, List<CandidatePlan> own)
    {
        own.Sort(Compare);
        var merged = new CandidatePlan[shared.Length + own.Count];
        int i = 0, j = 0, k = 0;
        while (i < shared.Length && j < own.Count)
        {
            merged[k++] = Compare(shared[i], own[j]) <= 0 ? shared[i++] : own[j++];
        }

        while (i < shared.Length)
        {
            merged[k++] = shared[i++];
        }

        while (j < own.Count)
        {
            merged[k++] = own[j++];
        }

        return merged;
    }

    /// <summary>What every plan of an epoch shares: its dates, the governing revision, and per slot the candidates of the
    /// measures in force that cover every product, in evaluation order.</summary>
    private sealed record EpochPlan(DateOnly Start, DateOnly End, HtsRevisionId Revision, TariffSchedule Schedule, CandidatePlan[][] Slots);

    private EpochPlan EpochPlanOf(int epoch) => _epochPlans.GetOrAdd(epoch, e =>
    {
        IReadOnlyList<DateOnly> starts = EpochStarts;
        DateOnly start = starts[e];
        DateOnly end = e + 1 < starts.Count ? starts[e + 1] : Timeline.Horizon.AddDays(1);
        HtsRevisionId revision = Timeline.ForDate(start);
        var slots = new List<CandidatePlan>[Rulebook.Slots.Length];
        for (int s = 0; s < slots.Length; s++)
        {
            slots[s] = [];
        }

        for (int i = 0; i < Rulebook.Measures.Length; i++)
        {
            PolicyMeasure m = Rulebook.Measures[i];
            if (!IsProductSpecific(m) && m.PeriodOn(start) is { } period)
            {
                slots[SlotIndex(m.Slot)].Add(_unlisted.GetOrAdd((i, e), key => NewCandidate(key.Measure, period, revision, null)));
            }
        }

        CandidatePlan[][] ordered = slots.Select(l =>
        {
            l.Sort(Compare);
            return l.ToArray();
        }).ToArray();
        return new EpochPlan(start, end, revision, Schedule(revision), ordered);
    });

    private CandidatePlan NewCandidate(int index, MeasurePeriod period, HtsRevisionId revision, ProductListEntry? entry)
    {
        PolicyMeasure m = Rulebook.Measures[index];
        return new CandidatePlan(m, index, period, CountriesOf(m, index, revision), entry, TermsOf(index, revision));
    }

    /// <summary>What a measure's heading says under the text of a revision (cached).</summary>
    internal CandidateTerms TermsOf(int index, HtsRevisionId revision) => _terms.GetOrAdd((index, revision), key =>
    {
        PolicyMeasure m = Rulebook.Measures[key.Measure];
        HeadingText? text = m.Heading.IsEmpty ? null : FindHeading(m.Heading, key.Revision)
            ?? throw new InvalidOperationException($"Measure {m.Id}: heading {m.Heading} is not printed in {key.Revision} or any later revision.");
        return CandidateTerms.Read(m, text);
    });
}
