using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Core.Schedule;

/// <summary>The column of the schedule a footnote is attached to.</summary>
[Flags]
public enum FootnoteColumns
{
    /// <summary>No column named.</summary>
    None = 0,

    /// <summary>Column 1 General.</summary>
    General = 1,

    /// <summary>Column 1 Special.</summary>
    Special = 2,

    /// <summary>Column 2.</summary>
    Other = 4,

    /// <summary>The description.</summary>
    Description = 8,

    /// <summary>The units of quantity.</summary>
    Units = 16,
}

/// <summary>A footnote on a schedule line, e.g. <c>See 9903.88.01.</c> on the General column.</summary>
/// <remarks>Immutable and thread-safe; instances are shared between revisions.</remarks>
/// <param name="Columns">The columns it is attached to.</param>
/// <param name="Text">The text, markup removed and trimmed.</param>
/// <param name="Kind">The USITC footnote type (<c>endnote</c>, <c>footnote</c>).</param>
/// <param name="References">The HTS codes it names (Chapter 99 headings for <c>See 9903.88.01.</c>).</param>
public sealed record Footnote(FootnoteColumns Columns, string Text, string Kind, ImmutableArray<HtsCode> References)
{
    /// <inheritdoc/>
    public bool Equals(Footnote? other) =>
        other is not null && Columns == other.Columns && Text == other.Text && Kind == other.Kind && References.SequenceEqual(other.References);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Columns, Text, Kind);
}
