using Levy.Core.Schedule;

namespace Levy.Data.Sync;

/// <summary>What <see cref="DataSync"/> fetches, from where, into which folder.</summary>
/// <remarks>Immutable once built; safe to share.</remarks>
public sealed record SyncOptions
{
    /// <summary>The data folder to fill (created when missing).</summary>
    public required string Target { get; init; }

    /// <summary>The groups to sync; null for all (or only <see cref="DataGroup.Hts"/> when <see cref="Revisions"/> is
    /// given).</summary>
    public IReadOnlySet<DataGroup>? Groups { get; init; }

    /// <summary>The HTS revisions to sync; null for all.</summary>
    public IReadOnlySet<HtsRevisionId>? Revisions { get; init; }

    /// <summary>Fetch every selected file even when the stored copy matches the manifest.</summary>
    public bool Force { get; init; }

    /// <summary>A local mirror laid out like a data folder to copy from instead of the network; null for the
    /// network.</summary>
    public string? MirrorFrom { get; init; }

    /// <summary>An HTTP server to fetch every source from instead of its official host: the URL
    /// <c>https://host/path</c> becomes <c>BaseUrl/host/path</c>. Null for the official hosts.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>How many files are fetched and checked at once.</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>How long one download may take, from request to last byte.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The files of <paramref name="sources"/> these options select, in list order.</summary>
    public IReadOnlyList<DataSource> Select(DataSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        IReadOnlySet<DataGroup>? groups = Groups ?? (Revisions is null ? null : new HashSet<DataGroup> { DataGroup.Hts });
        return sources.Files
            .Where(f => groups is null || groups.Contains(f.Group))
            .Where(f => Revisions is null || f.Revision is not { } id || Revisions.Contains(id))
            .ToList();
    }
}
