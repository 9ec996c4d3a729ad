using System.Buffers;
using System.Text;
using Levy.Core.Primitives;

namespace Levy.Data.Bundle;

/// <summary>Writes the primitive values of a bundle section: unsigned and zig-zag variable-length integers, UTF-8 strings
/// with a length prefix (null allowed), dates as day numbers, decimals as their four 32-bit parts, HTS codes.</summary>
/// <remarks>Little-endian, no padding, no alignment: the same values always give the same bytes (the bundle must be
/// reproducible byte for byte). Not thread-safe.</remarks>
internal sealed class BundleWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    /// <summary>How many bytes were written.</summary>
    public int Length => _buffer.WrittenCount;

    public void Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

    public void UInt(ulong value)
    {
        Span<byte> span = _buffer.GetSpan(10);
        int n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[n++] = (byte)value;
        _buffer.Advance(n);
    }

    public void Int(long value) => UInt((ulong)((value << 1) ^ (value >> 63)));

    public void Count(int count) => UInt((ulong)count);

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }

    /// <summary>A string, or null: the byte length plus one (0 for null), then UTF-8.</summary>
    public void String(string? value)
    {
        if (value is null)
        {
            UInt(0);
            return;
        }

        int length = Encoding.UTF8.GetByteCount(value);
        UInt((ulong)length + 1);
        Span<byte> span = _buffer.GetSpan(length);
        Encoding.UTF8.GetBytes(value, span);
        _buffer.Advance(length);
    }

    public void Date(DateOnly value) => UInt((ulong)value.DayNumber);

    public void OptionalDate(DateOnly? value) => UInt(value is { } d ? (ulong)d.DayNumber + 1 : 0);

    public void Decimal(decimal value)
    {
        Span<int> parts = stackalloc int[4];
        decimal.GetBits(value, parts);
        foreach (int p in parts)
        {
            Int(p);
        }
    }

    /// <summary>An HTS code: its length in digits (0 for an empty code), then its value.</summary>
    public void Code(HtsCode code)
    {
        Byte((byte)code.Length);
        if (!code.IsEmpty)
        {
            UInt(code.Value);
        }
    }

    public void OptionalCode(HtsCode? code)
    {
        Bool(code is not null);
        if (code is { } c)
        {
            Code(c);
        }
    }

    public void Strings(IReadOnlyCollection<string> values)
    {
        Count(values.Count);
        foreach (string s in values)
        {
            String(s);
        }
    }
}
