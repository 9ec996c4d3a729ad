using Levy.Core.Calculation;

namespace Levy.Web.Quotes;

/// <summary>A span of days over which a quote stays the same.</summary>
/// <param name="From">The first day.</param>
/// <param name="To">The last day.</param>
/// <param name="Quote">The quote on <paramref name="From"/> (the same on every day of the period).</param>
public sealed record QuotePeriod(DateOnly From, DateOnly To, RateQuote Quote);
