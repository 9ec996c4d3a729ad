namespace Levy.Core.Reports;

/// <summary>A period over which the answer for a product and origin reads the same.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="From">The first day.</param>
/// <param name="To">The last day.</param>
/// <param name="TotalPercent">The total in percent of the customs value; null when it needs a value or quantity, or when the
/// code is not printed (see <paramref name="Problem"/>).</param>
/// <param name="Revision">The short name of the revision whose text governs the first day.</param>
/// <param name="LastRevision">The short name of the revision whose text governs the last day (the same as
/// <paramref name="Revision"/> when one revision governs the whole period).</param>
/// <param name="Duties">The duties beyond the ordinary rate, as <c>heading percent</c> (<c>9903.94.01 25%</c>).</param>
/// <param name="Chapter99">The Chapter 99 numbers declared (exemption headings included).</param>
/// <param name="Problem">Why there is no quote (the code is not printed then), or null.</param>
/// <param name="Event">What starts the period: the policy event of the revision taking legal effect that day, or the
/// Chapter 99 headings added and dropped; null for the first period.</param>
public sealed record HistorySegmentView(DateOnly From, DateOnly To, decimal? TotalPercent, string? Revision, string? LastRevision,
    IReadOnlyList<string> Duties, IReadOnlyList<string> Chapter99, string? Problem, string? Event)
{
    /// <summary>The revisions of the period: <c>2025_rev_6</c>, or <c>2025_rev_6 – 2025_rev_22</c> when several govern it.</summary>
    public string? Revisions => Revision is null || LastRevision is null || LastRevision == Revision ? Revision : $"{Revision} – {LastRevision}";

    /// <summary>True when <paramref name="other"/> says the same as this period but for its dates, revisions and event:
    /// the same total, duties, declared headings and problem.</summary>
    /// <param name="other">The next period.</param>
    public bool ReadsLike(HistorySegmentView other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return TotalPercent == other.TotalPercent && Problem == other.Problem
            && Duties.SequenceEqual(other.Duties, StringComparer.Ordinal) && Chapter99.SequenceEqual(other.Chapter99, StringComparer.Ordinal);
    }
}
