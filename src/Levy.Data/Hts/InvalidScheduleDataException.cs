using System.Collections.Immutable;

namespace Levy.Data.Hts;

/// <summary>One problem found in a data file: which file, which record, which field, what was wrong.</summary>
/// <param name="File">The file name.</param>
/// <param name="Record">The zero-based record (row object) index, or -1 when the problem is with the file as a whole.</param>
/// <param name="Code">The <c>htsno</c> of the record, when it could be read.</param>
/// <param name="Message">What was wrong, e.g. <c>"indent" is not a number: "x"</c>.</param>
public sealed record DataProblem(string File, int Record, string? Code, string Message)
{
    /// <summary><c>hts_2025_rev_17.json.gz, record 10482 (htsno "0406.10.12"): "indent" is not a number: "x"</c>.</summary>
    public override string ToString()
    {
        if (Record < 0)
        {
            return $"{File}: {Message}";
        }

        string where = string.IsNullOrEmpty(Code) ? $"record {Record}" : $"record {Record} (htsno \"{Code}\")";
        return $"{File}, {where}: {Message}";
    }
}

/// <summary>Thrown when a data file is corrupt, truncated, or not the format expected; lists every problem found.</summary>
public sealed class InvalidScheduleDataException : Exception
{
    /// <summary>Creates the exception from the problems found in one file.</summary>
    public InvalidScheduleDataException(IReadOnlyList<DataProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems.ToImmutableArray();
    }

    /// <summary>Every problem found (the message shows the first few).</summary>
    public ImmutableArray<DataProblem> Problems { get; }

    private static string Describe(IReadOnlyList<DataProblem> problems)
    {
        const int Shown = 5;
        string head = string.Join(Environment.NewLine, problems.Take(Shown).Select(p => p.ToString()));
        return problems.Count > Shown ? $"{head}{Environment.NewLine}… and {problems.Count - Shown} more problems." : head;
    }
}
