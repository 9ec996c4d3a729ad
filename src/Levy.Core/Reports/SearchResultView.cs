namespace Levy.Core.Reports;

/// <summary>One hit of a search.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Rank">1 for the best hit.</param>
/// <param name="Code">The line's code, dotted.</param>
/// <param name="Score">The relevance score (comparable within one query only).</param>
/// <param name="Description">The line's own description.</param>
/// <param name="Path">The full description path.</param>
/// <param name="General">The column 1 General text, own or inherited.</param>
public sealed record SearchResultView(int Rank, string Code, double Score, string Description, string Path, string? General);
