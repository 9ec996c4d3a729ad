using System.Collections.Immutable;
using Levy.Core.Calculation.Planning;
using Levy.Core.Calculation.Stacking;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Text;

namespace Levy.Core.Calculation.Writing;

/// <summary>Writes what the stacking rules evaluated as a quote's components, in declaration order, and the totals by
/// authority. One writer serves the explained quote and the lean one: without explanations the texts are left out and
/// nothing else changes.</summary>
internal static class QuoteWriter
{
    /// <summary>The components of a quote: the base duty first, then every evaluated component in the rulebook's
    /// declaration order (by slot, then heading).</summary>
    internal static ImmutableArray<QuoteComponent> Components(Rulebook rulebook, QuoteRequest request, ProductPlan plan, ref StackingContext x, out Evaluated[] ordered)
    {
        var components = ImmutableArray.CreateBuilder<QuoteComponent>(x.Count + 1);
        components.Add(new QuoteComponent(Authority.Mfn, x.Base.ColumnName, null, ComponentKind.Base, x.Base.Rate, x.Base.AdValorem, 1m, null, "mfn",
            request.Explain ? $"HTS {plan.Revision}, {plan.Product.RateSource} ({x.Base.ColumnName})" : string.Empty,
            request.Explain ? BaseExplanation(request, in x.Base) : string.Empty));
        ordered = new Evaluated[x.Count];
        var ranks = new long[x.Count];
        for (int i = 0; i < x.Count; i++)
        {
            ordered[i] = x[i];
            ranks[i] = ((long)DeclarationRank(rulebook, in ordered[i]) << 40) | (long)ordered[i].Heading.Value;
        }

        Array.Sort(ranks, ordered);
        foreach (Evaluated e in ordered)
        {
            components.Add(Component(rulebook.Roles.UsContent, in e, in x.Base, request.Explain));
        }

        return components.ToImmutable();
    }

    /// <summary>The duties by authority of an evaluation, without allocating.</summary>
    internal static QuoteTotals Totals(ref StackingContext x)
    {
        var totals = new QuoteTotals();
        bool unknown = x.Base.AdValorem is null;
        totals.Add(Authority.Mfn, x.Base.AdValorem ?? 0m);
        for (int i = 0; i < x.Count; i++)
        {
            ref Evaluated e = ref x[i];
            if (e.AdValorem is { } a)
            {
                totals.Add(e.Candidate?.Measure.Authority ?? Authority.IeepaReciprocal, a);
            }
            else
            {
                unknown = true;
            }
        }

        totals.NeedsValue = unknown;
        decimal sum = 0;
        for (int a = 0; a < Authorities.Count; a++)
        {
            sum += totals[(Authority)a];
        }

        totals.Total = unknown ? null : sum;
        return totals;
    }

    private static int DeclarationRank(Rulebook rulebook, in Evaluated e)
    {
        string slot = e.Candidate?.Measure.Slot ?? rulebook.Roles.UsContent.Slot;
        int rank = rulebook.DeclarationOrder.IndexOf(slot);
        return rank < 0 ? int.MaxValue : rank;
    }

    private static string BaseExplanation(QuoteRequest request, in BaseDuty baseDuty) => baseDuty.Column switch
    {
        RateColumn.Other => $"{request.Origin} is a column 2 country (General Note 3(b)).",
        RateColumn.General => "Column 1 General (normal trade relations) rate.",
        _ => $"Preference claimed under {baseDuty.ColumnName}.",
    };

    /// <summary>One component; with <paramref name="explain"/> false the lean form (the citation in place of the text).</summary>
    private static QuoteComponent Component(UsContentRole usContent, in Evaluated e, in BaseDuty baseDuty, bool explain)
    {
        if (e.Candidate is not { } c)
        {
            return new QuoteComponent(Authority.IeepaReciprocal, "U.S. content", e.Heading, ComponentKind.Exemption, NoChangeRate.Instance, 0m, e.Share, null,
                "reciprocal-us-content", explain ? usContent.Citation : string.Empty,
                explain ? $"The U.S. content ({PercentText.Of(e.Share)} of value, at least {PercentText.Of(usContent.Threshold)}) is not subject to the reciprocal duty." : string.Empty);
        }

        PolicyMeasure m = c.Measure;
        HeadingTermsOfColumn terms = c.For(m.RateColumn ?? baseDuty.Column);
        string program = explain && e.Note == Evaluated.InTransitNote ? m.Program + " (in transit)" : m.Program;
        return new QuoteComponent(m.Authority, program, e.Heading.IsEmpty ? null : e.Heading, e.Kind, terms.Printed, e.AdValorem, e.Share, e.FloorRate,
            m.Id, c.Period.Source, explain ? Text(usContent, in e, c, terms) : m.Citation);
    }

    private static string Text(UsContentRole usContent, in Evaluated e, CandidatePlan c, HeadingTermsOfColumn terms)
    {
        PolicyMeasure m = c.Measure;
        string listed = c.Entry is { } entry && m.Products is { } list ? $" (listed as {entry.Prefix} in {list.Name})" : string.Empty;
        string on = e.Share == 1m ? string.Empty : $" on {PercentText.Of(e.Share)} of the value";
        return e.Kind switch
        {
            ComponentKind.Floor => $"{PercentText.Of(e.FloorRate!.Value)} all-in: adds {(e.AdValorem is { } a ? PercentText.Of(a) : "the difference")} to the ordinary duty{on}. {m.Citation}. Rate read from {terms.RateSource}.",
            ComponentKind.Additional => $"+{PercentText.Of(terms.Rate)}{on}. {m.Citation}. Rate read from {terms.RateSource}."
                + (e.Note == Evaluated.UsContentNote ? $" Charged on the non-U.S. content only ({usContent.Heading})." : string.Empty),
            _ => e.Note switch
            {
                Evaluated.FloorMetNote => $"The ordinary duty already meets the {PercentText.Of(e.FloorRate!.Value)} all-in rate: nothing is added ({m.Citation}).",
                Evaluated.PartialNote => $"Exempt on the {PercentText.Of(e.Share)} of value charged under Section 232: {m.Citation}.",
                Evaluated.InTransitNote => "Loaded before the measure took effect: the in-transit heading is declared.",
                _ => $"Exempt: {m.Citation}{listed}.",
            },
        };
    }
}
