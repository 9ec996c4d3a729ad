namespace Levy.Core.Schedule;

/// <summary>Thrown when a date is before the first HTS revision Levy holds or after the horizon of its data.</summary>
public sealed class DateOutsideDataException : ArgumentOutOfRangeException
{
    /// <summary>Creates the exception.</summary>
    public DateOutsideDataException(DateOnly date, DateOnly first, DateOnly horizon)
        : base(nameof(date), date, $"No HTS revision covers {date:yyyy-MM-dd}: the data covers {first:yyyy-MM-dd} to {horizon:yyyy-MM-dd}.")
    {
        Date = date;
        First = first;
        Horizon = horizon;
    }

    /// <summary>The date asked for.</summary>
    public DateOnly Date { get; }

    /// <summary>The first date covered.</summary>
    public DateOnly First { get; }

    /// <summary>The last date covered.</summary>
    public DateOnly Horizon { get; }

    /// <summary>The message without the parameter suffix that <see cref="ArgumentException"/> appends.</summary>
    public override string Message => $"No HTS revision covers {Date:yyyy-MM-dd}: the data covers {First:yyyy-MM-dd} to {Horizon:yyyy-MM-dd}.";
}
