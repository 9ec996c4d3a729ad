using Levy.Core.Schedule;

namespace Levy.Core.Reports;

/// <summary>An answer that says how current its data is: the fields <c>dataAsOf</c>, <c>stale</c> and <c>dataNotice</c>
/// that every report of <c>levy … --json</c> and of the web API carries (<see cref="DataFreshness"/>).</summary>
/// <remarks>The three are null (left out of the JSON) until a host sets them with <see cref="DataAnswers.WithFreshness"/>.
/// Immutable and thread-safe.</remarks>
public abstract record DataAnswer
{
    /// <summary>The day the newest HTS revision in the data was published: the data is as of that day.</summary>
    public DateOnly? DataAsOf { get; init; }

    /// <summary>True when the answer is about a date after the data's date (dataAsOf): USITC may have published revisions since.</summary>
    public bool? Stale { get; init; }

    /// <summary>When stale, the sentence that says so: the revision used, its age and how to update (<c>levy data sync</c>).</summary>
    public string? DataNotice { get; init; }

    /// <summary>This answer (of its own type) with the fields of <paramref name="freshness"/>.</summary>
    internal DataAnswer Apply(DataFreshness freshness)
    {
        ArgumentNullException.ThrowIfNull(freshness);
        return this with { DataAsOf = freshness.Published, Stale = freshness.IsStale, DataNotice = freshness.Notice };
    }
}

/// <summary>Typed helpers for <see cref="DataAnswer"/>.</summary>
public static class DataAnswers
{
    /// <summary>The answer with the fields of <paramref name="freshness"/>, keeping its type.</summary>
    /// <typeparam name="T">The report type.</typeparam>
    /// <param name="answer">The answer.</param>
    /// <param name="freshness">How current the data is for it.</param>
    public static T WithFreshness<T>(this T answer, DataFreshness freshness) where T : DataAnswer
    {
        ArgumentNullException.ThrowIfNull(answer);
        return (T)answer.Apply(freshness);
    }
}
