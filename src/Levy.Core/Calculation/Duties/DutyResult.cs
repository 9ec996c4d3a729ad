namespace Levy.Core.Calculation.Duties;

/// <summary>The outcome of a duty calculation: a <see cref="DutyBreakdown"/>, or a <see cref="LineError"/> that says which
/// input is missing or wrong.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly struct DutyResult
{
    private DutyResult(DutyBreakdown? breakdown, LineError error)
    {
        Breakdown = breakdown;
        Error = error;
    }

    /// <summary>The breakdown, or null on failure.</summary>
    public DutyBreakdown? Breakdown { get; }

    /// <summary>The error when <see cref="Breakdown"/> is null.</summary>
    public LineError Error { get; }

    /// <summary>True when the duty was computed.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Breakdown))]
    public bool IsSuccess => Breakdown is not null;

    /// <summary>A success.</summary>
    public static DutyResult Success(DutyBreakdown breakdown) => new(breakdown, default);

    /// <summary>A failure.</summary>
    public static DutyResult Failure(LineError error) => new(null, error);
}
