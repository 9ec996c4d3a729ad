namespace Levy.Core.Reports;

/// <summary>A period over which the quote for a product and origin stays the same.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="From">The first day.</param>
/// <param name="To">The last day.</param>
/// <param name="TotalPercent">The total in percent of the customs value; null when it needs a value or quantity, or when the
/// code is not printed (see <paramref name="Problem"/>).</param>
/// <param name="Revision">The short name of the revision whose text governs the first day.</param>
/// <param name="Duties">The duties beyond the ordinary rate, as <c>heading percent</c> (<c>9903.94.01 25%</c>).</param>
/// <param name="Chapter99">The Chapter 99 numbers declared.</param>
/// <param name="Problem">Why there is no quote (the code is not printed then), or null.</param>
/// <param name="Event">What starts the period: the policy event of the revision taking legal effect that day, or the
/// Chapter 99 headings added and dropped; null for the first period.</param>
public sealed record HistorySegmentView(DateOnly From, DateOnly To, decimal? TotalPercent, string? Revision, IReadOnlyList<string> Duties,
    IReadOnlyList<string> Chapter99, string? Problem, string? Event);
