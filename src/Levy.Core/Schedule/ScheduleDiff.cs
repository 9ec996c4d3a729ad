using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Core.Schedule;

/// <summary>What changed between two revisions: lines added, lines removed, and lines whose rates, description, units or
/// footnotes changed.</summary>
/// <remarks>Lines are matched by code; text-only rows are not compared. Immutable and thread-safe.</remarks>
public sealed class ScheduleDiff
{
    private ScheduleDiff(HtsRevisionId from, HtsRevisionId to, ImmutableArray<HtsLine> added, ImmutableArray<HtsLine> removed, ImmutableArray<LineChange> changed)
    {
        From = from;
        To = to;
        Added = added;
        Removed = removed;
        Changed = changed;
    }

    /// <summary>The older revision.</summary>
    public HtsRevisionId From { get; }

    /// <summary>The newer revision.</summary>
    public HtsRevisionId To { get; }

    /// <summary>Codes printed in <see cref="To"/> but not in <see cref="From"/>.</summary>
    public ImmutableArray<HtsLine> Added { get; }

    /// <summary>Codes printed in <see cref="From"/> but not in <see cref="To"/>.</summary>
    public ImmutableArray<HtsLine> Removed { get; }

    /// <summary>Codes printed in both whose content changed.</summary>
    public ImmutableArray<LineChange> Changed { get; }

    /// <summary>The changes that touch a rate column.</summary>
    public IEnumerable<LineChange> RateChanges => Changed.Where(c => (c.Fields & ChangedFields.Rates) != 0);

    /// <summary>Compares two schedules.</summary>
    /// <param name="from">The older schedule.</param>
    /// <param name="to">The newer schedule.</param>
    /// <param name="scope">Only codes within this prefix (e.g. chapter 99), or default for all.</param>
    public static ScheduleDiff Compare(TariffSchedule from, TariffSchedule to, HtsCode scope = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        bool InScope(HtsLine l) => !l.Code.IsEmpty && (scope.IsEmpty || l.Code.IsWithin(scope));

        var added = ImmutableArray.CreateBuilder<HtsLine>();
        var changed = ImmutableArray.CreateBuilder<LineChange>();
        foreach (HtsLine newer in to.Lines)
        {
            if (!InScope(newer))
            {
                continue;
            }

            HtsLine? older = from.FindLine(newer.Code);
            if (older is null)
            {
                added.Add(newer);
            }
            else if (!ReferenceEquals(older, newer) && !older.Equals(newer))
            {
                ChangedFields fields = Compare(older, newer);
                if (fields != ChangedFields.None)
                {
                    changed.Add(new LineChange(older, newer, fields));
                }
            }
        }

        var removed = from.Lines.Where(l => InScope(l) && to.FindLine(l.Code) is null).ToImmutableArray();
        return new ScheduleDiff(from.Revision, to.Revision, added.ToImmutable(), removed, changed.ToImmutable());
    }

    private static ChangedFields Compare(HtsLine a, HtsLine b)
    {
        ChangedFields f = ChangedFields.None;
        if (a.General?.Text != b.General?.Text)
        {
            f |= ChangedFields.General;
        }

        if (a.Special?.Text != b.Special?.Text)
        {
            f |= ChangedFields.Special;
        }

        if (a.Other?.Text != b.Other?.Text)
        {
            f |= ChangedFields.Other;
        }

        if (a.Description != b.Description)
        {
            f |= ChangedFields.Description;
        }

        if (!a.Units.SequenceEqual(b.Units))
        {
            f |= ChangedFields.Units;
        }

        if (!a.Footnotes.SequenceEqual(b.Footnotes))
        {
            f |= ChangedFields.Footnotes;
        }

        if (a.Indent != b.Indent)
        {
            f |= ChangedFields.Indent;
        }

        return f;
    }
}

/// <summary>Which parts of a line changed.</summary>
[Flags]
public enum ChangedFields
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Column 1 General.</summary>
    General = 1,

    /// <summary>Column 1 Special.</summary>
    Special = 2,

    /// <summary>Column 2.</summary>
    Other = 4,

    /// <summary>Any rate column.</summary>
    Rates = General | Special | Other,

    /// <summary>The description.</summary>
    Description = 8,

    /// <summary>The units.</summary>
    Units = 16,

    /// <summary>The footnotes.</summary>
    Footnotes = 32,

    /// <summary>The outline level.</summary>
    Indent = 64,
}

/// <summary>A line printed in both revisions with different content.</summary>
/// <param name="Before">The line in the older revision.</param>
/// <param name="After">The line in the newer revision.</param>
/// <param name="Fields">What changed.</param>
public sealed record LineChange(HtsLine Before, HtsLine After, ChangedFields Fields)
{
    /// <summary>The code.</summary>
    public HtsCode Code => After.Code;
}
