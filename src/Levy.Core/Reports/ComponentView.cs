using Levy.Core.Calculation;

namespace Levy.Core.Reports;

/// <summary>One duty of a quote as the hosts show it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Authority">The legal authority (<c>Mfn</c>, <c>Section232</c>…).</param>
/// <param name="Program">The program within the authority (<c>autos</c>, <c>list 3</c>…).</param>
/// <param name="Heading">The Chapter 99 heading to declare, or null for the ordinary duty.</param>
/// <param name="Kind">How the rate works (<c>Base</c>, <c>Additional</c>, <c>Floor</c>, <c>Exemption</c>).</param>
/// <param name="PrintedRate">The rate as printed.</param>
/// <param name="Parsed">The rate, read.</param>
/// <param name="Percent">The component in percent of the customs value, or null when it needs a value or quantity.</param>
/// <param name="Share">The share of the customs value it is charged on (0–1).</param>
/// <param name="FloorRate">For a floor, the all-in rate in percent (15).</param>
/// <param name="Measure">The rulebook measure, or <c>mfn</c>.</param>
/// <param name="Citation">The legal source.</param>
/// <param name="Explanation">Why it applies.</param>
public sealed record ComponentView(string Authority, string Program, string? Heading, string Kind, string PrintedRate, RateView Parsed,
    decimal? Percent, decimal Share, decimal? FloorRate, string Measure, string Citation, string Explanation)
{
    /// <summary>The view of a component.</summary>
    /// <param name="c">The component.</param>
    public static ComponentView From(QuoteComponent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Authority.ToString(), c.Program, c.Heading?.ToString(), c.Kind.ToString(), c.PrintedRate.ToString()!,
            RateView.From(c.PrintedRate), QuoteView.Percent(c.AdValorem), c.Share, QuoteView.Percent(c.FloorRate), c.MeasureId, c.Citation,
            c.Explanation);
    }
}
