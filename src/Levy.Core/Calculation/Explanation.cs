using Levy.Core.Calculation.Planning;
using Levy.Core.Calculation.Stacking;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Text;

namespace Levy.Core.Calculation;

/// <summary>Collects the reasons of an explained quote: measures that did not apply and why, defaults assumed, rules
/// consulted. Absent (null) in the allocation-free evaluation of panels.</summary>
internal sealed class Explanation
{
    private readonly bool _recording = true;

    internal Explanation(bool trace) => TraceEnabled = trace;

    private Explanation() => _recording = false;

    /// <summary>An explanation nobody reads (lean quotes): what is written to it is dropped.</summary>
    internal static Explanation Discard { get; } = new();

    /// <summary>True when the rules consulted are recorded (explain mode); reasons and assumptions always are.</summary>
    internal bool TraceEnabled { get; }

    internal List<NotAppliedMeasure> NotAppliedMeasures { get; } = [];

    internal List<string> Assumptions { get; } = [];

    internal List<string> Rules { get; } = [];

    /// <summary>Conditions the importer could certify that a measure covering the line needs: each may change the quote,
    /// so the quote reports the choice (<see cref="QuoteChoice"/>).</summary>
    internal List<string> DeclarableConditions { get; } = [];

    internal void Assume(string text)
    {
        if (_recording)
        {
            Assumptions.Add(text);
        }
    }

    internal void Trace(string text)
    {
        if (TraceEnabled)
        {
            Rules.Add(text);
        }
    }

    internal void NotApplied(CandidatePlan c, string reason)
    {
        if (_recording)
        {
            NotAppliedMeasures.Add(new NotAppliedMeasure(c.Measure.Id, c.Measure.Authority, c.Measure.Heading.IsEmpty ? null : c.Measure.Heading, reason));
        }
    }

    internal void Gated(CandidatePlan c, Gate gate, in QuoteInputs inputs, Rulebook rulebook)
    {
        PolicyMeasure m = c.Measure;
        if (gate == Gate.Condition && _recording && !DeclarableConditions.Contains(m.RequiresCondition!))
        {
            DeclarableConditions.Add(m.RequiresCondition!);
        }

        string? reason = gate switch
        {
            Gate.Program => $"applies only when {rulebook.FindProgram(m.RequiresProgram!)?.Name ?? m.RequiresProgram} ({m.RequiresProgram}) is claimed",
            Gate.UnlessProgram => $"does not apply when {rulebook.FindProgram(m.UnlessProgram!)?.Name ?? m.UnlessProgram} ({m.UnlessProgram}) is claimed",
            Gate.Condition => $"applies only if the importer certifies: {rulebook.Conditions[m.RequiresCondition!].Description}",
            Gate.UnlessCondition => $"does not apply: the importer certifies: {rulebook.Conditions[m.UnlessCondition!].Description}",
            Gate.InTransit => $"goods in transit: loaded {inputs.LoadingDate:yyyy-MM-dd}, before {m.InTransit!.LoadedBefore:yyyy-MM-dd}"
                + (m.InTransit.EnteredBefore is { } e ? $" and entered before {e:yyyy-MM-dd}" : string.Empty)
                + (m.InTransit.Heading is { } h ? $" ({h})" : string.Empty),
            _ => null, // a rule that follows another slot which did not charge: nothing to tell
        };
        if (reason is not null)
        {
            NotApplied(c, reason);
        }
    }

    internal void Slot(SlotRule rule, CandidatePlan[] candidates, CandidatePlan winner, in QuoteInputs inputs)
    {
        if (!TraceEnabled)
        {
            return;
        }

        CountryCode origin = inputs.Origin;
        Rules.Add($"Slot {rule.Name}: {string.Join(", ", candidates.Where(c => c.Countries.Contains(origin)).Select(c => $"{c.Measure.Id} (priority {c.Measure.Priority})"))} cover the line; {winner.Measure.Id} applies.");
    }

    internal void Superseded(SlotRule rule, CandidatePlan[] candidates, CandidatePlan winner, CandidatePlan? remainder, in QuoteInputs inputs)
    {
        bool exemption = winner.For(Rates.RateColumn.General).Kind == MeasureKind.Exemption && remainder is null;
        foreach (CandidatePlan c in candidates)
        {
            if (ReferenceEquals(c, winner) || ReferenceEquals(c, remainder) || !c.Countries.Contains(inputs.Origin) || NotAppliedMeasures.Any(n => n.MeasureId == c.Measure.Id))
            {
                continue;
            }

            if (c.Measure.WhenSlotApplies is not null && !ReferenceEquals(c, winner))
            {
                continue;
            }

            NotApplied(c, exemption
                ? $"exempt: {winner.Measure.Citation}" + (winner.Measure.Heading.IsEmpty ? string.Empty : $" ({winner.Measure.Heading})")
                : $"superseded by {(remainder ?? winner).Measure.Id} ({(remainder ?? winner).Measure.Heading}) in slot {rule.Name}");
        }
    }
}
