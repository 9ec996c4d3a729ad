using System.Runtime.CompilerServices;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Text;

namespace Levy.Core.Measures;

/// <summary>How the measures that cover a line combine into duties: one named rule per step, each with its legal source.</summary>
/// <remarks>
/// <para>The slots are evaluated in the rulebook's order (Section 232 first, because other authorities ask whether a 232
/// duty applied). Within a slot exactly one measure applies; the rules below decide which, and on what share of value.</para>
/// <para>In <see cref="StackingMode.Additive"/> mode (for comparison only) the rules that exclude one authority because
/// another applied (<see cref="FollowsAnotherSlot"/>, <see cref="PartialExemptionByMetalContent"/>, <see cref="UsContent"/>)
/// are switched off, and every duty is charged on the full value.</para>
/// <para>The same code serves the explained quote (with an <see cref="Explanation"/>) and the allocation-free evaluation
/// of panels (without one).</para>
/// </remarks>
internal static class StackingRules
{
    internal const int MaxComponents = 24;

    /// <summary>Evaluates a plan for one origin and set of declarations.</summary>
    internal static int Evaluate(TariffEngine engine, ProductPlan plan, in QuoteInputs inputs, ref Components components, out BaseDuty baseDuty, Explanation? explain)
    {
        int count = 0;
        baseDuty = SelectBase(engine, plan, inputs);
        Outcomes outcomes = default;
        int slots = plan.Slots.Length;
        int s232 = engine.SlotIndex(engine.Rulebook.Roles.MetalSlot);
        for (int slot = 0; slot < slots; slot++)
        {
            ResolveSlot(engine, plan, slot, s232, in inputs, in baseDuty, ref outcomes, ref components, ref count, explain);
        }

        UsContent(engine, in inputs, ref components, count, ref count, explain);
        return count;
    }

    /// <summary>Rule "base": the column 2 rate for column-2 countries (General Note 3(b)); the Special rate of a claimed program
    /// (validated by the quote); otherwise column 1 General.</summary>
    private static BaseDuty SelectBase(TariffEngine engine, ProductPlan plan, in QuoteInputs inputs)
    {
        var product = plan.Product;
        if (engine.Column2.Contains(inputs.Origin) && product.Other is { } other)
        {
            return new BaseDuty(other.Rate, "Column 2", RateColumn.Other, Ave(other.Rate, plan, inputs, false));
        }

        if (inputs.Program is { } program)
        {
            Rate granted = (product.Special?.Rate as PreferentialRates)?.ForProgram(program) ?? FreeRate.Instance;
            return new BaseDuty(granted, $"Special ({program})", RateColumn.Special, Ave(granted, plan, inputs, false));
        }

        Rate general = product.General?.Rate ?? FreeRate.Instance;
        return new BaseDuty(general, "General", RateColumn.General, Ave(general, plan, inputs, true));

        static decimal? Ave(Rate rate, ProductPlan plan, in QuoteInputs inputs, bool isGeneral) =>
            isGeneral && inputs.CustomsValue is null ? plan.GeneralAdValorem : RateAdValorem.Of(rate, inputs.CustomsValue, inputs.Quantities);
    }

    private static void ResolveSlot(TariffEngine engine, ProductPlan plan, int slot, int s232, in QuoteInputs inputs, in BaseDuty baseDuty,
        ref Outcomes outcomes, ref Components components, ref int count, Explanation? explain)
    {
        CandidatePlan[] candidates = plan.Slots[slot];
        if (candidates.Length == 0)
        {
            return;
        }

        SlotRule rule = engine.Rulebook.Slots[slot];
        CandidatePlan? winner = null, remainder = null;
        HeadingTermsOfColumn winnerTerms = default, remainderTerms = default;
        foreach (CandidatePlan c in candidates)
        {
            if (!c.Countries.Contains(inputs.Origin))
            {
                continue;
            }

            Gate gate = CheckGates(engine, c, in inputs, ref outcomes);
            if (gate != Gate.Open)
            {
                explain?.Gated(c, gate, in inputs, engine.Rulebook);
                if (gate == Gate.InTransit && c.Measure.InTransit?.Heading is { } transitHeading)
                {
                    Add(ref components, ref count, new Evaluated(c, ComponentKind.Exemption, transitHeading, 0m, 0m, null, Evaluated.InTransitNote));
                }

                continue;
            }

            HeadingTermsOfColumn terms = c.For(ColumnFor(c.Measure, in baseDuty));
            if (winner is null)
            {
                (winner, winnerTerms) = (c, terms);
            }
            else if (rule.Choice == SlotChoice.HighestRate && terms.Kind != MeasureKind.Exemption && winnerTerms.Kind != MeasureKind.Exemption && terms.Rate > winnerTerms.Rate)
            {
                (winner, winnerTerms) = (c, terms);
            }
            else if (remainder is null && terms.Kind != MeasureKind.Exemption && winnerTerms.Kind == MeasureKind.Exemption && winner.Measure.PartialByContent)
            {
                (remainder, remainderTerms) = (c, terms);
            }
        }

        if (winner is null)
        {
            return;
        }

        explain?.Slot(rule, candidates, winner, in inputs);
        switch (winnerTerms.Kind)
        {
            case MeasureKind.Exemption:
                if (!PartialExemptionByMetalContent(winner, winnerTerms, remainder, remainderTerms, slot, s232, in inputs, in baseDuty, engine, plan, ref outcomes, ref components, ref count, explain))
                {
                    remainder = null;
                }

                break;
            case MeasureKind.Floor:
                Floor(winner, winnerTerms, 1m, slot, in baseDuty, ref outcomes, ref components, ref count, explain);
                break;
            default:
                Charge(winner, winnerTerms, ShareCharged(engine, plan, winnerTerms, in inputs, explain), slot, ref outcomes, ref components, ref count, explain);
                if (IsContentBasis(winnerTerms.Basis) && inputs.Stacking == StackingMode.Legal)
                {
                    EachMetalOnItsOwnContent(engine, plan, candidates, winner, winnerTerms.Basis, slot, in inputs, in baseDuty, ref outcomes, ref components, ref count, explain);
                }

                break;
        }

        explain?.Superseded(rule, candidates, winner, remainder, in inputs, engine);
    }

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

    /// <summary>The conditions a covering measure needs beyond product, date and country: a claimed program, a certified
    /// condition, goods not in transit, and — rule <see cref="FollowsAnotherSlot"/> — an earlier slot's duty.</summary>
    private static Gate CheckGates(TariffEngine engine, CandidatePlan c, in QuoteInputs inputs, ref Outcomes outcomes)
    {
        PolicyMeasure m = c.Measure;
        if (m.RequiresProgram is { } needed && !engine.ProgramMatches(needed, inputs.Program))
        {
            return Gate.Program;
        }

        if (m.UnlessProgram is { } unless && engine.ProgramMatches(unless, inputs.Program))
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

        return m.WhenSlotApplies is { } when && !FollowsAnotherSlot(engine, when, in inputs, ref outcomes) ? Gate.OtherSlot : Gate.Open;
    }

    /// <summary>Rule "follows another slot": an exemption for goods subject to another authority (9903.01.33, the
    /// reciprocal exemption of Section 232 goods; 9903.03.06 for Section 122; the Canada/Mexico exemption of 232 vehicles
    /// of EO 14289) counts only when that authority charged a duty on the line. Off in additive mode.</summary>
    /// <remarks>Sources: EO 14257 sec. 3(b); EO 14289 sec. 2; U.S. notes 2(v)(vi)-(xvi), 2(aa)(v), 33(a).</remarks>
    private static bool FollowsAnotherSlot(TariffEngine engine, SlotCondition when, in QuoteInputs inputs, ref Outcomes outcomes)
    {
        if (inputs.Stacking == StackingMode.Additive)
        {
            return false;
        }

        Outcome o = outcomes[engine.SlotIndex(when.Slot)];
        return o.Charged && (when.Programs.IsDefaultOrEmpty || when.Programs.Contains(o.Winner!.Measure.Program));
    }

    /// <summary>Rule "partial exemption by metal content": for a derivative whose Section 232 duty is charged on its metal
    /// content, an exemption of 232 goods covers only that share of the value; the slot's duty applies to the rest (CBP:
    /// the metal value is reported on the 232 line and the remainder on the reciprocal line).</summary>
    /// <remarks>Sources: EO 14257 sec. 3(b) as applied in CBP CSMS #65829726; EO 14289 sec. 2 and Proclamation 10947 for
    /// Canada/Mexico. Not for Section 122, whose note 2(aa)(v) excludes derivatives as a whole.</remarks>
    private static bool PartialExemptionByMetalContent(CandidatePlan exemption, HeadingTermsOfColumn terms, CandidatePlan? remainder, HeadingTermsOfColumn remainderTerms,
        int slot, int s232, in QuoteInputs inputs, in BaseDuty baseDuty, TariffEngine engine, ProductPlan plan, ref Outcomes outcomes, ref Components components, ref int count, Explanation? explain)
    {
        Outcome metal = s232 >= 0 ? outcomes[s232] : default;
        decimal metalShare = metal.Charged ? metal.Share : 1m;
        bool partial = exemption.Measure.PartialByContent && metalShare < 1m && remainder is not null;
        if (!exemption.Measure.Heading.IsEmpty || partial)
        {
            Add(ref components, ref count, new Evaluated(exemption, ComponentKind.Exemption, exemption.Measure.Heading, 0m, partial ? metalShare : 1m, null,
                partial ? Evaluated.PartialNote : Evaluated.ExemptNote));
        }

        if (!partial)
        {
            outcomes[slot] = new Outcome(exemption, false, 0m);
            return false;
        }

        if (explain is { TraceEnabled: true })

        {

            if (explain.TraceEnabled)

            {

                explain.Trace($"Slot {engine.Rulebook.Slots[slot].Name}: {remainder!.Measure.Id} applies to the non-metal {PercentText.Of(1m - metalShare)} of value.");

            }

        }
        if (remainderTerms.Kind == MeasureKind.Floor)
        {
            Floor(remainder!, remainderTerms, 1m - metalShare, slot, in baseDuty, ref outcomes, ref components, ref count, explain);
        }
        else
        {
            Charge(remainder!, remainderTerms, (1m - metalShare) * ShareCharged(engine, plan, remainderTerms, in inputs, explain), slot, ref outcomes, ref components, ref count, explain);
        }

        return true;
    }

    /// <summary>Rule "floor": an all-in line ("15%") adds what is needed for the ordinary duty plus the line to equal the
    /// floor, never a negative amount; when the ordinary duty already meets it, the twin passthrough heading is declared.
    /// The ordinary duty of a specific or compound rate is measured as its ad valorem equivalent.</summary>
    /// <remarks>Sources: U.S. note 2(v)(xix) (EU/Japan), 2(v)(xxiv) (Korea, measured on General or Special), 33(m)
    /// (autos), 16(c)(ix)-(x) (Annex III).</remarks>
    private static void Floor(CandidatePlan floor, HeadingTermsOfColumn terms, decimal share, int slot, in BaseDuty baseDuty,
        ref Outcomes outcomes, ref Components components, ref int count, Explanation? explain)
    {
        PolicyMeasure m = floor.Measure;
        if (baseDuty.AdValorem is { } b && b >= terms.Rate)
        {
            Add(ref components, ref count, new Evaluated(floor, ComponentKind.Exemption, m.TwinHeading ?? m.Heading, 0m, share, terms.Rate, Evaluated.FloorMetNote));
            explain?.NotApplied(floor, $"floor already met: ordinary duty {PercentText.Of(b)} ≥ {PercentText.Of(terms.Rate)}");
            outcomes[slot] = new Outcome(floor, false, 0m);
            return;
        }

        decimal? add = baseDuty.AdValorem is { } known ? (terms.Rate - known) * share : null;
        if (add is null)
        {
            explain?.Assume($"{m.Heading}: the ordinary duty is specific or compound; give the customs value and quantity to measure it against the {PercentText.Of(terms.Rate)} floor.");
        }

        Add(ref components, ref count, new Evaluated(floor, ComponentKind.Floor, m.Heading, add, share, terms.Rate, 0));
        outcomes[slot] = new Outcome(floor, true, share);
    }

    private static void Charge(CandidatePlan c, HeadingTermsOfColumn terms, decimal share, int slot, ref Outcomes outcomes, ref Components components, ref int count, Explanation? explain)
    {
        Add(ref components, ref count, new Evaluated(c, ComponentKind.Additional, c.Measure.Heading, terms.Rate * share, share, null, 0));
        outcomes[slot] = new Outcome(c, true, share);
        if (c.Measure.Notes is { } notes)
        {
            explain?.Assume($"{c.Measure.Id}: {notes}");
        }
    }

    /// <summary>Rule "each metal on its own content": a derivative listed both as a steel and as an aluminum derivative pays
    /// each duty on the value of its own metal (e.g. 9903.81.91 on the steel content and 9903.85.08 on the aluminum
    /// content); the share covered by Section 232 is the sum.</summary>
    /// <remarks>Sources: U.S. notes 16(n) and 19(k) (2025); CBP guidance on reporting the content of each metal on its
    /// own Chapter 99 line (CSMS #65236645).</remarks>
    private static void EachMetalOnItsOwnContent(TariffEngine engine, ProductPlan plan, CandidatePlan[] candidates, CandidatePlan winner, DutyBasis first,
        int slot, in QuoteInputs inputs, in BaseDuty baseDuty, ref Outcomes outcomes, ref Components components, ref int count, Explanation? explain)
    {
        decimal share = outcomes[slot].Share;
        DutyBasis taken = first;
        foreach (CandidatePlan c in candidates)
        {
            if (ReferenceEquals(c, winner) || !c.Countries.Contains(inputs.Origin) || c.Measure.Priority != winner.Measure.Priority
                || CheckGates(engine, c, in inputs, ref outcomes) != Gate.Open)
            {
                continue;
            }

            HeadingTermsOfColumn terms = c.For(ColumnFor(c.Measure, in baseDuty));
            if (terms.Kind != MeasureKind.Additional || !IsContentBasis(terms.Basis) || terms.Basis == first || terms.Basis == taken)
            {
                continue;
            }

            // The metals of one article add up to at most its value: a second metal is charged on no more than what the
            // first left (a declared 90% steel and an estimated 30% aluminum charge aluminum on 10%).
            decimal s = Math.Min(ShareCharged(engine, plan, terms, in inputs, explain), Math.Max(0m, 1m - share));
            Add(ref components, ref count, new Evaluated(c, ComponentKind.Additional, c.Measure.Heading, terms.Rate * s, s, null, 0));
            share += s;
            taken = terms.Basis;
        }

        outcomes[slot] = outcomes[slot] with { Share = share };
    }

    private static bool IsContentBasis(DutyBasis basis) => basis is DutyBasis.SteelContent or DutyBasis.AluminumContent or DutyBasis.CopperContent;

    /// <summary>The share of the customs value an additional duty is charged on: the full value, the metal content
    /// ("upon the value of the steel content"), or the non-U.S. content.</summary>
    /// <remarks>Defaults: the declared shares; else the BEA-based estimate of metal_content_shares_bea_hs10.csv; else the
    /// flat share of the rulebook defaults. Each default used is reported as an assumption.</remarks>
    private static decimal ShareCharged(TariffEngine engine, ProductPlan plan, HeadingTermsOfColumn terms, in QuoteInputs inputs, Explanation? explain)
    {
        if (inputs.Stacking == StackingMode.Additive)
        {
            return 1m;
        }

        switch (terms.Basis)
        {
            case DutyBasis.SteelContent:
            case DutyBasis.AluminumContent:
            case DutyBasis.CopperContent:
                return MetalShare(engine, plan, terms.Basis, in inputs, explain);
            case DutyBasis.NonUsContent:
                if (inputs.UsContentShare is { } us)
                {
                    return 1m - us;
                }

                explain?.Assume($"U.S. content not given: {PercentText.Of(engine.Defaults.UsmcaVehicleUsContentShare)} assumed ({engine.Defaults.UsmcaVehicleUsContentSource}).");
                return 1m - engine.Defaults.UsmcaVehicleUsContentShare;
            default:
                return 1m;
        }
    }

    private static decimal MetalShare(TariffEngine engine, ProductPlan plan, DutyBasis basis, in QuoteInputs inputs, Explanation? explain)
    {
        decimal? declared = basis switch
        {
            DutyBasis.SteelContent => inputs.Metal.Steel,
            DutyBasis.AluminumContent => inputs.Metal.Aluminum,
            _ => inputs.Metal.Copper,
        };
        if (declared is { } d)
        {
            return d;
        }

        string metal = basis switch { DutyBasis.SteelContent => "Steel", DutyBasis.AluminumContent => "Aluminum", _ => "Copper" };
        if (engine.Metal.Find(plan.Product.Code) is { } estimate && estimate.Of(basis) > 0)
        {
            decimal rounded = Math.Round(estimate.Of(basis), 4);
            if (explain is not null)
            {
                explain.Assume(estimate.IsClamped
                    ? $"{metal} content not given: {PercentText.Of(rounded)} of value assumed ({engine.Metal.Source}), the estimate clamped from "
                        + $"{PercentText.Of(Math.Round(estimate.SourceOf(basis), 4))} (steel {PercentText.Of(Math.Round(estimate.SourceSteel, 4))}, aluminum "
                        + $"{PercentText.Of(Math.Round(estimate.SourceAluminum, 4))}, copper {PercentText.Of(Math.Round(estimate.SourceCopper, 4))}): a duty on the "
                        + "metal content cannot exceed the duty on the whole value, so each share is at most 100% and the shares together at most 100%."
                    : $"{metal} content not given: {PercentText.Of(rounded)} of value assumed ({engine.Metal.Source}).");
            }

            return rounded;
        }

        explain?.Assume($"{metal} content not given and not estimated for {plan.Product.Code}: {PercentText.Of(engine.Defaults.FlatMetalShare)} assumed ({engine.Defaults.FlatMetalShareSource}).");
        return engine.Defaults.FlatMetalShare;
    }

    /// <summary>Rule "U.S. content": when at least 20% of the customs value is U.S. content, the reciprocal duty applies only
    /// to the non-U.S. content, and heading 9903.01.34 is declared for the U.S. share. Off in additive mode.</summary>
    /// <remarks>Source: EO 14257 sec. 3(d); U.S. note 2(v)(xii) (later (xiii)-(xvii)); heading 9903.01.34.</remarks>
    private static void UsContent(TariffEngine engine, in QuoteInputs inputs, ref Components components, int n, ref int count, Explanation? explain)
    {
        if (inputs.UsContentShare is not { } us || us < engine.Rulebook.Roles.UsContent.Threshold || inputs.Stacking == StackingMode.Additive)
        {
            return;
        }

        for (int i = 0; i < n; i++)
        {
            Evaluated c = components[i];
            if (c.Kind == ComponentKind.Additional && c.Candidate!.Measure.Slot == engine.Rulebook.Roles.UsContent.Slot)
            {
                decimal share = c.Share * (1m - us);
                components[i] = c with { AdValorem = c.AdValorem is { } a && c.Share != 0 ? a / c.Share * share : c.AdValorem, Share = share, Note = Evaluated.UsContentNote };
                Add(ref components, ref count, new Evaluated(null, ComponentKind.Exemption, engine.UsContentHeading, 0m, us, null, Evaluated.UsContentExemptNote));
                if (explain is { TraceEnabled: true })
                {
                    if (explain.TraceEnabled)
                    {
                        explain.Trace($"U.S. content {PercentText.Of(us)}: the reciprocal duty is charged on the non-U.S. content only ({engine.UsContentHeading}).");
                    }
                }
                return;
            }
        }
    }

    private static RateColumn ColumnFor(PolicyMeasure m, in BaseDuty baseDuty) => m.RateColumn ?? baseDuty.Column;

    private static void Add(ref Components components, ref int count, in Evaluated c)
    {
        if (count < MaxComponents)
        {
            components[count++] = c;
        }
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

    [InlineArray(Rulebook.SlotCapacity)]
    internal struct Outcomes
    {
        private Outcome _first;
    }

    [InlineArray(MaxComponents)]
    internal struct Components
    {
        private Evaluated _first;
    }
}
