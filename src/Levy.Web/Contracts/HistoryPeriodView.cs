using Levy.Core.Primitives;

namespace Levy.Web.Contracts;

/// <summary>A period over which the quote stays the same.</summary>
/// <param name="From">The first day.</param>
/// <param name="To">The last day.</param>
/// <param name="TotalPercent">The total in percent of the customs value, or null when it needs a value or quantity.</param>
/// <param name="Chapter99">The Chapter 99 numbers declared.</param>
/// <param name="Revision">The revision read on the first day.</param>
/// <param name="Event">The policy event that starts the period, when the revision catalogue names one for that day.</param>
public sealed record HistoryPeriodView(DateOnly From, DateOnly To, decimal? TotalPercent, IReadOnlyList<HtsCode> Chapter99, string Revision, string? Event);
