using Levy.Core.Calculation.Duties;
namespace Levy.Core.Calculation.Entries;

/// <summary>The outcome of an entry calculation: an <see cref="Entry"/>, or a <see cref="LineError"/> that applies to
/// every line of it (fee figures missing for the date, lines that disagree on the date).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly struct EntryResult
{
    private EntryResult(Entry? entry, LineError error)
    {
        Entry = entry;
        Error = error;
    }

    /// <summary>The entry, or null on failure.</summary>
    public Entry? Entry { get; }

    /// <summary>The error when <see cref="Entry"/> is null.</summary>
    public LineError Error { get; }

    /// <summary>True when the entry was computed.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Entry))]
    public bool IsSuccess => Entry is not null;

    /// <summary>A success.</summary>
    public static EntryResult Success(Entry entry) => new(entry, default);

    /// <summary>A failure.</summary>
    public static EntryResult Failure(LineError error) => new(null, error);
}
