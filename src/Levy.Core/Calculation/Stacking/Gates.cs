using Levy.Core.Calculation.Planning;
using Levy.Core.Measures;

namespace Levy.Core.Calculation.Stacking;

/// <summary>Whether a measure that covers a product, date and country also meets its other conditions: the gates the
/// stacking rules check before a measure may win its slot.</summary>
internal static class Gates
{
    /// <summary>The conditions a covering measure needs beyond product, date and country: a claimed program, a certified
    /// condition, goods not in transit, and — rule <see cref="FollowsAnotherSlot"/> — an earlier slot's duty.</summary>
    internal static Gate Check(ref StackingContext x, CandidatePlan c)
    {
        PolicyMeasure m = c.Measure;
        ref readonly QuoteInputs inputs = ref x.Inputs;
        if (m.RequiresProgram is { } needed && !x.Roles.ProgramMatches(needed, inputs.Program))
        {
            return Gate.Program;
        }

        if (m.UnlessProgram is { } unless && x.Roles.ProgramMatches(unless, inputs.Program))
        {
            return Gate.UnlessProgram;
        }

        if (m.RequiresCondition is { } condition && (inputs.Conditions.IsDefault || !inputs.Conditions.Contains(condition, StringComparer.OrdinalIgnoreCase)))
        {
            return Gate.Condition;
        }

        if (m.UnlessCondition is { } unlessCondition && !inputs.Conditions.IsDefault && inputs.Conditions.Contains(unlessCondition, StringComparer.OrdinalIgnoreCase))
        {
            return Gate.UnlessCondition;
        }

        if (m.InTransit is { } transit && inputs.LoadingDate is { } loaded && loaded < transit.LoadedBefore
            && (transit.EnteredBefore is not { } by || inputs.EntryDate < by))
        {
            return Gate.InTransit;
        }

        return m.WhenSlotApplies is { } when && !FollowsAnotherSlot(ref x, when) ? Gate.OtherSlot : Gate.Open;
    }

    /// <summary>Rule "follows another slot": an exemption for goods subject to another authority (9903.01.33, the
    /// reciprocal exemption of Section 232 goods; 9903.03.06 for Section 122; the Canada/Mexico exemption of 232 vehicles
    /// of EO 14289) counts only when that authority charged a duty on the line. Off in additive mode.</summary>
    /// <remarks>Sources: EO 14257 sec. 3(b); EO 14289 sec. 2; U.S. notes 2(v)(vi)-(xvi), 2(aa)(v), 33(a).</remarks>
    internal static bool FollowsAnotherSlot(ref StackingContext x, SlotCondition when)
    {
        if (x.Inputs.Stacking == StackingMode.Additive)
        {
            return false;
        }

        Outcome o = x.Outcomes[x.Roles.Rulebook.SlotIndex(when.Slot)];
        return o.Charged && (when.Programs.IsDefaultOrEmpty || when.Programs.Contains(o.Winner!.Measure.Program));
    }
}
