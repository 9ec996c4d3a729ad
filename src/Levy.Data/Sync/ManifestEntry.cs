namespace Levy.Data.Sync;

/// <summary>One file recorded in <c>manifest.json</c>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="File">The data-folder path: <c>hts/hts_2025_rev_7.json.gz</c>.</param>
/// <param name="Source">The URL it was downloaded from, or the mirror path it was copied from.</param>
/// <param name="Sha256">The lower-case hexadecimal SHA-256 of the stored bytes.</param>
/// <param name="Size">The stored size in bytes.</param>
/// <param name="RetrievedAt">When it was retrieved (UTC).</param>
/// <param name="LevyVersion">The Levy that retrieved it.</param>
public sealed record ManifestEntry(string File, string Source, string Sha256, long Size, DateTimeOffset RetrievedAt, string LevyVersion);
