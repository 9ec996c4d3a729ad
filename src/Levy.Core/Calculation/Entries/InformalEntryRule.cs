using System.Collections.Immutable;
using System.Globalization;
using Levy.Core.Calculation.Duties;
using Levy.Core.Primitives;

namespace Levy.Core.Calculation.Entries;

/// <summary>When an entry may be informal (19 CFR 143.21(a)): shipments not exceeding the limit, except (while the
/// exception is in force) articles over a lower limit classified in Chapter 99 subchapters III and IV.</summary>
/// <param name="Limit">The value limit of an informal entry ($2,500).</param>
/// <param name="Chapter99ArticleLimit">The value above which an article classified in Chapter 99 subchapter III or IV
/// needed a formal entry ($250).</param>
/// <param name="Chapter99ExceptionSuspendedFrom">The entry date from which that exception is suspended, or null.</param>
/// <param name="Citation">The regulation and the notice of the suspension.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record InformalEntryRule(Money Limit, Money Chapter99ArticleLimit, DateOnly? Chapter99ExceptionSuspendedFrom, string Citation)
{
    /// <summary>True when the Chapter 99 exception applies on <paramref name="entryDate"/>.</summary>
    public bool Chapter99ExceptionApplies(DateOnly entryDate) =>
        Chapter99ExceptionSuspendedFrom is not { } from || entryDate < from;

    /// <summary>Whether an entry is formal or informal: formal above the limit, or when an article over the chapter 99
    /// article limit is charged a Chapter 99 duty while that exception applies; the reason is added to <paramref name="notes"/>.</summary>
    internal EntryType TypeOf(IReadOnlyList<EntryLine> lines, IReadOnlyList<DutyBreakdown> duties, Money declared, DateOnly date,
        ImmutableArray<string>.Builder notes)
    {
        InformalEntryRule rule = this;
        if (declared > rule.Limit)
        {
            return EntryType.Formal;
        }

        if (rule.Chapter99ExceptionApplies(date))
        {
            for (int i = 0; i < lines.Count; i++)
            {
                if (lines[i].Value > rule.Chapter99ArticleLimit && HasChapter99(duties[i]))
                {
                    notes.Add(string.Format(CultureInfo.InvariantCulture, EntryErrorMessages.FormalForChapter99, i + 1, rule.Chapter99ArticleLimit, rule.Citation));
                    return EntryType.Formal;
                }
            }
        }

        notes.Add(string.Format(CultureInfo.InvariantCulture, EntryErrorMessages.Informal, declared, rule.Limit, rule.Citation));
        return EntryType.Informal;
    }

    private static bool HasChapter99(DutyBreakdown duty)
    {
        foreach (ComponentDuty c in duty.Components)
        {
            if (c.Component.Heading is { IsChapter99: true })
            {
                return true;
            }
        }

        return false;
    }
}
