using System.Collections.Concurrent;
using System.Collections.Immutable;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;
using Levy.Core.Text;

namespace Levy.Data.Hts;

/// <summary>Shares strings, rate cells, footnotes and whole lines between revisions, so that 44 revisions that repeat
/// most of their 35,000 rows hold each distinct row once. Each distinct rate text is parsed once per process.</summary>
/// <remarks>Thread-safe: revisions may be loaded in parallel through one interner.</remarks>
public sealed class ScheduleInterner
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateCell?>[] _cells =
        [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
    private readonly ConcurrentDictionary<Footnote, Footnote> _footnotes = new();
    private readonly ConcurrentDictionary<HtsLine, HtsLine> _lines = new();
    private readonly ConcurrentDictionary<string, ImmutableArray<UnitOfMeasure>> _units = new(StringComparer.Ordinal);

    /// <summary>The number of distinct lines held.</summary>
    public int DistinctLines => _lines.Count;

    /// <summary>The number of distinct rate texts parsed, per column.</summary>
    public int DistinctRateTexts => _cells.Sum(c => c.Count);

    /// <summary>Every distinct rate cell seen so far, with its column.</summary>
    public IEnumerable<(RateColumn Column, RateCell Cell)> RateCells =>
        _cells.SelectMany((dict, i) => dict.Values.OfType<RateCell>().Select(c => ((RateColumn)i, c)));

    /// <summary>The shared instance of a string.</summary>
    public string String(ReadOnlySpan<char> text)
    {
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out string? existing))
        {
            return existing;
        }

        string s = text.ToString();
        return _strings.GetOrAdd(s, s);
    }

    /// <summary>The shared rate cell for a printed text; null when the text is blank once markup is removed.</summary>
    public RateCell? Cell(string? raw, RateColumn column)
    {
        if (raw is null)
        {
            return null;
        }

        ConcurrentDictionary<string, RateCell?> cells = _cells[(int)column];
        if (cells.TryGetValue(raw, out RateCell? cell))
        {
            return cell;
        }

        string text = Markup.Strip(raw).Trim();
        cell = text.Length == 0 ? null : new RateCell(String(text), RateParser.ParseCell(text, column));
        return cells.GetOrAdd(String(raw), cell);
    }

    /// <summary>The shared array of units for a list of printed units.</summary>
    public ImmutableArray<UnitOfMeasure> Units(List<string> printed)
    {
        if (printed.Count == 0)
        {
            return ImmutableArray<UnitOfMeasure>.Empty;
        }

        string key = string.Join('\u001F', printed);
        return _units.GetOrAdd(key, static (_, list) =>
        {
            var builder = ImmutableArray.CreateBuilder<UnitOfMeasure>(list.Count);
            foreach (string u in list)
            {
                if (UnitOfMeasure.TryParse(u, out UnitOfMeasure unit))
                {
                    builder.Add(unit);
                }
            }

            return builder.ToImmutable();
        }, printed);
    }

    /// <summary>The shared instance of a footnote.</summary>
    public Footnote Footnote(Footnote footnote) => _footnotes.GetOrAdd(footnote, footnote);

    /// <summary>The shared instance of a line.</summary>
    public HtsLine Line(HtsLine line) => _lines.GetOrAdd(line, line);
}
