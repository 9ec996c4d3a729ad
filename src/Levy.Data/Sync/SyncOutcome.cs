namespace Levy.Data.Sync;

/// <summary>What sync did with one file.</summary>
public enum SyncOutcome
{
    /// <summary>Downloaded, checked and stored.</summary>
    Downloaded,

    /// <summary>Copied from the mirror, checked and stored.</summary>
    Copied,

    /// <summary>Left alone: the stored copy matches the manifest and comes from the same source.</summary>
    Unchanged,

    /// <summary>Not fetched: a mirror-only file, and no mirror was given.</summary>
    MirrorOnly,

    /// <summary>Failed: the stored copy (if any) is untouched; <see cref="SyncFileResult.Error"/> says why.</summary>
    Failed,
}
