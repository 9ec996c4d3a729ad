namespace Levy.Core.Primitives;

/// <summary>A half-open range of dates <c>[Start, End)</c>; a null <see cref="End"/> means "until further notice".</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct EffectivePeriod
{
    /// <summary>Creates a period.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public EffectivePeriod(DateOnly start, DateOnly? end)
    {
        if (end is { } e && e <= start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, $"The end of a period must be after its start ({start:yyyy-MM-dd}).");
        }

        Start = start;
        End = end;
    }

    /// <summary>The first day in force.</summary>
    public DateOnly Start { get; }

    /// <summary>The first day no longer in force, or null if open-ended.</summary>
    public DateOnly? End { get; }

    /// <summary>True when <paramref name="date"/> falls in the period.</summary>
    public bool Contains(DateOnly date) => date >= Start && (End is not { } e || date < e);

    /// <summary>The same period with another end.</summary>
    public EffectivePeriod WithEnd(DateOnly? end) => new(Start, end);

    /// <summary><c>2025-04-05 → 2025-04-09</c>, or <c>2025-04-05 →</c> when open-ended.</summary>
    public override string ToString() => End is { } e ? $"{Start:yyyy-MM-dd} → {e:yyyy-MM-dd}" : $"{Start:yyyy-MM-dd} →";
}
