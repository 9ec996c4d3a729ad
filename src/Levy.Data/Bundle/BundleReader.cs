using System.Collections.Immutable;
using System.Text;
using Levy.Core.Primitives;

namespace Levy.Data.Bundle;

/// <summary>Reads what <see cref="BundleWriter"/> wrote, from one decompressed section. Every read is bounds-checked: a
/// section that ends early or holds an impossible value is an <see cref="InvalidBundleException"/> naming the bundle and
/// the section.</summary>
/// <remarks>Not thread-safe (it has a position).</remarks>
internal sealed class BundleReader
{
    private readonly byte[] _data;
    private readonly string _bundle;
    private readonly string _section;

    public BundleReader(byte[] data, string bundle, string section, int position = 0)
    {
        _data = data;
        _bundle = bundle;
        _section = section;
        Position = position;
    }

    /// <summary>Another reader over the same bytes, at <paramref name="position"/>.</summary>
    public BundleReader At(int position) => new(_data, _bundle, _section, position);

    /// <summary>The offset of the next byte.</summary>
    public int Position { get; set; }

    /// <summary>True when every byte was read.</summary>
    public bool AtEnd => Position == _data.Length;

    public byte Byte()
    {
        if (Position >= _data.Length)
        {
            throw Corrupt("it ends early");
        }

        return _data[Position++];
    }

    public bool Bool() => Byte() switch
    {
        0 => false,
        1 => true,
        byte b => throw Corrupt($"a flag holds {b}"),
    };

    public ulong UInt()
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Corrupt("a number is longer than 64 bits");
    }

    public long Int()
    {
        ulong raw = UInt();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public int Int32()
    {
        long v = Int();
        return v is >= int.MinValue and <= int.MaxValue ? (int)v : throw Corrupt($"{v} does not fit 32 bits");
    }

    /// <summary>A count or an index, at most <paramref name="max"/>.</summary>
    public int Count(int max = int.MaxValue)
    {
        ulong v = UInt();
        return v <= (ulong)max ? (int)v : throw Corrupt($"a count of {v} exceeds {max}");
    }

    public ReadOnlySpan<byte> Bytes(int length)
    {
        if (length < 0 || Position + length > _data.Length)
        {
            throw Corrupt("it ends early");
        }

        var span = new ReadOnlySpan<byte>(_data, Position, length);
        Position += length;
        return span;
    }

    public string? OptionalString()
    {
        ulong n = UInt();
        if (n == 0)
        {
            return null;
        }

        if (n - 1 > int.MaxValue)
        {
            throw Corrupt("a string is too long");
        }

        return Encoding.UTF8.GetString(Bytes((int)(n - 1)));
    }

    public string String() => OptionalString() ?? throw Corrupt("a required text is missing");

    /// <summary>Skips a string and returns where its UTF-8 bytes start and how many there are (-1 for null).</summary>
    public (int Start, int Length) SkipString()
    {
        ulong n = UInt();
        if (n == 0)
        {
            return (Position, -1);
        }

        int start = Position;
        Bytes((int)Math.Min(n - 1, int.MaxValue));
        return (start, (int)(n - 1));
    }

    /// <summary>Decodes UTF-8 bytes of this section.</summary>
    public string Utf8(int start, int length) => Encoding.UTF8.GetString(_data, start, length);

    public DateOnly Date()
    {
        ulong n = UInt();
        return n <= (ulong)DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber((int)n) : throw Corrupt($"day number {n} is not a date");
    }

    public DateOnly? OptionalDate()
    {
        ulong n = UInt();
        return n == 0 ? null
            : n - 1 <= (ulong)DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber((int)(n - 1)) : throw Corrupt($"day number {n - 1} is not a date");
    }

    public decimal Decimal()
    {
        Span<int> parts = [Int32(), Int32(), Int32(), Int32()];
        try
        {
            return new decimal(parts);
        }
        catch (ArgumentException)
        {
            throw Corrupt("a decimal is malformed");
        }
    }

    public HtsCode Code()
    {
        int length = Byte();
        if (length == 0)
        {
            return default;
        }

        ulong value = UInt();
        try
        {
            return HtsCode.FromDigits(value, length);
        }
        catch (ArgumentException)
        {
            throw Corrupt($"{value} is not an HTS code of {length} digits");
        }
    }

    public HtsCode? OptionalCode() => Bool() ? Code() : null;

    public ImmutableArray<string> Strings()
    {
        int n = Count(_data.Length);
        var builder = ImmutableArray.CreateBuilder<string>(n);
        for (int i = 0; i < n; i++)
        {
            builder.Add(String());
        }

        return builder.MoveToImmutable();
    }

    /// <summary>An error naming the bundle, the section and the offset.</summary>
    public InvalidBundleException Corrupt(string problem) =>
        new(_bundle, $"section {_section} is corrupt at byte {Position:N0}: {problem}");
}
