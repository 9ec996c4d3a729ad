namespace Levy.Data.Batch;

/// <summary>Thrown when a batch input file cannot be read at all (a missing or wrong header): the message names the file,
/// line and column. Problems of single rows never throw; they become error rows.</summary>
public sealed class DutyInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file name (or <c>stdin</c>).</param>
    /// <param name="line">The line, 1-based.</param>
    /// <param name="column">The column at fault (1-based position or name), or null.</param>
    /// <param name="problem">What is wrong and what was expected.</param>
    public DutyInputException(string source, long line, string? column, string problem)
        : base(column is null ? $"{source}, line {line}: {problem}" : $"{source}, line {line}, column {column}: {problem}")
    {
        Source = source;
        Line = line;
        Column = column;
    }

    /// <summary>The file name.</summary>
    public new string Source { get; }

    /// <summary>The line.</summary>
    public long Line { get; }

    /// <summary>The column, when one is at fault.</summary>
    public string? Column { get; }
}
