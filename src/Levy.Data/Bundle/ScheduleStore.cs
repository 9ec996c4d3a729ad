using System.Collections.Immutable;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;

namespace Levy.Data.Bundle;

/// <summary>The distinct texts and lines of a bundle, decoded on demand: a revision materialises only the lines it lists,
/// and each line, text and rate cell is built once and shared by every revision that prints it.</summary>
/// <remarks>Reads what <see cref="ScheduleTablesWriter"/> wrote. Thread-safe: caches are filled with
/// <see cref="Interlocked.CompareExchange{T}(ref T, T, T)"/>, so concurrent loads may build a value twice but all keep one.</remarks>
internal sealed class ScheduleStore
{
    private readonly BundleReader _texts;
    private readonly int[] _textStart;
    private readonly int[] _textLength;
    private readonly string?[] _textCache;
    private readonly ImmutableArray<UnitOfMeasure>[] _units;
    private readonly (RateColumn Column, int Text)[] _cells;
    private readonly RateCell?[] _cellCache;
    private readonly Footnote[] _footnotes;
    private readonly BundleReader _lines;
    private readonly int[] _lineStart;
    private readonly HtsLine?[] _lineCache;

    public ScheduleStore(BundleReader texts, BundleReader lines)
    {
        _texts = texts;
        int textCount = texts.Count(int.MaxValue / 8);
        _textStart = new int[textCount];
        _textLength = new int[textCount];
        for (int i = 0; i < textCount; i++)
        {
            (int start, int length) = texts.SkipString();
            if (length < 0)
            {
                throw texts.Corrupt($"text {i} is null");
            }

            _textStart[i] = start;
            _textLength[i] = length;
        }

        _textCache = new string?[textCount];
        _lines = lines;
        _units = new ImmutableArray<UnitOfMeasure>[lines.Count(textCount + 1_000_000)];
        for (int i = 0; i < _units.Length; i++)
        {
            ImmutableArray<string> symbols = lines.Strings();
            var builder = ImmutableArray.CreateBuilder<UnitOfMeasure>(symbols.Length);
            foreach (string s in symbols)
            {
                builder.Add(UnitOfMeasure.TryParse(s, out UnitOfMeasure u) ? u : throw lines.Corrupt($"\"{s}\" is not a unit"));
            }

            _units[i] = builder.Count == 0 ? ImmutableArray<UnitOfMeasure>.Empty : builder.MoveToImmutable();
        }

        _cells = new (RateColumn, int)[lines.Count(textCount * 3)];
        for (int i = 0; i < _cells.Length; i++)
        {
            byte column = lines.Byte();
            _cells[i] = (column <= (byte)RateColumn.Other ? (RateColumn)column : throw lines.Corrupt($"rate column {column}"), TextId(lines));
        }

        _cellCache = new RateCell?[_cells.Length];
        _footnotes = new Footnote[lines.Count(textCount)];
        for (int i = 0; i < _footnotes.Length; i++)
        {
            var columns = (FootnoteColumns)lines.Byte();
            string text = Text(TextId(lines)), kind = Text(TextId(lines));
            int n = lines.Count(64);
            var refs = ImmutableArray.CreateBuilder<HtsCode>(n);
            for (int r = 0; r < n; r++)
            {
                refs.Add(lines.Code());
            }

            _footnotes[i] = new Footnote(columns, text, kind, n == 0 ? ImmutableArray<HtsCode>.Empty : refs.MoveToImmutable());
        }

        _lineStart = new int[lines.Count(int.MaxValue / 8)];
        for (int i = 0; i < _lineStart.Length; i++)
        {
            _lineStart[i] = lines.Position;
            SkipLine(lines);
        }

        if (!lines.AtEnd)
        {
            throw lines.Corrupt("bytes follow the last line");
        }

        _lineCache = new HtsLine?[_lineStart.Length];
    }

    /// <summary>The number of distinct lines in the bundle.</summary>
    public int LineCount => _lineStart.Length;

    /// <summary>Decodes a revision section (its line numbers) into a schedule.</summary>
    public TariffSchedule Revision(HtsRevisionId id, BundleReader section)
    {
        int n = section.Count(_lineStart.Length * 4);
        var lines = ImmutableArray.CreateBuilder<HtsLine>(n);
        long previous = -1;
        for (int i = 0; i < n; i++)
        {
            long number = previous + section.Int();
            if (number < 0 || number >= _lineStart.Length)
            {
                throw section.Corrupt($"line number {number} is out of range (0-{_lineStart.Length - 1})");
            }

            lines.Add(Line((int)number));
            previous = number;
        }

        if (!section.AtEnd)
        {
            throw section.Corrupt("bytes follow the last line");
        }

        return new TariffSchedule(id, lines.MoveToImmutable());
    }

    private HtsLine Line(int id)
    {
        if (_lineCache[id] is { } cached)
        {
            return cached;
        }

        BundleReader r = _lines.At(_lineStart[id]); // a reader of its own: readers have a position, and loads may run in parallel
        HtsCode code = r.Code();
        int indent = r.Count(20);
        byte flags = r.Byte();
        string description = Text(TextId(r));
        ImmutableArray<UnitOfMeasure> units = _units[Index(r, _units.Length, "unit list")];
        RateCell? general = (flags & ScheduleTablesWriter.HasGeneral) != 0 ? Cell(Index(r, _cells.Length, "cell")) : null;
        RateCell? special = (flags & ScheduleTablesWriter.HasSpecial) != 0 ? Cell(Index(r, _cells.Length, "cell")) : null;
        RateCell? other = (flags & ScheduleTablesWriter.HasOther) != 0 ? Cell(Index(r, _cells.Length, "cell")) : null;
        int footnoteCount = r.Count(256);
        ImmutableArray<Footnote> footnotes = ImmutableArray<Footnote>.Empty;
        if (footnoteCount > 0)
        {
            var builder = ImmutableArray.CreateBuilder<Footnote>(footnoteCount);
            for (int i = 0; i < footnoteCount; i++)
            {
                builder.Add(_footnotes[Index(r, _footnotes.Length, "footnote")]);
            }

            footnotes = builder.MoveToImmutable();
        }

        var line = new HtsLine
        {
            Code = code,
            Indent = indent,
            Description = description,
            Units = units,
            General = general,
            Special = special,
            Other = other,
            Footnotes = footnotes,
            IsSuperior = (flags & ScheduleTablesWriter.Superior) != 0,
            QuotaQuantity = (flags & ScheduleTablesWriter.HasQuota) != 0 ? Text(TextId(r)) : null,
            AdditionalDuties = (flags & ScheduleTablesWriter.HasAdditional) != 0 ? Text(TextId(r)) : null,
        };
        return Interlocked.CompareExchange(ref _lineCache[id], line, null) ?? line;
    }

    private static void SkipLine(BundleReader r)
    {
        r.Code();
        r.UInt();
        byte flags = r.Byte();
        r.UInt();
        r.UInt();
        for (int bit = ScheduleTablesWriter.HasGeneral; bit <= ScheduleTablesWriter.HasOther; bit <<= 1)
        {
            if ((flags & bit) != 0)
            {
                r.UInt();
            }
        }

        int footnotes = r.Count(256);
        for (int i = 0; i < footnotes; i++)
        {
            r.UInt();
        }

        if ((flags & ScheduleTablesWriter.HasQuota) != 0)
        {
            r.UInt();
        }

        if ((flags & ScheduleTablesWriter.HasAdditional) != 0)
        {
            r.UInt();
        }
    }

    private RateCell Cell(int id)
    {
        if (_cellCache[id] is { } cached)
        {
            return cached;
        }

        (RateColumn column, int text) = _cells[id];
        string s = Text(text);
        var cell = new RateCell(s, RateParser.ParseCell(s, column));
        return Interlocked.CompareExchange(ref _cellCache[id], cell, null) ?? cell;
    }

    private int TextId(BundleReader r) => Index(r, _textStart.Length, "text");

    private static int Index(BundleReader r, int count, string what)
    {
        ulong v = r.UInt();
        return v < (ulong)count ? (int)v : throw r.Corrupt($"{what} number {v} is out of range (0-{count - 1})");
    }

    private string Text(int id)
    {
        if (_textCache[id] is { } cached)
        {
            return cached;
        }

        string s = _texts.Utf8(_textStart[id], _textLength[id]);
        return Interlocked.CompareExchange(ref _textCache[id], s, null) ?? s;
    }
}
