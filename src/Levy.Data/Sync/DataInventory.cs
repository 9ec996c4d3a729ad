using System.Globalization;
using Levy.Core.Schedule;
using Levy.Data.Locating;
using Levy.Data.Rulebook;

namespace Levy.Data.Sync;

/// <summary>What a data folder holds compared with the sources list, its manifest and the revision catalogue: the
/// report behind <c>levy data info</c>.</summary>
/// <remarks>Immutable and thread-safe once taken.</remarks>
public sealed class DataInventory
{
    private DataInventory(
        DataDirectory directory,
        string rulebookOrigin,
        DataManifest? manifest,
        IReadOnlyList<DataFileStatus> files,
        IReadOnlyList<HtsRevisionId> catalogue,
        IReadOnlyList<string> problems,
        bool verified)
    {
        Directory = directory;
        RulebookOrigin = rulebookOrigin;
        Manifest = manifest;
        Files = files;
        CatalogueRevisions = catalogue;
        Problems = problems;
        Verified = verified;
    }

    /// <summary>The data folder and how it was found.</summary>
    public DataDirectory Directory { get; }

    /// <summary>Where the rulebook comes from.</summary>
    public string RulebookOrigin { get; }

    /// <summary>The folder's manifest, or null when it has none (or it is unreadable; see <see cref="Problems"/>).</summary>
    public DataManifest? Manifest { get; }

    /// <summary>Every listed file, then the unlisted files found under <c>hts/</c>, <c>policy/</c> and <c>trade/</c>.</summary>
    public IReadOnlyList<DataFileStatus> Files { get; }

    /// <summary>The revisions of the catalogue (or of the sources list when the catalogue cannot be read).</summary>
    public IReadOnlyList<HtsRevisionId> CatalogueRevisions { get; }

    /// <summary>The catalogue revisions whose file is missing.</summary>
    public IReadOnlyList<HtsRevisionId> MissingRevisions =>
        CatalogueRevisions.Where(r => !Files.Any(f => f.Revision == r && f.Present)).ToList();

    /// <summary>The number of HTS revision files present.</summary>
    public int RevisionFilesPresent => Files.Count(f => f.Revision is not null && f.Present);

    /// <summary>Why the folder's manifest.json cannot be read, when it exists but is corrupt (an error: the hashes it
    /// holds are what the files are checked against), or null.</summary>
    public string? ManifestProblem { get; private init; }

    /// <summary>Everything found wrong, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>True when every file's content was checked (<c>--verify</c>).</summary>
    public bool Verified { get; }

    /// <summary>The files whose content is corrupt or differs from the manifest.</summary>
    public IEnumerable<DataFileStatus> BadFiles => Files.Where(f => f.IsBad);

    /// <summary>Looks at a data folder.</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="rulebook">The rulebook (for the revision catalogue and the sources list).</param>
    /// <param name="verify">Also check every file's content (every HTS revision is read in full).</param>
    /// <exception cref="RulebookException">The rulebook's sources list is malformed.</exception>
    public static DataInventory Take(DataDirectory directory, RulebookFiles rulebook, bool verify)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(rulebook);
        DataSources sources = DataSources.Load(rulebook);
        var problems = new List<string>();

        DataManifest? manifest = null;
        string? manifestProblem = null;
        try
        {
            manifest = DataManifest.Read(directory.ManifestPath);
        }
        catch (InvalidDataException ex)
        {
            manifestProblem = ex.Message;
            problems.Add(ex.Message);
        }

        var names = sources.Files.Select(f => f.File).ToList();
        var leftovers = new List<string>();
        foreach (string folder in new[] { "hts", "policy", "trade" })
        {
            string root = Path.Combine(directory.Root, folder);
            if (!System.IO.Directory.Exists(root))
            {
                continue;
            }

            foreach (string path in System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                string file = Path.GetRelativePath(directory.Root, path).Replace(Path.DirectorySeparatorChar, '/');
                if (Path.GetFileName(path).EndsWith(".partial", StringComparison.Ordinal))
                {
                    leftovers.Add(file);
                }
                else if (sources.Find(file) is null)
                {
                    names.Add(file);
                }
            }
        }

        var statuses = new DataFileStatus[names.Count];
        Parallel.For(0, names.Count, new ParallelOptions { MaxDegreeOfParallelism = verify ? Environment.ProcessorCount : 1 }, i =>
            statuses[i] = Examine(directory, sources.Find(names[i]), names[i], manifest, verify, rulebook));

        IReadOnlyList<HtsRevisionId> catalogue;
        try
        {
            catalogue = RevisionCatalogueReader.Read(directory.Policy("revision_dates.csv"), rulebook).Revisions.Select(r => r.Id).ToList();
        }
        catch (Exception ex) when (ex is Tables.CsvDataException or RulebookException)
        {
            problems.Add($"The revision catalogue cannot be read ({ex.Message}); the sources list is used instead.");
            catalogue = sources.Revisions.ToList();
        }

        foreach (DataFileStatus s in statuses.Where(s => s.Revision is { } r && s.Present && !catalogue.Contains(r)))
        {
            problems.Add($"{s.File}: HTS {s.Revision} is not in the revision catalogue.");
        }

        var report = new DataInventory(directory, rulebook.Origin, manifest, statuses, catalogue, problems, verify) { ManifestProblem = manifestProblem };
        if (report.MissingRevisions.Count > 0)
        {
            problems.Add($"{report.MissingRevisions.Count} of {catalogue.Count} HTS revisions missing: {string.Join(", ", report.MissingRevisions.Select(r => r.ShortName))}.");
        }

        List<string> missing = statuses.Where(s => s.Listed && !s.Present && s.Revision is null && !s.MirrorOnly).Select(s => s.File).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{missing.Count} listed files missing: {string.Join(", ", missing)}.");
        }

        List<string> mirrorOnly = statuses.Where(s => s.Listed && !s.Present && s.MirrorOnly).Select(s => s.File).ToList();
        if (mirrorOnly.Count > 0)
        {
            problems.Add($"{mirrorOnly.Count} mirror-only files missing (levy data sync --from DIR copies them): {string.Join(", ", mirrorOnly)}.");
        }

        foreach (DataFileStatus s in statuses)
        {
            if (s.Manifest == ManifestMatch.Differs)
            {
                ManifestEntry recorded = manifest!.Find(s.File)!;
                problems.Add($"{s.File}: " + string.Format(CultureInfo.InvariantCulture, SyncErrorMessages.HashMismatch, Short(s.Sha256), Short(recorded.Sha256)));
            }

            if (s.Problem is not null)
            {
                problems.Add($"{s.File}: {s.Problem}");
            }
        }

        problems.AddRange(leftovers.Select(f => $"{f}: a temporary file left by an interrupted sync (safe to delete)."));
        return report;
    }

    /// <summary>The first 12 hexadecimal digits of a hash, for tables.</summary>
    public static string Short(string? sha256) => sha256 is null ? string.Empty : sha256[..Math.Min(12, sha256.Length)];

    private static DataFileStatus Examine(DataDirectory directory, DataSource? source, string file, DataManifest? manifest, bool verify, RulebookFiles rulebook)
    {
        string path = Path.Combine(directory.Root, file.Replace('/', Path.DirectorySeparatorChar));
        HtsRevisionId? revision = source?.Revision ?? (file.StartsWith("hts/", StringComparison.Ordinal) && HtsRevisionId.TryParse(Path.GetFileName(file), out HtsRevisionId id) ? id : null);
        if (!File.Exists(path))
        {
            return new DataFileStatus(file, source is not null, false, null, null, manifest is null ? ManifestMatch.NoManifest : ManifestMatch.NotRecorded, null)
            {
                Revision = revision,
                MirrorOnly = source?.MirrorOnly ?? false,
            };
        }

        long size = new FileInfo(path).Length;
        string sha = DataManifest.Sha256Of(path);
        ManifestMatch match = manifest?.Find(file) switch
        {
            null when manifest is null => ManifestMatch.NoManifest,
            null => ManifestMatch.NotRecorded,
            { } e when e.Sha256 == sha && e.Size == size => ManifestMatch.Matches,
            _ => ManifestMatch.Differs,
        };
        string? problem = verify ? DataFileCheck.FindProblem(path, source?.Format ?? DataSources.FormatOf(file), file, rulebook) : null;
        return new DataFileStatus(file, source is not null, true, size, sha, match, problem)
        {
            Revision = revision,
            MirrorOnly = source?.MirrorOnly ?? false,
        };
    }
}
