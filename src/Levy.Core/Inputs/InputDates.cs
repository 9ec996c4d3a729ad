using System.Collections.Immutable;
using System.Globalization;

namespace Levy.Core.Inputs;

/// <summary>The ways a date may be written (<see cref="InputField.DateFormats"/>): Levy's own (yyyy-MM-dd) everywhere a
/// user types one, and also the ways ACE and spreadsheets write them in the exports Levy imports.</summary>
/// <remarks>Thread-safe (no state).</remarks>
public static class InputDates
{
    /// <summary>yyyy-MM-dd only: options, API parameters and duty batches.</summary>
    public static ImmutableArray<string> Iso { get; } = ["yyyy-MM-dd"];

    /// <summary>The formats of ACE's reports and of the spreadsheets brokers save them from: ISO, US month-first
    /// (<c>04/20/2025</c>, <c>4/20/2025</c>), compact (<c>20250420</c>), and the same with a time of day, which is ignored.
    /// Day-first dates (<c>20/04/2025</c>) are not among them: they are refused rather than misread.</summary>
    public static ImmutableArray<string> Export { get; } =
        ["yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy", "yyyyMMdd", "yyyy-MM-ddTHH:mm:ss", "MM/dd/yyyy HH:mm:ss", "M/d/yyyy h:mm:ss tt"];

    /// <summary>The earliest date an export may hold (older entries are long liquidated and outside any refund).</summary>
    public static DateOnly EarliestExport { get; } = new(2000, 1, 1);

    /// <summary>The latest date an export may hold.</summary>
    public static DateOnly LatestExport { get; } = new(2100, 12, 31);

    /// <summary>Reads a date in any of <paramref name="formats"/> (a time of day is dropped).</summary>
    internal static bool TryRead(ReadOnlySpan<char> text, ImmutableArray<string> formats, out DateOnly value)
    {
        if (DateTime.TryParseExact(text, System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(formats), CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime moment))
        {
            value = DateOnly.FromDateTime(moment);
            return true;
        }

        value = default;
        return false;
    }
}
