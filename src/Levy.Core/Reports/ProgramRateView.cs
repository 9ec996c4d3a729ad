namespace Levy.Core.Reports;

/// <summary>One group of a Special column: the rate and the program symbols that claim it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Programs">The Special Program Indicators (<c>AU</c>, <c>KR</c>, <c>S</c>…).</param>
/// <param name="Rate">The rate under those programs.</param>
public sealed record ProgramRateView(IReadOnlyList<string> Programs, RateView Rate);
