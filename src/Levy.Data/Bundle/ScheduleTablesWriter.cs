using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;

namespace Levy.Data.Bundle;

/// <summary>Collects the distinct texts, unit lists, rate cells, footnotes and lines of every revision, each stored once,
/// and writes them as the <c>texts</c> and <c>lines</c> sections; a revision is then the list of its line numbers.</summary>
/// <remarks>
/// Numbers are given in order of first use, walking the revisions in publication order and their lines in schedule
/// order, so that the same inputs always give the same bytes. Layout of <c>lines</c> (all counts and ids are variable-length
/// integers): the unit lists (count, then for each its symbols), the cells (column byte, text id), the footnotes (column flags,
/// text id, kind id, referenced codes), then the lines (code, indent, flags, description id, units id, the optional cells,
/// footnote ids, quota and additional-duty text ids). Not thread-safe.
/// </remarks>
internal sealed class ScheduleTablesWriter
{
    internal const byte Superior = 1, HasGeneral = 2, HasSpecial = 4, HasOther = 8, HasQuota = 16, HasAdditional = 32;

    private readonly Numbering<string> _texts = new(StringComparer.Ordinal);
    private readonly Numbering<string> _units = new(StringComparer.Ordinal);
    private readonly List<IReadOnlyList<UnitOfMeasure>> _unitList = [];
    private readonly Numbering<(RateColumn Column, string Text)> _cells = new();
    private readonly Numbering<Footnote> _footnotes = new();
    private readonly Numbering<HtsLine> _lines = new();

    /// <summary>How many distinct lines were collected.</summary>
    public int LineCount => _lines.Items.Count;

    /// <summary>How many distinct texts were collected.</summary>
    public int TextCount => _texts.Items.Count;

    /// <summary>Adds a revision's lines and returns the section that lists them: the line count, then each line's number as
    /// the zig-zag difference from the previous one (consecutive revisions share long runs, so this is mostly 1s).</summary>
    public BundleWriter Revision(TariffSchedule schedule)
    {
        var w = new BundleWriter();
        w.Count(schedule.Lines.Length);
        long previous = -1;
        foreach (HtsLine line in schedule.Lines)
        {
            int id = Line(line);
            w.Int(id - previous);
            previous = id;
        }

        return w;
    }

    private int Line(HtsLine line)
    {
        if (_lines.Find(line) is { } id)
        {
            return id;
        }

        // Register the parts first, so their numbers follow schedule order too.
        Text(line.Description);
        Units(line.Units);
        foreach (RateCell? c in (ReadOnlySpan<RateCell?>)[line.General, line.Special, line.Other])
        {
            if (c is not null)
            {
                Text(c.Text);
            }
        }

        foreach (Footnote f in line.Footnotes)
        {
            Footnote(f);
        }

        if (line.QuotaQuantity is { } quota)
        {
            Text(quota);
        }

        if (line.AdditionalDuties is { } additional)
        {
            Text(additional);
        }

        return _lines.Number(line);
    }

    private int Text(string text) => _texts.Number(text);

    private int Units(IReadOnlyList<UnitOfMeasure> units)
    {
        int count = _units.Items.Count;
        int id = _units.Number(UnitsKey(units));
        if (id == count)
        {
            _unitList.Add(units);
        }

        return id;
    }

    private static string UnitsKey(IEnumerable<UnitOfMeasure> units) => string.Join('\u001F', units.Select(u => u.Symbol));

    private int Cell(RateCell cell, RateColumn column) => _cells.Number((column, cell.Text));

    private void Footnote(Footnote footnote)
    {
        Text(footnote.Text);
        Text(footnote.Kind);
        _footnotes.Number(footnote);
    }

    /// <summary>The <c>texts</c> section: the count, then each text.</summary>
    public BundleWriter WriteTexts()
    {
        var w = new BundleWriter();
        w.Strings(_texts.Items);
        return w;
    }

    /// <summary>The <c>lines</c> section.</summary>
    public BundleWriter WriteLines()
    {
        // Cells are numbered while lines are written (a line's cells get their numbers in order), so write lines first.
        var lines = new BundleWriter();
        lines.Count(_lines.Items.Count);
        foreach (HtsLine line in _lines.Items)
        {
            lines.Code(line.Code);
            lines.Count(line.Indent);
            byte flags = (byte)((line.IsSuperior ? Superior : 0) | (line.General is null ? 0 : HasGeneral) | (line.Special is null ? 0 : HasSpecial)
                | (line.Other is null ? 0 : HasOther) | (line.QuotaQuantity is null ? 0 : HasQuota) | (line.AdditionalDuties is null ? 0 : HasAdditional));
            lines.Byte(flags);
            lines.Count(Text(line.Description));
            lines.Count(_units.Number(UnitsKey(line.Units)));
            if (line.General is { } g)
            {
                lines.Count(Cell(g, RateColumn.General));
            }

            if (line.Special is { } s)
            {
                lines.Count(Cell(s, RateColumn.Special));
            }

            if (line.Other is { } o)
            {
                lines.Count(Cell(o, RateColumn.Other));
            }

            lines.Count(line.Footnotes.Length);
            foreach (Footnote f in line.Footnotes)
            {
                lines.Count(_footnotes.Number(f));
            }

            if (line.QuotaQuantity is { } q)
            {
                lines.Count(Text(q));
            }

            if (line.AdditionalDuties is { } a)
            {
                lines.Count(Text(a));
            }
        }

        var w = new BundleWriter();
        w.Count(_unitList.Count);
        foreach (IReadOnlyList<UnitOfMeasure> units in _unitList)
        {
            w.Strings([.. units.Select(u => u.Symbol)]);
        }

        w.Count(_cells.Items.Count);
        foreach ((RateColumn column, string text) in _cells.Items)
        {
            w.Byte((byte)column);
            w.Count(Text(text));
        }

        w.Count(_footnotes.Items.Count);
        foreach (Footnote f in _footnotes.Items)
        {
            w.Byte((byte)f.Columns);
            w.Count(Text(f.Text));
            w.Count(Text(f.Kind));
            w.Count(f.References.Length);
            foreach (HtsCode c in f.References)
            {
                w.Code(c);
            }
        }

        w.Bytes(lines.Written);
        return w;
    }
}

/// <summary>Numbers distinct values in order of first use.</summary>
internal sealed class Numbering<T>(IEqualityComparer<T>? comparer = null)
    where T : notnull
{
    private readonly Dictionary<T, int> _numbers = new(comparer);
    private readonly List<T> _items = [];

    /// <summary>The values, by number.</summary>
    public IReadOnlyList<T> Items => _items;

    /// <summary>The number of a value, given on first use.</summary>
    public int Number(T value)
    {
        if (!_numbers.TryGetValue(value, out int id))
        {
            id = _items.Count;
            _numbers.Add(value, id);
            _items.Add(value);
        }

        return id;
    }

    /// <summary>The number of a value, or null if it has none yet.</summary>
    public int? Find(T value) => _numbers.TryGetValue(value, out int id) ? id : null;
}
