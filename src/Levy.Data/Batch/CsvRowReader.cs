using System.Buffers;
using Levy.Core.Inputs;

namespace Levy.Data.Batch;

/// <summary>Reads a batch input one row at a time, whatever its bytes: CSV (RFC 4180) split into fields, or whole lines
/// (JSON Lines). No row is longer than a bound, and a damaged row never takes the rows after it down with it.</summary>
/// <remarks>
/// <para><b>Rows.</b> A row ends at a line break (<c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>) outside quotes. A field that
/// starts with <c>"</c> (after spaces) is quoted: it runs to the next lone <c>"</c>, may hold commas and line breaks, and
/// <c>""</c> inside it is one quote; text after the closing quote is kept. A <c>"</c> inside an unquoted field is an
/// ordinary character (<c>12" pipe</c>), so it cannot open a quote that swallows the following rows.</para>
/// <para><b>Damage.</b> A quote still open at the end of the input, or still open after <see cref="InputBounds.MaxBatchRowChars"/>
/// characters, makes the row that opened it an error row (<see cref="RowProblem.UnterminatedQuote"/>), and reading
/// starts again on the line after the one where the quote opened: every line that followed is read as a row of its own.
/// A line longer than the bound is an error row (<see cref="RowProblem.TooLong"/>) and is skipped without being held in
/// memory. So <i>N</i> lines always give <i>N</i> rows (empty lines aside) and memory stays within twice the bound.</para>
/// <para>Not thread-safe.</para>
/// </remarks>
internal sealed class CsvRowReader : IDisposable
{
    private const int Chunk = 1 << 16;

    private readonly TextReader _reader;
    private readonly bool _split;
    private readonly int _maxRow;
    private char[] _buffer = ArrayPool<char>.Shared.Rent(Chunk * 2);
    private int _start;     // the first character not yet consumed
    private int _end;       // the end of the characters read
    private bool _eof;
    private long _nextLine = 1;

    private char[] _chars = ArrayPool<char>.Shared.Rent(1024); // the unescaped fields of the current row, one after another
    private int _used;
    private (int Start, int Length)[] _fields = new (int, int)[32];

    /// <summary>Creates a reader.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="splitFields">True for CSV; false to read whole lines (JSON Lines: no quoting, one field per row).</param>
    /// <param name="maxRowChars">The longest row.</param>
    internal CsvRowReader(TextReader reader, bool splitFields, int maxRowChars = InputBounds.MaxBatchRowChars)
    {
        _reader = reader;
        _split = splitFields;
        _maxRow = maxRowChars;
    }

    /// <summary>The line the current row starts on (1-based).</summary>
    internal long Line { get; private set; }

    /// <summary>What went wrong with the current row, if anything (its fields are then those completed before the damage).</summary>
    internal RowProblem Problem { get; private set; }

    /// <summary>For <see cref="RowProblem.UnterminatedQuote"/>: the field (0-based) whose quote is never closed.</summary>
    internal int ProblemField { get; private set; }

    /// <summary>The number of fields of the current row (0 for an empty line).</summary>
    internal int FieldCount { get; private set; }

    /// <summary>A field of the current row, unescaped; empty beyond <see cref="FieldCount"/>.</summary>
    internal ReadOnlySpan<char> this[int index] =>
        (uint)index < (uint)FieldCount ? _chars.AsSpan(_fields[index].Start, _fields[index].Length) : default;

    /// <summary>True when the current row is an empty line (not a row of the input).</summary>
    internal bool IsEmptyLine => FieldCount == 0 && Problem == RowProblem.None;

    /// <summary>Moves to the next row.</summary>
    /// <returns>False at the end of the input.</returns>
    /// <exception cref="IOException">The input cannot be read.</exception>
    internal bool Read()
    {
        Line = _nextLine;
        Problem = RowProblem.None;
        ProblemField = -1;
        FieldCount = 0;
        _used = 0;
        if (!EnsureData(_start))
        {
            return false;
        }

        int i = _start;
        bool inQuotes = false, fieldStarted = false;
        int fieldStart = 0, lineBreaksInside = 0, firstBreakEnd = -1, quoteField = -1;
        while (true)
        {
            if (i >= _end)
            {
                if (i - _start >= _maxRow)
                {
                    return inQuotes && firstBreakEnd >= 0 ? Unterminated(quoteField, firstBreakEnd) : TooLong(i);
                }

                if (!Refill(i, ref i, ref firstBreakEnd))
                {
                    // End of input: a quote still open is damage; otherwise the last row simply has no line break.
                    if (inQuotes)
                    {
                        return firstBreakEnd >= 0 ? Unterminated(quoteField, firstBreakEnd) : Finish(i, lineBreaksInside, unterminated: quoteField);
                    }

                    if (i > _start || fieldStarted)
                    {
                        EndField(fieldStart);
                    }

                    return Finish(i, lineBreaksInside);
                }

                continue;
            }

            char c = _buffer[i];
            if (c is '\n' or '\r')
            {
                int after = AfterBreak(i);
                if (after < 0)
                {
                    Refill(i + 1, ref i, ref firstBreakEnd); // \r at the end of what was read: \r\n or a lone \r?
                    continue;
                }

                if (!inQuotes)
                {
                    if (i > _start || fieldStarted)
                    {
                        EndField(fieldStart);
                    }

                    return Finish(after, lineBreaksInside);
                }

                lineBreaksInside++; // a line break inside a quoted field is part of it
                if (firstBreakEnd < 0)
                {
                    firstBreakEnd = after;
                }

                Append(c);
                i++;
                continue;
            }

            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 >= _end && !_eof)
                    {
                        Refill(i + 1, ref i, ref firstBreakEnd); // "" or the closing quote?
                        continue;
                    }

                    if (i + 1 < _end && _buffer[i + 1] == '"')
                    {
                        Append('"');
                        i += 2;
                        continue;
                    }

                    inQuotes = false;
                    i++;
                    continue;
                }

                Append(c);
                i++;
                continue;
            }

            if (_split && c == ',')
            {
                EndField(fieldStart);
                fieldStart = _used;
                fieldStarted = true; // "a," has two fields
                i++;
                continue;
            }

            if (_split && c == '"' && _chars.AsSpan(fieldStart, _used - fieldStart).IsWhiteSpace())
            {
                _used = fieldStart; // spaces before an opening quote are not part of the field
                inQuotes = true;
                quoteField = FieldCount;
                i++;
                continue;
            }

            Append(c);
            i++;
        }
    }

    // Reads more so that index `need` exists; the unconsumed part may move to the front of the buffer, and the indexes
    // into it (i and the end of the first line break) move with it. False when the input ended first.
    private bool Refill(int need, ref int i, ref int firstBreakEnd)
    {
        int before = _start;
        bool more = EnsureData(need);
        int moved = before - _start;
        i -= moved;
        if (firstBreakEnd >= 0)
        {
            firstBreakEnd -= moved;
        }

        return more;
    }

    // Index just after the line break at i, or -1 when more input is needed to tell \r from \r\n.
    private int AfterBreak(int i)
    {
        if (_buffer[i] == '\n')
        {
            return i + 1;
        }

        if (i + 1 < _end)
        {
            return _buffer[i + 1] == '\n' ? i + 2 : i + 1;
        }

        return _eof ? i + 1 : -1;
    }

    private bool Finish(int next, int lineBreaksInside, int unterminated = -1)
    {
        _start = next;
        _nextLine = Line + lineBreaksInside + 1;
        if (unterminated >= 0)
        {
            Problem = RowProblem.UnterminatedQuote;
            ProblemField = unterminated;
            FieldCount = Math.Min(FieldCount, unterminated);
        }

        return true;
    }

    // The quote opened in field quoteField never closes: the row is that first line, and reading goes on after it.
    private bool Unterminated(int quoteField, int afterFirstBreak)
    {
        Problem = RowProblem.UnterminatedQuote;
        ProblemField = quoteField;
        FieldCount = Math.Min(FieldCount, quoteField);
        _start = afterFirstBreak;
        _nextLine = Line + 1;
        return true;
    }

    // The line is longer than the bound: skip to its end without keeping it (the fields completed before the bound, such
    // as an id in the first column, stay readable).
    private bool TooLong(int i)
    {
        Problem = RowProblem.TooLong;
        while (true)
        {
            int found = _buffer.AsSpan(i, _end - i).IndexOfAny('\n', '\r');
            if (found >= 0)
            {
                i += found;
                int after, none = -1;
                while ((after = AfterBreak(i)) < 0)
                {
                    Refill(i + 1, ref i, ref none);
                }

                _start = after;
                _nextLine = Line + 1;
                return true;
            }

            _start = _end; // drop what was read
            if (!EnsureData(_start))
            {
                _nextLine = Line + 1;
                return true;
            }

            i = _start;
        }
    }

    private void EndField(int fieldStart)
    {
        if (FieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        _fields[FieldCount++] = (fieldStart, _used - fieldStart);
    }

    private void Append(char c)
    {
        if (_used == _chars.Length)
        {
            char[] bigger = ArrayPool<char>.Shared.Rent(_chars.Length * 2);
            _chars.AsSpan(0, _used).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_chars);
            _chars = bigger;
        }

        _chars[_used++] = c;
    }

    // Makes sure there is a character at index `need` of the buffer, reading more (after moving the unconsumed part to the
    // front, and growing the buffer up to twice the longest row) when needed; false when the input has ended first.
    private bool EnsureData(int need)
    {
        while (need >= _end)
        {
            if (_eof)
            {
                return false;
            }

            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                need -= _start;
                _end -= _start;
                _start = 0;
            }

            if (_end + Chunk > _buffer.Length)
            {
                char[] bigger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _end + Chunk));
                _buffer.AsSpan(0, _end).CopyTo(bigger);
                ArrayPool<char>.Shared.Return(_buffer);
                _buffer = bigger;
            }

            int n = _reader.Read(_buffer, _end, Chunk);
            if (n == 0)
            {
                _eof = true;
                return false;
            }

            _end += n;
        }

        return true;
    }

    /// <summary>Returns the buffers to the pool; the reader stays open.</summary>
    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_buffer);
            ArrayPool<char>.Shared.Return(_chars);
            _buffer = [];
            _chars = [];
        }
    }
}

/// <summary>What can be wrong with a row as a whole.</summary>
internal enum RowProblem
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>A quoted field is never closed.</summary>
    UnterminatedQuote,

    /// <summary>The line is longer than <see cref="InputBounds.MaxBatchRowChars"/>.</summary>
    TooLong,
}
