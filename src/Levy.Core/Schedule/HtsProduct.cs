using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Core.Schedule;

/// <summary>A line of the schedule with everything it inherits resolved: the rate columns (a 10-digit line takes the
/// rates of its 8-digit parent), the reporting units, the footnotes of its coded ancestors and its description path.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class HtsProduct
{
    private readonly TariffSchedule _schedule;
    private readonly int _index;

    internal HtsProduct(TariffSchedule schedule, int index, HtsLine line, RateCell? general, RateCell? special, RateCell? other,
        HtsCode rateSource, ImmutableArray<UnitOfMeasure> units, ImmutableArray<Footnote> footnotes)
    {
        _schedule = schedule;
        _index = index;
        Line = line;
        General = general;
        Special = special;
        Other = other;
        RateSource = rateSource;
        Units = units;
        Footnotes = footnotes;
    }

    /// <summary>The revision the product was read from.</summary>
    public HtsRevisionId Revision => _schedule.Revision;

    /// <summary>The printed line.</summary>
    public HtsLine Line { get; }

    /// <summary>The code.</summary>
    public HtsCode Code => Line.Code;

    /// <summary>Column 1 General, own or inherited.</summary>
    public RateCell? General { get; }

    /// <summary>Column 1 Special, own or inherited with the General rate.</summary>
    public RateCell? Special { get; }

    /// <summary>Column 2, own or inherited with the General rate.</summary>
    public RateCell? Other { get; }

    /// <summary>The code of the line whose rates apply (the line itself or the ancestor it inherits from).</summary>
    public HtsCode RateSource { get; }

    /// <summary>Reporting units, own or from the 8-digit line.</summary>
    public ImmutableArray<UnitOfMeasure> Units { get; }

    /// <summary>Footnotes of the line and its coded ancestors down from the 8-digit level.</summary>
    public ImmutableArray<Footnote> Footnotes { get; }

    /// <summary>The Chapter 99 headings named by the footnotes, in order, without repeats.</summary>
    public ImmutableArray<HtsCode> Chapter99References =>
        Footnotes.SelectMany(f => f.References).Where(c => c.IsChapter99).Distinct().ToImmutableArray();

    /// <summary>The descriptions from the top of the outline down to this line.</summary>
    public IReadOnlyList<string> DescriptionPath => _schedule.PathOf(_index).Select(l => l.Description).ToList();

    /// <summary>The description path joined with <c>: </c> (a level's own trailing colon is not doubled).</summary>
    public string FullDescription => string.Join(": ", DescriptionPath.Select(d => d.TrimEnd(':', ' ')).Where(d => d.Length > 0));

    /// <inheritdoc/>
    public override string ToString() => $"{Code} {FullDescription}";
}
