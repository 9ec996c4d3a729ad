namespace Levy.Data.Sync;

/// <summary>How a stored file compares with its <c>manifest.json</c> entry.</summary>
public enum ManifestMatch
{
    /// <summary>The data folder has no manifest (it was not filled by <c>levy data sync</c>).</summary>
    NoManifest,

    /// <summary>The manifest has no entry for the file.</summary>
    NotRecorded,

    /// <summary>Size and SHA-256 are those recorded.</summary>
    Matches,

    /// <summary>The file changed since it was recorded (edited, corrupted or replaced by hand).</summary>
    Differs,
}
