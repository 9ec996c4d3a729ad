namespace Levy.Core.Schedule;

/// <summary>How current the data behind an answer is: the newest HTS revision Levy has, when it was published, how old it
/// is today, and whether the answer is about a date after that publication (when USITC may have published revisions
/// Levy does not have).</summary>
/// <remarks>
/// <para>An answer is <see cref="IsStale"/> when the latest date it is about comes after the publication of the newest
/// revision in the data: the schedule may have changed since, and only a newer revision can say. Answers about earlier
/// dates are not stale, however old the data, because a revision is not replaced for the days before it was published.
/// Core never reads the clock: the host passes today's date (from an injected <see cref="TimeProvider"/>).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
/// <param name="Newest">The newest revision in the data.</param>
/// <param name="Published">The day it was published (its effective date in the revision catalogue): the data is as of that day.</param>
/// <param name="Today">Today, as the host's clock says.</param>
/// <param name="Asked">The latest date the answer is about (an entry date, or the last day of a history).</param>
/// <param name="Used">The revision whose text answered, when the answer names one.</param>
public sealed record DataFreshness(HtsRevisionId Newest, DateOnly Published, DateOnly Today, DateOnly Asked, HtsRevisionId? Used = null)
{
    /// <summary>The command that updates the data.</summary>
    public const string UpdateCommand = "levy data sync";

    /// <summary>Days from the newest revision's publication to today (0 when today is earlier).</summary>
    public int AgeDays => Math.Max(0, Today.DayNumber - Published.DayNumber);

    /// <summary>True when the answer is about a date after the newest revision was published.</summary>
    public bool IsStale => Asked > Published;

    /// <summary>The sentence a host shows with a stale answer: the revision used, how old the data is and how to update;
    /// null when the answer is not stale.</summary>
    public string? Notice
    {
        get
        {
            if (!IsStale)
            {
                return null;
            }

            string used = Used is { } u && u != Newest
                ? $"this answer reads HTS {u}; the newest revision Levy has, {Newest}, was published {Published:yyyy-MM-dd}"
                : $"this answer reads HTS {Newest}, the newest revision Levy has, published {Published:yyyy-MM-dd}";
            return $"Data may be out of date: {used} ({Age}), and {Asked:yyyy-MM-dd} is after that, so USITC may have published "
                + $"revisions since. Update with `{UpdateCommand}`.";
        }
    }

    private string Age => AgeDays switch
    {
        0 => "today",
        1 => "1 day ago",
        int n => $"{n} days ago",
    };
}
