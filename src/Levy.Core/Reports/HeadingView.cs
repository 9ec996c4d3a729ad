using Levy.Core.Primitives;
using Levy.Core.Schedule;

namespace Levy.Core.Reports;

/// <summary>A Chapter 99 heading named by a footnote, as printed in the same revision.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Code">The heading.</param>
/// <param name="Description">Its text (its legal scope), or null when the revision does not print it.</param>
/// <param name="General">Its column 1 General text, or null.</param>
/// <param name="Parsed">That text, read.</param>
public sealed record HeadingView(HtsCode Code, string? Description, string? General, RateView? Parsed)
{
    /// <summary>The heading as printed in <paramref name="schedule"/>.</summary>
    /// <param name="schedule">The revision to read.</param>
    /// <param name="code">The heading.</param>
    public static HeadingView From(TariffSchedule schedule, HtsCode code)
    {
        HtsLine? line = schedule.FindLine(code);
        return new HeadingView(code, line?.Description, line?.General?.Text, line?.General is { } g ? RateView.From(g.Rate) : null);
    }
}
