using System.Runtime.CompilerServices;
using Levy.Core.Calculation.Planning;
using Levy.Core.Primitives;
using Levy.Core.Rates;

namespace Levy.Core.Calculation.Stacking;

/// <summary>The state of one evaluation, passed by reference from rule to rule: what is evaluated (the plan, the request's
/// inputs), what the slots did so far, and the components written. Lives on the stack: an evaluation allocates nothing.</summary>
internal ref struct StackingContext
{
    /// <summary>The most components one evaluation can write.</summary>
    internal const int MaxComponents = 24;

    /// <summary>The most slots a rulebook can declare (<see cref="Outcomes"/>); checked when the engine is built.</summary>
    internal const int MaxSlots = Measures.Rulebook.SlotCapacity;

    private readonly ref Components _components;

    internal StackingContext(EngineContext roles, ProductPlan plan, ref readonly QuoteInputs inputs, ref Components components, Explanation? explain)
    {
        Roles = roles;
        Plan = plan;
        Inputs = ref inputs;
        _components = ref components;
        Explain = explain;
    }

    internal readonly EngineContext Roles;

    internal readonly ProductPlan Plan;

    internal readonly ref readonly QuoteInputs Inputs;

    internal readonly Explanation? Explain;

    /// <summary>The ordinary duty chosen (rule "base").</summary>
    internal BaseDuty Base;

    /// <summary>What each slot did, by slot index.</summary>
    internal Outcomes Outcomes;

    /// <summary>The number of components written.</summary>
    internal int Count;

    internal readonly ref Evaluated this[int index] => ref _components[index];

    /// <summary>Writes a component.</summary>
    /// <exception cref="InvalidOperationException">The evaluation already holds <see cref="MaxComponents"/> components.</exception>
    internal void Add(in Evaluated c)
    {
        if (Count >= MaxComponents)
        {
            ThrowFull(Plan);
        }

        _components[Count++] = c;
    }

    private static void ThrowFull(ProductPlan plan) => throw new InvalidOperationException(
        $"{plan.Product.Code} in HTS {plan.Revision}: the measures that apply give more than {MaxComponents} components, the most one quote holds "
        + $"(StackingContext.MaxComponents); raise it rather than drop a duty.");
}

/// <summary>The ordinary duty chosen for a quote.</summary>
internal readonly record struct BaseDuty(Rate Rate, string ColumnName, RateColumn Column, decimal? AdValorem);

/// <summary>What a slot did.</summary>
internal readonly record struct Outcome(CandidatePlan? Winner, bool Charged, decimal Share);

/// <summary>One component as evaluated.</summary>
internal readonly record struct Evaluated(CandidatePlan? Candidate, ComponentKind Kind, HtsCode Heading, decimal? AdValorem, decimal Share, decimal? FloorRate, byte Note)
{
    internal const byte ExemptNote = 1, PartialNote = 2, FloorMetNote = 3, InTransitNote = 4, UsContentNote = 5, UsContentExemptNote = 6;
}

/// <summary>The outcome of each slot, by slot index.</summary>
[InlineArray(StackingContext.MaxSlots)]
internal struct Outcomes
{
    private Outcome _first;
}

/// <summary>The components of one evaluation.</summary>
[InlineArray(StackingContext.MaxComponents)]
internal struct Components
{
    private Evaluated _first;
}

/// <summary>Why a covering measure did not apply before its slot was resolved.</summary>
internal enum Gate
{
    Open,
    Program,
    UnlessProgram,
    Condition,
    UnlessCondition,
    InTransit,
    OtherSlot,
}
