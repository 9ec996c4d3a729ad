namespace Levy.Core.Calculation.Duties;

/// <summary>Why a line cannot be computed: the input field at fault and the reason, in words a user can act on.</summary>
/// <param name="Field">The input field (the column name of the batch file, e.g. <c>quantity1</c>, <c>value</c>,
/// <c>hts10</c>), or <c>(row)</c> when the row as a whole is at fault.</param>
/// <param name="Reason">What is wrong and what was expected.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct LineError(string Field, string Reason)
{
    /// <summary><c>field: reason</c>.</summary>
    public override string ToString() => $"{Field}: {Reason}";
}
