using System.Collections.Immutable;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;

namespace Levy.Core.Calculation;

/// <summary>The answer to a <see cref="QuoteRequest"/>: each duty component with its authority, heading and citation,
/// the total, the measures considered that did not apply and why, and the defaults assumed.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RateQuote
{
    /// <summary>Creates a quote (the engine does this).</summary>
    public RateQuote(
        QuoteRequest request,
        HtsRevisionId revision,
        HtsProduct product,
        ImmutableArray<QuoteComponent> components,
        ImmutableArray<NotAppliedMeasure> notApplied,
        ImmutableArray<string> assumptions,
        ImmutableArray<string> trace)
    {
        Request = request;
        Revision = revision;
        Product = product;
        Components = components;
        NotApplied = notApplied;
        Assumptions = assumptions;
        Trace = trace;
    }

    /// <summary>The question.</summary>
    public QuoteRequest Request { get; }

    /// <summary>The revision whose text was read for the entry date.</summary>
    public HtsRevisionId Revision { get; }

    /// <summary>The product, with its description and ordinary rates.</summary>
    public HtsProduct Product { get; }

    /// <summary>Every component, the ordinary (MFN) duty first, then the Chapter 99 duties in declaration order.</summary>
    public ImmutableArray<QuoteComponent> Components { get; }

    /// <summary>Measures considered that did not apply, with the reason.</summary>
    public ImmutableArray<NotAppliedMeasure> NotApplied { get; }

    /// <summary>Defaults assumed for inputs the request did not give.</summary>
    public ImmutableArray<string> Assumptions { get; }

    /// <summary>Every rule consulted, in order (for <c>--verbose</c> and <c>levy explain</c>).</summary>
    public ImmutableArray<string> Trace { get; }

    /// <summary>Facts the law leaves to the importer that decide this quote: for each, the total as quoted (the fact not
    /// certified) and the total if the importer certifies it. Empty for lean quotes.</summary>
    public ImmutableArray<QuoteChoice> Choices { get; init; } = [];

    /// <summary>The ordinary duty component.</summary>
    public QuoteComponent Base => Components[0];

    /// <summary>The Chapter 99 numbers to declare, in the order CBP wants them (before the chapter 1–97 number).</summary>
    public IEnumerable<HtsCode> Chapter99Headings => Components.Where(c => c.Heading is not null).Select(c => c.Heading!.Value).Distinct();

    /// <summary>The total as a fraction of the customs value, when it can be computed (null when a specific duty needs a
    /// customs value or quantity that the request did not give).</summary>
    public decimal? TotalAdValorem => TotalOf(Components);

    /// <summary>The sum of the components' ad valorem rates; null when one of them is not known.</summary>
    internal static decimal? TotalOf(ImmutableArray<QuoteComponent> components)
    {
        decimal total = 0;
        foreach (QuoteComponent c in components)
        {
            if (c.AdValorem is not { } a)
            {
                return null;
            }

            total += a;
        }

        return total;
    }

    /// <summary>The Chapter 99 duties as a fraction of the customs value, when computable.</summary>
    public decimal? AdditionalAdValorem
    {
        get
        {
            decimal total = 0;
            foreach (QuoteComponent c in Components.AsSpan()[1..])
            {
                if (c.AdValorem is not { } a)
                {
                    return null;
                }

                total += a;
            }

            return total;
        }
    }

    /// <summary>The product, origin and date.</summary>
    public override string ToString() => $"{Request.Product} from {Request.Origin} on {Request.EntryDate:yyyy-MM-dd}: " +
        (TotalAdValorem is { } t ? Text.PercentText.Of(t, 3) : "specific duties need value and quantity");
}

/// <summary>How a component's rate works.</summary>
public enum ComponentKind
{
    /// <summary>The ordinary duty of the chapter 1–97 line.</summary>
    Base,

    /// <summary>An additional duty on (a share of) the customs value: "+ 25%".</summary>
    Additional,

    /// <summary>An all-in rate: the ordinary duty plus this component equals <see cref="QuoteComponent.FloorRate"/>
    /// ("15%" lines); the component is what is added to reach it, never negative.</summary>
    Floor,

    /// <summary>A heading declared for an exemption or passthrough; adds nothing.</summary>
    Exemption,
}

/// <summary>One duty of a quote.</summary>
/// <param name="Authority">The legal authority.</param>
/// <param name="Program">The program within the authority (<c>steel</c>, <c>autos</c>, <c>list 3</c>, <c>Japan deal</c>…).</param>
/// <param name="Heading">The Chapter 99 heading to declare, or null for the base duty.</param>
/// <param name="Kind">How the rate works.</param>
/// <param name="PrintedRate">The rate as the HTS prints it (parsed).</param>
/// <param name="AdValorem">The component as a fraction of the full customs value (e.g. 0.25, or 0.5 × metal share),
/// or null when it needs a customs value or quantity.</param>
/// <param name="Share">The share of the customs value the rate is charged on (1 for the full value; the metal or
/// non-U.S. share otherwise).</param>
/// <param name="FloorRate">For <see cref="ComponentKind.Floor"/>, the all-in rate (0.15).</param>
/// <param name="MeasureId">The rulebook measure, or <c>mfn</c>.</param>
/// <param name="Citation">The legal source.</param>
/// <param name="Explanation">Why it applies, in a sentence.</param>
public sealed record QuoteComponent(
    Authority Authority,
    string Program,
    HtsCode? Heading,
    ComponentKind Kind,
    Rate PrintedRate,
    decimal? AdValorem,
    decimal Share,
    decimal? FloorRate,
    string MeasureId,
    string Citation,
    string Explanation);

/// <summary>A fact only the importer can certify (rulebook conditions.yaml) on which the quote turns: Levy quotes as if it
/// were not certified, and says what certifying it would give.</summary>
/// <param name="Condition">The condition's name, as <c>--declare NAME</c> takes it.</param>
/// <param name="Description">What the importer would certify.</param>
/// <param name="Source">The legal source of the condition.</param>
/// <param name="AssumedTotal">The quote's total (the fact not certified), as a fraction of the customs value, or null when
/// specific duties need a value.</param>
/// <param name="DeclaredTotal">The total if the importer certifies the fact.</param>
public sealed record QuoteChoice(string Condition, string Description, string Source, decimal? AssumedTotal, decimal? DeclaredTotal);

/// <summary>A measure the engine considered that did not apply.</summary>
/// <param name="MeasureId">The rulebook measure.</param>
/// <param name="Authority">Its authority.</param>
/// <param name="Heading">Its heading.</param>
/// <param name="Reason">Why it did not apply ("product in Annex II (9903.01.32)", "floor already met", "in transit"…).</param>
public sealed record NotAppliedMeasure(string MeasureId, Authority Authority, HtsCode? Heading, string Reason);
