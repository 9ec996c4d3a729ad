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
}
