using Levy.Core.Schedule;

namespace Levy.Data.Sync;

/// <summary>One file of a data folder as <c>levy data info</c> sees it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="File">The data-folder path.</param>
/// <param name="Listed">True when <c>data-sources.yaml</c> lists the file.</param>
/// <param name="Present">True when the file exists.</param>
/// <param name="Size">Its size in bytes, when present.</param>
/// <param name="Sha256">Its lower-case hexadecimal SHA-256, when present.</param>
/// <param name="Manifest">How it compares with <c>manifest.json</c>.</param>
/// <param name="Problem">What <c>--verify</c> found wrong with its content; null when good or not verified.</param>
public sealed record DataFileStatus(string File, bool Listed, bool Present, long? Size, string? Sha256, ManifestMatch Manifest, string? Problem)
{
    /// <summary>The HTS revision the file holds, for HTS files.</summary>
    public HtsRevisionId? Revision { get; init; }

    /// <summary>True for a listed file that sync copies only from a mirror.</summary>
    public bool MirrorOnly { get; init; }

    /// <summary>True when the content is corrupt or differs from the manifest.</summary>
    public bool IsBad => Problem is not null || Manifest == ManifestMatch.Differs;
}
