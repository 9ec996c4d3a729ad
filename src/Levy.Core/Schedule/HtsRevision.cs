namespace Levy.Core.Schedule;

/// <summary>A published revision of the HTS and its dates.</summary>
/// <remarks>
/// <para>Two dates matter and often differ (docs/domain.md, "Which text governs a date"): <see cref="EffectiveDate"/> is when the revision became the
/// schedule in force (close to its USITC publication date); <see cref="PolicyEffectiveDate"/> is the legal effective date
/// of the main action it carries, which may be later (a heading printed before it applies) or earlier (a retroactive change).
/// Lookups of the schedule by date use the first; the rate engine gates each measure by its own legal dates.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
/// <param name="Id">The revision.</param>
/// <param name="EffectiveDate">The first day the revision is the schedule in force.</param>
/// <param name="PolicyEffectiveDate">The legal effective date of its main action, when that differs; null otherwise.</param>
/// <param name="PolicyEvent">What changed, in a sentence; null for text-only revisions.</param>
/// <param name="Source">Where the dates come from.</param>
public sealed record HtsRevision(HtsRevisionId Id, DateOnly EffectiveDate, DateOnly? PolicyEffectiveDate, string? PolicyEvent, string Source)
{
    /// <summary><c>2025 Revision 7 (in force 2025-04-02)</c>.</summary>
    public override string ToString() => $"{Id} (in force {EffectiveDate:yyyy-MM-dd})";
}
