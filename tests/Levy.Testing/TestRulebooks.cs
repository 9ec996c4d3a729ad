using Levy.Core.Calculation;
using Levy.Core.Measures;
using Levy.Core.Primitives;

namespace Levy.Testing;

/// <summary>Hand-built rulebooks: measures and slots written in a line each, with the engine roles of the real rulebook
/// (<c>rulebook/measures.yaml</c>, <c>engine:</c>).</summary>
public static class TestRulebooks
{
    /// <summary>The first date the hand-built measures are in force.</summary>
    public static readonly DateOnly Start = new(2025, 1, 1);

    /// <summary>The roles the real rulebook declares: metal slot <c>s232</c>, U.S. content on <c>reciprocal</c> with 9903.01.34
    /// at 20%, groups <c>COLUMN2</c> and <c>EU</c>.</summary>
    public static readonly EngineRoles Roles =
        new("s232", new UsContentRole("reciprocal", HtsCode.Parse("9903.01.34"), 0.20m, "EO 14257 sec. 3(d)"), "COLUMN2", "EU");

    /// <summary>A product list of prefixes.</summary>
    public static ProductSet List(string name, params string[] codes) => new(name, "test", codes.Select(c => new ProductListEntry(HtsCode.Parse(c))));

    /// <summary>A measure in force from <see cref="Start"/>, whose program and citation are its id.</summary>
    public static PolicyMeasure Measure(string id, string slot, int priority, string heading, Authority authority, ProductSet? products = null,
        string[]? countries = null, MeasureKind? kind = null, string? twin = null, SlotCondition? when = null, bool partial = false,
        InTransitException? transit = null) => new()
    {
        Id = id,
        Authority = authority,
        Program = id,
        Slot = slot,
        Priority = priority,
        Heading = HtsCode.Parse(heading),
        TwinHeading = twin is null ? null : HtsCode.Parse(twin),
        Kind = kind,
        Periods = [new MeasurePeriod(new EffectivePeriod(Start, null), "test source")],
        Countries = countries is null ? CountrySet.All : CountrySet.Create(string.Join(",", countries), countries.Select(CountryCode.Parse)),
        Products = products,
        WhenSlotApplies = when,
        PartialByContent = partial,
        InTransit = transit,
        Citation = id,
    };

    /// <summary>A rulebook of these measures over slots declared in evaluation order (each by priority, unless listed in
    /// <paramref name="highestRate"/>), declared on an entry in <paramref name="declarationOrder"/>.</summary>
    public static Rulebook Of(IEnumerable<PolicyMeasure> measures, string[] slots, string[] declarationOrder, params string[] highestRate) =>
        new(measures, slots.Select(s => new SlotRule(s, highestRate.Contains(s) ? SlotChoice.HighestRate : SlotChoice.Priority, null)),
            [], [], declarationOrder, "test", Roles);
}
