using System.Collections.Immutable;
using Levy.Core.Countries;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;

namespace Levy.Core.Calculation.Planning;

/// <summary>Plans products: for a product in an epoch, which measures may apply, slot by slot, in evaluation order, with
/// their rates read from the heading texts. A pure function of the rulebook, the timeline and the schedules.</summary>
/// <remarks>This planner computes every answer afresh; <see cref="CachingProductPlanner"/> remembers them (as NodaTime's
/// <c>CachingZoneIntervalMap</c> wraps a zone). Each step is a virtual method so that the caching planner can remember it
/// and the rest of the planning is shared. Thread-safe.</remarks>
internal class ProductPlanner
{
    private readonly Func<HtsRevisionId, TariffSchedule> _schedules;

    internal ProductPlanner(Rulebook rulebook, LegalTimeline timeline, Func<HtsRevisionId, TariffSchedule> schedules, CountryDirectory countries)
    {
        Rulebook = rulebook;
        Timeline = timeline;
        _schedules = schedules;
        Countries = countries;
    }

    internal Rulebook Rulebook { get; }

    internal LegalTimeline Timeline { get; }

    internal CountryDirectory Countries { get; }

    internal TariffSchedule Schedule(HtsRevisionId revision) => _schedules(revision);

    /// <summary>The plan of a product in an epoch.</summary>
    /// <exception cref="UnknownProductException">The code is not printed in the revision governing the epoch.</exception>
    internal virtual ProductPlan PlanFor(HtsCode product, Epoch epoch) => Build(product, epoch);

    /// <summary>Builds a plan (never remembered: panels iterate every product once per epoch).</summary>
    /// <exception cref="UnknownProductException">The code is not printed in the revision governing the epoch.</exception>
    internal ProductPlan Build(HtsCode product, Epoch epoch)
    {
        EpochPlan shared = EpochPlanOf(epoch);
        int line = shared.Schedule.IndexOf(product);
        if (line < 0)
        {
            throw new UnknownProductException(product, epoch.Revision, shared.Schedule.Nearest(product));
        }

        HtsProduct printed = shared.Schedule.ProductAt(line);
        List<CandidatePlan>?[]? specific = null;
        foreach (int i in CandidatesFor(product, printed))
        {
            PolicyMeasure m = Rulebook.Measures[i];
            if (!IsProductSpecific(m) || m.PeriodOn(epoch.Start) is not { } period)
            {
                continue; // shared by the epoch, or not in force
            }

            ProductListEntry? entry = null;
            if (m.Products is { } products && !m.FootnoteLinked)
            {
                entry = products.Find(product, epoch.Start, m.ProductListHeading);
                foreach (ProductSet also in m.AlsoProducts)
                {
                    entry ??= also.Find(product, epoch.Start);
                }

                if (entry is null)
                {
                    continue;
                }
            }

            if (m.ExcludedProducts is { } excluded && excluded.Contains(product, epoch.Start))
            {
                continue;
            }

            CandidatePlan candidate = entry is null ? UnlistedCandidate(i, period, epoch) : NewCandidate(i, period, epoch.Revision, entry);
            specific ??= new List<CandidatePlan>?[Rulebook.Slots.Length];
            (specific[Rulebook.SlotIndex(m.Slot)] ??= []).Add(candidate);
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
        return new ProductPlan(epoch, printed, ordered, generalAve);
    }

    /// <summary>What every plan of an epoch shares: the governing schedule, and per slot the candidates of the measures in
    /// force that cover every product, in evaluation order.</summary>
    internal sealed record EpochPlan(TariffSchedule Schedule, CandidatePlan[][] Slots);

    /// <summary>The part of an epoch's plans that every product shares.</summary>
    internal virtual EpochPlan EpochPlanOf(Epoch epoch)
    {
        var slots = new List<CandidatePlan>[Rulebook.Slots.Length];
        for (int s = 0; s < slots.Length; s++)
        {
            slots[s] = [];
        }

        for (int i = 0; i < Rulebook.Measures.Length; i++)
        {
            PolicyMeasure m = Rulebook.Measures[i];
            if (!IsProductSpecific(m) && m.PeriodOn(epoch.Start) is { } period)
            {
                slots[Rulebook.SlotIndex(m.Slot)].Add(UnlistedCandidate(i, period, epoch));
            }
        }

        CandidatePlan[][] ordered = slots.Select(l =>
        {
            l.Sort(Compare);
            return l.ToArray();
        }).ToArray();
        return new EpochPlan(Schedule(epoch.Revision), ordered);
    }

    /// <summary>The candidate of a measure without a list entry in an epoch: the same for every product it covers.</summary>
    internal virtual CandidatePlan UnlistedCandidate(int index, MeasurePeriod period, Epoch epoch) => NewCandidate(index, period, epoch.Revision, null);

    /// <summary>The indexes of the measures whose product scope may cover <paramref name="product"/> (any date).</summary>
    internal virtual int[] CandidatesFor(HtsCode product, HtsProduct printed)
    {
        var list = new List<int>();
        for (int i = 0; i < Rulebook.Measures.Length; i++)
        {
            PolicyMeasure m = Rulebook.Measures[i];
            if (m.FootnoteLinked)
            {
                if (printed.Footnotes.Any(f => f.References.Contains(m.Heading)))
                {
                    list.Add(i);
                }
            }
            else if (m.Products is null || m.Products.MayContain(product) || m.AlsoProducts.Any(a => a.MayContain(product)))
            {
                list.Add(i);
            }
        }

        return [.. list];
    }

    /// <summary>The heading as printed in the revision governing a date (or, for a retroactive measure, the first later
    /// revision that prints it); null when no revision prints it.</summary>
    internal virtual HeadingText? FindHeading(HtsCode heading, HtsRevisionId governing)
    {
        HtsLine? line = Schedule(governing).FindLine(heading);
        if (line is not null)
        {
            return new HeadingText(line, governing, false);
        }

        foreach (HtsRevisionId later in Timeline.After(governing))
        {
            line = Schedule(later).FindLine(heading);
            if (line is not null)
            {
                return new HeadingText(line, later, true);
            }
        }

        return null;
    }

    /// <summary>The countries a measure covers under the text of <paramref name="revision"/>.</summary>
    /// <exception cref="InvalidOperationException">The rulebook says to read the countries from the heading and the heading
    /// names none that Levy can resolve.</exception>
    internal virtual CountrySet CountriesOf(int index, HtsRevisionId revision)
    {
        PolicyMeasure measure = Rulebook.Measures[index];
        CountrySet set;
        if (measure.Countries is { } fixedSet)
        {
            set = fixedSet;
        }
        else
        {
            HeadingText? text = FindHeading(measure.Heading, revision);
            if (text is null)
            {
                return CountrySet.Create($"none ({measure.Heading} is not printed)", []);
            }

            ImmutableArray<CountryCode>? codes = HeadingCountries.Parse(text.Line.Description, Countries, Rulebook.Roles.EuropeanUnionGroup, out string? error);
            set = codes is { } c
                ? CountrySet.Create(string.Join(", ", c), c)
                : throw new InvalidOperationException($"Measure {measure.Id}: cannot read the countries of {measure.Heading} in {text.Revision}: {error}.");
        }

        return measure.ExcludedCountries is { } excluded ? set.Except(excluded, $"{set} except {excluded}") : set;
    }

    /// <summary>What a measure's heading says under the text of a revision.</summary>
    internal virtual CandidateTerms TermsOf(int index, HtsRevisionId revision)
    {
        PolicyMeasure m = Rulebook.Measures[index];
        HeadingText? text = m.Heading.IsEmpty ? null : FindHeading(m.Heading, revision)
            ?? throw new InvalidOperationException($"Measure {m.Id}: heading {m.Heading} is not printed in {revision} or any later revision.");
        return CandidateTerms.Read(m, text);
    }


    private CandidatePlan NewCandidate(int index, MeasurePeriod period, HtsRevisionId revision, ProductListEntry? entry) =>
        new(Rulebook.Measures[index], index, period, CountriesOf(index, revision), entry, TermsOf(index, revision));

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
}
