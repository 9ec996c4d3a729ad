namespace Levy.Data.Sync;

/// <summary>The result of syncing one file.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="File">The data-folder path.</param>
/// <param name="Outcome">What was done.</param>
/// <param name="Source">The URL or mirror path used (or that would have been used).</param>
/// <param name="Entry">The manifest entry of the stored copy after the sync, or null when there is none.</param>
/// <param name="Error">For <see cref="SyncOutcome.Failed"/>: <c>file from source: problem</c>; otherwise null.</param>
public sealed record SyncFileResult(string File, SyncOutcome Outcome, string Source, ManifestEntry? Entry, string? Error)
{
    /// <summary>The host the file comes from, when it could not be reached at all (no network, no such host, connection
    /// refused); null otherwise.</summary>
    public string? UnreachableHost { get; init; }

    /// <summary>True when the file was fetched and stored by this sync.</summary>
    public bool Stored => Outcome is SyncOutcome.Downloaded or SyncOutcome.Copied;
}
