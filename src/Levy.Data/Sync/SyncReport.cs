namespace Levy.Data.Sync;

/// <summary>What a sync did: one result per selected file, in list order.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Target">The data folder filled.</param>
/// <param name="Files">One result per selected file.</param>
/// <param name="Warnings">Problems that did not stop the sync (an unreadable manifest that was rebuilt).</param>
public sealed record SyncReport(string Target, IReadOnlyList<SyncFileResult> Files, IReadOnlyList<string> Warnings)
{
    /// <summary>The files that failed.</summary>
    public IEnumerable<SyncFileResult> Failures => Files.Where(f => f.Outcome == SyncOutcome.Failed);

    /// <summary>True when no file failed.</summary>
    public bool Succeeded => !Failures.Any();

    /// <summary>The number of files with the given outcome.</summary>
    public int Count(SyncOutcome outcome) => Files.Count(f => f.Outcome == outcome);
}
