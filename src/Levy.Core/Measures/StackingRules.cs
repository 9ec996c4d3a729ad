using Levy.Core.Calculation;
using Levy.Core.Rates;
using Levy.Core.Text;
using static Levy.Core.Calculation.TariffEngine;

namespace Levy.Core.Measures;

/// <summary>How the measures that cover a line combine into duties: one named rule per step, each with its legal source.</summary>
/// <remarks>
/// <para>Order of evaluation is the rulebook's slot order (Section 232 first, because other authorities ask whether a 232
/// duty applied). Within a slot exactly one measure applies — the rules below decide which, and on what share of value.</para>
/// <para>In <see cref="StackingMode.Additive"/> mode (for comparison only) the rules that exclude one authority because
/// another applied (<see cref="ExemptionsThatFollowAnotherSlot"/>, <see cref="PartialExemptionByMetalContent"/>) are
/// switched off, so every measure is charged on the full value.</para>
/// </remarks>
internal static class StackingRules
{
    /// <summary>Resolves one slot: drops candidates whose conditions on earlier slots fail, picks the winner, and charges it.</summary>
    internal static void ResolveSlot(QuoteState q, int slot)
    {
        SlotRule rule = q.Engine.Rulebook.Slots[slot];
        List<Candidate> candidates = ExemptionsThatFollowAnotherSlot(q, q.Candidates[slot]);
        if (candidates.Count == 0)
        {
            q.Outcomes[slot] = null;
            return;
        }

        Candidate winner = ChooseWinner(rule, candidates);
        q.Trace.Add($"Slot {rule.Name}: {string.Join(", ", candidates.Select(c => $"{c.Measure.Id} (priority {c.Measure.Priority})"))} cover the line; {winner.Measure.Id} applies.");
        foreach (Candidate other in candidates)
        {
            if (!ReferenceEquals(other, winner) && !(winner.Kind == MeasureKind.Exemption && winner.Measure.PartialByContent))
            {
                q.NotApplied.Add(new NotAppliedMeasure(other.Measure.Id, other.Measure.Authority, NullIfEmpty(other.Measure.Heading),
                    winner.Kind == MeasureKind.Exemption
                        ? $"exempt: {Describe(winner)}"
                        : $"superseded by {winner.Measure.Id} ({winner.Measure.Heading}) in slot {rule.Name}"));
            }
        }

        switch (winner.Kind)
        {
            case MeasureKind.Exemption:
                PartialExemptionByMetalContent(q, slot, rule, winner, candidates);
                break;
            case MeasureKind.Floor:
                FloorAddsUpToTheAllInRate(q, slot, winner);
                break;
            default:
                decimal share = ShareCharged(q, winner);
                Charge(q, slot, winner, share);
                break;
        }
    }

    /// <summary>Rule "exemptions that follow another slot": an exemption for goods subject to another authority
    /// (e.g. 9903.01.33, reciprocal exemption of Section 232 goods; 9903.03.06 for Section 122; the Canada/Mexico
    /// exemption of 232 vehicles in EO 14289) counts only when that authority charged a duty on the line.</summary>
    /// <remarks>Sources: EO 14257 sec. 3(b); EO 14289 sec. 2; U.S. notes 2(v)(vi)-(xvi), 2(aa)(v), 33(a).</remarks>
    private static List<Candidate> ExemptionsThatFollowAnotherSlot(QuoteState q, List<Candidate> candidates)
    {
        var kept = new List<Candidate>(candidates.Count);
        foreach (Candidate c in candidates)
        {
            if (c.Measure.WhenSlotApplies is not { } condition)
            {
                kept.Add(c);
                continue;
            }

            if (q.Request.Stacking == StackingMode.Additive)
            {
                q.Trace.Add($"Additive mode: {c.Measure.Id} (non-stacking rule) ignored.");
                continue;
            }

            SlotOutcome? outcome = q.Outcomes[q.Engine.SlotIndex(condition.Slot)];
            bool met = outcome is { Charged: true, Winner: { } w }
                && (condition.Programs.IsDefaultOrEmpty || condition.Programs.Contains(w.Measure.Program));
            if (met)
            {
                kept.Add(c);
            }
        }

        return kept;
    }

    /// <summary>Rule "one measure per slot": the covering measure with the highest priority applies (an exemption's high
    /// priority switches its slot off); in a highest-rate slot (Section 301) the highest additional rate applies.</summary>
    private static Candidate ChooseWinner(SlotRule rule, List<Candidate> candidates)
    {
        Candidate best = candidates[0];
        foreach (Candidate c in candidates)
        {
            bool better = rule.Choice == SlotChoice.HighestRate && c.Kind != MeasureKind.Exemption && best.Kind != MeasureKind.Exemption
                ? c.Rate > best.Rate
                : c.Measure.Priority > best.Measure.Priority;
            if (better)
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>Rule "partial exemption by metal content": for a derivative whose Section 232 duty is charged on its metal
    /// content, an exemption of 232 goods covers only that share of the value; the slot's duty applies to the rest
    /// (CBP: the metal value is reported on the 232 line and the remainder on the reciprocal line).</summary>
    /// <remarks>Sources: EO 14257 sec. 3(b) as applied by CBP CSMS #64384496 and later guidance; EO 14289 sec. 2 for
    /// Canada/Mexico. Not applied to Section 122, whose note 2(aa)(v) excludes derivatives as a whole.</remarks>
    private static void PartialExemptionByMetalContent(QuoteState q, int slot, SlotRule rule, Candidate exemption, List<Candidate> candidates)
    {
        int s232 = q.Engine.SlotIndex("s232");
        SlotOutcome? metal = s232 >= 0 ? q.Outcomes[s232] : null;
        decimal metalShare = metal is { Charged: true } ? metal.Share : 1m;
        Candidate? remainder = null;
        if (exemption.Measure.PartialByContent && metalShare < 1m)
        {
            var dutiable = candidates.Where(c => c.Kind != MeasureKind.Exemption).ToList();
            if (dutiable.Count > 0)
            {
                remainder = ChooseWinner(rule, dutiable);
            }
        }

        if (!exemption.Measure.Heading.IsEmpty || remainder is not null)
        {
            q.Components.Add(new QuoteComponent(exemption.Measure.Authority, exemption.Measure.Program, NullIfEmpty(exemption.Measure.Heading),
                ComponentKind.Exemption, exemption.Printed, 0m, remainder is null ? 1m : metalShare, null, exemption.Measure.Id, exemption.Period.Source,
                remainder is null
                    ? $"Exempt: {exemption.Measure.Citation}{ListEntry(exemption)}."
                    : $"Exempt on the {PercentText.Of(metalShare)} of value charged under Section 232: {exemption.Measure.Citation}."));
        }

        if (remainder is null)
        {
            q.Outcomes[slot] = new SlotOutcome(exemption, false, 0m);
            return;
        }

        q.Trace.Add($"Slot {rule.Name}: {remainder.Measure.Id} applies to the non-metal {PercentText.Of(1m - metalShare)} of value.");
        foreach (Candidate other in candidates)
        {
            if (!ReferenceEquals(other, remainder) && !ReferenceEquals(other, exemption))
            {
                q.NotApplied.Add(new NotAppliedMeasure(other.Measure.Id, other.Measure.Authority, NullIfEmpty(other.Measure.Heading),
                    $"superseded by {remainder.Measure.Id} in slot {rule.Name}"));
            }
        }

        if (remainder.Kind == MeasureKind.Floor)
        {
            FloorAddsUpToTheAllInRate(q, slot, remainder, 1m - metalShare);
        }
        else
        {
            Charge(q, slot, remainder, (1m - metalShare) * ShareCharged(q, remainder));
        }
    }

    /// <summary>Rule "floor": an all-in line ("15%") adds what is needed for the ordinary duty plus the line to equal the
    /// floor, never a negative amount; when the ordinary duty already meets it, the twin passthrough heading is declared.
    /// The ordinary duty of a specific or compound rate is measured as its ad valorem equivalent.</summary>
    /// <remarks>Sources: U.S. note 2(v)(xix) (EU/Japan), 2(v)(xxiv) (Korea, measured on General or Special), 33(m)
    /// (autos), 16(c)(ix)-(x) (Annex III).</remarks>
    private static void FloorAddsUpToTheAllInRate(QuoteState q, int slot, Candidate floor, decimal share = 1m)
    {
        decimal? baseAve = q.BaseAdValorem;
        PolicyMeasure m = floor.Measure;
        if (baseAve is { } b && b >= floor.Rate)
        {
            q.Components.Add(new QuoteComponent(m.Authority, m.Program, m.TwinHeading ?? NullIfEmpty(m.Heading), ComponentKind.Exemption, floor.Printed,
                0m, share, floor.Rate, m.Id, floor.Period.Source,
                $"The ordinary duty ({PercentText.Of(b)}) already meets the {PercentText.Of(floor.Rate)} all-in rate: nothing is added ({m.Citation})."));
            q.NotApplied.Add(new NotAppliedMeasure(m.Id, m.Authority, NullIfEmpty(m.Heading), $"floor already met: ordinary duty {PercentText.Of(b)} ≥ {PercentText.Of(floor.Rate)}"));
            q.Outcomes[slot] = new SlotOutcome(floor, false, 0m);
            return;
        }

        decimal? add = baseAve is { } known ? (floor.Rate - known) * share : null;
        if (add is null)
        {
            q.Assumptions.Add($"{m.Heading}: the ordinary duty is specific or compound; give the customs value and quantity to measure it against the {PercentText.Of(floor.Rate)} floor.");
        }

        q.Components.Add(new QuoteComponent(m.Authority, m.Program, NullIfEmpty(m.Heading), ComponentKind.Floor, floor.Printed, add, share, floor.Rate,
            m.Id, floor.Period.Source,
            $"{PercentText.Of(floor.Rate)} all-in: adds {(add is { } a ? PercentText.Of(a) : "the difference")} to the ordinary duty. {m.Citation}. Rate read from {floor.RateSource}."));
        q.Outcomes[slot] = new SlotOutcome(floor, true, share);
    }

    /// <summary>The share of the customs value an additional duty is charged on: the full value, the metal content
    /// ("upon the value of the steel content"), or the non-U.S. content.</summary>
    /// <remarks>Defaults: the declared shares; else the BEA-based estimate of metal_content_shares_bea_hs10.csv; else the
    /// flat share of the rulebook defaults. Each default used is reported as an assumption.</remarks>
    private static decimal ShareCharged(QuoteState q, Candidate c)
    {
        if (q.Request.Stacking == StackingMode.Additive)
        {
            return 1m;
        }

        switch (c.Basis)
        {
            case DutyBasis.SteelContent:
            case DutyBasis.AluminumContent:
            case DutyBasis.CopperContent:
                return MetalShare(q, c.Basis);
            case DutyBasis.NonUsContent:
                if (q.Request.UsContentShare is { } us)
                {
                    return 1m - us;
                }

                q.Assumptions.Add($"U.S. content not given: {PercentText.Of(q.Engine.Defaults.UsmcaVehicleUsContentShare)} assumed ({q.Engine.Defaults.UsmcaVehicleUsContentSource}).");
                return 1m - q.Engine.Defaults.UsmcaVehicleUsContentShare;
            default:
                return 1m;
        }
    }

    private static decimal MetalShare(QuoteState q, DutyBasis basis)
    {
        (decimal? declared, string metal) = basis switch
        {
            DutyBasis.SteelContent => (q.Request.Metal.Steel, "steel"),
            DutyBasis.AluminumContent => (q.Request.Metal.Aluminum, "aluminum"),
            _ => (q.Request.Metal.Copper, "copper"),
        };
        if (declared is { } d)
        {
            return d;
        }

        if (q.Engine.Metal.Find(q.Product.Code) is { } estimate)
        {
            decimal e = basis switch
            {
                DutyBasis.SteelContent => estimate.Steel,
                DutyBasis.AluminumContent => estimate.Aluminum,
                _ => estimate.Copper,
            };
            if (e > 0)
            {
                decimal rounded = Math.Round(e, 4);
                q.Assumptions.Add($"{char.ToUpperInvariant(metal[0])}{metal[1..]} content not given: {PercentText.Of(rounded)} of value assumed ({q.Engine.Metal.Source}).");
                return rounded;
            }
        }

        q.Assumptions.Add($"{char.ToUpperInvariant(metal[0])}{metal[1..]} content not given and not estimated for {q.Product.Code}: {PercentText.Of(q.Engine.Defaults.FlatMetalShare)} assumed ({q.Engine.Defaults.FlatMetalShareSource}).");
        return q.Engine.Defaults.FlatMetalShare;
    }

    private static void Charge(QuoteState q, int slot, Candidate c, decimal share)
    {
        PolicyMeasure m = c.Measure;
        string on = share == 1m ? string.Empty : $" on {PercentText.Of(share)} of the value";
        q.Components.Add(new QuoteComponent(m.Authority, m.Program, NullIfEmpty(m.Heading), ComponentKind.Additional, c.Printed, c.Rate * share, share, null,
            m.Id, c.Period.Source, $"+{PercentText.Of(c.Rate)}{on}. {m.Citation}. Rate read from {c.RateSource}."));
        q.Outcomes[slot] = new SlotOutcome(c, true, share);
        if (m.Notes is { } notes)
        {
            q.Assumptions.Add($"{m.Id}: {notes}");
        }
    }

    /// <summary>Rule "U.S. content": when at least 20% of the customs value is U.S. content, the reciprocal duty applies only
    /// to the non-U.S. content, and heading 9903.01.34 is declared for the U.S. share.</summary>
    /// <remarks>Source: EO 14257 sec. 3(d); U.S. note 2(v)(xii) (later (xiii)-(xvii)); heading 9903.01.34.</remarks>
    internal static void ApplyUsContent(QuoteState q)
    {
        if (q.Request.UsContentShare is not { } us || us < 0.20m || q.Request.Stacking == StackingMode.Additive)
        {
            return;
        }

        int slot = q.Engine.SlotIndex("reciprocal");
        if (slot < 0 || q.Outcomes[slot] is not { Charged: true, Winner: { Kind: MeasureKind.Additional } winner })
        {
            return;
        }

        int i = q.Components.FindIndex(c => c.MeasureId == winner.Measure.Id && c.Kind == ComponentKind.Additional);
        if (i < 0)
        {
            return;
        }

        QuoteComponent old = q.Components[i];
        decimal share = old.Share * (1m - us);
        q.Components[i] = old with
        {
            AdValorem = winner.Rate * share,
            Share = share,
            Explanation = old.Explanation + $" Charged on the non-U.S. content only ({PercentText.Of(1m - us)} of value; 9903.01.34).",
        };
        q.Components.Add(new QuoteComponent(Authority.IeepaReciprocal, "U.S. content", Primitives.HtsCode.Parse("9903.01.34"), ComponentKind.Exemption,
            NoChangeRate.Instance, 0m, us, null, "reciprocal-us-content", "EO 14257 sec. 3(d); U.S. note 2(v)",
            $"The U.S. content ({PercentText.Of(us)} of value, at least 20%) is not subject to the reciprocal duty."));
    }

    private static string ListEntry(Candidate c) =>
        c.Entry is { } e && c.Measure.Products is { } list ? $" (listed as {e.Prefix} in {list.Name})" : string.Empty;

    private static string Describe(Candidate exemption) =>
        exemption.Measure.Heading.IsEmpty ? exemption.Measure.Citation : $"{exemption.Measure.Citation} ({exemption.Measure.Heading})";

    private static Primitives.HtsCode? NullIfEmpty(Primitives.HtsCode code) => code.IsEmpty ? null : code;
}
