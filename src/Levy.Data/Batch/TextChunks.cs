using System.Buffers;

namespace Levy.Data.Batch;

/// <summary>Characters bound for a <see cref="TextWriter"/>, gathered in a pooled buffer and handed to the writer in
/// chunks of about 16,000 characters (and on <see cref="Dispose"/>), so that writing a row costs no call into the writer
/// per field and a console writer that flushes on every call is not flushed per row.</summary>
/// <remarks>The caller asks for room with <see cref="GetSpan"/>, fills it, and says how much it used with
/// <see cref="Advance"/>; <see cref="EndRow"/> hands the chunk over once it is large enough. Not thread-safe.</remarks>
internal sealed class TextChunks : IDisposable
{
    private const int ChunkSize = 1 << 14;

    private readonly TextWriter _writer;
    private char[] _chars = ArrayPool<char>.Shared.Rent(2 * ChunkSize);
    private int _used;

    internal TextChunks(TextWriter writer) => _writer = writer;

    /// <summary>Room for at least <paramref name="size"/> characters (flushing or growing the buffer if needed).</summary>
    internal Span<char> GetSpan(int size)
    {
        if (_chars.Length - _used < size)
        {
            Flush();
            if (_chars.Length < size)
            {
                ArrayPool<char>.Shared.Return(_chars);
                _chars = ArrayPool<char>.Shared.Rent(size);
            }
        }

        return _chars.AsSpan(_used);
    }

    /// <summary>Keeps <paramref name="count"/> characters written into the last <see cref="GetSpan"/>.</summary>
    internal void Advance(int count) => _used += count;

    internal void Append(char c)
    {
        GetSpan(1)[0] = c;
        _used++;
    }

    internal void Append(ReadOnlySpan<char> text)
    {
        text.CopyTo(GetSpan(text.Length));
        _used += text.Length;
    }

    /// <summary>Ends a row: the buffer goes to the writer once it holds a chunk.</summary>
    internal void EndRow()
    {
        if (_used >= ChunkSize)
        {
            Flush();
        }
    }

    /// <summary>Hands what is buffered to the writer (the writer itself is not flushed).</summary>
    internal void Flush()
    {
        if (_used > 0)
        {
            _writer.Write(_chars, 0, _used);
            _used = 0;
        }
    }

    /// <summary>Hands over the rest and returns the buffer to the pool; the writer stays open.</summary>
    public void Dispose()
    {
        if (_chars.Length == 0)
        {
            return;
        }

        Flush();
        ArrayPool<char>.Shared.Return(_chars);
        _chars = [];
    }
}
