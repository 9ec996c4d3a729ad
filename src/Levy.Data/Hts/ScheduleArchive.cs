using System.Collections.Concurrent;
using Levy.Core.Schedule;
using Levy.Data.Locating;

namespace Levy.Data.Hts;

/// <summary>Every HTS revision of the data folder or data bundle, loaded on first use and kept for the life of the process.</summary>
/// <remarks>
/// <para>Revisions share strings, rates and identical lines through one <see cref="ScheduleInterner"/>, so holding all 44
/// costs little more than holding one. <see cref="ForEntryDate"/> picks the revision in force from the catalogue and
/// never falls back silently.</para>
/// <para>Thread-safe: concurrent callers asking for the same revision wait for one load.</para>
/// </remarks>
public sealed class ScheduleArchive
{
    private readonly ConcurrentDictionary<HtsRevisionId, Lazy<TariffSchedule>> _loaded = new();

    private readonly Levy.Data.Bundle.DataBundle? _bundle;

    /// <summary>Creates an archive over the revision files of <paramref name="directory"/>.</summary>
    public ScheduleArchive(DataDirectory directory, RevisionCatalogue catalogue, ScheduleInterner? interner = null)
    {
        Directory = directory;
        Catalogue = catalogue;
        Interner = interner ?? new ScheduleInterner();
    }

    /// <summary>Creates an archive over the revisions of a data bundle (lines are shared by the bundle, not an interner).</summary>
    public ScheduleArchive(Levy.Data.Bundle.DataBundle bundle, RevisionCatalogue catalogue)
    {
        _bundle = bundle;
        Catalogue = catalogue;
        Interner = new ScheduleInterner();
    }

    /// <summary>The data folder, or null when the revisions come from a bundle.</summary>
    public DataDirectory? Directory { get; }

    /// <summary>The revisions and their dates.</summary>
    public RevisionCatalogue Catalogue { get; }

    /// <summary>The interner shared by every revision loaded through this archive.</summary>
    public ScheduleInterner Interner { get; }

    /// <summary>The path of a revision's file in the data folder.</summary>
    /// <exception cref="InvalidOperationException">The revisions come from a bundle, not a folder.</exception>
    public string PathOf(HtsRevisionId revision) =>
        Directory is { } d ? Path.Combine(d.HtsFolder, revision.FileName) : throw new InvalidOperationException("The revisions come from a data bundle, not a folder.");

    /// <summary>True when the revision's data is present (its file, or its section of the bundle).</summary>
    public bool Has(HtsRevisionId revision) => _bundle?.HasRevision(revision) ?? File.Exists(PathOf(revision));

    /// <summary>How many revisions are loaded in memory so far.</summary>
    public int LoadedCount => _loaded.Values.Count(l => l.IsValueCreated);

    /// <summary>The revisions of the catalogue whose file is present.</summary>
    public IEnumerable<HtsRevision> Available => Catalogue.Revisions.Where(r => Has(r.Id));

    /// <summary>The schedule of one revision.</summary>
    /// <exception cref="KeyNotFoundException">The revision is not in the catalogue.</exception>
    /// <exception cref="DataNotFoundException">Its file is missing from the data folder or bundle.</exception>
    /// <exception cref="InvalidScheduleDataException">Its file is corrupt or truncated.</exception>
    /// <exception cref="Levy.Data.Bundle.InvalidBundleException">The bundle is damaged.</exception>
    public TariffSchedule Get(HtsRevisionId revision)
    {
        Catalogue.Get(revision); // unknown revisions fail here with the list of known ones
        Lazy<TariffSchedule> lazy = _loaded.GetOrAdd(revision, id => new Lazy<TariffSchedule>(() => Load(id)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _loaded.TryRemove(revision, out _); // let a later call retry once the file is fixed
            throw;
        }
    }

    /// <summary>The schedule in force on <paramref name="date"/>.</summary>
    /// <exception cref="DateOutsideDataException">The date is outside the data.</exception>
    /// <exception cref="DataNotFoundException">The revision's file is missing.</exception>
    public TariffSchedule ForEntryDate(DateOnly date) => Get(Catalogue.ForDate(date).Id);

    /// <summary>Loads every revision of the catalogue, in parallel.</summary>
    /// <param name="progress">Reports each revision as it finishes.</param>
    /// <exception cref="AggregateException">One or more files are missing or corrupt.</exception>
    public IReadOnlyList<TariffSchedule> LoadAll(IProgress<HtsRevisionId>? progress = null)
    {
        var result = new TariffSchedule[Catalogue.Revisions.Length];
        Parallel.For(0, result.Length, i =>
        {
            result[i] = Get(Catalogue.Revisions[i].Id);
            progress?.Report(result[i].Revision);
        });
        return result;
    }

    private TariffSchedule Load(HtsRevisionId id)
    {
        if (_bundle is not null)
        {
            return _bundle.HasRevision(id)
                ? _bundle.LoadRevision(id)
                : throw new DataNotFoundException($"HTS {id} is not in {_bundle.Name}. Run `levy data sync` to fetch it.");
        }

        string path = PathOf(id);
        if (!File.Exists(path))
        {
            throw new DataNotFoundException($"The file for HTS {id} is missing: {path}. Run `levy data sync` to fetch it.");
        }

        return HtsJsonReader.ReadFile(path, id, Interner);
    }
}
