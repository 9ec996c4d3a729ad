using Levy.Core.Calculation;

namespace Levy.Core.Reports;

/// <summary>A fact left to the importer on which a quote turns, as the hosts show it: the quote assumes it is not
/// certified, and says what certifying it would give.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Condition">The condition, as <c>--declare NAME</c> (or <c>declare=NAME</c>) takes it.</param>
/// <param name="Description">What the importer would certify.</param>
/// <param name="Source">The legal source.</param>
/// <param name="AssumedPercent">The quote's total in percent (the fact not certified), or null when it needs a value.</param>
/// <param name="DeclaredPercent">The total in percent if the importer certifies it.</param>
public sealed record ChoiceView(string Condition, string Description, string Source, decimal? AssumedPercent, decimal? DeclaredPercent)
{
    /// <summary>The view of a choice.</summary>
    public static ChoiceView From(QuoteChoice c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Condition, c.Description, c.Source, QuoteView.Percent(c.AssumedTotal), QuoteView.Percent(c.DeclaredTotal));
    }
}
