using Levy.Core.Calculation.Planning;
using Levy.Core.Measures;
using Levy.Core.Rates;
using Levy.Core.Text;

namespace Levy.Core.Calculation.Stacking;

/// <summary>How the measures that cover a line combine into duties: one named rule per step, each with its legal source.</summary>
/// <remarks>
/// <para>The slots are evaluated in the rulebook's order (Section 232 first, because other authorities ask whether a 232
/// duty applied). Within a slot exactly one measure applies; the rules below decide which, and on what share of value.</para>
/// <para>In <see cref="StackingMode.Additive"/> mode (for comparison only) the rules that exclude one authority because
/// another applied (<see cref="Gates.FollowsAnotherSlot"/>, <see cref="PartialExemptionByMetalContent"/>, <see cref="UsContent"/>)
/// are switched off, and every duty is charged on the full value.</para>
/// <para>The same code serves the explained quote (with an <see cref="Explanation"/>) and the allocation-free evaluation
/// of panels (without one): every rule reads and writes one <see cref="StackingContext"/> on the stack.</para>
/// </remarks>
internal static class StackingRules
{
    /// <summary>Evaluates the context's plan for its inputs: the base duty, then each slot, then the U.S. content.</summary>
    /// <returns>The number of components written.</returns>
    internal static int Evaluate(ref StackingContext x)
    {
        x.Base = SelectBase(ref x);
        int slots = x.Plan.Slots.Length;
        for (int slot = 0; slot < slots; slot++)
        {
            ResolveSlot(ref x, slot);
        }

        UsContent(ref x);
        return x.Count;
    }

    /// <summary>Rule "base": the column 2 rate for column-2 countries (General Note 3(b)); the Special rate of a claimed program
    /// (validated by the quote); otherwise column 1 General.</summary>
    private static BaseDuty SelectBase(ref StackingContext x)
    {
        ProductPlan plan = x.Plan;
        ref readonly QuoteInputs inputs = ref x.Inputs;
        var product = plan.Product;
        if (x.Roles.Column2.Contains(inputs.Origin) && product.Other is { } other)
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

    private static void ResolveSlot(ref StackingContext x, int slot)
    {
        CandidatePlan[] candidates = x.Plan.Slots[slot];
        if (candidates.Length == 0)
        {
            return;
        }

        SlotRule rule = x.Roles.Rulebook.Slots[slot];
        CandidatePlan? winner = null, remainder = null;
        HeadingTermsOfColumn winnerTerms = default, remainderTerms = default;
        foreach (CandidatePlan c in candidates)
        {
            if (!c.Countries.Contains(x.Inputs.Origin))
            {
                continue;
            }

            Gate gate = Gates.Check(ref x, c);
            if (gate != Gate.Open)
            {
                x.Explain?.Gated(c, gate, in x.Inputs, x.Roles.Rulebook);
                if (gate == Gate.InTransit && c.Measure.InTransit?.Heading is { } transitHeading)
                {
                    x.Add(new Evaluated(c, ComponentKind.Exemption, transitHeading, 0m, 0m, null, Evaluated.InTransitNote));
                }

                continue;
            }

            HeadingTermsOfColumn terms = c.For(ColumnFor(c.Measure, in x.Base));
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

        x.Explain?.Slot(rule, candidates, winner, in x.Inputs);
        switch (winnerTerms.Kind)
        {
            case MeasureKind.Exemption:
                if (!PartialExemptionByMetalContent(ref x, slot, winner, remainder, remainderTerms))
                {
                    remainder = null;
                }

                break;
            case MeasureKind.Floor:
                Floor(ref x, slot, winner, winnerTerms, 1m);
                break;
            default:
                Charge(ref x, slot, winner, winnerTerms, ShareCharged(ref x, winnerTerms));
                if (IsContentBasis(winnerTerms.Basis) && x.Inputs.Stacking == StackingMode.Legal)
                {
                    EachMetalOnItsOwnContent(ref x, slot, candidates, winner, winnerTerms.Basis);
                }

                break;
        }

        x.Explain?.Superseded(rule, candidates, winner, remainder, in x.Inputs);
    }

    /// <summary>Rule "partial exemption by metal content": for a derivative whose Section 232 duty is charged on its metal
    /// content, an exemption of 232 goods covers only that share of the value; the slot's duty applies to the rest (CBP:
    /// the metal value is reported on the 232 line and the remainder on the reciprocal line).</summary>
    /// <remarks>Sources: EO 14257 sec. 3(b) as applied in CBP CSMS #65829726; EO 14289 sec. 2 and Proclamation 10947 for
    /// Canada/Mexico. Not for Section 122, whose note 2(aa)(v) excludes derivatives as a whole.</remarks>
    private static bool PartialExemptionByMetalContent(ref StackingContext x, int slot, CandidatePlan exemption, CandidatePlan? remainder, HeadingTermsOfColumn remainderTerms)
    {
        int metalSlot = x.Roles.MetalSlotIndex;
        Outcome metal = metalSlot >= 0 ? x.Outcomes[metalSlot] : default;
        decimal metalShare = metal.Charged ? metal.Share : 1m;
        bool partial = exemption.Measure.PartialByContent && metalShare < 1m && remainder is not null;
        if (!exemption.Measure.Heading.IsEmpty || partial)
        {
            x.Add(new Evaluated(exemption, ComponentKind.Exemption, exemption.Measure.Heading, 0m, partial ? metalShare : 1m, null,
                partial ? Evaluated.PartialNote : Evaluated.ExemptNote));
        }

        if (!partial)
        {
            x.Outcomes[slot] = new Outcome(exemption, false, 0m);
            return false;
        }

        if (x.Explain is { TraceEnabled: true } explain)
        {
            explain.Trace($"Slot {x.Roles.Rulebook.Slots[slot].Name}: {remainder!.Measure.Id} applies to the non-metal {PercentText.Of(1m - metalShare)} of value.");
        }

        if (remainderTerms.Kind == MeasureKind.Floor)
        {
            Floor(ref x, slot, remainder!, remainderTerms, 1m - metalShare);
        }
        else
        {
            Charge(ref x, slot, remainder!, remainderTerms, (1m - metalShare) * ShareCharged(ref x, remainderTerms));
        }

        return true;
    }

    /// <summary>Rule "floor": an all-in line ("15%") adds what is needed for the ordinary duty plus the line to equal the
    /// floor, never a negative amount; when the ordinary duty already meets it, the twin passthrough heading is declared.
    /// The ordinary duty of a specific or compound rate is measured as its ad valorem equivalent.</summary>
    /// <remarks>Sources: U.S. note 2(v)(xix) (EU/Japan), 2(v)(xxiv) (Korea, measured on General or Special), 33(m)
    /// (autos), 16(c)(ix)-(x) (Annex III).</remarks>
    private static void Floor(ref StackingContext x, int slot, CandidatePlan floor, HeadingTermsOfColumn terms, decimal share)
    {
        PolicyMeasure m = floor.Measure;
        if (x.Base.AdValorem is { } b && b >= terms.Rate)
        {
            x.Add(new Evaluated(floor, ComponentKind.Exemption, m.TwinHeading ?? m.Heading, 0m, share, terms.Rate, Evaluated.FloorMetNote));
            x.Explain?.NotApplied(floor, $"floor already met: ordinary duty {PercentText.Of(b)} ≥ {PercentText.Of(terms.Rate)}");
            x.Outcomes[slot] = new Outcome(floor, false, 0m);
            return;
        }

        decimal? add = x.Base.AdValorem is { } known ? (terms.Rate - known) * share : null;
        if (add is null)
        {
            x.Explain?.Assume($"{m.Heading}: the ordinary duty is specific or compound; give the customs value and quantity to measure it against the {PercentText.Of(terms.Rate)} floor.");
        }

        x.Add(new Evaluated(floor, ComponentKind.Floor, m.Heading, add, share, terms.Rate, 0));
        x.Outcomes[slot] = new Outcome(floor, true, share);
    }

    private static void Charge(ref StackingContext x, int slot, CandidatePlan c, HeadingTermsOfColumn terms, decimal share)
    {
        x.Add(new Evaluated(c, ComponentKind.Additional, c.Measure.Heading, terms.Rate * share, share, null, 0));
        x.Outcomes[slot] = new Outcome(c, true, share);
        if (c.Measure.Notes is { } notes)
        {
            x.Explain?.Assume($"{c.Measure.Id}: {notes}");
        }
    }

    /// <summary>Rule "each metal on its own content": a derivative listed both as a steel and as an aluminum derivative pays
    /// each duty on the value of its own metal (e.g. 9903.81.91 on the steel content and 9903.85.08 on the aluminum
    /// content); the share covered by Section 232 is the sum.</summary>
    /// <remarks>Sources: U.S. notes 16(n) and 19(k) (2025); CBP guidance on reporting the content of each metal on its
    /// own Chapter 99 line (CSMS #65236645).</remarks>
    private static void EachMetalOnItsOwnContent(ref StackingContext x, int slot, CandidatePlan[] candidates, CandidatePlan winner, DutyBasis first)
    {
        decimal share = x.Outcomes[slot].Share;
        DutyBasis taken = first;
        foreach (CandidatePlan c in candidates)
        {
            if (ReferenceEquals(c, winner) || !c.Countries.Contains(x.Inputs.Origin) || c.Measure.Priority != winner.Measure.Priority
                || Gates.Check(ref x, c) != Gate.Open)
            {
                continue;
            }

            HeadingTermsOfColumn terms = c.For(ColumnFor(c.Measure, in x.Base));
            if (terms.Kind != MeasureKind.Additional || !IsContentBasis(terms.Basis) || terms.Basis == first || terms.Basis == taken)
            {
                continue;
            }

            // The metals of one article add up to at most its value: a second metal is charged on no more than what the
            // first left (a declared 90% steel and an estimated 30% aluminum charge aluminum on 10%).
            decimal s = Math.Min(ShareCharged(ref x, terms), Math.Max(0m, 1m - share));
            x.Add(new Evaluated(c, ComponentKind.Additional, c.Measure.Heading, terms.Rate * s, s, null, 0));
            share += s;
            taken = terms.Basis;
        }

        x.Outcomes[slot] = x.Outcomes[slot] with { Share = share };
    }

    private static bool IsContentBasis(DutyBasis basis) => basis is DutyBasis.SteelContent or DutyBasis.AluminumContent or DutyBasis.CopperContent;

    /// <summary>The share of the customs value an additional duty is charged on: the full value, the metal content
    /// ("upon the value of the steel content"), or the non-U.S. content (<see cref="ContentShares"/>).</summary>
    private static decimal ShareCharged(ref StackingContext x, HeadingTermsOfColumn terms)
    {
        if (x.Inputs.Stacking == StackingMode.Additive)
        {
            return 1m;
        }

        return terms.Basis switch
        {
            DutyBasis.SteelContent or DutyBasis.AluminumContent or DutyBasis.CopperContent => ContentShares.Metal(x.Roles, x.Plan, terms.Basis, in x.Inputs, x.Explain),
            DutyBasis.NonUsContent => ContentShares.NonUs(x.Roles, in x.Inputs, x.Explain),
            _ => 1m,
        };
    }

    /// <summary>Rule "U.S. content": when at least 20% of the customs value is U.S. content, the reciprocal duty applies only
    /// to the non-U.S. content, and heading 9903.01.34 is declared for the U.S. share. Off in additive mode.</summary>
    /// <remarks>Source: EO 14257 sec. 3(d); U.S. note 2(v)(xii) (later (xiii)-(xvii)); heading 9903.01.34. The slot, heading
    /// and threshold are <see cref="EngineContext"/>.</remarks>
    private static void UsContent(ref StackingContext x)
    {
        if (x.Inputs.UsContentShare is not { } us || us < x.Roles.UsContentThreshold || x.Inputs.Stacking == StackingMode.Additive)
        {
            return;
        }

        int n = x.Count;
        for (int i = 0; i < n; i++)
        {
            Evaluated c = x[i];
            if (c.Kind == ComponentKind.Additional && c.Candidate!.Measure.Slot == x.Roles.UsContentSlot)
            {
                decimal share = c.Share * (1m - us);
                x[i] = c with { AdValorem = c.AdValorem is { } a && c.Share != 0 ? a / c.Share * share : c.AdValorem, Share = share, Note = Evaluated.UsContentNote };
                x.Add(new Evaluated(null, ComponentKind.Exemption, x.Roles.UsContentHeading, 0m, us, null, Evaluated.UsContentExemptNote));
                if (x.Explain is { TraceEnabled: true } explain)
                {
                    explain.Trace($"U.S. content {PercentText.Of(us)}: the reciprocal duty is charged on the non-U.S. content only ({x.Roles.UsContentHeading}).");
                }

                return;
            }
        }
    }

    private static RateColumn ColumnFor(PolicyMeasure m, in BaseDuty baseDuty) => m.RateColumn ?? baseDuty.Column;
}
