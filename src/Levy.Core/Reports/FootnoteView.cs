namespace Levy.Core.Reports;

/// <summary>A footnote of a line.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Columns">The columns it is attached to (<c>General</c>, <c>Other</c>…).</param>
/// <param name="Text">The text.</param>
/// <param name="References">The HTS codes it names, dotted.</param>
public sealed record FootnoteView(string Columns, string Text, IReadOnlyList<string> References);
