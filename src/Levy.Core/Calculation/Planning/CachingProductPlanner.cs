using System.Collections.Concurrent;
using Levy.Core.Countries;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Schedule;

namespace Levy.Core.Calculation.Planning;

/// <summary>A <see cref="ProductPlanner"/> that remembers what it computed: the plans (bounded), the parts of plans every
/// product of an epoch shares, the candidate measures of each product, the heading texts, their countries and terms.</summary>
/// <remarks>Everything remembered depends only on the rulebook, the timeline and the schedules, never on a request: the
/// answers are those of the pure planner. Thread-safe.</remarks>
internal sealed class CachingProductPlanner : ProductPlanner
{
    private const int PlanCacheLimit = 200_000;
    // Keyed by the epoch's index, not the Epoch value: every epoch comes from the one calendar, and an int hashes faster
    // than four fields on the path of every quote.
    private readonly ConcurrentDictionary<(int Epoch, HtsCode Product), ProductPlan> _plans = new();
    private readonly ConcurrentDictionary<int, EpochPlan> _epochPlans = new();

    // A measure without a product list covers every product the same way within an epoch: its candidate is built once per
    // epoch and shared by every plan. A listed measure's candidate depends on the product's list entry; its heading terms
    // (the costly part) depend only on the measure and the governing revision.
    private readonly ConcurrentDictionary<(int Measure, int Epoch), CandidatePlan> _unlisted = new();
    private readonly ConcurrentDictionary<(int Measure, HtsRevisionId Revision), CandidateTerms> _terms = new();
    private readonly ConcurrentDictionary<HtsCode, int[]> _candidates = new();
    private readonly ConcurrentDictionary<(HtsCode Heading, HtsRevisionId Revision), HeadingText?> _headings = new();
    private readonly ConcurrentDictionary<(int Measure, HtsRevisionId Revision), CountrySet> _countries = new();

    internal CachingProductPlanner(Rulebook rulebook, LegalTimeline timeline, Func<HtsRevisionId, TariffSchedule> schedules, CountryDirectory countries)
        : base(rulebook, timeline, schedules, countries)
    {
    }

    internal override ProductPlan PlanFor(HtsCode product, Epoch epoch)
    {
        if (_plans.TryGetValue((epoch.Index, product), out ProductPlan? plan))
        {
            return plan;
        }

        plan = Build(product, epoch);
        if (_plans.Count >= PlanCacheLimit)
        {
            _plans.Clear();
        }

        return _plans.GetOrAdd((epoch.Index, product), plan);
    }

    internal override EpochPlan EpochPlanOf(Epoch epoch) => _epochPlans.TryGetValue(epoch.Index, out EpochPlan? shared) ? shared : _epochPlans.GetOrAdd(epoch.Index, base.EpochPlanOf(epoch));

    internal override CandidatePlan UnlistedCandidate(int index, MeasurePeriod period, Epoch epoch) =>
        _unlisted.GetOrAdd((index, epoch.Index), _ => base.UnlistedCandidate(index, period, epoch));

    internal override int[] CandidatesFor(HtsCode product, HtsProduct printed) =>
        _candidates.GetOrAdd(product, p => base.CandidatesFor(p, printed));

    internal override HeadingText? FindHeading(HtsCode heading, HtsRevisionId governing) =>
        _headings.GetOrAdd((heading, governing), key => base.FindHeading(key.Heading, key.Revision));

    internal override CountrySet CountriesOf(int index, HtsRevisionId revision) =>
        _countries.GetOrAdd((index, revision), key => base.CountriesOf(key.Measure, key.Revision));

    internal override CandidateTerms TermsOf(int index, HtsRevisionId revision) =>
        _terms.GetOrAdd((index, revision), key => base.TermsOf(key.Measure, key.Revision));
}
