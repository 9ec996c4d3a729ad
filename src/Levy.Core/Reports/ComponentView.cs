using Levy.Core.Calculation;
using Levy.Core.Primitives;

namespace Levy.Core.Reports;

/// <summary>One duty of a quote as the hosts report it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Authority">The legal authority.</param>
/// <param name="Program">The program within the authority (<c>autos</c>, <c>list 3</c>…).</param>
/// <param name="Heading">The Chapter 99 heading to declare, or null for the ordinary duty.</param>
/// <param name="Kind">How the rate works.</param>
/// <param name="PrintedRate">The rate as printed, read.</param>
/// <param name="Percent">The component in percent of the customs value, or null when it needs a value or quantity.</param>
/// <param name="Share">The share of the customs value it is charged on (0–1).</param>
/// <param name="FloorPercent">For a floor, the all-in rate in percent (15).</param>
/// <param name="MeasureId">The rulebook measure, or <c>mfn</c>.</param>
/// <param name="Citation">The legal source.</param>
/// <param name="Explanation">Why it applies.</param>
public sealed record ComponentView(
    Authority Authority,
    string Program,
    HtsCode? Heading,
    ComponentKind Kind,
    RateView PrintedRate,
    decimal? Percent,
    decimal Share,
    decimal? FloorPercent,
    string MeasureId,
    string Citation,
    string Explanation)
{
    /// <summary>The view of a component.</summary>
    /// <param name="component">The component.</param>
    public static ComponentView From(QuoteComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return new ComponentView(
            component.Authority, component.Program, component.Heading, component.Kind, RateView.From(component.PrintedRate),
            QuoteReport.Percent(component.AdValorem), QuoteReport.Trim(component.Share), QuoteReport.Percent(component.FloorRate),
            component.MeasureId, component.Citation, component.Explanation);
    }
}
