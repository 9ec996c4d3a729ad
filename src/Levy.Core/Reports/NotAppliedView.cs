namespace Levy.Core.Reports;

/// <summary>A measure that was considered and did not apply, as the hosts show it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Measure">The rulebook measure.</param>
/// <param name="Authority">Its authority.</param>
/// <param name="Heading">Its Chapter 99 heading, if any.</param>
/// <param name="Reason">Why it did not apply.</param>
public sealed record NotAppliedView(string Measure, string Authority, string? Heading, string Reason);
