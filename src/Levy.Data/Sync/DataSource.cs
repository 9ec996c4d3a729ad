using Levy.Core.Schedule;

namespace Levy.Data.Sync;

/// <summary>One file of the data layout and where it comes from, as listed in <c>rulebook/data-sources.yaml</c>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="File">The path in the data folder, with forward slashes: <c>hts/hts_2025_rev_7.json.gz</c>.</param>
/// <param name="Group">The top-level folder.</param>
/// <param name="Format">How the file is checked.</param>
/// <param name="Url">The official upstream URL, or null for a mirror-only file.</param>
/// <param name="Note">Provenance: what the file is and where it came from.</param>
public sealed record DataSource(string File, DataGroup Group, DataFormat Format, Uri? Url, string Note)
{
    /// <summary>The HTS revision the file holds, for files of <see cref="DataGroup.Hts"/>.</summary>
    public HtsRevisionId? Revision { get; init; }

    /// <summary>True when no upstream serves the file as it is (Levy derived it): sync copies it only from a mirror
    /// (<c>--from DIR</c>).</summary>
    public bool MirrorOnly => Url is null;

    /// <summary>What a mirror-only file was made from; null otherwise.</summary>
    public string? DerivedFrom { get; init; }

    /// <summary>The path of the file under a data folder (or a mirror laid out like one).</summary>
    public string PathUnder(string root) => Path.Combine(root, File.Replace('/', Path.DirectorySeparatorChar));
}
