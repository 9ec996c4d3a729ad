using Levy.Core.Calculation.Planning;
using Levy.Core.Calculation.Stacking;
using Levy.Core.Calculation.Validation;
using Levy.Core.Calculation.Writing;
using Levy.Core.Countries;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Schedule;

namespace Levy.Core.Calculation;

/// <summary>Computes what the United States charges on a product from a country on a date: the ordinary duty and every
/// Chapter 99 measure of the rulebook, combined by the stacking rules, with the reasons.</summary>
/// <remarks>
/// <para>A façade over one pipeline (docs/architecture.md): the request is validated (<c>Validation/</c>), the product
/// planned for the epoch of its date (<c>Planning/</c>), the plan evaluated for the origin and declarations
/// (<c>Stacking/</c>) and the result written as a quote (<c>Writing/</c>).</para>
/// <para>The engine is a pure function of (rulebook, HTS revisions, request). The revision whose text is read for a date
/// comes from the <see cref="LegalTimeline"/>; a measure in force before the revision that prints its heading (a
/// retroactive change) reads the heading from the first later revision that prints it.</para>
/// <para>Everything that does not depend on the request (which measures may cover a product, the countries a heading
/// names, the heading texts, the plans) is computed once and cached, unless the engine is built with
/// <c>cachePlans: false</c>. Thread-safe.</para>
/// </remarks>
public sealed class TariffEngine
{
    private readonly ProductPlanner _planner;
    private readonly EngineContext _roles;
    private readonly QuoteValidator _validator;

    /// <summary>Creates an engine.</summary>
    /// <param name="rulebook">The measures and stacking choices.</param>
    /// <param name="timeline">Which revision governs each date.</param>
    /// <param name="schedules">Loads a revision (called once per revision; the caller caches).</param>
    /// <param name="countries">Resolves country names in headings and groups.</param>
    /// <param name="metal">Default metal content shares.</param>
    /// <param name="defaults">Other defaults.</param>
    /// <param name="cachePlans">False to plan every quote afresh (tests of the planner); the answers are the same.</param>
    /// <exception cref="ArgumentException">The rulebook declares more slots than the stacking rules can hold.</exception>
    public TariffEngine(Rulebook rulebook, LegalTimeline timeline, Func<HtsRevisionId, TariffSchedule> schedules, CountryDirectory countries,
        MetalShares metal, QuoteDefaults defaults, bool cachePlans = true)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        if (rulebook.Slots.Length > StackingContext.MaxSlots)
        {
            throw new ArgumentException(
                $"The rulebook declares {rulebook.Slots.Length} slots ({string.Join(", ", rulebook.Slots.Select(s => s.Name))}); the engine evaluates at most "
                + $"{StackingContext.MaxSlots} (StackingContext.MaxSlots).", nameof(rulebook));
        }

        Rulebook = rulebook;
        Timeline = timeline;
        Countries = countries;
        Metal = metal;
        Defaults = defaults;
        _planner = cachePlans ? new CachingProductPlanner(rulebook, timeline, schedules, countries) : new ProductPlanner(rulebook, timeline, schedules, countries);
        _roles = new EngineContext(rulebook, countries, metal, defaults);
        _validator = new QuoteValidator(_roles, countries);
        _epochs = new Lazy<EpochCalendar>(() => new EpochCalendar(rulebook, timeline));
    }

    private readonly Lazy<EpochCalendar> _epochs;

    /// <summary>The rulebook.</summary>
    public Rulebook Rulebook { get; }

    /// <summary>The legal timeline.</summary>
    public LegalTimeline Timeline { get; }

    /// <summary>Countries and groups.</summary>
    public CountryDirectory Countries { get; }

    /// <summary>Default metal shares.</summary>
    public MetalShares Metal { get; }

    /// <summary>Other defaults.</summary>
    public QuoteDefaults Defaults { get; }

    /// <summary>The epochs of the data: the spans of dates in which no measure period, dated list entry or governing
    /// revision changes.</summary>
    public EpochCalendar Epochs => _epochs.Value;

    internal ProductPlanner Planner => _planner;

    internal EngineContext Roles => _roles;

    /// <summary>The schedule of a revision.</summary>
    public TariffSchedule Schedule(HtsRevisionId revision) => _planner.Schedule(revision);

    /// <summary>The heading as printed in the revision governing a date (or, for a retroactive measure, the first later
    /// revision that prints it); null when no revision prints it.</summary>
    public HeadingText? FindHeading(HtsCode heading, HtsRevisionId governing) => _planner.FindHeading(heading, governing);

    /// <summary>The epoch containing <paramref name="date"/>.</summary>
    /// <exception cref="DateOutsideDataException">The date is outside the data.</exception>
    public Epoch EpochOf(DateOnly date) => Epochs.Of(date);

    /// <summary>The dates on which anything in the rulebook or the legal timeline can change a quote.</summary>
    public IReadOnlyList<DateOnly> ChangeDates(DateOnly from, DateOnly to) => EpochCalendar.ChangeDates(Rulebook, Timeline, from, to);

    /// <summary>The plan of a product in the epoch containing <paramref name="date"/> (cached).</summary>
    /// <exception cref="UnknownProductException">The code is not printed in the revision governing the epoch.</exception>
    public ProductPlan PlanFor(HtsCode product, DateOnly date) => _planner.PlanFor(product, EpochOf(date));

    /// <summary>The plan of a product in an epoch (cached; the cache is bounded).</summary>
    /// <exception cref="UnknownProductException">The code is not printed in the revision governing the epoch.</exception>
    public ProductPlan PlanFor(HtsCode product, Epoch epoch) => _planner.PlanFor(product, epoch);

    /// <summary>Builds a plan without caching it (panels iterate every product once per epoch).</summary>
    /// <exception cref="UnknownProductException">The code is not printed in the revision governing the epoch.</exception>
    public ProductPlan BuildPlan(HtsCode product, Epoch epoch) => _planner.Build(product, epoch);

    /// <summary>What is wrong with a request before it is planned, as a value; null when nothing is.</summary>
    public QuoteRequestError? Check(QuoteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _validator.Check(request);
    }

    /// <summary>Quotes the duty on a product from a country on a date, with every reason.</summary>
    /// <param name="request">The question.</param>
    /// <returns>The components, the total, what did not apply and why, and the defaults assumed.</returns>
    /// <exception cref="DateOutsideDataException">The entry date is outside the data.</exception>
    /// <exception cref="UnknownProductException">The code is not printed in the revision governing the date.</exception>
    /// <exception cref="UnknownCountryException">The origin is not a known country.</exception>
    /// <exception cref="InvalidQuoteRequestException">The request contradicts itself or the schedule (e.g. a program the line
    /// does not grant).</exception>
    public RateQuote Quote(QuoteRequest request)
    {
        if (Check(request) is { } invalid)
        {
            _validator.Throw(invalid);
        }

        ProductPlan plan = PlanFor(request.Product, request.EntryDate);
        Explanation? reasons = request.Explain ? new Explanation(request.Trace) : null;
        Explanation explain = reasons ?? Explanation.Discard;
        if (explain.TraceEnabled)
        {
            explain.Trace($"Entry date {request.EntryDate:yyyy-MM-dd}: the text of HTS {plan.Revision} governs (legal timeline); epoch {plan.Start:yyyy-MM-dd} to {plan.End.AddDays(-1):yyyy-MM-dd}.");
        }

        if (_validator.CheckProgram(request, plan, explain) is { } wrongProgram)
        {
            _validator.Throw(wrongProgram);
        }

        QuoteInputs inputs = QuoteInputs.Of(request);
        Components buffer = default;
        var x = new StackingContext(_roles, plan, in inputs, ref buffer, reasons);
        StackingRules.Evaluate(ref x);
        if (explain.TraceEnabled)
        {
            explain.Trace($"Base: {x.Base.ColumnName} rate of {plan.Product.RateSource}: {x.Base.Rate}.");
        }

        var parts = QuoteWriter.Components(Rulebook, request, plan, ref x, out Evaluated[] ordered);
        if (reasons is null)
        {
            return new RateQuote(request, plan.Revision, plan.Product, parts, [], [], []);
        }

        return new RateQuote(request, plan.Revision, plan.Product, parts, [.. reasons.NotAppliedMeasures], [.. reasons.Assumptions.Distinct()], [.. reasons.Rules])
        {
            Choices = QuoteChoices.Of(this, plan, in inputs, ordered, reasons, RateQuote.TotalOf(parts)),
        };
    }

    /// <summary>Evaluates a plan for one origin and set of declarations without explanations and without allocating:
    /// the unit of work of panels and batches.</summary>
    /// <param name="plan">The product in an epoch (<see cref="PlanFor(HtsCode, Epoch)"/>).</param>
    /// <param name="inputs">Origin and declarations (a claimed program must be valid; <see cref="Quote"/> checks it).</param>
    /// <returns>The duties by authority.</returns>
    public QuoteTotals Evaluate(ProductPlan plan, in QuoteInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Components buffer = default;
        var x = new StackingContext(_roles, plan, in inputs, ref buffer, null);
        StackingRules.Evaluate(ref x);
        return QuoteWriter.Totals(ref x);
    }

    /// <summary>How the quote for a product and origin changed over a range of dates: one segment per period in which the
    /// components stayed the same (<see cref="QuoteHistory"/>).</summary>
    /// <exception cref="DateOutsideDataException">A bound is outside the data.</exception>
    /// <exception cref="UnknownProductException">No revision of the range prints the code.</exception>
    public IReadOnlyList<HistorySegment> History(QuoteRequest template, DateOnly? from = null, DateOnly? to = null) => QuoteHistory.Of(this, template, from, to);
}
